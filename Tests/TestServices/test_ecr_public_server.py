#!/usr/bin/env python3
"""Self-test of ecr_public_server.py, driven by boto3's own `ecr-public` client.

botocore is the reference client here: whatever it sends, the server must accept, and whatever
the server answers, it must parse. Run as `python3 Tests/TestServices/test_ecr_public_server.py`;
the last line printed is `N passed, M failed`, and the exit status is non-zero on any failure.
"""

import base64
import hashlib
import http.client
import json
import os
import subprocess
import sys
import unittest
import uuid

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

SERVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ecr_public_server.py")
ACCESS_KEY, SECRET_KEY, REGION = "AKIDTESTSERVICE", "test-secret-key", "us-east-1"
MIB = 1024 * 1024


def digest_of(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


class ServerTestCase(unittest.TestCase):
    """Starts one server per test class; each test works in repositories of its own."""

    @classmethod
    def setUpClass(cls):
        cls.process = subprocess.Popen(
            [sys.executable, SERVER, "--port", "0", "--access-key", ACCESS_KEY, "--secret-key", SECRET_KEY,
             "--region", REGION, "--max-lifetime", "120"], stdout=subprocess.PIPE, text=True)
        line = cls.process.stdout.readline().split()
        assert line[:1] == ["LISTENING"], f"unexpected first line {line}"
        cls.port = int(line[1])
        cls.endpoint = f"http://127.0.0.1:{cls.port}"
        cls.ecr = cls.client(SECRET_KEY)

    @classmethod
    def tearDownClass(cls):
        cls.process.terminate()
        cls.process.wait(timeout=10)
        cls.process.stdout.close()

    @classmethod
    def client(cls, secret, access_key=ACCESS_KEY):
        return boto3.client("ecr-public", endpoint_url=cls.endpoint, region_name=REGION,
                            aws_access_key_id=access_key, aws_secret_access_key=secret,
                            config=Config(retries={"max_attempts": 1}))

    def new_repository(self, **kwargs):
        name = f"repo-{uuid.uuid4().hex[:12]}"
        self.ecr.create_repository(repositoryName=name, **kwargs)
        return name

    def assert_error(self, code, call, **kwargs):
        with self.assertRaises(ClientError) as caught:
            call(**kwargs)
        error = caught.exception.response
        self.assertEqual(error["Error"]["Code"], code, error["Error"].get("Message"))
        self.assertTrue(error["ResponseMetadata"]["RequestId"])
        return error

    def upload_layer(self, repository, data, part_sizes=None):
        """Upload `data` in parts of `part_sizes` (default one part) and return its digest."""
        upload_id = self.ecr.initiate_layer_upload(repositoryName=repository)["uploadId"]
        self.upload_parts(repository, upload_id, data, part_sizes or [len(data)])
        return self.ecr.complete_layer_upload(repositoryName=repository, uploadId=upload_id,
                                              layerDigests=[digest_of(data)])["layerDigest"]

    def upload_parts(self, repository, upload_id, data, part_sizes):
        offset = 0
        for size in part_sizes:
            response = self.ecr.upload_layer_part(
                repositoryName=repository, uploadId=upload_id, partFirstByte=offset,
                partLastByte=offset + size - 1, layerPartBlob=data[offset:offset + size])
            self.assertEqual(response["lastByteReceived"], offset + size - 1)
            offset += size

    def manifest(self, config_digest, layers, note=""):
        return json.dumps({
            "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config_digest, "size": 2},
            "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": d, "size": s}
                       for d, s in layers],
            "annotations": {"note": note}})

    def push_image(self, repository, tag, note=""):
        """Push a small image (config + one layer); returns (digest, layer size)."""
        layer = f"layer {note}".encode()
        layer_digest = self.upload_layer(repository, layer)
        config_digest = self.upload_layer(repository, f"{{}}{note}".encode())
        manifest = self.manifest(config_digest, [(layer_digest, len(layer))], note)
        image = self.ecr.put_image(repositoryName=repository, imageManifest=manifest, imageTag=tag)["image"]
        return image["imageId"]["imageDigest"], len(layer)

    def raw_call(self, operation, body, sign=True, target_prefix="SpencerFrontendService."):
        """Send a request botocore's client would refuse to send; returns (status, headers, JSON body)."""
        data = json.dumps(body).encode() if not isinstance(body, bytes) else body
        request = AWSRequest(method="POST", url=self.endpoint + "/", data=data, headers={
            "X-Amz-Target": target_prefix + operation, "Content-Type": "application/x-amz-json-1.1"})
        if sign:
            SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY), "ecr-public", REGION).add_auth(request)
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("POST", "/", body=data, headers=dict(request.headers.items()))
            response = connection.getresponse()
            return response.status, response.headers, json.loads(response.read())
        finally:
            connection.close()


class PushFlowTests(ServerTestCase):

    def test_full_push_flow(self):
        logo = b"\x89PNG fake logo"
        created = self.ecr.create_repository(
            repositoryName="e2e/flow", tags=[{"Key": "team", "Value": "swift"}],
            catalogData={"description": "flow test", "architectures": ["x86-64", "ARM 64"],
                         "operatingSystems": ["Linux"], "logoImageBlob": logo, "aboutText": "# About",
                         "usageText": "docker pull"})
        repository = created["repository"]
        self.assertEqual(repository["repositoryArn"], "arn:aws:ecr-public::123456789012:repository/e2e/flow")
        self.assertEqual(repository["repositoryUri"], "public.ecr.aws/e2e-test/e2e/flow")
        self.assertEqual(created["catalogData"]["architectures"], ["x86-64", "ARM 64"])
        self.assertTrue(created["catalogData"]["logoUrl"].startswith("https://"))
        self.assertIs(created["catalogData"]["marketplaceCertified"], False)

        layer = os.urandom(5 * MIB) + os.urandom(5 * MIB) + b"tail" * 256
        upload = self.ecr.initiate_layer_upload(repositoryName="e2e/flow")
        self.assertEqual(upload["partSize"], 5 * MIB)
        self.upload_parts("e2e/flow", upload["uploadId"], layer, [5 * MIB, 5 * MIB, 1024])
        completed = self.ecr.complete_layer_upload(repositoryName="e2e/flow", uploadId=upload["uploadId"],
                                                   layerDigests=[digest_of(layer)])
        self.assertEqual(completed["layerDigest"], digest_of(layer))
        config_digest = self.upload_layer("e2e/flow", b"{}")

        missing = digest_of(b"never uploaded")
        check = self.ecr.batch_check_layer_availability(repositoryName="e2e/flow",
                                                        layerDigests=[digest_of(layer), missing])
        self.assertEqual(check["layers"], [{"layerDigest": digest_of(layer), "layerAvailability": "AVAILABLE",
                                            "layerSize": len(layer)}])
        self.assertEqual(check["failures"][0]["layerDigest"], missing)
        self.assertEqual(check["failures"][0]["failureCode"], "MissingLayerDigest")

        digests = []
        for index in range(3):
            manifest = self.manifest(config_digest, [(digest_of(layer), len(layer))], str(index))
            image = self.ecr.put_image(repositoryName="e2e/flow", imageManifest=manifest,
                                       imageTag=f"v{index}")["image"]
            self.assertEqual(image["imageId"]["imageDigest"], digest_of(manifest.encode()))
            self.assertEqual(image["imageManifestMediaType"], "application/vnd.oci.image.manifest.v1+json")
            digests.append(image["imageId"]["imageDigest"])

        first = self.ecr.describe_images(repositoryName="e2e/flow", maxResults=2)
        self.assertEqual([d["imageDigest"] for d in first["imageDetails"]], digests[:2])
        second = self.ecr.describe_images(repositoryName="e2e/flow", maxResults=2, nextToken=first["nextToken"])
        self.assertEqual([d["imageDigest"] for d in second["imageDetails"]], digests[2:])
        self.assertNotIn("nextToken", second)
        detail = first["imageDetails"][0]
        self.assertEqual(detail["imageTags"], ["v0"])
        self.assertEqual(detail["imageSizeInBytes"], len(layer))
        self.assertEqual(detail["artifactMediaType"], "application/vnd.oci.image.config.v1+json")
        self.assertEqual(detail["registryId"], "123456789012")

        tags = self.ecr.describe_image_tags(repositoryName="e2e/flow")["imageTagDetails"]
        self.assertEqual([t["imageTag"] for t in tags], ["v0", "v1", "v2"])
        self.assertEqual(tags[1]["imageDetail"]["imageDigest"], digests[1])

        token = self.ecr.get_authorization_token()["authorizationData"]
        self.assertTrue(base64.b64decode(token["authorizationToken"]).startswith(b"AWS:"))
        self.assertIn("expiresAt", token)

        self.assert_error("RepositoryNotEmptyException", self.ecr.delete_repository, repositoryName="e2e/flow")
        deleted = self.ecr.delete_repository(repositoryName="e2e/flow", force=True)
        self.assertEqual(deleted["repository"]["repositoryName"], "e2e/flow")
        self.assert_error("RepositoryNotFoundException", self.ecr.describe_images, repositoryName="e2e/flow")

    def test_tag_moves_to_newer_image(self):
        repository = self.new_repository()
        old, _ = self.push_image(repository, "latest", "old")
        new, _ = self.push_image(repository, "latest", "new")
        images = {d["imageDigest"]: d.get("imageTags") for d in
                  self.ecr.describe_images(repositoryName=repository)["imageDetails"]}
        self.assertEqual(images, {old: None, new: ["latest"]})

    def test_batch_delete_image_by_tag_and_digest(self):
        repository = self.new_repository()
        first, _ = self.push_image(repository, "one", "1")
        second, _ = self.push_image(repository, "two", "2")
        result = self.ecr.batch_delete_image(repositoryName=repository, imageIds=[
            {"imageTag": "one"}, {"imageDigest": second}, {"imageTag": "nope"}])
        self.assertEqual(result["imageIds"], [{"imageDigest": first, "imageTag": "one"}, {"imageDigest": second}])
        self.assertEqual(result["failures"], [{"imageId": {"imageTag": "nope"}, "failureCode": "ImageNotFound",
                                               "failureReason": "Requested image not found"}])
        self.assertEqual(self.ecr.describe_images(repositoryName=repository)["imageDetails"], [])

    def test_describe_repositories_pages_in_creation_order(self):
        names = [self.new_repository() for _ in range(5)]
        pages = self.ecr.get_paginator("describe_repositories").paginate(PaginationConfig={"PageSize": 2})
        listed = [r["repositoryName"] for page in pages for r in page["repositories"]]
        self.assertEqual([n for n in listed if n in names], names)
        by_name = self.ecr.describe_repositories(repositoryNames=names[:2])["repositories"]
        self.assertEqual([r["repositoryName"] for r in by_name], names[:2])


class CatalogPolicyAndTagTests(ServerTestCase):

    def test_registry_description_and_catalog_data(self):
        registries = self.ecr.describe_registries(maxResults=1)
        self.assertNotIn("nextToken", registries)
        registry = registries["registries"][0]
        self.assertEqual(registry["registryId"], "123456789012")
        self.assertEqual(registry["aliases"][0]["status"], "ACTIVE")
        self.ecr.put_registry_catalog_data(displayName="Swift E2E")
        self.assertEqual(self.ecr.get_registry_catalog_data()["registryCatalogData"], {"displayName": "Swift E2E"})

    def test_repository_catalog_data_round_trips(self):
        repository = self.new_repository()
        self.ecr.put_repository_catalog_data(repositoryName=repository,
                                             catalogData={"description": "d", "operatingSystems": ["Windows"]})
        data = self.ecr.get_repository_catalog_data(repositoryName=repository)["catalogData"]
        self.assertEqual(data, {"description": "d", "operatingSystems": ["Windows"], "marketplaceCertified": False})
        self.assert_error("InvalidParameterException", self.ecr.put_repository_catalog_data,
                          repositoryName=repository, catalogData={"architectures": ["amd64"]})

    def test_repository_policy_lifecycle(self):
        repository = self.new_repository()
        self.assert_error("RepositoryPolicyNotFoundException", self.ecr.get_repository_policy,
                          repositoryName=repository)
        policy = json.dumps({"Version": "2012-10-17", "Statement": []})
        self.assertEqual(self.ecr.set_repository_policy(repositoryName=repository, policyText=policy)["policyText"],
                         policy)
        self.assertEqual(self.ecr.get_repository_policy(repositoryName=repository)["policyText"], policy)
        self.assertEqual(self.ecr.delete_repository_policy(repositoryName=repository)["policyText"], policy)
        self.assert_error("RepositoryPolicyNotFoundException", self.ecr.delete_repository_policy,
                          repositoryName=repository)
        self.assert_error("InvalidParameterException", self.ecr.set_repository_policy,
                          repositoryName=repository, policyText="{not json")

    def test_tags_on_repository_arn(self):
        arn = self.ecr.create_repository(repositoryName=f"tags-{uuid.uuid4().hex[:8]}",
                                         tags=[{"Key": "a", "Value": "1"}])["repository"]["repositoryArn"]
        self.ecr.tag_resource(resourceArn=arn, tags=[{"Key": "b", "Value": "2"}, {"Key": "a", "Value": "3"}])
        self.ecr.untag_resource(resourceArn=arn, tagKeys=["b"])
        self.assertEqual(self.ecr.list_tags_for_resource(resourceArn=arn)["tags"], [{"Key": "a", "Value": "3"}])
        self.assert_error("RepositoryNotFoundException", self.ecr.list_tags_for_resource,
                          resourceArn="arn:aws:ecr-public::123456789012:repository/absent")


class ErrorTests(ServerTestCase):

    def test_repository_already_exists(self):
        repository = self.new_repository()
        self.assert_error("RepositoryAlreadyExistsException", self.ecr.create_repository, repositoryName=repository)

    def test_repository_not_found(self):
        self.assert_error("RepositoryNotFoundException", self.ecr.describe_repositories, repositoryNames=["absent"])
        self.assert_error("RepositoryNotFoundException", self.ecr.initiate_layer_upload, repositoryName="absent")

    def test_upload_not_found(self):
        repository = self.new_repository()
        self.assert_error("UploadNotFoundException", self.ecr.upload_layer_part, repositoryName=repository,
                          uploadId="no-such-upload", partFirstByte=0, partLastByte=0, layerPartBlob=b"x")
        self.assert_error("UploadNotFoundException", self.ecr.complete_layer_upload, repositoryName=repository,
                          uploadId="no-such-upload", layerDigests=[digest_of(b"x")])

    def test_invalid_layer_part_reports_last_valid_byte(self):
        repository = self.new_repository()
        upload_id = self.ecr.initiate_layer_upload(repositoryName=repository)["uploadId"]
        self.assert_error("InvalidLayerPartException", self.ecr.upload_layer_part, repositoryName=repository,
                          uploadId=upload_id, partFirstByte=1, partLastByte=1, layerPartBlob=b"x")
        self.upload_parts(repository, upload_id, b"0123456789", [10])
        error = self.assert_error("InvalidLayerPartException", self.ecr.upload_layer_part,
                                  repositoryName=repository, uploadId=upload_id, partFirstByte=11,
                                  partLastByte=11, layerPartBlob=b"x")
        status, _, body = self.raw_call("UploadLayerPart", {
            "repositoryName": repository, "uploadId": upload_id, "partFirstByte": 5, "partLastByte": 5,
            "layerPartBlob": base64.b64encode(b"x").decode()})
        self.assertEqual((status, body["__type"]), (400, "InvalidLayerPartException"))
        self.assertEqual({k: body[k] for k in ("lastValidByteReceived", "registryId", "repositoryName", "uploadId")},
                         {"lastValidByteReceived": 9, "registryId": "123456789012", "repositoryName": repository,
                          "uploadId": upload_id})
        self.assertEqual(error["ResponseMetadata"]["HTTPStatusCode"], 400)

    def test_layer_part_too_small_is_reported_at_completion(self):
        repository = self.new_repository()
        upload_id = self.ecr.initiate_layer_upload(repositoryName=repository)["uploadId"]
        self.upload_parts(repository, upload_id, b"small-one-small-two", [9, 10])
        self.assert_error("LayerPartTooSmallException", self.ecr.complete_layer_upload, repositoryName=repository,
                          uploadId=upload_id, layerDigests=[digest_of(b"small-one-small-two")])

    def test_invalid_layer_when_digest_does_not_match(self):
        repository = self.new_repository()
        upload_id = self.ecr.initiate_layer_upload(repositoryName=repository)["uploadId"]
        self.upload_parts(repository, upload_id, b"content", [7])
        self.assert_error("InvalidLayerException", self.ecr.complete_layer_upload, repositoryName=repository,
                          uploadId=upload_id, layerDigests=[digest_of(b"other content")])

    def test_empty_upload(self):
        repository = self.new_repository()
        upload_id = self.ecr.initiate_layer_upload(repositoryName=repository)["uploadId"]
        self.assert_error("EmptyUploadException", self.ecr.complete_layer_upload, repositoryName=repository,
                          uploadId=upload_id, layerDigests=[digest_of(b"")])

    def test_layer_already_exists(self):
        repository = self.new_repository()
        self.upload_layer(repository, b"same bytes")
        with self.assertRaises(ClientError) as caught:
            self.upload_layer(repository, b"same bytes")
        self.assertEqual(caught.exception.response["Error"]["Code"], "LayerAlreadyExistsException")

    def test_image_already_exists(self):
        repository = self.new_repository()
        digest, _ = self.push_image(repository, "v1", "same")
        manifest = self.ecr.describe_images(repositoryName=repository)["imageDetails"]
        self.assertEqual(manifest[0]["imageDigest"], digest)
        config = digest_of(b"{}same")
        body = self.manifest(config, [(digest_of(b"layer same"), len(b"layer same"))], "same")
        self.assert_error("ImageAlreadyExistsException", self.ecr.put_image, repositoryName=repository,
                          imageManifest=body, imageTag="v1")

    def test_image_not_found(self):
        repository = self.new_repository()
        self.assert_error("ImageNotFoundException", self.ecr.describe_images, repositoryName=repository,
                          imageIds=[{"imageTag": "absent"}])

    def test_layers_not_found(self):
        repository = self.new_repository()
        manifest = self.manifest(digest_of(b"no config"), [(digest_of(b"no layer"), 8)])
        self.assert_error("LayersNotFoundException", self.ecr.put_image, repositoryName=repository,
                          imageManifest=manifest)

    def test_invalid_parameters(self):
        self.assert_error("InvalidParameterException", self.ecr.describe_repositories, maxResults=1001)
        status, headers, body = self.raw_call("DescribeRepositories", {"maxResults": 0})
        self.assertEqual((status, body["__type"]), (400, "InvalidParameterException"))
        self.assertTrue(headers["x-amzn-RequestId"])
        status, _, body = self.raw_call("CreateRepository", {})
        self.assertEqual((status, body["__type"]), (400, "InvalidParameterException"))
        status, _, body = self.raw_call("DescribeRepositories", {"nextToken": "garbage"})
        self.assertEqual((status, body["__type"]), (400, "InvalidParameterException"))

    def test_unknown_target_is_unsupported(self):
        status, _, body = self.raw_call("LaunchRocket", {})
        self.assertEqual((status, body["__type"]), (400, "UnsupportedCommandException"))
        status, _, body = self.raw_call("DescribeRepositories", {}, target_prefix="SomeOtherService.")
        self.assertEqual((status, body["__type"]), (400, "UnsupportedCommandException"))


class SignatureTests(ServerTestCase):

    def test_wrong_secret_is_rejected(self):
        error = self.assert_error("InvalidSignatureException", self.client("wrong-secret").describe_repositories)
        self.assertEqual(error["ResponseMetadata"]["HTTPStatusCode"], 403)

    def test_unknown_access_key_is_unrecognized(self):
        self.assert_error("UnrecognizedClientException", self.client(SECRET_KEY, "AKIDOTHER").describe_registries)

    def test_missing_signature_is_rejected(self):
        status, headers, body = self.raw_call("DescribeRepositories", {}, sign=False)
        self.assertEqual((status, body["__type"]), (403, "InvalidSignatureException"))
        self.assertTrue(headers["x-amzn-RequestId"])

    def test_success_carries_request_id(self):
        response = self.ecr.describe_registries()
        self.assertEqual(len(response["ResponseMetadata"]["RequestId"]), 36)


def main():
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    failed = len(result.failures) + len(result.errors)
    print(f"{result.testsRun - failed - len(result.skipped)} passed, {failed} failed", flush=True)
    return 1 if failed or result.testsRun == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
