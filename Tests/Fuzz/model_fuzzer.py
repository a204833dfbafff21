#!/usr/bin/env python3
"""Model fuzzer for `codegen`: mutates Smithy JSON AST models and checks that the generator behaves.

Seeds: every ../shared/models/*.json, ../shared/testdata/protocol-tests/*.json and our kitchen-sink model (read in
place, never copied into the repository). Each variant gets 1-3 mutations (names, targets, nesting, trait values
and their JSON types, sizes, hostile text with an injection canary, encodings, byte-level damage), is written to a
temporary file and run through `codegen --model FILE --output EMPTY_DIR --quiet` with a time limit.

Every variant is one of:
  accepted   exit 0 (then: no injection canary outside comments and string literals of the generated Swift)
  rejected   exit 1 with `error:` lines on stderr and nothing written
and anything else is a failure:
  crash      killed by a signal, "Fatal error", or an exit status other than 0 and 1
  hang       still running after --timeout seconds (its process group is killed)
  partial    rejected (or crashed) but something was written to the output folder
  unclear    exit 1 without any `error:` line
  canary     accepted, but the canary from a free-text mutation sits in Swift code
  compile    one of the --compile-sample accepted variants does not compile, or compiles with a warning

Python 3 standard library only. Deterministic for a given --seed (variant i depends on the seed and i only).
Run `python3 Tests/Fuzz/model_fuzzer.py --help`, or Tests/Fuzz/run-model-fuzzer.sh [count].
"""

import argparse
import bisect
import hashlib
import heapq
import json
import os
import random
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
SHARED = os.path.abspath(os.path.join(REPO, "..", "shared"))
CANARY = "INJECTED_CANARY"
SUPPORTED_PROTOCOLS = ["aws.protocols#awsJson1_0", "aws.protocols#awsJson1_1", "aws.protocols#restJson1",
                       "aws.protocols#restXml", "aws.protocols#awsQuery", "aws.protocols#ec2Query",
                       "smithy.protocols#rpcv2Cbor"]
# A protocol the generator does not speak, so variants still reach the "unsupported protocol" error.
OTHER_PROTOCOLS = ["aws.protocols#madeUpProtocol"]
FAILURE_CLASSES = ["crash", "hang", "partial", "unclear", "canary", "compile"]
SHAPE_TYPES = ["blob", "boolean", "string", "byte", "short", "integer", "long", "float", "double", "bigInteger",
               "bigDecimal", "timestamp", "document", "enum", "intEnum", "list", "set", "map", "structure", "union",
               "member", "service", "operation", "resource", "apply"]
PRELUDE = ["smithy.api#String", "smithy.api#Integer", "smithy.api#Unit", "smithy.api#Document", "smithy.api#Blob",
           "smithy.api#Timestamp", "smithy.api#PrimitiveInteger", "smithy.api#PrimitiveBoolean",
           "smithy.api#BigDecimal", "smithy.api#Boolean", "smithy.api#Long", "smithy.api#Double"]

# ---------------------------------------------------------------------------------------------------------------
# Hostile values
# ---------------------------------------------------------------------------------------------------------------

C = CANARY
HOSTILE_TEXT = [
    f'"{C}"', f'"); {C}("', f'\n{C}()\n', f'\r{C}()', f'\r\n{C}()\r\n', f'\u2028{C}()', f'\u2029{C}()',
    f'\u0085{C}()', f'\x00{C}()', f'\u202e{C}()\u202c', f'\u2066{C}()\u2069', f'*/ {C}() /*', f'/* {C}() */',
    f'"""\n{C}()\n"""', f'\\({C}())', f'\\\\({C}())', f'\n#if {C}\n#endif\n', f'"#\n{C}()\n"#', f'"##); {C}(); ("##',
    f'\\"; {C}() //', f'\\u{{0}}{C}', f'{{{{{C}}}}}', f'{{{{{{{C}}}}}}}', f'{{{{#{C}}}}}x{{{{/{C}}}}}', f'`{C}`',
    f'<!-- {C} -->', f'\\n{C}()', f'/// x\n{C}()', f'\t\x0b\x0c{C}()', f'\ufeff{C}()', f'\ud800{C}()',
    f'${{{C}}}', f'%@%s%n{C}', f'{C}\\', f'\x1b[31m{C}()', f'\n}}\n{C}()\nstruct X {{', f'\'{C}\'',
    f'\n\n\t\t{C}()\n\n', f'\u200b{C}\u200b()', f'&amp;&lt;{C}&gt;', f'<{C}/>', f'</p>{C}<p>',
]
HUGE_TEXT = [lambda: "<" * 20000, lambda: "{{" * 6000, lambda: "*/" * 10000, lambda: "\\" * 10001,
             lambda: '"' * 20000, lambda: "\n" * 20000, lambda: ("<p>" * 5000) + ("</p>" * 5000),
             lambda: "\u2028" * 5000, lambda: "`" * 9999, lambda: "&" * 20000, lambda: "#" * 20000,
             lambda: "é" * 20000, lambda: "🔥" * 20000, lambda: "\\(" * 10000,
             lambda: "a" * 300000]
SWIFT_WORDS = ["self", "Self", "Type", "Protocol", "CodingKeys", "init", "deinit", "default", "class", "struct",
               "enum", "case", "func", "return", "throws", "async", "await", "inout", "internal", "public", "let",
               "var", "if", "in", "is", "as", "do", "try", "nil", "true", "super", "subscript", "extension",
               "associatedtype", "operator", "precedencegroup", "some", "any", "Any", "where", "_", "__", "___",
               "_1", "description", "hashValue", "hash", "encode", "decode", "init_", "rawValue", "allCases",
               "unknown", "sdkUnknown", "none", "ALL_CASES", "AllCases", "Error", "Result", "String", "Data", "Date", "Decimal",
               "URL", "Int", "Bool", "Double", "Float", "Array", "Dictionary", "Set", "Optional", "Never",
               "Codable", "Encoder", "Decoder", "Sendable", "Hashable", "Equatable", "Foundation", "Swift",
               "XCTest", "AWSRuntime", "JSONValue", "ValidationError", "ServiceError", "Paginator", "Unit",
               "Document", "Client", "Configuration", "Input", "Output", "Request", "Response", "Error_",
               "Character", "Void", "Element", "Key", "Value", "Iterator", "Index", "message", "Message", "code",
               "Code", "__type", "__Type", "A", "a", "x", "X"]
INVALID_NAMES = ["1Foo", "foo-bar", "foo bar", "foo.bar", "foo#bar", "foo$bar", "", " ", "\t", "é", "Café",
                 "🔥", "Ωmega", "ｆｕｌｌ", "a\u0301", "\u202eevil", "a\nb", 'a"b', "a\\b", "a/b", "a*b", "a(b)",
                 "\x00", "$", "#", "0", "-1", "null", "a" * 70000]


def odd_name(rng, siblings=(), module=None):
    """A name that a generator must either turn into a fine Swift identifier or reject."""
    kind = rng.random()
    if kind < 0.35:
        return rng.choice(SWIFT_WORDS)
    if kind < 0.55 and siblings:
        base = rng.choice(list(siblings))
        if not isinstance(base, str) or not base:
            base = "Name"
        variants = [base.lower(), base.upper(), base[:1].swapcase() + base[1:], base + "_", "_" + base,
                    re.sub(r"(?<!^)([A-Z])", r"_\1", base), base.replace("_", ""), base + "s", base + "Input",
                    base + "Output", base + "Error", base[:1].lower() + base[1:]]
        return rng.choice(variants)
    if kind < 0.62:
        return "_" * rng.randint(1, 4)
    if kind < 0.70:
        return rng.choice(["A", "Z", "x"]) + "a" * rng.choice([200, 1000, 5000, 70000])
    if kind < 0.77 and module:
        return module + rng.choice(["Client", "Error", "ErrorCode", "Tests", "Paginators", "Metadata", ""])
    if kind < 0.85:
        return rng.choice(["Ünïcödé", "日本語", "Emoji🔥", "🔥", "ñame", "Straße", "İstanbul", "ǅungla", "ß",
                           "ﬁle", "Ⅸ", "ﬀ", "K", "Å"])  # characters whose case mapping changes length
    return rng.choice(INVALID_NAMES)


def hostile_text(rng):
    if rng.random() < 0.12:
        return rng.choice(HUGE_TEXT)() + rng.choice(HOSTILE_TEXT)
    parts = [rng.choice(HOSTILE_TEXT) for _ in range(rng.choice([1, 1, 1, 2, 3]))]
    if rng.random() < 0.4:
        parts.insert(0, "Some documentation. ")
    return "".join(parts)


def wrong_value(rng, current=None):
    options = [0, -1, 1, 2 ** 31, 2 ** 63, 2 ** 64, -(2 ** 63) - 1, 10 ** 400, 1.5, -0.0, 1e308, float("inf"),
               float("nan"), "", "x", "1", "true", "null", hostile_text(rng), {}, {"a": 1}, {"": None},
               [], [None], [[]], None, True, False]
    value = rng.choice(options)
    r = rng.random()
    if r < 0.1 and current is not None:
        return [current]
    if r < 0.2 and current is not None:
        return {"value": current}
    return value


# ---------------------------------------------------------------------------------------------------------------
# Model access
# ---------------------------------------------------------------------------------------------------------------

class Ctx:
    def __init__(self, model, rng):
        self.model = model
        self.rng = rng
        self.raws = []      # raw JSON fragments substituted after serialisation (duplicate keys, deep nesting, ...)
        self.byte_ops = []  # byte-level damage applied to the serialised file
        self.notes = []
        self.ensure_ascii = rng.random() < 0.2
        self.indent = rng.choice([None, None, 2, 4, "\t"])
        self._reachable = None

    def raw(self, text):
        self.raws.append(text)
        return "@@RAW%d@@" % (len(self.raws) - 1)

    @property
    def shapes(self):
        s = self.model.get("shapes") if isinstance(self.model, dict) else None
        return s if isinstance(s, dict) else {}

    def shape_items(self, types=None):
        return [(k, v) for k, v in self.shapes.items()
                if isinstance(v, dict) and (types is None or v.get("type") in types)]

    def reachable(self):
        """Shape IDs the services reach (by `target`), computed once: mutations mostly go there."""
        if self._reachable is None:
            seen = set()
            stack = [k for k, v in self.shapes.items() if isinstance(v, dict) and v.get("type") == "service"]
            while stack:
                sid = stack.pop()
                if sid in seen or not isinstance(self.shapes.get(sid), dict):
                    continue
                seen.add(sid)
                stack += [t for t in targets_in({k: v for k, v in self.shapes[sid].items() if k != "traits"})]
            self._reachable = seen
        return self._reachable

    def pick(self, types=None):
        items = self.shape_items(types)
        if not items:
            return (None, None)
        if self.rng.random() < 0.85:
            reach = self.reachable()
            near = [kv for kv in items if kv[0] in reach]
            if near:
                return self.rng.choice(near)
        return self.rng.choice(items)

    def namespace(self):
        for k in self.shapes:
            if "#" in k:
                return k.split("#")[0]
        return "fuzz.ns"

    def module(self):
        for _, s in self.shape_items(["service"]):
            t = s.get("traits") or {}
            svc = t.get("aws.api#service") if isinstance(t, dict) else None
            if isinstance(svc, dict) and isinstance(svc.get("sdkId"), str):
                return re.sub(r"[^A-Za-z0-9]", "", svc["sdkId"])
        return None

    def member_slots(self, kinds=("members", "member", "key", "value")):
        out = []
        items = self.shape_items()
        if self.rng.random() < 0.85:
            reach = self.reachable()
            near = [kv for kv in items if kv[0] in reach]
            items = near or items
        for sid, s in items:
            if "members" in kinds and isinstance(s.get("members"), dict):
                for name, m in s["members"].items():
                    if isinstance(m, dict):
                        out.append((sid, s, "members", name, m))
            for k in ("member", "key", "value"):
                if k in kinds and isinstance(s.get(k), dict):
                    out.append((sid, s, k, k, s[k]))
        return out

    def trait_holders(self):
        holders = []
        items = self.shape_items()
        if self.rng.random() < 0.85:
            reach = self.reachable()
            items = [kv for kv in items if kv[0] in reach] or items
        for sid, s in items:
            holders.append((sid, s))
        for sid, s, kind, name, m in self.member_slots():
            holders.append(("%s$%s" % (sid, name), m))
        return holders

    def traits_of(self, holder):
        t = holder.get("traits")
        if not isinstance(t, dict):
            t = {}
            holder["traits"] = t
        return t

    def reachable_input(self):
        """An operation input structure the service reaches (so that added shapes get generated)."""
        ops = self.shape_items(["operation"])
        self.rng.shuffle(ops)
        for oid, op in ops:
            inp = op.get("input")
            if isinstance(inp, dict) and isinstance(inp.get("target"), str):
                s = self.shapes.get(inp["target"])
                if isinstance(s, dict) and isinstance(s.get("members"), dict):
                    return inp["target"], s
        sid, s = self.pick(["structure"])
        if s is not None and not isinstance(s.get("members"), dict):
            s["members"] = {}
        return sid, s


def rename_dict_key(d, old, new):
    items = [(new if k == old else k, v) for k, v in d.items()]
    d.clear()
    for k, v in items:
        d[k] = v


def replace_refs(obj, old, new):
    if isinstance(obj, dict):
        for k in list(obj.keys()):
            v = obj[k]
            if isinstance(v, str):
                if v == old:
                    obj[k] = new
            else:
                replace_refs(v, old, new)
        if old in obj and new not in obj:
            rename_dict_key(obj, old, new)
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            if isinstance(v, str):
                if v == old:
                    obj[i] = new
            else:
                replace_refs(v, old, new)


def targets_in(obj):
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "target" and isinstance(v, str):
                yield v
            elif isinstance(v, (dict, list)):
                yield from targets_in(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from targets_in(v)


def walk_slots(obj, path=(), out=None, limit=20000):
    """Every (container, key, path) under obj."""
    if out is None:
        out = []
    if len(out) > limit:
        return out
    if isinstance(obj, dict):
        for k, v in obj.items():
            out.append((obj, k, path + (k,)))
            walk_slots(v, path + (k,), out, limit)
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out.append((obj, i, path + (i,)))
            walk_slots(v, path + (i,), out, limit)
    return out


# ---------------------------------------------------------------------------------------------------------------
# Pre-steps that keep variants deep: a supported protocol, a handful of operations
# ---------------------------------------------------------------------------------------------------------------

def swap_protocol(ctx):
    changed = False
    new = ctx.rng.choice(SUPPORTED_PROTOCOLS)
    for sid, s in ctx.shape_items(["service"]):
        t = s.get("traits")
        if not isinstance(t, dict):
            continue
        old = [k for k in t if k in OTHER_PROTOCOLS]
        if old and not any(k in t for k in SUPPORTED_PROTOCOLS):
            for k in old:
                del t[k]
            t[new] = {}
            changed = True
            if ctx.rng.random() < 0.5:  # let the protocol tests follow the protocol, so they get generated
                for _, op in ctx.shape_items(["operation", "structure"]):
                    ot = op.get("traits")
                    if not isinstance(ot, dict):
                        continue
                    for key in ("smithy.test#httpRequestTests", "smithy.test#httpResponseTests"):
                        tests = ot.get(key)
                        if isinstance(tests, list):
                            for test in tests:
                                if isinstance(test, dict) and test.get("protocol") in old:
                                    test["protocol"] = new
    return "protocol->" + new.split("#")[1] if changed else None


def prune_operations(ctx):
    rng = ctx.rng
    for sid, s in ctx.shape_items(["service"]):
        ops = s.get("operations")
        if isinstance(ops, list) and len(ops) > 6:
            keep = rng.randint(1, 5)
            rng.shuffle(ops)
            del ops[keep:]
            s.pop("resources", None)
            return "prune->%d ops" % keep
    return None


# ---------------------------------------------------------------------------------------------------------------
# Mutators: each changes ctx.model (or schedules raw/byte changes) and returns a short description, or None
# ---------------------------------------------------------------------------------------------------------------

def m_rename_shape(ctx):
    rng = ctx.rng
    sid, s = ctx.pick()
    if sid is None or "#" not in sid:
        return None
    ns, name = sid.split("#", 1)
    siblings = [k.split("#", 1)[1] for k in ctx.shapes if "#" in k]
    new_name = odd_name(rng, siblings, ctx.module())
    if rng.random() < 0.1:
        new_id = rng.choice([new_name, "%s#%s#x" % (ns, new_name), "#" + new_name, ns + "#", "other.ns#" + new_name,
                             ns + ".#" + new_name, "Ns-1#" + new_name, ns + "#" + new_name + "$m"])
    else:
        new_id = "%s#%s" % (ns, new_name)
    rename_dict_key(ctx.model["shapes"], sid, new_id) if new_id not in ctx.shapes else ctx.shapes.__setitem__(new_id, s)
    dangling = rng.random() < 0.15
    if not dangling:
        replace_refs(ctx.model["shapes"], sid, new_id)
    return "rename-shape %s -> %r%s" % (sid, new_id[:60], " (refs left)" if dangling else "")


def m_rename_member(ctx):
    rng = ctx.rng
    slots = ctx.member_slots(kinds=("members",))
    if not slots:
        return None
    sid, s, kind, name, m = rng.choice(slots)
    new = odd_name(rng, list(s["members"].keys()), ctx.module())
    if new in s["members"] and rng.random() < 0.5:
        # a duplicate key in the JSON text itself
        members = dict(s["members"])
        pairs = [(k if k != name else new, v) for k, v in members.items()]
        s["members"] = ctx.raw(raw_object(ctx, pairs))
        return "rename-member %s$%s -> %r (duplicate JSON key)" % (sid, name, new[:40])
    if new in s["members"]:
        return None
    rename_dict_key(s["members"], name, new)
    if rng.random() < 0.5:  # keep member references (paginated tokens, etc.) in sync
        for _, op in ctx.shape_items(["operation"]):
            replace_refs(op.get("traits"), name, new)
    return "rename-member %s$%s -> %r" % (sid, name, new[:40])


def raw_object(ctx, pairs):
    def dump(v):
        return json.dumps(v, ensure_ascii=ctx.ensure_ascii, allow_nan=True)
    return "{" + ", ".join("%s: %s" % (dump(k), dump(v)) for k, v in pairs) + "}"


def m_retarget(ctx):
    rng = ctx.rng
    ns = ctx.namespace()
    r = rng.random()
    if r < 0.25:
        oid, op = ctx.pick(["operation"])
        if op is None:
            return None
        field = rng.choice(["input", "output", "errors"])
        target = rng.choice(["%s#Missing" % ns, oid, rng.choice(PRELUDE), ctx.pick()[0] or "x#y",
                             ctx.pick(["service", "resource", "operation", "string", "list"])[0] or "x#y",
                             "Missing", "", "smithy.api#Unit"])
        if field == "errors":
            op["errors"] = [{"target": target}] if rng.random() < 0.7 else [{"target": target}, {"target": target}]
        else:
            op[field] = {"target": target}
        return "retarget %s.%s -> %s" % (oid, field, target)
    slots = ctx.member_slots()
    if not slots:
        return None
    sid, s, kind, name, m = rng.choice(slots)
    choice = rng.random()
    if choice < 0.25:
        target = rng.choice(["%s#Missing" % ns, "Missing", "", "#", "smithy.api#Nope", "%s#%s" % (ns, name),
                             "other.ns#String", "%s#%s$%s" % (ns, "X", "y"), sid + "$" + str(name)])
    elif choice < 0.55:
        target = sid  # self-recursive container (list of itself, map of itself, structure holding itself)
        if kind == "members" and rng.random() < 0.5:
            traits = ctx.traits_of(m)
            traits["smithy.api#required"] = {}
    elif choice < 0.7:
        target = rng.choice(PRELUDE)
    elif choice < 0.85:
        target = ctx.pick(["service", "operation", "resource", "apply", "member"])[0] or sid
    else:
        target = ctx.pick()[0] or sid
    m["target"] = target
    return "retarget %s.%s(%s) -> %s" % (sid, name, kind, target)


def m_delete_key(ctx):
    rng = ctx.rng
    r = rng.random()
    if r < 0.08:
        key = rng.choice(["smithy", "shapes", "metadata"])
        if key in ctx.model:
            del ctx.model[key]
            return "delete top-level %s" % key
        return None
    if r < 0.35:
        slots = ctx.member_slots()
        if not slots:
            return None
        sid, s, kind, name, m = rng.choice(slots)
        key = rng.choice(["target", "target", "traits"])
        if key in m:
            del m[key]
            return "delete %s.%s.%s" % (sid, name, key)
        return None
    sid, s = ctx.pick()
    if s is None or not s:
        return None
    key = rng.choice(list(s.keys()))
    del s[key]
    return "delete %s.%s" % (sid, key)


def m_duplicate_key(ctx):
    rng = ctx.rng
    sid, s = ctx.pick()
    if s is None or not s:
        return None
    key = rng.choice(list(s.keys()))
    if key == "type":
        other = rng.choice(SHAPE_TYPES)
    elif key == "members":
        other = {"dup": {"target": "smithy.api#String"}}
    else:
        other = wrong_value(rng, s[key])
    pairs = list(s.items())
    at = rng.randint(0, len(pairs))
    pairs.insert(at, (key, other))
    ctx.shapes[sid] = ctx.raw(raw_object(ctx, pairs))
    return "duplicate key %s.%s" % (sid, key)


def m_change_type(ctx):
    rng = ctx.rng
    sid, s = ctx.pick()
    if s is None:
        return None
    new = rng.choice(SHAPE_TYPES + ["strukture", "", "Structure", "STRING", 5, None, ["structure"]])
    old = s.get("type")
    s["type"] = new
    return "type %s: %s -> %r" % (sid, old, new)


def m_wrong_json_type(ctx):
    rng = ctx.rng
    if rng.random() < 0.1:
        key = rng.choice(["smithy", "shapes", "metadata"])
        ctx.model[key] = wrong_value(rng, ctx.model.get(key))
        return "top-level %s -> wrong type" % key
    sid, s = ctx.pick()
    if s is None:
        return None
    slots = walk_slots(s)
    if not slots:
        return None
    container, key, path = rng.choice(slots)
    container[key] = wrong_value(rng, container[key])
    return "wrong type at %s%s" % (sid, "".join("[%r]" % (p,) for p in path))[:200]


TEXT_SLOTS = ["documentation", "documentation", "documentation", "title", "deprecated", "pattern", "enumValue",
              "jsonName", "xmlName", "rename", "error", "paginated", "hostPrefix", "protocolTest", "protocolTest",
              "sdkId", "examples", "externalDocumentation", "default", "legacyEnum", "httpHeader", "timestampFormat",
              "endpointTests", "endpointRuleSet", "errorMessage", "mediaType", "sigv4", "tags", "since", "metadata"]


def m_hostile_text(ctx):
    rng = ctx.rng
    slot = rng.choice(TEXT_SLOTS)
    text = hostile_text(rng)
    holders = ctx.trait_holders()
    if not holders:
        return None
    if slot in ("documentation", "since", "mediaType", "tags"):
        hid, h = rng.choice(holders)
        key = {"documentation": "smithy.api#documentation", "since": "smithy.api#since",
               "mediaType": "smithy.api#mediaType", "tags": "smithy.api#tags"}[slot]
        ctx.traits_of(h)[key] = [text] if slot == "tags" else text
        return "text %s on %s" % (slot, hid)
    if slot == "title":
        sid, s = ctx.pick(["service"])
        if s is None:
            return None
        ctx.traits_of(s)["smithy.api#title"] = text
        return "text title"
    if slot == "deprecated":
        hid, h = rng.choice(holders)
        ctx.traits_of(h)["smithy.api#deprecated"] = {"message": text, "since": hostile_text(rng)}
        return "text deprecated on %s" % hid
    if slot == "pattern":
        hid, h = rng.choice(holders)
        ctx.traits_of(h)["smithy.api#pattern"] = rng.choice([text, "(", "[", "\\", "a{99999999999}", "(?<n>",
                                                             "^[\\p{L}]+$", "\\Q" + text, ")" * 5000])
        return "text pattern on %s" % hid
    if slot == "enumValue":
        slots = [x for x in ctx.member_slots(("members",)) if x[1].get("type") == "enum"]
        if not slots:
            return None
        sid, s, _, name, m = rng.choice(slots)
        ctx.traits_of(m)["smithy.api#enumValue"] = rng.choice([text, "", " ", text, "\x00"])
        return "text enumValue %s$%s" % (sid, name)
    if slot in ("jsonName", "xmlName", "httpHeader", "errorMessage"):
        slots = ctx.member_slots(("members",))
        if not slots:
            return None
        sid, s, _, name, m = rng.choice(slots)
        if slot == "errorMessage":
            ctx.traits_of(s)["smithy.api#error"] = "client"
            s["members"]["message"] = {"target": "smithy.api#String",
                                       "traits": {"smithy.api#documentation": text, "smithy.api#jsonName": text}}
            return "text error message member on %s" % sid
        ctx.traits_of(m)["smithy.api#" + slot] = text
        return "text %s %s$%s" % (slot, sid, name)
    if slot == "rename":
        sid, s = ctx.pick(["service"])
        other, _ = ctx.pick(["structure", "string", "enum", "union", "list", "map"])
        if s is None or other is None:
            return None
        value = rng.choice([text, odd_name(rng, [other.split("#")[-1]], ctx.module())])
        s.setdefault("rename", {})
        if not isinstance(s["rename"], dict):
            s["rename"] = {}
        s["rename"][other] = value
        return "service rename %s -> %r" % (other, value[:40])
    if slot == "error":
        sid, s = ctx.pick(["structure"])
        if s is None:
            return None
        ctx.traits_of(s)["smithy.api#error"] = rng.choice([text, "Client", "", "client", "server"])
        if rng.random() < 0.5:
            ctx.traits_of(s)["smithy.api#httpError"] = rng.choice([0, 99, 600, -1, 2 ** 40, "400", text])
        return "text error on %s" % sid
    if slot == "paginated":
        oid, op = ctx.pick(["operation"])
        if op is None:
            return None
        p = ctx.traits_of(op).get("smithy.api#paginated")
        if not isinstance(p, dict):
            p = {"inputToken": "NextToken", "outputToken": "NextToken"}
        key = rng.choice(["inputToken", "outputToken", "items", "pageSize"])
        p[key] = rng.choice([text, "a.b.c", "", "Missing", "NextToken.x", "..", "$", odd_name(rng)])
        ctx.traits_of(op)["smithy.api#paginated"] = p
        return "text paginated.%s on %s" % (key, oid)
    if slot == "hostPrefix":
        oid, op = ctx.pick(["operation"])
        if op is None:
            return None
        ctx.traits_of(op)["smithy.api#endpoint"] = {"hostPrefix": rng.choice([text, "{" + text + "}.", "{x}.",
                                                                              "{Missing}.", "a..b", "{"])}
        return "text endpoint hostPrefix on %s" % oid
    if slot == "protocolTest":
        return mutate_protocol_tests(ctx, text)
    if slot == "sdkId":
        sid, s = ctx.pick(["service"])
        if s is None:
            return None
        svc = ctx.traits_of(s).get("aws.api#service")
        if not isinstance(svc, dict):
            svc = {"sdkId": "Fuzz"}
        key = rng.choice(["sdkId", "sdkId", "endpointPrefix", "arnNamespace", "cloudFormationName",
                          "cloudTrailEventSource"])
        svc[key] = rng.choice([text, odd_name(rng, [], ctx.module()), "AWSRuntime", "Foundation", "Swift", "XCTest",
                               "123", "", "Client", "a b c", "ECR PUBLIC", "Ñandú"])
        ctx.traits_of(s)["aws.api#service"] = svc
        return "service %s -> %r" % (key, str(svc[key])[:40])
    if slot == "examples":
        oid, op = ctx.pick(["operation"])
        if op is None:
            return None
        ctx.traits_of(op)["smithy.api#examples"] = [{"title": text, "documentation": hostile_text(rng),
                                                     "input": {text: text}, "output": {"x": text}}]
        return "text examples on %s" % oid
    if slot == "externalDocumentation":
        hid, h = rng.choice(holders)
        ctx.traits_of(h)["smithy.api#externalDocumentation"] = {text: hostile_text(rng)}
        return "text externalDocumentation on %s" % hid
    if slot == "default":
        slots = ctx.member_slots(("members",))
        if not slots:
            return None
        sid, s, _, name, m = rng.choice(slots)
        ctx.traits_of(m)["smithy.api#default"] = rng.choice([text, text, wrong_value(rng)])
        return "text default %s$%s" % (sid, name)
    if slot == "legacyEnum":
        sid, s = ctx.pick(["string"])
        if s is None:
            return None
        ctx.traits_of(s)["smithy.api#enum"] = [{"value": text, "name": "VALUE_A", "documentation": hostile_text(rng)},
                                               {"value": "b", "name": "VALUE_B", "tags": [text]}]
        return "text legacy enum on %s" % sid
    if slot == "timestampFormat":
        hid, h = rng.choice(holders)
        ctx.traits_of(h)["smithy.api#timestampFormat"] = rng.choice([text, "epoch-seconds", "", "http-date "])
        return "text timestampFormat on %s" % hid
    if slot == "sigv4":
        sid, s = ctx.pick(["service"])
        if s is None:
            return None
        ctx.traits_of(s)["aws.auth#sigv4"] = {"name": text}
        return "text sigv4 name"
    if slot in ("endpointTests", "endpointRuleSet"):
        return mutate_endpoint_traits(ctx, text, slot)
    if slot == "metadata":
        md = ctx.model.setdefault("metadata", {}) if isinstance(ctx.model, dict) else None
        if not isinstance(md, dict):
            return None
        md["suppressions"] = [{"id": text, "namespace": "*", "reason": text}]
        md[text] = text
        return "text metadata"
    return None


def mutate_protocol_tests(ctx, text):
    rng = ctx.rng
    holders = []
    for sid, s in ctx.shape_items(["operation", "structure"]):
        t = s.get("traits")
        if isinstance(t, dict):
            for key in ("smithy.test#httpRequestTests", "smithy.test#httpResponseTests"):
                if isinstance(t.get(key), list) and t[key]:
                    holders.append((sid, t[key]))
    if not holders:
        oid, op = ctx.pick(["operation"])
        if op is None:
            return None
        protocol = next((k for _, s in ctx.shape_items(["service"]) for k in (s.get("traits") or {})
                         if k in SUPPORTED_PROTOCOLS), SUPPORTED_PROTOCOLS[0])
        test = {"id": "FuzzAdded", "protocol": protocol, "method": "POST", "uri": "/", "params": {}}
        ctx.traits_of(op)["smithy.test#httpRequestTests"] = [test]
        holders.append((oid, [test]))
    sid, tests = rng.choice(holders)
    test = rng.choice(tests)
    if not isinstance(test, dict):
        return None
    field = rng.choice(["id", "documentation", "body", "body", "params", "headers", "uri", "host", "method",
                        "bodyMediaType", "code", "appliesTo", "tags", "vendorParams", "protocol", "requireHeaders"])
    if field == "id":
        test["id"] = rng.choice([text, odd_name(rng, [t.get("id") for t in tests if isinstance(t, dict)])])
    elif field == "params":
        params = test.get("params") if isinstance(test.get("params"), dict) else {}
        if params and rng.random() < 0.6:
            k = rng.choice(list(params))
            params[k] = rng.choice([text, wrong_value(rng), {text: text}, [text]])
        else:
            params[rng.choice([text, "Missing", odd_name(rng)])] = text
        test["params"] = params
    elif field == "headers":
        test["headers"] = {rng.choice([text, "X-Amz-Target", "Content-Type"]): text}
    elif field == "body":
        test["body"] = rng.choice([text, json.dumps({text: text}), '{"a": "' + text + '"}', "{", "\\", '"""'])
    elif field == "code":
        test["code"] = wrong_value(rng)
    elif field == "tags" or field == "requireHeaders":
        test[field] = [text]
    elif field == "vendorParams":
        test["vendorParams"] = {text: text}
    else:
        test[field] = text
    return "text protocol test %s.%s on %s" % (test.get("id") if isinstance(test.get("id"), str) else "?",
                                               field, sid)


def mutate_endpoint_traits(ctx, text, slot):
    rng = ctx.rng
    sid, s = ctx.pick(["service"])
    if s is None:
        return None
    t = ctx.traits_of(s)
    key = "smithy.rules#" + slot
    value = t.get(key)
    if not isinstance(value, (dict, list)):
        t[key] = {text: text} if rng.random() < 0.5 else wrong_value(rng)
        return "endpoint %s replaced" % slot
    strings = [(c, k) for c, k, _ in walk_slots(value) if isinstance(c[k], str)]
    if not strings or rng.random() < 0.2:
        slots = walk_slots(value)
        if not slots:
            return None
        c, k, path = rng.choice(slots)
        c[k] = wrong_value(rng, c[k])
        return "endpoint %s wrong type at %s" % (slot, path)
    for _ in range(rng.choice([1, 1, 3, 10])):
        c, k = rng.choice(strings)
        c[k] = rng.choice([text, text, "{" + text + "}", "{Region}" + text, "https://" + text])
    return "text endpoint %s" % slot


def m_numbers(ctx):
    rng = ctx.rng
    hid, h = rng.choice(ctx.trait_holders() or [(None, None)])
    if h is None:
        return None
    which = rng.choice(["length", "range", "range", "length", "default", "intEnum", "pageSize", "httpError",
                        "retryable", "collectionSize"])
    big = [2 ** 31, 2 ** 31 - 1, 2 ** 53 + 1, 2 ** 63, 2 ** 63 - 1, 2 ** 64, 10 ** 30, 10 ** 400, -1, -(2 ** 63) - 1,
           1.5, -0.5, 1e308, 1e-320, float("inf"), float("-inf"), float("nan"), 0, "5", None]
    t = ctx.traits_of(h)
    if which in ("length", "range", "collectionSize"):
        lo, hi = rng.choice(big), rng.choice(big)
        if rng.random() < 0.4:
            lo, hi = 10, 2  # min > max
        value = {}
        if rng.random() < 0.85:
            value["min"] = lo
        if rng.random() < 0.85:
            value["max"] = hi
        t["smithy.api#length" if which != "range" else "smithy.api#range"] = value
        return "%s %r on %s" % (which, value, hid)
    if which == "default":
        t["smithy.api#default"] = rng.choice(big + [[], {}, "", "2024-13-45T99:99:99Z", "!!notbase64"])
        return "default %r on %s" % (t["smithy.api#default"], hid)
    if which == "intEnum":
        sid, s = ctx.pick(["intEnum"])
        if s is None or not isinstance(s.get("members"), dict) or not s["members"]:
            return None
        name = rng.choice(list(s["members"]))
        m = s["members"][name]
        if isinstance(m, dict):
            ctx.traits_of(m)["smithy.api#enumValue"] = rng.choice(big)
            return "intEnum value on %s$%s" % (sid, name)
        return None
    if which == "pageSize":
        oid, op = ctx.pick(["operation"])
        if op is None:
            return None
        ctx.traits_of(op)["smithy.api#paginated"] = {"inputToken": rng.choice(big), "pageSize": rng.choice(big)}
        return "paginated numbers on %s" % oid
    if which == "httpError":
        t["smithy.api#httpError"] = rng.choice(big)
        return "httpError on %s" % hid
    t["smithy.api#retryable"] = {"throttling": rng.choice(big)}
    return "retryable on %s" % hid


def add_reachable_member(ctx, target, name=None, required=False):
    sid, s = ctx.reachable_input()
    if s is None:
        return None
    name = name or "fuzzLink"
    member = {"target": target}
    if required:
        member["traits"] = {"smithy.api#required": {}}
    s["members"][name] = member
    return sid


def m_deep_chain(ctx):
    rng = ctx.rng
    ns = ctx.namespace()
    n = rng.choice([50, 300, 1000, 2000, 5000])
    kind = rng.choice(["structure", "structure", "list", "map", "union", "cycle", "required-cycle"])
    ids = ["%s#FuzzChain%d" % (ns, i) for i in range(n)]
    for i, sid in enumerate(ids):
        nxt = ids[i + 1] if i + 1 < n else ("smithy.api#String" if kind not in ("cycle", "required-cycle") else ids[0])
        if kind in ("structure", "cycle", "required-cycle"):
            member = {"target": nxt}
            if kind == "required-cycle":
                member["traits"] = {"smithy.api#required": {}}
            ctx.shapes[sid] = {"type": "structure", "members": {"next": member}}
        elif kind == "union":
            ctx.shapes[sid] = {"type": "union", "members": {"next": {"target": nxt}, "leaf": {"target": "smithy.api#String"}}}
        elif kind == "list":
            ctx.shapes[sid] = {"type": "list", "member": {"target": nxt}}
        else:
            ctx.shapes[sid] = {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": nxt}}
    where = add_reachable_member(ctx, ids[0], required=(kind == "required-cycle"))
    return "deep %s chain of %d from %s" % (kind, n, where)


def m_mixin_chain(ctx):
    rng = ctx.rng
    ns = ctx.namespace()
    n = rng.choice([10, 500, 2000, 2500, 5000])
    ids = ["%s#FuzzMixin%d" % (ns, i) for i in range(n)]
    cyclic = rng.random() < 0.25
    for i, sid in enumerate(ids):
        shape = {"type": "structure", "members": {"m%d" % i: {"target": "smithy.api#String"}},
                 "traits": {"smithy.api#mixin": {}}}
        if i > 0:
            shape["mixins"] = [{"target": ids[i - 1]}]
        elif cyclic:
            shape["mixins"] = [{"target": ids[-1]}]
        ctx.shapes[sid] = shape
    user = "%s#FuzzMixed" % ns
    ctx.shapes[user] = {"type": "structure", "mixins": [{"target": ids[-1]}], "members": {}}
    if rng.random() < 0.2:
        ctx.shapes[user]["mixins"].append({"target": user})  # mixes itself in
    where = add_reachable_member(ctx, user)
    return "mixin chain of %d%s into %s" % (n, " (cyclic)" if cyclic else "", where)


def m_resources(ctx):
    rng = ctx.rng
    ns = ctx.namespace()
    sid, svc = ctx.pick(["service"])
    if svc is None:
        return None
    kind = rng.choice(["self", "cycle", "chain"])
    if kind == "self":
        rid = "%s#FuzzSelfResource" % ns
        ctx.shapes[rid] = {"type": "resource", "resources": [{"target": rid}],
                           "identifiers": {"id": {"target": "smithy.api#String"}}}
        ids = [rid]
    elif kind == "cycle":
        ids = ["%s#FuzzRes%d" % (ns, i) for i in range(3)]
        for i, rid in enumerate(ids):
            ctx.shapes[rid] = {"type": "resource", "resources": [{"target": ids[(i + 1) % 3]}]}
    else:
        n = rng.choice([100, 1000, 3000])
        ids = ["%s#FuzzRes%d" % (ns, i) for i in range(n)]
        for i, rid in enumerate(ids):
            r = {"type": "resource", "identifiers": {"id%d" % i: {"target": "smithy.api#String"}}}
            if i + 1 < n:
                r["resources"] = [{"target": ids[i + 1]}]
            ctx.shapes[rid] = r
    oid, op = ctx.pick(["operation"])
    if op is not None and rng.random() < 0.7:
        ctx.shapes[ids[-1]].setdefault("operations", []).append({"target": oid})
    if not isinstance(svc.get("resources"), list):
        svc["resources"] = []
    svc["resources"].append({"target": ids[0]})
    return "resources %s (%d)" % (kind, len(ids))


def m_duplicate_across_namespaces(ctx):
    rng = ctx.rng
    sid, svc = ctx.pick(["service"])
    oid, op = ctx.pick(["operation", "structure", "enum"])
    if svc is None or oid is None or "#" not in oid:
        return None
    name = oid.split("#", 1)[1]
    other_ns = rng.choice(["other.ns", "aaa", "z.z.z", oid.split("#")[0] + ".sub"])
    new_name = rng.choice([name, name.lower(), name.upper()])
    copy = json.loads(json.dumps(op))
    ctx.shapes["%s#%s" % (other_ns, new_name)] = copy
    if op.get("type") == "operation":
        if not isinstance(svc.get("operations"), list):
            svc["operations"] = []
        svc["operations"].append({"target": "%s#%s" % (other_ns, new_name)})
    else:
        add_reachable_member(ctx, "%s#%s" % (other_ns, new_name), name="fuzzDup")
    return "duplicate %s as %s#%s" % (oid, other_ns, new_name)


def m_big_docs(ctx):
    rng = ctx.rng
    holders = ctx.trait_holders()
    if not holders:
        return None
    count = rng.choice([1, 1, 5, 50])
    kinds = set()
    budget = 600000  # bytes of documentation in all: a slow generator, not a big model, should be the hang
    for _ in range(count):
        hid, h = rng.choice(holders)
        k = rng.randrange(len(HUGE_TEXT) if count == 1 else len(HUGE_TEXT) - 1)  # one 300 KB text at most
        text = HUGE_TEXT[k]()
        size = len(text.encode("utf-8", "surrogatepass"))
        if count > 1 and size > budget:
            break
        budget -= size
        kinds.add("%r x %d" % (text[:1], len(text)))
        ctx.traits_of(h)["smithy.api#documentation"] = text
    return "big documentation x%d (%s)" % (count, ", ".join(sorted(kinds))[:200])


def m_deep_json(ctx):
    rng = ctx.rng
    depth = rng.choice([100, 1000, 10000, 100000])
    kind = rng.choice(["array", "object", "mixed"])
    if kind == "array":
        text = "[" * depth + "]" * depth
    elif kind == "object":
        text = '{"a":' * depth + "1" + "}" * depth
    else:
        text = '[{"a":' * (depth // 2) + "1" + "}]" * (depth // 2)
    holders = ctx.trait_holders()
    if not holders:
        return None
    hid, h = rng.choice(holders)
    trait = rng.choice(["smithy.api#documentation", "fuzz.custom#trait", "smithy.api#examples", "smithy.api#default",
                        "smithy.rules#endpointRuleSet", "smithy.api#length"])
    ctx.traits_of(h)[trait] = ctx.raw(text)
    return "deep JSON (%s, depth %d) in %s on %s" % (kind, depth, trait, hid)


def m_enum(ctx):
    rng = ctx.rng
    sid, s = ctx.pick(["enum", "intEnum"])
    if s is None or not isinstance(s.get("members"), dict):
        return None
    members = s["members"]
    kind = rng.choice(["dupValue", "empty", "collide", "noMembers", "unitTarget", "many"])
    if kind == "dupValue" and members:
        first = next(iter(members.values()))
        if isinstance(first, dict):
            value = (first.get("traits") or {}).get("smithy.api#enumValue", 1 if s.get("type") == "intEnum" else "A")
            members["FUZZ_DUP"] = {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": value}}
    elif kind == "empty":
        members["FUZZ_EMPTY"] = {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": ""}}
    elif kind == "collide" and members:
        name = next(iter(members))
        new = odd_name(rng, [name])
        if new not in members:
            members[new] = {"target": "smithy.api#Unit"}
    elif kind == "noMembers":
        members.clear()
    elif kind == "unitTarget" and members:
        name = next(iter(members))
        if isinstance(members[name], dict):
            members[name]["target"] = rng.choice(["smithy.api#String", "smithy.api#Integer", sid])
    else:
        for i in range(rng.choice([500, 5000])):
            members["V%d" % i] = {"target": "smithy.api#Unit"}
    return "enum %s on %s" % (kind, sid)


def m_service_level(ctx):
    rng = ctx.rng
    sid, s = ctx.pick(["service"])
    if s is None:
        return None
    kind = rng.choice(["second", "noOps", "noVersion", "renameCollide", "protocols", "noProtocol", "opTwice"])
    if kind == "second":
        copy = json.loads(json.dumps(s))
        ctx.shapes[sid + rng.choice(["2", "_", ""]) + "Copy"] = copy
    elif kind == "noOps":
        s["operations"] = []
        s.pop("resources", None)
    elif kind == "noVersion":
        s.pop("version", None)
    elif kind == "renameCollide":
        a, _ = ctx.pick(["structure"])
        b, _ = ctx.pick(["structure", "string", "list"])
        if a is None or b is None:
            return None
        s["rename"] = {a: "Same", b: "Same"} if rng.random() < 0.5 else {a: b.split("#")[-1]}
    elif kind == "protocols":
        t = ctx.traits_of(s)
        for p in rng.sample(SUPPORTED_PROTOCOLS + OTHER_PROTOCOLS, 2):
            t[p] = {}
    elif kind == "noProtocol":
        t = ctx.traits_of(s)
        for p in SUPPORTED_PROTOCOLS + OTHER_PROTOCOLS:
            t.pop(p, None)
    else:
        ops = s.get("operations")
        if isinstance(ops, list) and ops:
            ops.append(json.loads(json.dumps(ops[0])))
    return "service %s" % kind


def m_misc_semantics(ctx):
    """Traits in places they do not belong."""
    rng = ctx.rng
    hid, h = rng.choice(ctx.trait_holders() or [(None, None)])
    if h is None:
        return None
    trait = rng.choice(["smithy.api#error", "smithy.api#required", "smithy.api#streaming", "smithy.api#input",
                        "smithy.api#output", "smithy.api#mixin", "smithy.api#sparse", "smithy.api#idempotencyToken",
                        "smithy.api#clientOptional", "smithy.api#sensitive", "smithy.api#eventPayload",
                        "smithy.api#httpPayload", "smithy.api#hostLabel", "smithy.api#uniqueItems", "smithy.api#trait",
                        "smithy.api#requiresLength", "smithy.api#addedDefault", "aws.api#service",
                        "smithy.rules#contextParam", "smithy.api#paginated", "smithy.waiters#waitable"])
    value = rng.choice([{}, "client", [], None, True, {"name": odd_name(rng)}, hostile_text(rng)])
    ctx.traits_of(h)[trait] = value
    return "trait %s=%r on %s" % (trait, str(value)[:30], hid)


def m_encoding(ctx):
    rng = ctx.rng
    kind = rng.choice(["asciiEscapes", "loneSurrogate", "nulInName", "ensureAscii", "crlf"])
    if kind == "ensureAscii":
        ctx.ensure_ascii = True
    elif kind == "asciiEscapes":
        ctx.byte_ops.append(("escape-keys",))
    elif kind == "crlf":
        ctx.byte_ops.append(("crlf",))
    elif kind == "loneSurrogate":
        hid, h = rng.choice(ctx.trait_holders() or [(None, None)])
        if h is None:
            return None
        ctx.traits_of(h)["smithy.api#documentation"] = rng.choice(["\ud800", "a\udfffb", "\udc00\ud800"]) + CANARY
        ctx.ensure_ascii = rng.random() < 0.5  # as a \ud800 escape, or as (invalid) CESU-8 bytes
        return "lone surrogate in documentation of %s (%s)" % (hid, "escaped" if ctx.ensure_ascii else "raw bytes")
    else:
        slots = ctx.member_slots(("members",))
        if not slots:
            return None
        sid, s, _, name, m = rng.choice(slots)
        rename_dict_key(s["members"], name, name + "\x00x")
        ctx.ensure_ascii = True
    return "encoding %s" % kind


def m_bytes(ctx):
    rng = ctx.rng
    kind = rng.choice(["truncate", "flip", "invalidUtf8", "bom", "empty", "nul", "utf16", "trailing"])
    ctx.byte_ops.append((kind, rng.random(), rng.randint(1, 8)))
    return "bytes %s" % kind


MUTATORS = [
    (m_rename_shape, 10), (m_rename_member, 10), (m_retarget, 10), (m_delete_key, 5), (m_duplicate_key, 3),
    (m_change_type, 5), (m_wrong_json_type, 10), (m_hostile_text, 25), (m_numbers, 7), (m_deep_chain, 3),
    (m_mixin_chain, 2), (m_resources, 2), (m_duplicate_across_namespaces, 3), (m_big_docs, 3), (m_deep_json, 2),
    (m_enum, 4), (m_service_level, 4), (m_misc_semantics, 6), (m_encoding, 3), (m_bytes, 4),
]


def apply_byte_ops(data, ops, rng):
    for op in ops:
        kind = op[0]
        if kind == "escape-keys":
            data = re.sub(rb'"(type|target|members|member|shapes|traits|smithy)"',
                          lambda m: b'"\\u%04x' % m.group(1)[0] + m.group(1)[1:] + b'"', data)
        elif kind == "crlf":
            data = data.replace(b"\n", b"\r\n").replace(b", ", b",\r\n\t ")
        elif kind == "truncate":
            data = data[:int(len(data) * op[1])]
        elif kind == "flip":
            b = bytearray(data)
            for _ in range(op[2]):
                if b:
                    i = rng.randrange(len(b))
                    b[i] ^= 1 << rng.randrange(8)
            data = bytes(b)
        elif kind == "invalidUtf8":
            bad = rng.choice([b"\xff", b"\xc0\x80", b"\xed\xa0\x80", b"\x80", b"\xf8\x88\x80\x80\x80", b"\xe2\x82",
                              b"\xf4\x90\x80\x80", b"\xfe\xfe"])
            # inside a string value, so that only the encoding is wrong
            positions = [m.end() for m in re.finditer(rb'": "', data[:200000])]
            if positions:
                i = rng.choice(positions)
                data = data[:i] + bad + data[i:]
            else:
                data = bad + data
        elif kind == "bom":
            data = b"\xef\xbb\xbf" + data
        elif kind == "empty":
            data = rng.choice([b"", b" ", b"{}", b"[]", b"null", b'{"smithy": "2.0"}', b'{"smithy": "2.0", "shapes": {}}',
                               b'{"smithy": "1.0", "shapes": {}}', b'{"smithy": "3.0", "shapes": {}}'])
        elif kind == "nul":
            i = int(len(data) * op[1])
            data = data[:i] + b"\x00" + data[i:]
        elif kind == "utf16":
            try:
                data = data.decode("utf-8").encode(rng.choice(["utf-16", "utf-16-le", "utf-32"]))
            except UnicodeDecodeError:
                pass
        elif kind == "trailing":
            data = data + rng.choice([b" garbage", b"}", b"\x00", b"{}", b"\n\n"])
    return data


# ---------------------------------------------------------------------------------------------------------------
# Variants
# ---------------------------------------------------------------------------------------------------------------

class Seed:
    def __init__(self, path):
        self.path = path
        self.name = os.path.relpath(path, os.path.dirname(REPO))
        with open(path, "rb") as f:
            self.text = f.read()
        model = json.loads(self.text)
        self.unsupported = False
        for s in (model.get("shapes") or {}).values():
            if isinstance(s, dict) and s.get("type") == "service":
                t = s.get("traits") or {}
                if any(k in t for k in OTHER_PROTOCOLS) and not any(k in t for k in SUPPORTED_PROTOCOLS):
                    self.unsupported = True
        self.weight = 1.0 / max(1.0, (len(self.text) / 20000.0)) ** 0.6


def load_seeds(filter_re=None):
    paths = []
    for folder in (os.path.join(SHARED, "models"), os.path.join(SHARED, "testdata", "protocol-tests")):
        if not os.path.isdir(folder):
            print("SKIPPED: %s missing" % folder)
            continue
        paths += sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".json"))
    kitchen = os.path.join(REPO, "Tests", "CodeGeneratorTests", "Models", "kitchen-sink.json")
    if os.path.isfile(kitchen):
        paths.append(kitchen)
    else:
        print("SKIPPED: %s missing" % kitchen)
    seeds = []
    for p in paths:
        if filter_re and not re.search(filter_re, p):
            continue
        try:
            seeds.append(Seed(p))
        except (OSError, ValueError) as e:
            print("SKIPPED: %s unreadable (%s)" % (p, e))
    return seeds


def make_variant(seeds, base_seed, index):
    """(seed, bytes, notes) for variant `index`; depends on base_seed and index only."""
    rng = random.Random("%s/%d" % (base_seed, index))
    seed = rng.choices(seeds, weights=[s.weight for s in seeds])[0]
    model = json.loads(seed.text)
    ctx = Ctx(model, rng)
    if seed.unsupported and rng.random() < 0.85:
        note = swap_protocol(ctx)
        if note:
            ctx.notes.append(note)
    if len(seed.text) > 100000 and rng.random() < 0.7:
        note = prune_operations(ctx)
        if note:
            ctx.notes.append(note)
    funcs = [f for f, _ in MUTATORS]
    weights = [w for _, w in MUTATORS]
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        f = rng.choices(funcs, weights=weights)[0]
        try:
            note = f(ctx)
        except (KeyError, IndexError, TypeError, AttributeError, ValueError):
            note = None  # an earlier mutation made the model too odd for this one; fine
        if note:
            ctx.notes.append("%s: %s" % (f.__name__[2:], note))
    text = json.dumps(ctx.model, ensure_ascii=ctx.ensure_ascii, indent=ctx.indent, allow_nan=True)
    for i in range(len(ctx.raws) - 1, -1, -1):
        text = text.replace('"@@RAW%d@@"' % i, ctx.raws[i])
    data = text.encode("utf-8", "surrogatepass")
    data = apply_byte_ops(data, ctx.byte_ops, rng)
    return seed, data, ctx.notes


# ---------------------------------------------------------------------------------------------------------------
# Swift scan: is every canary in a comment or a string literal?
# ---------------------------------------------------------------------------------------------------------------

_STRING_START = re.compile(r'(#*)("""|")')


def noncode_spans(s):
    """(start, end) spans of comments and string literal contents (interpolations are code)."""
    spans = []
    n = len(s)
    i = 0
    stack = [["code", 0]]  # ["code", paren depth] | ["str", hashes, multiline, segment start]
    while i < n:
        top = stack[-1]
        c = s[i]
        if top[0] == "code":
            if c == "/" and i + 1 < n and s[i + 1] == "/":
                j = i
                while j < n and s[j] not in "\n\r":
                    j += 1
                spans.append((i, j))
                i = j
                continue
            if c == "/" and i + 1 < n and s[i + 1] == "*":
                depth, j = 1, i + 2
                while j < n and depth:
                    if s.startswith("/*", j):
                        depth += 1
                        j += 2
                    elif s.startswith("*/", j):
                        depth -= 1
                        j += 2
                    else:
                        j += 1
                spans.append((i, j))
                i = j
                continue
            if c == '"' or c == "#":
                m = _STRING_START.match(s, i)
                if m:
                    stack.append(["str", len(m.group(1)), m.group(2) == '"""', m.end()])
                    i = m.end()
                    continue
                i += 1
                continue
            if c == "(":
                top[1] += 1
            elif c == ")":
                if top[1] == 0 and len(stack) > 1:
                    stack.pop()
                    stack[-1][3] = i + 1
                else:
                    top[1] -= 1
            i += 1
            continue
        hashes, multi = top[1], top[2]
        if c == "\\" and s.startswith("#" * hashes, i + 1):
            k = i + 1 + hashes
            if k < n and s[k] == "(":
                spans.append((top[3], i))
                stack.append(["code", 0])
                i = k + 1
                continue
            i = k + 1
            continue
        closing = ('"""' if multi else '"') + "#" * hashes
        if c == '"' and s.startswith(closing, i):
            spans.append((top[3], i))
            stack.pop()
            i += len(closing)
            continue
        if not multi and c in "\n\r":
            spans.append((top[3], i))  # unterminated: the rest of the line is code again
            stack.pop()
            i += 1
            continue
        i += 1
    if len(stack) > 1 and stack[-1][0] == "str":
        spans.append((stack[-1][3], n))
    return spans


SCANNER_CASES = [  # (Swift text, canary in code?)
    ("/// doc %s\nlet x = 1" % CANARY, False),
    ('let s = "a %s"' % CANARY, False),
    ('let s = "a\\(%s)"' % CANARY, True),
    ('let s = "a"\n%s()' % CANARY, True),
    ("/* a /* b */ %s */" % CANARY, False),
    ('let s = #"a "%s"#' % CANARY, False),
    ('let s = #"a "#; %s' % CANARY, True),
    ('let s = #"a \\(%s)"#' % CANARY, False),
    ('let s = #"a \\#(%s)"#' % CANARY, True),
    ('let s = """\n"%s"\n"""' % CANARY, False),
    ('let s = """\n a \\""" b\n"""; %s()' % CANARY, True),
    ("// x\r%s()" % CANARY, True),
    ("// x\u2028%s()" % CANARY, False),
    ("#if %s\n#endif" % CANARY, True),
    ('let s = "\\\\"%s' % CANARY, True),
    ('let s = "\\"%s"' % CANARY, False),
    ('f("\\(g("x")) %s")' % CANARY, False),
    ('let s = "abc\n%s"' % CANARY, True),
]


def scanner_self_test():
    bad = []
    for text, in_code in SCANNER_CASES:
        got = bool(canary_violations(text))
        if got != in_code:
            bad.append("%r: expected %s, got %s" % (text, "code" if in_code else "comment/string", got))
    return bad


FAKE_CODEGEN = r"""#!/usr/bin/env python3
import os, signal, sys, time
model, out = sys.argv[sys.argv.index("--model") + 1], sys.argv[sys.argv.index("--output") + 1]
text = open(model, "rb").read().decode("utf-8", "replace")
def write(name, content):
    os.makedirs(os.path.join(out, "M"), exist_ok=True)
    open(os.path.join(out, "M", name), "w").write(content)
if "ACCEPT" in text: write("A.swift", '/// doc INJECTED_CANARY\nlet s = "INJECTED_CANARY"\n'); sys.exit(0)
if "REJECT" in text: sys.stderr.write(model + ': error: bad [shape a#B at $.shapes["a#B"]]\n'); sys.exit(1)
if "CANARY" in text: write("A.swift", '/// doc\nINJECTED_CANARY()\n'); sys.exit(0)
if "TEMPFILE" in text: write("A.swift", ""); write(".A.swift.codegen-1", ""); sys.exit(0)
if "PARTIAL" in text: write("A.swift", ""); sys.stderr.write(model + ": error: bad\n"); sys.exit(1)
if "UNCLEAR" in text: sys.stderr.write("something went wrong\n"); sys.exit(1)
if "HANG" in text: time.sleep(60)
if "SEGV" in text: os.kill(os.getpid(), signal.SIGSEGV)
if "FATAL" in text: sys.stderr.write("Fatal error: Index out of range\n"); sys.exit(1)
sys.exit(3)
"""
CLASSIFIER_CASES = [("ACCEPT", "accepted"), ("REJECT", "rejected"), ("CANARY", "canary"), ("TEMPFILE", "partial"),
                    ("PARTIAL", "partial"), ("UNCLEAR", "unclear"), ("HANG", "hang"), ("SEGV", "crash"),
                    ("FATAL", "crash"), ("EXIT3", "crash")]


def classifier_self_test():
    """The verdicts, against a fake codegen that misbehaves on purpose."""
    bad = []
    work = tempfile.mkdtemp(prefix="fuzz-selftest-")
    try:
        fake = os.path.join(work, "fake-codegen")
        with open(fake, "w") as f:
            f.write(FAKE_CODEGEN)
        os.chmod(fake, 0o755)
        seed = Seed.__new__(Seed)
        seed.name = "self-test"
        for i, (word, want) in enumerate(CLASSIFIER_CASES):
            r = classify(fake, seed, ('{"x": "%s"}' % word).encode(), [], i, 1.0)
            if r["class"] != want:
                bad.append("%s: expected %s, got %s (%s)" % (word, want, r["class"], r["stderr"][-200:]))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return bad


def canary_violations(text):
    hits = [m.start() for m in re.finditer(CANARY, text)]
    if not hits:
        return []
    spans = sorted(noncode_spans(text))
    starts = [a for a, _ in spans]
    bad = []
    for h in hits:
        k = bisect.bisect_right(starts, h) - 1
        if k >= 0 and spans[k][0] <= h and h + len(CANARY) <= spans[k][1]:
            continue
        before = text[h - 1] if h > 0 else " "
        after = text[h + len(CANARY)] if h + len(CANARY) < len(text) else " "
        line_start = text.rfind("\n", 0, h) + 1
        line_end = text.find("\n", h)
        bad.append({"offset": h, "line": text.count("\n", 0, h) + 1,
                    "in_identifier": before.isalnum() or before == "_" or after.isalnum() or after == "_",
                    "text": text[line_start:line_end if line_end >= 0 else len(text)][:300]})
    return bad


# ---------------------------------------------------------------------------------------------------------------
# Running codegen
# ---------------------------------------------------------------------------------------------------------------

def _limits():
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        soft = 6 * 1024 ** 3
        resource.setrlimit(resource.RLIMIT_AS, (soft, soft))
    except (ValueError, OSError):
        pass


def run_codegen(codegen, model_path, out_dir, timeout, extra=()):
    start = time.monotonic()
    p = subprocess.Popen([codegen, "--model", model_path, "--output", out_dir, "--quiet", *extra],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                         cwd=os.path.dirname(model_path), start_new_session=True, preexec_fn=_limits)
    hung = False
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        hung = True
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = p.communicate()
    elapsed = time.monotonic() - start
    return p.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), elapsed, hung


def list_files(folder):
    files = []
    for root, dirs, names in os.walk(folder):
        for n in names:
            files.append(os.path.join(root, n))
    return files


def crash_signature(rc, err):
    """What kind of crash, and where: the message (numbers and quoted text blanked) or the signal, plus the
    function of ours that shows up most often in the first frames of the backtrace (the recursive one, for a
    stack overflow)."""
    if rc is not None and rc < 0 and -rc in signal.Signals._value2member_map_:
        what = "signal %s" % signal.Signals(-rc).name
    else:
        what = "exit %s" % rc
    m = re.search(r"(Fatal error|Precondition failed|Assertion failed|Swift runtime failure)[^\n]*", err)
    if m:
        line = re.sub(r"/[^\s:]*/", "", m.group(0))
        line = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", line)
        what = re.sub(r"\b\d+\b", "N", line)[:120]
    elif re.search(r"[Ss]tack overflow", err):
        what += " (stack overflow)"
    frames = re.findall(r"^\s*\d+ .*? (\S+\(.*?\)) \+ \d+ in codegen at \S*/(\w+\.swift)", err[:60000], re.M)
    if frames:
        counts = {}
        for fn, file in frames[:40]:
            if not fn.startswith(("Swift.", "$s", "_")):
                counts[(fn, file)] = counts.get((fn, file), 0) + 1
        if counts:
            fn, file = max(counts, key=lambda k: counts[k])
            what += " in %s (%s)" % (fn, file)
    return what


def classify(codegen, seed, data, notes, index, timeout):
    work = tempfile.mkdtemp(prefix="fuzz-%d-" % index)
    try:
        model_path = os.path.join(work, "variant-%d.json" % index)
        out_dir = os.path.join(work, "out")
        os.mkdir(out_dir)
        with open(model_path, "wb") as f:
            f.write(data)
        rc, out, err, elapsed, hung = run_codegen(codegen, model_path, out_dir, timeout)
        files = list_files(out_dir)
        result = {"index": index, "seed": seed.name, "notes": notes, "rc": rc, "time": elapsed, "stderr": err,
                  "stdout": out, "size": len(data), "files": len(files), "flags": []}
        error_lines = [l for l in err.splitlines() if "error:" in l]
        precise = [l for l in error_lines if re.search(r"\[(shape \S+ )?at \$", l)]
        result["error_lines"] = len(error_lines)
        result["precise_error_lines"] = len(precise)
        if error_lines and not precise:
            result["imprecise"] = error_lines[0].split("error:", 1)[1].strip()
        if hung:
            cls = "hang"
        elif rc is None or rc < 0 or rc not in (0, 1) or re.search(r"Fatal error|Program crashed|Illegal instruction|Segmentation fault", err):
            cls = "crash"
        elif rc == 0:
            cls = "accepted"
            bad = []
            generated = 0
            digest = hashlib.sha1()
            for path in sorted(files):
                generated += os.path.getsize(path)
                with open(path, "rb") as f:
                    content = f.read()
                digest.update(os.path.relpath(path, out_dir).encode() + b"\0" + content)
                if CANARY.encode() in content:
                    result["canary_seen"] = result.get("canary_seen", 0) + content.count(CANARY.encode())
                    text = content.decode("utf-8", "replace")
                    for v in canary_violations(text) if path.endswith(".swift") else [{"line": 0, "text": "(not Swift)", "in_identifier": False}]:
                        v["file"] = os.path.relpath(path, out_dir)
                        bad.append(v)
            result["generated_bytes"] = generated
            result["output_hash"] = digest.hexdigest()
            if bad:
                cls = "canary"
                result["canary"] = bad[:20]
            if not files:
                result["flags"].append("accepted-but-wrote-nothing")
            leftovers = [os.path.relpath(p, out_dir) for p in files if os.path.basename(p).startswith(".")]
            if leftovers:  # e.g. the temporary file of an atomic write
                cls = "partial"
                result["written"] = leftovers[:20]
        elif not error_lines:
            cls = "unclear"
        else:
            cls = "rejected"
        if cls in ("rejected", "crash", "hang", "unclear") and files:
            result["flags"].append("partial")
            result["written"] = [os.path.relpath(p, out_dir) for p in files[:20]]
            if cls == "rejected":
                cls = "partial"
        result["class"] = cls
        if cls in ("crash",):
            result["signature"] = crash_signature(rc, err)
        elif cls == "canary":
            where = sorted({re.sub(r"\+[^.]*", "", os.path.basename(v["file"])) for v in result["canary"]})
            result["signature"] = "canary in code: %s" % ", ".join(where[:4])
        elif cls == "hang":
            kinds = first_kinds(notes).split(",")
            heavy = [k for k in HEAVY_MUTATIONS if k in kinds]
            result["signature"] = "hang with " + (heavy[0] if heavy else ",".join(kinds))
        elif cls == "partial":
            result["signature"] = ("partial: rejected, but wrote %d files" % len(files) if rc == 1 else
                                   "partial: accepted, but left %s" % ", ".join(result["written"][:3]))
        else:
            result["signature"] = cls
        return result
    finally:
        if work:
            shutil.rmtree(work, ignore_errors=True)


# The mutation that most likely makes a variant slow names its hang (so that one cause is one class).
HEAVY_MUTATIONS = ["mixin_chain", "deep_chain", "resources", "big_docs", "deep_json", "enum",
                   "duplicate_across_namespaces", "service_level"]


def first_kinds(notes):
    kinds = sorted({n.split(":", 1)[0] for n in notes if ":" in n})
    return ",".join(kinds) or "none"


def save_reproducer(out_root, result, data):
    cls = result["class"]
    folder = os.path.join(out_root, cls)
    os.makedirs(folder, exist_ok=True)
    base = os.path.join(folder, "variant-%06d" % result["index"])
    with open(base + ".json", "wb") as f:
        f.write(data)
    with open(base + ".stderr", "w") as f:
        f.write(result["stderr"])
    info = {k: v for k, v in result.items() if k not in ("stderr", "stdout")}
    with open(base + ".info.json", "w") as f:
        json.dump(info, f, indent=2, ensure_ascii=True, default=str)
    return base + ".json"


# ---------------------------------------------------------------------------------------------------------------
# Compile sample
# ---------------------------------------------------------------------------------------------------------------

TOOLCHAIN_MODULES = {"Foundation", "FoundationEssentials", "FoundationNetworking", "Swift", "XCTest", "Testing",
                     "Dispatch", "Glibc", "Darwin", "_Concurrency", "_StringProcessing", "os", "Synchronization"}


def compile_sample(codegen, candidates, work, jobs, timeout, runtime_package=REPO):
    """candidates: [(generated_bytes, index, data, seed_name, notes)]; work: the throwaway package's folder.
    Returns ([(index, module, verdict, problems)], work)."""
    gen = os.path.join(work, "Generated")
    shutil.rmtree(gen, ignore_errors=True)
    os.makedirs(gen)
    try:
        with open(os.path.join(runtime_package, "Package.swift")) as f:
            reserved = set(re.findall(r'name:\s*"([^"]+)"', f.read())) | TOOLCHAIN_MODULES
    except OSError:
        reserved = set(TOOLCHAIN_MODULES)
    modules = []  # (index, module, tests module or None, problem)
    for _, index, data, seed_name, *_ in candidates:
        tmp = tempfile.mkdtemp(prefix="fuzz-compile-")
        try:
            model_path = os.path.join(tmp, "variant-%d.json" % index)
            with open(model_path, "wb") as f:
                f.write(data)
            out_dir = os.path.join(tmp, "out")
            os.mkdir(out_dir)
            rc, _, err, _, _ = run_codegen(codegen, model_path, out_dir, timeout)
            # (another variant's module name, or a target of the runtime package such as ECRPublic: a fresh name)
            names = sorted(os.listdir(out_dir)) if rc == 0 else []
            clash = sorted(set(names) & (TOOLCHAIN_MODULES | {"AWSRuntime"}))
            if clash:  # modules the generated code imports: the generator must refuse such a name
                modules.append((index, None, None, "accepted, but the module name %s is a module the generated "
                                "code imports, so it cannot be compiled" % clash[0]))
                continue
            taken = {m for _, m, _, _ in modules if m} | {t for _, _, t, _ in modules if t} | reserved
            if rc != 0 or not names or any(n in taken for n in names):
                shutil.rmtree(out_dir)  # another variant has this module name: a fresh one for this variant
                os.mkdir(out_dir)
                rc, _, err, _, _ = run_codegen(codegen, model_path, out_dir, timeout,
                                               ["--module", "FuzzVariant%d" % index])
                names = sorted(os.listdir(out_dir)) if rc == 0 else []
            if rc != 0 or not names:
                modules.append((index, None, None, "generating it again failed: %s" % err.strip()[:300]))
                continue
            main = [n for n in names if not n.endswith("Tests")] or names
            module = main[0]
            tests = module + "Tests" if module + "Tests" in names else None
            for n in names:
                shutil.move(os.path.join(out_dir, n), os.path.join(gen, n))
            with open(os.path.join(gen, module, ".variant.json"), "wb") as f:
                f.write(data)
            modules.append((index, module, tests, None))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    good = [(i, m, t) for i, m, t, _ in modules if m]
    with open(os.path.join(work, "Package.swift"), "w") as f:
        f.write("// swift-tools-version:6.0\nimport PackageDescription\n")
        f.write('let runtime: Target.Dependency = .product(name: "AWSRuntime", package: "%s")\n'
                % os.path.basename(runtime_package))
        f.write('let package = Package(name: "FuzzCompileSample", platforms: [.macOS(.v13)], '
                'dependencies: [.package(path: "%s")], targets: [\n' % runtime_package)
        for _, m, t in good:
            f.write('  .target(name: "%s", dependencies: [runtime], path: "Generated/%s", exclude: [".variant.json"]),\n'
                    % (m, m))
            if t:
                f.write('  .testTarget(name: "%s", dependencies: ["%s", runtime], path: "Generated/%s"),\n' % (t, m, t))
        f.write("], swiftLanguageModes: [.v6])\n")
    results = {}

    def build(args):
        p = subprocess.run(["swift", "build", "-j", str(max(1, jobs)), *args], cwd=work, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        return p.returncode, p.stdout

    def problems(text, module, tests):
        lines = []
        for line in text.splitlines():
            if ("warning:" in line or "error:" in line) and (
                    "/Generated/%s/" % module in line or (tests and "/Generated/%s/" % tests in line)):
                lines.append(line.strip())
        return sorted(set(lines))

    if good:
        rc, log = build(["--build-tests"])
        with open(os.path.join(work, "build.log"), "w") as f:
            f.write(log)
        if rc == 0:
            for i, m, t in good:
                p = problems(log, m, t)
                results[i] = (m, "ok" if not p else "warnings", p)
        else:
            for i, m, t in good:  # one by one, so that each module gets its own verdict
                rc1, log1 = build(["--target", m])
                if rc1 == 0 and t:
                    rc2, log2 = build(["--target", t])
                    rc1, log1 = rc2, log1 + log2
                p = problems(log1, m, t)
                if rc1 != 0 and not p:
                    p = [l.strip() for l in log1.splitlines() if "error:" in l][:10] or ["swift build failed (see build.log)"]
                results[i] = (m, "ok" if rc1 == 0 and not p else ("warnings" if rc1 == 0 else "error"), p)
                with open(os.path.join(work, "build-%s.log" % m), "w") as f:
                    f.write(log1)
    out = []
    for i, m, t, why in modules:
        if m is None:
            out.append((i, None, "error", [why]))
        else:
            out.append((i,) + results[i])
    return out, work


# ---------------------------------------------------------------------------------------------------------------
# Minimizer
# ---------------------------------------------------------------------------------------------------------------

def minimize(codegen, path, timeout, max_tries=2000):
    """Greedy reduction of a reproducer while it keeps the same class and signature: whole shapes first (in
    halves, quarters, ...), then every key and list item (outermost first), then long strings."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        best = json.loads(data)
    except ValueError:
        print("not JSON; cannot minimise structurally: %s" % path)
        return None
    dummy = Seed.__new__(Seed)
    dummy.name = path
    want = classify(codegen, dummy, data, [], 0, timeout)
    goal = (want["class"], want["signature"])
    print("target: %s / %s (%.2fs)" % (goal[0], goal[1], want["time"]))
    if want["class"] in ("accepted", "rejected"):
        print("this reproducer does not fail; nothing to minimise")
        return None
    tries = [0]

    def dump(m):
        return json.dumps(m, ensure_ascii=False, allow_nan=True).encode("utf-8", "surrogatepass")

    def still(m):
        tries[0] += 1
        r = classify(codegen, dummy, dump(m), [], 0, timeout)
        return (r["class"], r["signature"]) == goal

    def get(m, path):
        for p in path:
            m = m[p]
        return m

    def without(m, parent_path, keys):
        c = json.loads(dump(m))
        parent = get(c, parent_path)
        if isinstance(parent, dict):
            for k in keys:
                del parent[k]
        else:
            for k in sorted(keys, reverse=True):
                del parent[k]
        return c

    # 1. shapes, in chunks
    if isinstance(best.get("shapes"), dict):
        chunk = max(1, len(best["shapes"]) // 2)
        while tries[0] < max_tries:
            keys = list(best["shapes"].keys())
            i = 0
            while i < len(keys) and tries[0] < max_tries:
                cand = without(best, ("shapes",), keys[i:i + chunk])
                if still(cand):
                    best = cand
                    keys = list(best["shapes"].keys())
                else:
                    i += chunk
            if chunk == 1:
                break
            chunk = max(1, chunk // 2)

    # 2. every key / item, outermost first, until nothing more goes
    changed = True
    while changed and tries[0] < max_tries:
        changed = False
        queue = [()]
        while queue and tries[0] < max_tries:
            parent_path = queue.pop(0)
            try:
                parent = get(best, parent_path)
            except (KeyError, IndexError, TypeError):
                continue
            if not isinstance(parent, (dict, list)):
                continue
            keys = list(parent.keys()) if isinstance(parent, dict) else list(range(len(parent)))
            kept = []
            for k in reversed(keys) if isinstance(parent, list) else keys:
                if tries[0] >= max_tries:
                    break
                cand = without(best, parent_path, [k])
                if still(cand):
                    best = cand
                    changed = True
                else:
                    kept.append(k)
            parent = get(best, parent_path)
            for k in (list(parent.keys()) if isinstance(parent, dict) else range(len(parent))):
                queue.append(parent_path + (k,))

    # 3. long strings
    for c, k, _ in walk_slots(best):
        if tries[0] >= max_tries:
            break
        v = c[k]
        if isinstance(v, str) and len(v) > 8:
            for cut in (v[:len(v) // 10], v[:len(v) // 2], v[:len(v) * 3 // 4]):
                c[k] = cut
                if still(best):
                    break
                c[k] = v
    out = path[:-5] + ".min.json" if path.endswith(".json") else path + ".min.json"
    with open(out, "wb") as f:
        f.write(json.dumps(best, indent=1, ensure_ascii=True, allow_nan=True).encode())
    print("minimised after %d runs: %s (%d bytes)" % (tries[0], out, os.path.getsize(out)))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------------------------

def main():
    try:
        sys.stdout.reconfigure(line_buffering=True)  # progress shows up in CI logs as it happens
    except AttributeError:
        pass
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--codegen", default=os.path.join(REPO, ".build", "debug", "codegen"), help="the codegen binary")
    ap.add_argument("--count", type=int, default=300, help="variants to run (default 300)")
    ap.add_argument("--seed", default="1", help="random seed (default 1)")
    ap.add_argument("--start", type=int, default=0, help="first variant index (to resume a run)")
    ap.add_argument("--jobs", type=int, default=2, help="parallel codegen runs (default 2)")
    ap.add_argument("--timeout", type=float, default=5.0, help="seconds per model before it counts as a hang")
    ap.add_argument("--out", default=os.path.join(REPO, ".build-fuzz", "model-fuzzer"), help="reproducers go here")
    ap.add_argument("--compile-sample", type=int, default=0, metavar="K", help="compile K accepted variants")
    ap.add_argument("--compile-dir", default=os.path.join(REPO, ".build-fuzz", "compile"), metavar="DIR",
                    help="the throwaway package for --compile-sample (its .build is kept between runs)")
    ap.add_argument("--runtime-package", default=REPO, metavar="DIR",
                    help="the package whose AWSRuntime the compile sample builds against (default: this checkout)")
    ap.add_argument("--models", default=None, metavar="REGEX", help="only seed models whose path matches")
    ap.add_argument("--minimize", metavar="FILE", help="minimise a saved reproducer and exit")
    ap.add_argument("--replay", metavar="FILE", help="run one saved variant and print its verdict")
    ap.add_argument("--show", type=int, metavar="I", help="print variant I's mutations and write it to --out")
    ap.add_argument("--self-test", action="store_true",
                    help="check the Swift scanner and the verdicts against a fake codegen, then exit")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    if args.self_test:
        problems = scanner_self_test() + classifier_self_test()
        print("\n".join(problems) or "self-test: the scanner and the verdicts behave (%d + %d cases)"
              % (len(SCANNER_CASES), len(CLASSIFIER_CASES)))
        return 1 if problems else 0
    if not os.access(args.codegen, os.X_OK):
        print("fuzz: codegen binary not found at %s (swift build --product codegen)" % args.codegen)
        return 2
    codegen = os.path.abspath(args.codegen)

    problems = scanner_self_test()
    if problems:
        print("fuzz: the Swift scanner fails its own cases:\n  " + "\n  ".join(problems))
        return 2

    if args.minimize:
        return 0 if minimize(codegen, args.minimize, args.timeout) else 1
    if args.replay:
        dummy = Seed.__new__(Seed)
        dummy.name = args.replay
        with open(args.replay, "rb") as f:
            r = classify(codegen, dummy, f.read(), [], 0, args.timeout)
        print("%s: %s (%s) rc=%s %.2fs" % (args.replay, r["class"], r["signature"], r["rc"], r["time"]))
        print(r["stderr"][-3000:])
        if r.get("canary"):
            print(json.dumps(r["canary"], indent=1))
        return 0 if r["class"] in ("accepted", "rejected") else 1

    seeds = load_seeds(args.models)
    if not seeds:
        print("fuzz: no seed models (is ../shared there?)")
        return 2
    if args.show is not None:
        seed, data, notes = make_variant(seeds, args.seed, args.show)
        os.makedirs(args.out, exist_ok=True)
        path = os.path.join(args.out, "show-%d.json" % args.show)
        with open(path, "wb") as f:
            f.write(data)
        print("%s\n  %s\n  -> %s" % (seed.name, "\n  ".join(notes), path))
        return 0

    os.makedirs(args.out, exist_ok=True)
    for cls in FAILURE_CLASSES:  # reproducers of an earlier run would read as this run's
        shutil.rmtree(os.path.join(args.out, cls), ignore_errors=True)
    print("model fuzzer: %d variants from %d seed models, seed %s, %d jobs, timeout %.1fs, codegen %s"
          % (args.count, len(seeds), args.seed, args.jobs, args.timeout, codegen))
    counts = {}
    results = []
    failures = {}  # (class, signature) -> [count, first reproducer, notes]
    candidates = []  # heap of (-generated_bytes, index, data, seed) keeping the smallest accepted
    cand_keep = max(0, args.compile_sample) * 4
    candidate_hashes = set()
    lock = threading.Lock()
    started = time.monotonic()
    done = [0]

    def one(index):
        seed, data, notes = make_variant(seeds, args.seed, index)
        r = classify(codegen, seed, data, notes, index, args.timeout)
        with lock:
            counts[r["class"]] = counts.get(r["class"], 0) + 1
            results.append({"time": r["time"], "class": r["class"], "seed": seed.name,
                            "precise": r.get("precise_error_lines", 0), "errors": r.get("error_lines", 0),
                            "size": r["size"], "flags": r["flags"], "canary_seen": r.get("canary_seen", 0),
                            "imprecise": r.get("imprecise") if r["class"] == "rejected" else None,
                            "kinds": sorted({n.split(":", 1)[0] for n in notes if ":" in n})})
            if r["class"] in FAILURE_CLASSES or r["flags"]:
                key = (r["class"], r["signature"])
                path = save_reproducer(args.out, r, data) if r["class"] in FAILURE_CLASSES or "partial" in r["flags"] else None
                entry = failures.setdefault(key, [0, path, notes, r["seed"], r["time"]])
                entry[0] += 1
                if entry[1] is None:
                    entry[1] = path
                elif path and len(data) < os.path.getsize(entry[1]):
                    entry[1], entry[2], entry[3] = path, notes, r["seed"]  # keep the smallest reproducer
                if args.verbose or entry[0] == 1:
                    print("  %-8s #%d %s [%s] %.2fs %s" % (r["class"].upper(), index, r["signature"], seed.name,
                                                         r["time"], "; ".join(notes)[:300]))
            if (r["class"] == "accepted" and cand_keep and "generated_bytes" in r
                    and r["output_hash"] not in candidate_hashes):
                candidate_hashes.add(r["output_hash"])  # the same client twice teaches nothing
                item = (-r["generated_bytes"], index, data, seed.name, notes)
                if len(candidates) < cand_keep:
                    heapq.heappush(candidates, item)
                elif item > candidates[0]:
                    heapq.heapreplace(candidates, item)
            done[0] += 1
            if done[0] % 100 == 0:
                print("  ... %d/%d variants (%.0fs)" % (done[0], args.count, time.monotonic() - started))
                sys.stdout.flush()

    indices = range(args.start, args.start + args.count)
    if args.jobs <= 1:
        for i in indices:
            one(i)
    else:
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            list(pool.map(one, indices))
    fuzz_seconds = time.monotonic() - started

    compile_results = []
    if args.compile_sample > 0:
        pool_sorted = sorted(((-g, i, d, s, n) for g, i, d, s, n in candidates))
        chosen, seen = [], set()
        for item in pool_sorted:  # smallest first, one per seed model first
            if item[3] not in seen and len(chosen) < args.compile_sample:
                chosen.append(item)
                seen.add(item[3])
        for item in pool_sorted:
            if len(chosen) < args.compile_sample and item not in chosen:
                chosen.append(item)
        if chosen:
            print("compiling %d accepted variants: %s" % (len(chosen), ", ".join("#%d (%s, %d bytes)" % (i, os.path.basename(s), g) for g, i, _, s, _ in chosen)))
            sys.stdout.flush()
            compile_results, work = compile_sample(codegen, chosen, args.compile_dir, args.jobs, args.timeout,
                                                  os.path.abspath(args.runtime_package))
            by_index = {i: (d, n) for _, i, d, _, n in chosen}
            for i, module, verdict, problems in compile_results:
                ok = verdict == "ok"
                print("  compile #%d %s: %s" % (i, module or "-", verdict))
                for p in problems[:10]:
                    print("      " + p)
                if not ok:
                    counts["compile"] = counts.get("compile", 0) + 1
                    r = {"index": i, "class": "compile", "stderr": "\n".join(problems), "module": module,
                         "verdict": verdict}
                    r["notes"] = by_index[i][1]
                    path = save_reproducer(args.out, r, by_index[i][0])
                    first = problems[0] if problems else verdict
                    first = re.sub(r"^.*?/Generated/[^/]+/", "", first)
                    first = re.sub(r":\d+(:\d+)?:", ":", first)
                    key = ("compile", first[:160])
                    entry = failures.setdefault(key, [0, path, by_index[i][1], "", 0])
                    entry[0] += 1
        else:
            print("compile sample: no accepted variants to compile")

    # ---- summary
    times = [r["time"] for r in results]
    total = len(results)
    failed = sum(counts.get(c, 0) for c in FAILURE_CLASSES)
    passed = total - sum(counts.get(c, 0) for c in FAILURE_CLASSES if c != "compile")
    rejected = counts.get("rejected", 0)
    precise = sum(1 for r in results if r["class"] == "rejected" and r["precise"] > 0)
    print()
    print("=" * 78)
    print("model fuzzer summary (seed %s, %d variants in %.0fs)" % (args.seed, total, fuzz_seconds))
    print("-" * 78)
    rows = [("variants run", total), ("accepted", counts.get("accepted", 0)),
            ("rejected with a clear error", rejected),
            ("  of which with shape and JSON path", precise),
            ("crashes", counts.get("crash", 0)), ("hangs (> %.0fs)" % args.timeout, counts.get("hang", 0)),
            ("partial writes", counts.get("partial", 0) + sum(1 for r in results if "partial" in r["flags"] and r["class"] != "partial")),
            ("unclear errors (exit 1, no error: line)", counts.get("unclear", 0)),
            ("canary in generated code", counts.get("canary", 0)),
            ("  accepted with the canary in comments/strings",
             "%d variants, %d occurrences" % (sum(1 for r in results if r["canary_seen"] and r["class"] == "accepted"),
                                              sum(r["canary_seen"] for r in results if r["class"] == "accepted")))]
    if times:
        rows += [("max time per model", "%.2fs" % max(times)), ("median time per model", "%.2fs" % statistics.median(times))]
    if args.compile_sample > 0:
        ok = sum(1 for _, _, v, _ in compile_results if v == "ok")
        rows.append(("compile sample", "%d/%d compiled without warnings" % (ok, len(compile_results))))
    for k, v in rows:
        print("  %-44s %s" % (k, v))
    per_seed = {}
    for r in results:
        d = per_seed.setdefault(os.path.basename(r["seed"]), {})
        d[r["class"]] = d.get(r["class"], 0) + 1
    print("-" * 78)
    print("  per seed model: accepted/rejected/failed")
    for name in sorted(per_seed):
        d = per_seed[name]
        print("    %-34s %4d / %4d / %4d" % (name, d.get("accepted", 0), d.get("rejected", 0),
                                              sum(d.get(c, 0) for c in FAILURE_CLASSES)))
    per_kind = {}
    for r in results:
        for k in r["kinds"]:
            d = per_kind.setdefault(k, {})
            d[r["class"]] = d.get(r["class"], 0) + 1
    print("-" * 78)
    print("  per mutation: accepted/rejected/failed (a variant counts once for each of its mutations)")
    for name in sorted(per_kind):
        d = per_kind[name]
        print("    %-34s %4d / %4d / %4d" % (name, d.get("accepted", 0), d.get("rejected", 0),
                                              sum(d.get(c, 0) for c in FAILURE_CLASSES)))
    imprecise = {}
    for r in results:
        if r.get("imprecise"):
            key = re.sub(r"\d+", "N", re.sub(r"'[^']*'|\"[^\"]*\"|\S+#\S+", "…", r["imprecise"]))[:90]
            imprecise[key] = imprecise.get(key, 0) + 1
    if imprecise:
        print("-" * 78)
        print("  rejections without a shape or JSON path (most common first):")
        for k, n in sorted(imprecise.items(), key=lambda kv: -kv[1])[:12]:
            print("    %4d  %s" % (n, k))
    if failures:
        print("-" * 78)
        print("  distinct failures (class, signature, count, smallest reproducer):")
        for (cls, sig), (n, path, notes, seed_name, t) in sorted(failures.items(), key=lambda kv: (kv[0][0], -kv[1][0])):
            print("    %-8s %-62s x%d" % (cls, sig[:62], n))
            if path:
                print("             %s" % os.path.relpath(path, os.getcwd()) if path.startswith(os.getcwd()) else "             %s" % path)
            if notes:
                print("             mutations: %s" % "; ".join(notes)[:240])
    summary_path = os.path.join(args.out, "summary.json")
    with open(summary_path, "w") as f:
        json.dump({"seed": args.seed, "count": total, "counts": counts, "max_time": max(times) if times else 0,
                   "median_time": statistics.median(times) if times else 0,
                   "compile": [(i, m, v, p) for i, m, v, p in compile_results],
                   "failures": [{"class": c, "signature": s, "count": v[0], "reproducer": v[1], "mutations": v[2]}
                                for (c, s), v in failures.items()]}, f, indent=2, default=str)
    print("=" * 78)
    print("fuzz: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
