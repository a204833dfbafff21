#!/usr/bin/env python3
"""Self-test of moto_bootstrap.py: signed requests pass, a wrong secret is refused, --stop stops.

Run as `python3 Tests/TestServices/test_moto_bootstrap.py`; skips (exit 0) when moto is not installed.
The last line printed is `N passed, M failed`.
"""

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

HERE = os.path.dirname(os.path.abspath(__file__))
BOOTSTRAP = os.path.join(HERE, "moto_bootstrap.py")
sys.path.insert(0, HERE)
import moto_bootstrap  # noqa: E402


@unittest.skipIf(importlib.util.find_spec("moto") is None, "moto is not installed")
class MotoBootstrapTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.TemporaryDirectory()
        port_file = os.path.join(cls.directory.name, "moto.json")
        printed = subprocess.run([sys.executable, BOOTSTRAP, "--port-file", port_file, "--max-lifetime", "120"],
                                 check=True, capture_output=True, text=True, timeout=60).stdout
        with open(port_file) as file:
            cls.info = json.load(file)
        assert json.loads(printed) == cls.info

    @classmethod
    def tearDownClass(cls):
        subprocess.run([sys.executable, BOOTSTRAP, "--stop", str(cls.info["pid"])], timeout=30,
                       stderr=subprocess.DEVNULL)  # usually stopped already by the last test
        cls.directory.cleanup()

    def client(self, service, secret=None):
        return boto3.client(service, endpoint_url=f"http://127.0.0.1:{self.info['port']}",
                            region_name=self.info["region"], aws_access_key_id=self.info["accessKeyId"],
                            aws_secret_access_key=secret or self.info["secretAccessKey"],
                            config=Config(retries={"max_attempts": 1}))

    def test_signed_requests_with_the_created_key_succeed(self):
        ecr = self.client("ecr")
        ecr.create_repository(repositoryName="bootstrap-check")
        names = [r["repositoryName"] for r in ecr.describe_repositories()["repositories"]]
        self.assertIn("bootstrap-check", names)
        self.client("secretsmanager").create_secret(Name="bootstrap-check", SecretString="s")

    def test_wrong_secret_gets_403_signature_does_not_match(self):
        with self.assertRaises(ClientError) as caught:
            self.client("ecr", secret="wrong").describe_repositories()
        response = caught.exception.response
        self.assertEqual(response["ResponseMetadata"]["HTTPStatusCode"], 403)
        # moto answers JSON protocols with an XML body, which botocore cannot parse into a code.
        self.assertIn("<Code>SignatureDoesNotMatch</Code>", response["Error"]["Message"])

    def test_zz_stop_terminates_the_server(self):
        pid = self.info["pid"]
        subprocess.run([sys.executable, BOOTSTRAP, "--stop", str(pid)], check=True, timeout=30)
        deadline = time.monotonic() + 5
        while moto_bootstrap.is_moto(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertFalse(moto_bootstrap.is_moto(pid))


def main():
    result = unittest.TextTestRunner(verbosity=2).run(
        unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__]))
    failed = len(result.failures) + len(result.errors)
    print(f"{result.testsRun - failed - len(result.skipped)} passed, {failed} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
