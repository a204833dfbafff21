#!/usr/bin/env python3
# Writes hostile-text.json (run from the repository root: python3 Tests/CodeGeneratorTests/Models/make-hostile-text.py >
# Tests/CodeGeneratorTests/Models/hostile-text.json). Every free-text position of a small awsJson service holds
# the marker INJECT wrapped in text that would break out of a Swift literal or comment if it were copied as is.
import json
P = [
 'INJECT"\n}\nfunc injected0() {}\n//',
 'INJECT\r\nlet injected1 = 1',
 'INJECT\u2028func injected2() {}',
 'INJECT\u2029\u0085 public struct Injected3 {}',
 'INJECT\u0000NUL',
 'INJECT\u202e\u2066bidi\u2069\u200b',
 'INJECT */ func injected4() {} /*',
 'INJECT""" \\( injected5() ) """',
 'INJECT\n#if true\nfunc injected6() {}\n#endif',
 'INJECT"# + injected7() + #"',
 'INJECT\\(injected8())',
 'INJECT\u000b\u000c\u007f\u0085end',
 'INJECT"## + injected9() + ##"\\##(x)',
]
# Patterns must stay valid regular expressions (so their checks are generated, not left out).
PAT = [
 '^INJECT"\n}\nfunc injected10\\(\\) \\{\\}$',
 'INJECT"# \\+ injected11 \\+ #"\u2028',
 'INJECT\\\\\\(x\\) """ \u202e \u0000',
 '[INJECT"\\]#]*\r\n#if',
]
i = iter(range(1000))
def p(k): return P[k % len(P)]
doc = lambda k: {"smithy.api#documentation": p(k)}
shapes = {
 "h.x#Svc": {"type": "service", "version": p(1), "operations": [{"target": "h.x#DoThing"}, {"target": "h.x#ListThings"}],
   "errors": [{"target": "h.x#Failure"}],
   "traits": {"aws.protocols#awsJson1_1": {}, "aws.protocols#awsQueryCompatible": {},
     "aws.api#service": {"sdkId": "Hostile", "arnNamespace": p(2)}, "aws.auth#sigv4": {"name": p(3)},
     "smithy.api#title": p(4), "smithy.api#documentation": p(5),
     "smithy.rules#endpointRuleSet": {"version": "1.0",
        "parameters": {"Region": {"type": "String", "builtIn": "AWS::Region", "required": False, "documentation": p(6)}},
        "rules": [{"conditions": [], "type": "error", "error": p(7), "documentation": p(8)}]},
     "smithy.api#paginated": {"inputToken": "token", "outputToken": "token"}}},
 "h.x#DoThing": {"type": "operation", "input": {"target": "h.x#DoThingInput"}, "output": {"target": "h.x#DoThingOutput"},
   "errors": [{"target": "h.x#Failure"}],
   "traits": {"smithy.api#documentation": p(9), "smithy.api#deprecated": {"message": p(10), "since": p(11)},
              "smithy.api#endpoint": {"hostPrefix": "a{label}" + "-b"}}},
 "h.x#ListThings": {"type": "operation", "input": {"target": "h.x#ListThingsInput"}, "output": {"target": "h.x#ListThingsOutput"},
   "traits": {"smithy.api#documentation": p(12), "smithy.api#paginated": {"items": "things"}}},
 "h.x#ListThingsInput": {"type": "structure", "members": {"token": {"target": "smithy.api#String", "traits": doc(0)}}},
 "h.x#ListThingsOutput": {"type": "structure", "members": {"token": {"target": "smithy.api#String"},
   "things": {"target": "h.x#Things", "traits": doc(1)}}},
 "h.x#Things": {"type": "list", "member": {"target": "h.x#Detail"}, "traits": doc(2)},
 "h.x#DoThingInput": {"type": "structure", "traits": {"smithy.api#input": {}, "smithy.api#documentation": p(3)}, "members": {
   "label": {"target": "h.x#Label", "traits": {"smithy.api#required": {}, "smithy.api#hostLabel": {}, "smithy.api#documentation": p(4)}},
   "text": {"target": "smithy.api#String", "traits": {"smithy.api#default": p(5), "smithy.api#documentation": p(6),
            "smithy.api#deprecated": {"message": p(7)}}},
   "pick": {"target": "h.x#Choice", "traits": doc(8)},
   "legacy": {"target": "h.x#Legacy"},
   "level": {"target": "h.x#Level"},
   "detail": {"target": "h.x#Detail"},
   "either": {"target": "h.x#Either"},
   "secret": {"target": "h.x#Secret"},
   "hashValue": {"target": "smithy.api#Integer"}, "customMirror": {"target": "smithy.api#String"},
   "inout": {"target": "smithy.api#String"}, "var": {"target": "smithy.api#String"},
   "p0": {"target": "h.x#P0"}, "p1": {"target": "h.x#P1"}, "p2": {"target": "h.x#P2"}, "p3": {"target": "h.x#P3"}}},
 "h.x#Label": {"type": "string", "traits": {"smithy.api#pattern": "^[a-z]+$", "smithy.api#length": {"min": 1, "max": 9}}},
 "h.x#P0": {"type": "string", "traits": {"smithy.api#pattern": PAT[0]}},
 "h.x#P1": {"type": "string", "traits": {"smithy.api#pattern": PAT[1]}},
 "h.x#P2": {"type": "string", "traits": {"smithy.api#pattern": PAT[2]}},
 "h.x#P3": {"type": "string", "traits": {"smithy.api#pattern": PAT[3]}},
 "h.x#Secret": {"type": "string", "traits": {"smithy.api#sensitive": {}, "smithy.api#documentation": p(9)}},
 "h.x#DoThingOutput": {"type": "structure", "traits": {"smithy.api#output": {}}, "members": {
   "result": {"target": "smithy.api#String", "traits": doc(10)}}},
 "h.x#Choice": {"type": "enum", "traits": doc(11), "members": {
   "ONE": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": p(0), "smithy.api#documentation": p(12)}},
   "TWO": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": p(1)}},
   "THREE": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": p(2)}},
   "ALL_CASES": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "all"}},
   "RAW_VALUE": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "raw"}},
   "IS_KNOWN": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "known"}}}},
 "h.x#Legacy": {"type": "string", "traits": {"smithy.api#enum": [
   {"value": p(3), "name": "FIRST", "documentation": p(4)}, {"value": p(5), "name": "SECOND"}]}},
 "h.x#Level": {"type": "intEnum", "traits": doc(6), "members": {
   "LOW": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 1, "smithy.api#documentation": p(7)}},
   "HIGH": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": -2147483648}}}},
 "h.x#Detail": {"type": "structure", "traits": {"smithy.api#documentation": p(8), "smithy.api#deprecated": {"message": p(9), "since": p(10)}},
   "members": {"note": {"target": "smithy.api#String", "traits": doc(11)}}},
 "h.x#Either": {"type": "union", "traits": doc(12), "members": {
   "left": {"target": "smithy.api#String", "traits": doc(0)}, "right": {"target": "h.x#Secret", "traits": doc(1)}}},
 "h.x#Failure": {"type": "structure", "traits": {"smithy.api#error": "client", "smithy.api#documentation": p(2),
   "aws.protocols#awsQueryError": {"code": p(3), "httpResponseCode": 400}},
   "members": {"message": {"target": "smithy.api#String", "traits": doc(4)}}},
}
model = {"smithy": "2.0", "metadata": {"note": p(5)}, "shapes": shapes}
print(json.dumps(model, indent=1, ensure_ascii=True))
