#!/usr/bin/env python3
"""In-memory Amazon ECR Public test service speaking awsJson1_1 over HTTP/1.1.

End-to-end tests point the generated Swift client at this server. It checks what a real
endpoint would reject (SigV4 signatures, targets, content type, required members, part
ordering, digests) so that client bugs surface as failures, and keeps all state in memory
so every run starts empty.

    python3 ecr_public_server.py --port 0 --access-key AKID --secret-key SECRET \
        [--region us-east-1] [--port-file PATH] [--max-lifetime 900] [--verbose] \
        [--inspection] [--part-delay SECONDS] [--fail-parts N] [--lose-part-responses N]

Prints `LISTENING <port>` once it accepts connections. Standard library plus botocore only.
"""

import argparse
import base64
import binascii
import collections
import contextlib
import datetime
import hashlib
import hmac
import json
import os
import re
import signal
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest, HTTPHeaders
from botocore.credentials import Credentials

TARGET_PREFIX = "SpencerFrontendService."
JSON_CONTENT_TYPE = "application/x-amz-json-1.1"
SIGNING_NAME = "ecr-public"
MIB = 1024 * 1024
# Real ECR rejects a layer whose non-final parts are smaller than 5 MiB. It reports this at
# CompleteLayerUpload (LayerPartTooSmallException), not at UploadLayerPart, and so do we.
MIN_PART_SIZE = 5 * MIB
MAX_CLOCK_SKEW = datetime.timedelta(minutes=15)  # what AWS tolerates between client and server
DIGEST_PATTERN = re.compile(r"^sha256:[0-9a-f]{64}$")
REPOSITORY_NAME_PATTERN = re.compile(r"^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$")
# The values the ECR Public console and API accept for catalog data.
ARCHITECTURES = {"ARM", "ARM 64", "x86", "x86-64"}
OPERATING_SYSTEMS = {"Linux", "Windows"}
DEFAULT_MANIFEST_MEDIA_TYPE = "application/vnd.docker.distribution.manifest.v2+json"


class ServiceError(Exception):
    """An error the service reports as `{"__type": code, "message": ...}` plus extra members."""

    def __init__(self, code, message, status=400, **members):
        super().__init__(message)
        self.code, self.message, self.status, self.members = code, message, status, members

    def body(self):
        return {"__type": self.code, "message": self.message, **self.members}


def invalid(message):
    return ServiceError("InvalidParameterException", message)


# ---------------------------------------------------------------------------------------------
# SigV4 verification
# ---------------------------------------------------------------------------------------------

AUTH_PATTERN = re.compile(
    r"^AWS4-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})\s*$")


class _SignedHeadersOnly(SigV4Auth):
    """SigV4Auth that signs exactly the headers the client named.

    botocore's own list leaves out headers such as user-agent, which SigV4 allows a client to
    sign; recomputing with the client's list keeps a correct client from being rejected.
    """

    def __init__(self, credentials, service, region, signed_names):
        super().__init__(credentials, service, region)
        self._signed_names = signed_names

    def headers_to_sign(self, request):
        headers = HTTPHeaders()
        for name, value in request.headers.items():
            if name.lower() in self._signed_names:
                headers[name.lower()] = value
        return headers


def verify_signature(config, method, path, headers, body, now=None):
    """Raise a ServiceError unless `headers` carry a valid SigV4 signature for this request."""

    def reject(message, code="InvalidSignatureException"):
        raise ServiceError(code, message, status=403)

    authorization = headers.get("Authorization")
    if not authorization:
        reject("Missing Authentication Token: no Authorization header")
    match = AUTH_PATTERN.match(authorization)
    if not match:
        reject("Authorization header is not a well-formed AWS4-HMAC-SHA256 header")
    credential, signed_list, signature = match.groups()
    scope = credential.split("/")
    if len(scope) != 5 or scope[4] != "aws4_request":
        reject(f"Credential should be scoped to a valid region, service and aws4_request: {credential}")
    access_key, date, region, service = scope[:4]
    if access_key != config.access_key:
        reject("The security token included in the request is invalid.", "UnrecognizedClientException")
    if region != config.region:
        reject(f"Credential should be scoped to a valid region, not '{region}'.")
    if service != SIGNING_NAME:
        reject(f"Credential should be scoped to correct service: '{SIGNING_NAME}'.")
    signed_names = signed_list.split(";")
    if signed_names != sorted(set(signed_names)) or any(n != n.lower() for n in signed_names):
        reject("SignedHeaders must be lowercase, unique and sorted")
    for required in ("host", "x-amz-date"):
        if required not in signed_names:
            reject(f"'{required}' must be a signed header")
    present = {name.lower() for name in headers.keys()}
    missing = [name for name in signed_names if name not in present]
    if missing:
        reject(f"Signed header(s) missing from the request: {', '.join(missing)}")
    amz_date = headers.get("X-Amz-Date", "")
    try:
        signed_at = datetime.datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc)
    except ValueError:
        reject(f"X-Amz-Date '{amz_date}' is not in the form YYYYMMDDTHHMMSSZ")
    if date != amz_date[:8]:
        reject(f"Credential date {date} does not match X-Amz-Date {amz_date}")
    now = now or datetime.datetime.now(datetime.timezone.utc)
    if config.check_clock and abs(now - signed_at) > MAX_CLOCK_SKEW:
        reject(f"Signature expired: {amz_date} is not within 15 minutes of {now:%Y%m%dT%H%M%SZ}")
    token = headers.get("X-Amz-Security-Token")
    if config.session_token is not None and token != config.session_token:
        reject("The security token included in the request is invalid.", "UnrecognizedClientException")
    content_sha = headers.get("X-Amz-Content-SHA256")
    if content_sha not in (None, "UNSIGNED-PAYLOAD") and content_sha != hashlib.sha256(body).hexdigest():
        reject("X-Amz-Content-SHA256 does not match the SHA-256 of the body")

    request = AWSRequest(method=method, url=f"http://{headers.get('Host', '')}{path}", data=body)
    for name, value in headers.items():
        request.headers[name] = value  # appends, so repeated headers stay repeated
    request.context["timestamp"] = amz_date
    auth = _SignedHeadersOnly(Credentials(config.access_key, config.secret_key, token),
                              SIGNING_NAME, config.region, set(signed_names))
    canonical = auth.canonical_request(request)
    string_to_sign = auth.string_to_sign(request, canonical)
    if not hmac.compare_digest(auth.signature(string_to_sign, request), signature):
        # Like AWS, show what we signed: the quickest way to find a client's signing bug.
        reject("The request signature we calculated does not match the signature you provided. "
               "Check your AWS Secret Access Key and signing method.\n\nThe Canonical String for this request "
               f"should have been\n'{canonical}'\n\nThe String-to-Sign should have been\n'{string_to_sign}'")


# ---------------------------------------------------------------------------------------------
# Input helpers
# ---------------------------------------------------------------------------------------------

def epoch():
    return round(time.time(), 3)


def require(params, *names):
    """Model-required members: a missing one is an InvalidParameterException, as on AWS."""
    for name in names:
        if params.get(name) is None:
            raise invalid(f"1 validation error detected: Value null at '{name}' failed to satisfy "
                          "constraint: Member must not be null")


def decode_blob(params, name):
    try:
        return base64.b64decode(params.get(name) or "", validate=True)
    except (binascii.Error, TypeError):
        raise ServiceError("SerializationException", f"'{name}' is not valid base64")


def max_results(params):
    value = params.get("maxResults")
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 1000):
        raise invalid(f"Value '{value}' at 'maxResults' failed to satisfy constraint: "
                      "Member must have value between 1 and 1000")
    return value


def paginate(items, params, key):
    """Page `items` (creation order) as `{key: page, nextToken?}`; tokens are base64 offsets."""
    limit = max_results(params) or 100
    token = params.get("nextToken")
    offset = 0
    if token:
        try:
            kind, _, raw = base64.b64decode(token, validate=True).decode().partition(":")
            offset = int(raw)
            assert kind == key and 0 <= offset <= len(items)
        except Exception:
            raise invalid("Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid token'")
    page = {key: items[offset:offset + limit]}
    if offset + limit < len(items):
        page["nextToken"] = base64.b64encode(f"{key}:{offset + limit}".encode()).decode()
    return page


def no_paging_with_filter(params, filter_name):
    if params.get(filter_name) is not None and (params.get("maxResults") or params.get("nextToken")):
        raise invalid(f"Cannot specify maxResults or nextToken together with {filter_name}")


def validate_tags(tags):
    if not isinstance(tags, list) or any(not isinstance(t, dict) or not t.get("Key") for t in tags):
        raise ServiceError("InvalidTagParameterException", "Each tag needs a non-empty Key")
    for tag in tags:
        if len(tag["Key"]) > 128 or tag["Key"].lower().startswith("aws:") or len(tag.get("Value") or "") > 256:
            raise ServiceError("InvalidTagParameterException", f"Invalid tag: {tag['Key']!r}")


# ---------------------------------------------------------------------------------------------
# State and operations
# ---------------------------------------------------------------------------------------------

class Repository:
    """One repository with everything that lives and dies with it."""

    def __init__(self, registry, name):
        self.name = name
        self.registry_id = registry.registry_id
        self.arn = f"arn:aws:ecr-public::{registry.registry_id}:repository/{name}"
        self.uri = f"public.ecr.aws/{registry.alias}/{name}"
        self.created_at = epoch()
        self.catalog = {"marketplaceCertified": False}
        self.policy = None
        self.uploads = {}  # uploadId -> list of part bytes, in order
        self.layers = {}   # digest -> size in bytes
        self.blobs = {}    # digest -> the completed layer's bytes (served by --inspection)
        self.images = {}   # digest -> image record (dict), in push order
        self.tags = {}     # image tag -> (digest, createdAt), in tagging order

    def describe(self):
        return {"repositoryArn": self.arn, "registryId": self.registry_id, "repositoryName": self.name,
                "repositoryUri": self.uri, "createdAt": self.created_at}

    def image_tags(self, digest):
        return [tag for tag, (d, _) in self.tags.items() if d == digest]


class Service:
    """The whole in-memory service: one registry holding repositories, tags and catalog data."""

    def __init__(self, registry_id="123456789012", alias="e2e-test"):
        self.registry_id, self.alias = registry_id, alias
        self.display_name = ""
        self.repositories = {}  # name -> Repository, in creation order
        self.resource_tags = {}  # ARN -> {key: value}
        self.lock = threading.Lock()
        self.calls = collections.Counter()  # operation -> requests that reached it (served by --inspection)
        self.part_failures_left = 0  # --fail-parts: UploadLayerParts still to answer with a ServerException
        self.lost_part_responses_left = 0  # --lose-part-responses: UploadLayerParts still to handle silently
        self.parts_in_flight = 0  # UploadLayerPart requests being handled now (delay included)
        self.max_parts_in_flight = 0  # the most at once so far (served by --inspection)

    def call(self, operation, params):
        handler = OPERATIONS.get(operation)
        if handler is None:
            raise ServiceError("UnsupportedCommandException", f"Unknown operation {operation}")
        if not isinstance(params, dict):
            raise ServiceError("SerializationException", "The request body must be a JSON object")
        with self.lock:
            self.calls[operation] += 1
            if operation == "UploadLayerPart" and self.part_failures_left > 0:
                self.part_failures_left -= 1
                raise ServiceError("ServerException", "Injected transient failure (--fail-parts)", status=500)
            return handler(self, params)

    @contextlib.contextmanager
    def part_in_flight(self, operation):
        """Counts UploadLayerPart requests being handled at once, to see a client's concurrency."""
        counted = operation == "UploadLayerPart"
        if counted:
            with self.lock:
                self.parts_in_flight += 1
                self.max_parts_in_flight = max(self.max_parts_in_flight, self.parts_in_flight)
        try:
            yield
        finally:
            if counted:
                with self.lock:
                    self.parts_in_flight -= 1

    def take_lost_part_response(self, operation):
        """Whether this UploadLayerPart's response is to be lost (--lose-part-responses)."""
        with self.lock:
            if operation != "UploadLayerPart" or self.lost_part_responses_left <= 0:
                return False
            self.lost_part_responses_left -= 1
            return True

    def inspect(self, path, query):
        """Test-only views of the state (--inspection): (status, content type, body bytes)."""
        with self.lock:
            if path == "/_inspect/calls":
                return 200, "application/json", json.dumps(dict(self.calls)).encode()
            if path == "/_inspect/concurrency":
                return 200, "application/json", json.dumps({"maxPartsInFlight": self.max_parts_in_flight}).encode()
            repo = self.repositories.get((query.get("repository") or [""])[0])
            digest = (query.get("digest") or [""])[0]
            if path == "/_inspect/blob" and repo is not None and digest in repo.blobs:
                return 200, "application/octet-stream", repo.blobs[digest]
            if path == "/_inspect/manifest" and repo is not None and digest in repo.images:
                return 200, "application/octet-stream", repo.images[digest]["imageManifest"].encode()
            return 404, "text/plain", b"not found"

    # -- lookups ---------------------------------------------------------------------------

    def repository(self, params, alias_ok=False):
        """The named repository; `alias_ok` for the operations whose registryId may be an alias."""
        require(params, "repositoryName")
        registry = params.get("registryId")
        known = (self.registry_id, self.alias) if alias_ok else (self.registry_id,)
        if registry is not None and registry not in known:
            # Only the RegistryIdOrAlias operations model RegistryNotFoundException.
            code = "RegistryNotFoundException" if alias_ok else "RepositoryNotFoundException"
            raise ServiceError(code, f"The registry '{registry}' does not exist")
        repo = self.repositories.get(params["repositoryName"])
        if repo is None:
            raise ServiceError("RepositoryNotFoundException",
                               f"The repository with name '{params['repositoryName']}' does not exist in the "
                               f"registry with id '{self.registry_id}'")
        return repo

    def repository_for_arn(self, params):
        require(params, "resourceArn")
        arn = params["resourceArn"]
        prefix = f"arn:aws:ecr-public::{self.registry_id}:repository/"
        if not arn.startswith("arn:aws:ecr-public:") or ":repository/" not in arn:
            raise invalid(f"Invalid parameter at 'resourceArn' failed to satisfy constraint: '{arn}'")
        repo = self.repositories.get(arn[len(prefix):]) if arn.startswith(prefix) else None
        if repo is None:
            raise ServiceError("RepositoryNotFoundException", f"The repository with ARN '{arn}' does not exist")
        return repo

    def upload(self, repo, params):
        require(params, "uploadId")
        parts = repo.uploads.get(params["uploadId"])
        if parts is None:
            raise ServiceError("UploadNotFoundException", f"The upload with id '{params['uploadId']}' does not "
                               f"exist in the repository '{repo.name}'")
        return parts

    def registry(self):
        return {"registryId": self.registry_id,
                "registryArn": f"arn:aws:ecr-public::{self.registry_id}:registry/{self.registry_id}",
                "registryUri": f"public.ecr.aws/{self.alias}", "verified": False,
                "aliases": [{"name": self.alias, "status": "ACTIVE", "primaryRegistryAlias": True,
                             "defaultRegistryAlias": True}]}

    # -- registry ----------------------------------------------------------------------------

    def describe_registries(self, params):
        return paginate([self.registry()], params, "registries")

    def get_registry_catalog_data(self, params):
        return {"registryCatalogData": {"displayName": self.display_name}}

    def put_registry_catalog_data(self, params):
        name = params.get("displayName")
        if name is not None:
            if not isinstance(name, str) or len(name) > 100:
                raise invalid("displayName must be a string of at most 100 characters")
            self.display_name = name
        return self.get_registry_catalog_data(params)

    def get_authorization_token(self, params):
        password = base64.b64encode(os.urandom(24)).decode()
        return {"authorizationData": {"authorizationToken": base64.b64encode(f"AWS:{password}".encode()).decode(),
                                      "expiresAt": epoch() + 12 * 3600}}

    # -- repositories ------------------------------------------------------------------------

    def create_repository(self, params):
        require(params, "repositoryName")
        name = params["repositoryName"]
        if not isinstance(name, str) or not 2 <= len(name) <= 205 or not REPOSITORY_NAME_PATTERN.match(name):
            raise invalid(f"Invalid parameter at 'repositoryName' failed to satisfy constraint: '{name}'")
        if name in self.repositories:
            raise ServiceError("RepositoryAlreadyExistsException", f"The repository with name '{name}' already "
                               f"exists in the registry with id '{self.registry_id}'")
        tags = params.get("tags") or []
        validate_tags(tags)
        if len(tags) > 200:
            raise ServiceError("TooManyTagsException", "A repository can have at most 200 tags")
        repo = Repository(self, name)
        if params.get("catalogData") is not None:
            self.update_catalog(repo, params["catalogData"])
        self.repositories[name] = repo
        self.resource_tags[repo.arn] = {t["Key"]: t.get("Value", "") for t in tags}
        return {"repository": repo.describe(), "catalogData": repo.catalog}

    def describe_repositories(self, params):
        no_paging_with_filter(params, "repositoryNames")
        max_results(params)
        if params.get("repositoryNames") is not None:
            return {"repositories": [self.repository({"repositoryName": n, "registryId": params.get("registryId")})
                                     .describe() for n in params["repositoryNames"]]}
        if params.get("registryId") not in (None, self.registry_id):
            raise ServiceError("RepositoryNotFoundException", f"No registry with id '{params['registryId']}'")
        return paginate([r.describe() for r in self.repositories.values()], params, "repositories")

    def delete_repository(self, params):
        repo = self.repository(params)
        if repo.images and not params.get("force"):
            raise ServiceError("RepositoryNotEmptyException", f"The repository with name '{repo.name}' in registry "
                               f"with id '{self.registry_id}' cannot be deleted because it still contains images")
        del self.repositories[repo.name]
        self.resource_tags.pop(repo.arn, None)
        return {"repository": repo.describe()}

    # -- catalog data ------------------------------------------------------------------------

    def update_catalog(self, repo, data):
        """Merge the members present in a RepositoryCatalogDataInput into the repository's catalog."""
        if not isinstance(data, dict):
            raise invalid("catalogData must be an object")
        for key, allowed in (("architectures", ARCHITECTURES), ("operatingSystems", OPERATING_SYSTEMS)):
            values = data.get(key)
            if values is not None and (not isinstance(values, list) or not set(values) <= allowed):
                raise invalid(f"Invalid parameter at '{key}': each value must be one of {sorted(allowed)}")
        for key in ("description", "architectures", "operatingSystems", "aboutText", "usageText"):
            if data.get(key) is not None:
                repo.catalog[key] = data[key]
        if data.get("logoImageBlob") is not None:
            logo = decode_blob(data, "logoImageBlob")
            if len(logo) > 512000:
                raise invalid("logoImageBlob must be at most 512000 bytes")
            # Real ECR stores the logo on a CDN; a URL derived from the bytes is enough to test with.
            repo.catalog["logoUrl"] = f"https://logos.ecr-public.test/{hashlib.sha256(logo).hexdigest()}.png"

    def get_repository_catalog_data(self, params):
        return {"catalogData": self.repository(params).catalog}

    def put_repository_catalog_data(self, params):
        repo = self.repository(params)
        require(params, "catalogData")
        self.update_catalog(repo, params["catalogData"])
        return {"catalogData": repo.catalog}

    # -- policies and tags -------------------------------------------------------------------

    def policy_response(self, repo, text):
        return {"registryId": self.registry_id, "repositoryName": repo.name, "policyText": text}

    def policy_of(self, repo):
        if repo.policy is None:
            raise ServiceError("RepositoryPolicyNotFoundException", "Repository policy does not exist for the "
                               f"repository with name '{repo.name}' in the registry with id '{self.registry_id}'")
        return repo.policy

    def set_repository_policy(self, params):
        repo = self.repository(params)
        require(params, "policyText")
        try:
            json.loads(params["policyText"])
        except (TypeError, ValueError):
            raise invalid("Invalid parameter at 'PolicyText' failed to satisfy constraint: "
                          "'Invalid repository policy provided'")
        repo.policy = params["policyText"]
        return self.policy_response(repo, repo.policy)

    def get_repository_policy(self, params):
        repo = self.repository(params)
        return self.policy_response(repo, self.policy_of(repo))

    def delete_repository_policy(self, params):
        repo = self.repository(params)
        text = self.policy_of(repo)
        repo.policy = None
        return self.policy_response(repo, text)

    def list_tags_for_resource(self, params):
        repo = self.repository_for_arn(params)
        return {"tags": [{"Key": k, "Value": v} for k, v in self.resource_tags[repo.arn].items()]}

    def tag_resource(self, params):
        repo = self.repository_for_arn(params)
        require(params, "tags")
        validate_tags(params["tags"])
        merged = dict(self.resource_tags[repo.arn])
        merged.update({t["Key"]: t.get("Value", "") for t in params["tags"]})
        if len(merged) > 200:
            raise ServiceError("TooManyTagsException", "A resource can have at most 200 tags")
        self.resource_tags[repo.arn] = merged
        return {}

    def untag_resource(self, params):
        repo = self.repository_for_arn(params)
        require(params, "tagKeys")
        for key in params["tagKeys"]:
            self.resource_tags[repo.arn].pop(key, None)
        return {}

    # -- layers ------------------------------------------------------------------------------

    def batch_check_layer_availability(self, params):
        repo = self.repository(params, alias_ok=True)
        require(params, "layerDigests")
        layers, failures = [], []
        for digest in params["layerDigests"]:
            if not isinstance(digest, str) or not DIGEST_PATTERN.match(digest):
                failures.append({"layerDigest": digest, "failureCode": "InvalidLayerDigest",
                                 "failureReason": "Invalid layer digest"})
            elif digest in repo.layers:
                layers.append({"layerDigest": digest, "layerAvailability": "AVAILABLE",
                               "layerSize": repo.layers[digest]})
            else:
                failures.append({"layerDigest": digest, "failureCode": "MissingLayerDigest",
                                 "failureReason": "Could not find layer digest"})
        return {"layers": layers, "failures": failures}

    def initiate_layer_upload(self, params):
        repo = self.repository(params, alias_ok=True)
        upload_id = str(uuid.uuid4())
        repo.uploads[upload_id] = []
        return {"uploadId": upload_id, "partSize": MIN_PART_SIZE}

    def upload_layer_part(self, params):
        repo = self.repository(params, alias_ok=True)
        parts = self.upload(repo, params)
        require(params, "partFirstByte", "partLastByte", "layerPartBlob")
        blob = decode_blob(params, "layerPartBlob")
        first, last = params["partFirstByte"], params["partLastByte"]
        if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in (first, last)):
            raise invalid("partFirstByte and partLastByte must be non-negative integers")
        received = sum(len(p) for p in parts)
        if first != received or last - first + 1 != len(blob):
            extra = {"lastValidByteReceived": received - 1} if received else {}
            raise ServiceError(
                "InvalidLayerPartException",
                f"The layer part bytes {first}-{last} ({len(blob)} bytes sent) do not continue the upload: "
                f"the next part must start at byte {received} and its range must match its length",
                registryId=self.registry_id, repositoryName=repo.name, uploadId=params["uploadId"], **extra)
        parts.append(blob)
        return {"registryId": self.registry_id, "repositoryName": repo.name, "uploadId": params["uploadId"],
                "lastByteReceived": last}

    def complete_layer_upload(self, params):
        """Check the finished upload the way ECR does; the upload is consumed only on success."""
        repo = self.repository(params, alias_ok=True)
        parts = self.upload(repo, params)
        require(params, "layerDigests")
        digests = params["layerDigests"]
        if not isinstance(digests, list) or len(digests) != 1:
            raise invalid("layerDigests must name exactly the one digest of the uploaded layer")
        if not parts:
            raise ServiceError("EmptyUploadException", f"The upload with id '{params['uploadId']}' has no parts")
        if any(len(part) < MIN_PART_SIZE for part in parts[:-1]):
            raise ServiceError("LayerPartTooSmallException",
                               f"Every layer part except the last must be at least {MIN_PART_SIZE} bytes")
        digest = "sha256:" + hashlib.sha256(b"".join(parts)).hexdigest()
        if digests[0] != digest:
            raise ServiceError("InvalidLayerException",
                               f"The layer digest calculated for the upload ({digest}) does not match the "
                               f"digest provided ({digests[0]})")
        if digest in repo.layers:
            raise ServiceError("LayerAlreadyExistsException",
                               f"The layer '{digest}' already exists in the repository '{repo.name}'")
        repo.layers[digest] = sum(len(part) for part in parts)
        repo.blobs[digest] = b"".join(parts)
        del repo.uploads[params["uploadId"]]
        return {"registryId": self.registry_id, "repositoryName": repo.name, "uploadId": params["uploadId"],
                "layerDigest": digest}

    # -- images ------------------------------------------------------------------------------

    def put_image(self, params):
        repo = self.repository(params, alias_ok=True)
        require(params, "imageManifest")
        manifest, tag = params["imageManifest"], params.get("imageTag")
        if not isinstance(manifest, str) or not manifest:
            raise invalid("imageManifest must be a non-empty string")
        digest = "sha256:" + hashlib.sha256(manifest.encode()).hexdigest()
        if params.get("imageDigest") not in (None, digest):
            raise ServiceError("ImageDigestDoesNotMatchException",
                               f"The digest {params['imageDigest']} does not match the manifest digest {digest}")
        if digest in repo.images and (tag is None or repo.tags.get(tag, (None,))[0] == digest):
            label = f"and tag '{tag}' " if tag else ""
            raise ServiceError("ImageAlreadyExistsException", f"Image with digest '{digest}' {label}already "
                               f"exists in the repository with name '{repo.name}' in registry with id "
                               f"'{self.registry_id}'")
        record = repo.images.get(digest) or self.new_image(repo, manifest, digest, params)
        repo.images[digest] = record
        if tag is not None:
            repo.tags.pop(tag, None)  # tags are mutable in ECR Public: a tag moves to the new image
            repo.tags[tag] = (digest, epoch())
        image_id = {"imageDigest": digest, **({"imageTag": tag} if tag is not None else {})}
        return {"image": {"registryId": self.registry_id, "repositoryName": repo.name, "imageId": image_id,
                          "imageManifest": manifest, "imageManifestMediaType": record["imageManifestMediaType"]}}

    def new_image(self, repo, manifest, digest, params):
        """Build an image record, checking that the layers and images a manifest references exist."""
        try:
            parsed = json.loads(manifest)
        except ValueError:
            parsed = None
        parsed = parsed if isinstance(parsed, dict) else {}
        layers = [layer.get("digest") for layer in parsed.get("layers") or [] if isinstance(layer, dict)]
        config = parsed.get("config") if isinstance(parsed.get("config"), dict) else {}
        blobs = layers + ([config["digest"]] if config.get("digest") else [])
        missing = [d for d in blobs if d not in repo.layers]
        if missing:
            raise ServiceError("LayersNotFoundException", f"Layers {missing} not found in the repository")
        children = [m.get("digest") for m in parsed.get("manifests") or [] if isinstance(m, dict)]
        if any(child not in repo.images for child in children):
            raise ServiceError("ReferencedImagesNotFoundException", "Some images this manifest list references "
                               "are not in the repository")
        size = sum(repo.layers[d] for d in layers) if layers else len(manifest.encode())
        record = {"imageDigest": digest, "imageManifest": manifest, "imagePushedAt": epoch(),
                  "imageSizeInBytes": size,
                  "imageManifestMediaType": params.get("imageManifestMediaType") or parsed.get("mediaType")
                  or DEFAULT_MANIFEST_MEDIA_TYPE}
        if config.get("mediaType"):
            record["artifactMediaType"] = config["mediaType"]
        return record

    def image_detail(self, repo, record):
        detail = {"registryId": self.registry_id, "repositoryName": repo.name}
        detail.update({k: v for k, v in record.items() if k != "imageManifest"})
        tags = repo.image_tags(record["imageDigest"])
        if tags:
            detail["imageTags"] = tags
        return detail

    def find_image(self, repo, image_id):
        """The image record an ImageIdentifier names, or None; raises on identifiers that name nothing."""
        digest, tag = image_id.get("imageDigest"), image_id.get("imageTag")
        if digest is None and tag is None:
            raise invalid("An image identifier needs imageDigest or imageTag")
        if tag is not None and tag not in repo.tags:
            return None
        if tag is not None and digest not in (None, repo.tags[tag][0]):
            return None
        return repo.images.get(digest or repo.tags[tag][0])

    def describe_images(self, params):
        repo = self.repository(params)
        no_paging_with_filter(params, "imageIds")
        max_results(params)
        if params.get("imageIds") is not None:
            records = []
            for image_id in params["imageIds"]:
                record = self.find_image(repo, image_id)
                if record is None:
                    raise ServiceError("ImageNotFoundException", f"The image with imageId {json.dumps(image_id)} "
                                       f"does not exist within the repository with name '{repo.name}'")
                records.append(record)
            return {"imageDetails": [self.image_detail(repo, r) for r in records]}
        return paginate([self.image_detail(repo, r) for r in repo.images.values()], params, "imageDetails")

    def describe_image_tags(self, params):
        repo = self.repository(params)
        details = []
        for tag, (digest, created_at) in repo.tags.items():
            image = {k: v for k, v in repo.images[digest].items() if k != "imageManifest"}
            details.append({"imageTag": tag, "createdAt": created_at, "imageDetail": image})
        return paginate(details, params, "imageTagDetails")

    def batch_delete_image(self, params):
        """Delete by digest (image and all its tags) or by tag (the tag; the image with its last tag)."""
        repo = self.repository(params)
        require(params, "imageIds")
        deleted, failures = [], []
        for image_id in params["imageIds"]:
            digest, tag = image_id.get("imageDigest"), image_id.get("imageTag")
            if digest is None and tag is None:
                failures.append({"imageId": image_id, "failureCode": "MissingDigestAndTag",
                                 "failureReason": "Invalid request parameters: both tag and digest cannot be null"})
                continue
            if tag is not None and digest is not None and tag in repo.tags and repo.tags[tag][0] != digest:
                failures.append({"imageId": image_id, "failureCode": "ImageTagDoesNotMatchDigest",
                                 "failureReason": "Invalid request parameters: image tag does not match digest"})
                continue
            record = self.find_image(repo, image_id)
            if record is None:
                failures.append({"imageId": image_id, "failureCode": "ImageNotFound",
                                 "failureReason": "Requested image not found"})
                continue
            digest = record["imageDigest"]
            if image_id.get("imageDigest") is None:
                del repo.tags[tag]
                if repo.image_tags(digest):
                    deleted.append({"imageDigest": digest, "imageTag": tag})
                    continue
            for old_tag in repo.image_tags(digest):
                del repo.tags[old_tag]
            del repo.images[digest]
            deleted.append({"imageDigest": digest, **({"imageTag": tag} if tag is not None else {})})
        return {"imageIds": deleted, "failures": failures}


OPERATIONS = {
    "BatchCheckLayerAvailability": Service.batch_check_layer_availability,
    "BatchDeleteImage": Service.batch_delete_image,
    "CompleteLayerUpload": Service.complete_layer_upload,
    "CreateRepository": Service.create_repository,
    "DeleteRepository": Service.delete_repository,
    "DeleteRepositoryPolicy": Service.delete_repository_policy,
    "DescribeImageTags": Service.describe_image_tags,
    "DescribeImages": Service.describe_images,
    "DescribeRegistries": Service.describe_registries,
    "DescribeRepositories": Service.describe_repositories,
    "GetAuthorizationToken": Service.get_authorization_token,
    "GetRegistryCatalogData": Service.get_registry_catalog_data,
    "GetRepositoryCatalogData": Service.get_repository_catalog_data,
    "GetRepositoryPolicy": Service.get_repository_policy,
    "InitiateLayerUpload": Service.initiate_layer_upload,
    "ListTagsForResource": Service.list_tags_for_resource,
    "PutImage": Service.put_image,
    "PutRegistryCatalogData": Service.put_registry_catalog_data,
    "PutRepositoryCatalogData": Service.put_repository_catalog_data,
    "SetRepositoryPolicy": Service.set_repository_policy,
    "TagResource": Service.tag_resource,
    "UntagResource": Service.untag_resource,
    "UploadLayerPart": Service.upload_layer_part,
}


# ---------------------------------------------------------------------------------------------
# HTTP
# ---------------------------------------------------------------------------------------------

class Handler(BaseHTTPRequestHandler):
    """awsJson1_1 framing: POST / with X-Amz-Target, JSON in, JSON out, x-amzn-RequestId always."""

    protocol_version = "HTTP/1.1"  # keep-alive, as AWS endpoints do
    server_version = "ecr-public-test-service"

    def do_POST(self):
        body = self.read_body()
        try:
            if self.path != "/":
                raise ServiceError("UnknownOperationException", f"No operation at path {self.path}", status=404)
            verify_signature(self.server.config, "POST", self.path, self.headers, body)
            media_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if media_type != JSON_CONTENT_TYPE:
                raise ServiceError("SerializationException", f"Content-Type must be {JSON_CONTENT_TYPE}, "
                                   f"not '{self.headers.get('Content-Type')}'")
            target = self.headers.get("X-Amz-Target") or ""
            if not target.startswith(TARGET_PREFIX):
                raise ServiceError("UnsupportedCommandException", f"Unknown X-Amz-Target '{target}'")
            try:
                params = json.loads(body or b"{}")
            except ValueError as error:
                raise ServiceError("SerializationException", f"The request body is not valid JSON: {error}")
            operation = target[len(TARGET_PREFIX):]
            with self.server.service.part_in_flight(operation):
                if operation == "UploadLayerPart" and self.server.config.part_delay > 0:
                    time.sleep(self.server.config.part_delay)  # outside the service lock: other requests go on
                result = self.server.service.call(operation, params)
            if self.server.service.take_lost_part_response(operation):
                self.close_connection = True  # handled, but the client never hears so: as if the line dropped
                return
            self.reply(200, result)
        except ServiceError as error:
            self.reply(error.status, error.body())
        except Exception as error:  # a bug here must still look like an AWS error to the client
            self.reply(500, {"__type": "ServerException", "message": f"{type(error).__name__}: {error}"})

    def do_GET(self):
        self.read_body()
        url = urlsplit(self.path)
        if self.server.config.sso_access_token and url.path == "/federation/credentials":
            self.sso_role_credentials(parse_qs(url.query))
            return
        if self.server.config.inspection and url.path.startswith("/_inspect/"):
            status, content_type, data = self.server.service.inspect(url.path, parse_qs(url.query))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        self.reply(405, {"__type": "UnknownOperationException", "message": "Only POST / is served"})

    do_PUT = do_DELETE = do_HEAD = do_PATCH = do_GET

    def sso_role_credentials(self, query):
        """The IAM Identity Center portal's GetRoleCredentials: this server's own keys for the right access token."""
        config = self.server.config
        status, payload = 200, None
        if self.headers.get("x-amz-sso_bearer_token") != config.sso_access_token:
            status, payload = 401, {"message": "Session token not found or invalid"}
        elif not query.get("role_name") or not query.get("account_id"):
            status, payload = 400, {"message": "role_name and account_id are required"}
        else:
            payload = {"roleCredentials": {
                "accessKeyId": config.access_key, "secretAccessKey": config.secret_key,
                "sessionToken": config.session_token or "", "expiration": int((time.time() + 3600) * 1000)}}
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        if status == 401:
            self.send_header("x-amzn-ErrorType", "UnauthorizedException")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def read_body(self):
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def reply(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", JSON_CONTENT_TYPE)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-amzn-RequestId", str(uuid.uuid4()))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def log_message(self, format, *args):
        if self.server.config.verbose:
            super().log_message(format, *args)


class Server(ThreadingHTTPServer):
    daemon_threads = True  # a stuck client connection must never keep the process alive

    def __init__(self, config):
        super().__init__(("127.0.0.1", config.port), Handler)
        self.config, self.service = config, Service()
        self.service.part_failures_left = config.fail_parts
        self.service.lost_part_responses_left = config.lose_part_responses

    def handle_error(self, request, client_address):
        # A client that hangs up mid-reply is routine in tests (timeouts, cancellation): stay quiet.
        if self.config.verbose or not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--port-file", help="write the chosen port to this file (atomically)")
    parser.add_argument("--access-key", required=True)
    parser.add_argument("--secret-key", required=True)
    parser.add_argument("--session-token", help="when set, requests must carry it as X-Amz-Security-Token")
    parser.add_argument("--region", default="us-east-1")
    parser.add_argument("--sso-access-token",
                        help="also serve the IAM Identity Center portal's GET /federation/credentials for this token")
    parser.add_argument("--max-lifetime", type=float, default=900, help="seconds before exiting by itself")
    parser.add_argument("--no-clock-check", dest="check_clock", action="store_false",
                        help="accept signatures whatever their X-Amz-Date (for fixed-clock tests)")
    parser.add_argument("--verbose", action="store_true", help="log every request line to stderr")
    parser.add_argument("--inspection", action="store_true",
                        help="serve GET /_inspect/calls, /_inspect/blob and /_inspect/manifest (tests only)")
    parser.add_argument("--part-delay", type=float, default=0,
                        help="seconds each UploadLayerPart waits before it is handled (to stop a push half-way)")
    parser.add_argument("--fail-parts", type=int, default=0,
                        help="answer the first N UploadLayerPart requests with a 500 ServerException")
    parser.add_argument("--lose-part-responses", type=int, default=0,
                        help="handle the first N successful UploadLayerPart requests, then close the connection unanswered")
    return parser.parse_args(argv)


def write_port_file(path, port):
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "w") as file:
        file.write(f"{port}\n")
    os.replace(temporary, path)  # readers never see a half-written file


def main(argv=None):
    config = parse_args(argv if argv is not None else sys.argv[1:])
    server = Server(config)

    def stop(*_):
        # shutdown() waits for serve_forever to return, so it must not run on the serving thread.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    lifetime = threading.Timer(config.max_lifetime, stop)
    lifetime.daemon = True
    lifetime.start()
    port = server.server_address[1]
    if config.port_file:
        write_port_file(config.port_file, port)
    print(f"LISTENING {port}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        lifetime.cancel()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
