#!/usr/bin/env python3
"""Start moto_server with SigV4 checking on, and hand back credentials that pass it.

moto only checks signatures and IAM policies after its first INITIAL_NO_AUTH_ACTION_COUNT
actions. We spend exactly those on creating an IAM user, its access key and its policy, so
every later request, including all of the tests', must be signed with that key.

    python3 moto_bootstrap.py --port-file PATH [--max-lifetime 900] [--log-file PATH]
        starts moto on 127.0.0.1, writes and prints one JSON line
        {"port": ..., "pid": ..., "accessKeyId": ..., "secretAccessKey": ..., "region": "us-east-1"}
        and exits, leaving moto running (a watchdog stops it after --max-lifetime seconds).
    python3 moto_bootstrap.py --stop PID
        stops that moto_server: SIGTERM, then SIGKILL after 5 seconds.
"""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

HOST = "127.0.0.1"
REGION = "us-east-1"
# The unauthenticated actions below: CreateUser, CreateAccessKey, PutUserPolicy, CreateRole. Any more and a
# test's first request would slip through unsigned; any fewer and the setup itself is refused.
INITIAL_NO_AUTH_ACTION_COUNT = 4
USER_NAME = "e2e-tests"
# A role Lambda may assume, for functions the tests create (moto refuses a role that does not exist).
LAMBDA_ROLE = "e2e-lambda-role"
ALLOWED_ACTIONS = ["ecr:*", "ecr-public:*", "secretsmanager:*", "dynamodb:*", "sts:*", "sns:*", "s3:*", "lambda:*", "iam:PassRole",
                   "iam:CreateRole", "iam:PutRolePolicy"]
# A role the tests' user (and web identity tokens) may assume, allowed ECR: the credential providers' end-to-end
# tests assume it from a profile and call ECR with its credentials.
ASSUMABLE_ROLE = "e2e-assumed-role"
STARTUP_TIMEOUT = 30.0


def moto_command(port):
    """moto_server beside this interpreter, else the module, else whatever PATH offers."""
    beside = os.path.join(os.path.dirname(sys.executable), "moto_server")
    if os.access(beside, os.X_OK):
        return [beside, "-H", HOST, "-p", str(port)]
    try:
        import moto.server  # noqa: F401  (only checking that it is importable)
        return [sys.executable, "-m", "moto.server", "-H", HOST, "-p", str(port)]
    except ImportError:
        pass
    on_path = shutil.which("moto_server")
    if on_path:
        return [on_path, "-H", HOST, "-p", str(port)]
    sys.exit("moto is not installed: pip install 'moto[server]'")


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_until_answering(process, port):
    """Poll moto's own API (which does not count as an action) until it answers."""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/moto-api/", timeout=1):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def start_moto(log_path, checks_signatures=True):
    """Start moto on a free port; retry on another port if one was taken in between."""
    for _ in range(5):
        port = free_port()
        # Without checks, moto never starts verifying: for services whose signature checks moto gets wrong
        # (Lambda: boto3's own requests are refused there too).
        count = INITIAL_NO_AUTH_ACTION_COUNT if checks_signatures else 1_000_000_000
        env = dict(os.environ, INITIAL_NO_AUTH_ACTION_COUNT=str(count))
        with open(log_path, "ab") as log:
            # Its own session and a file for output: moto must outlive this script and its pipes.
            process = subprocess.Popen(moto_command(port), env=env, stdin=subprocess.DEVNULL, stdout=log,
                                       stderr=subprocess.STDOUT, start_new_session=True)
        if wait_until_answering(process, port):
            return process, port
        stop(process.pid)
    sys.exit(f"moto_server did not start; see {log_path}")


def create_credentials(port):
    """Spend the unauthenticated actions on an IAM user whose key the tests then sign with."""
    import boto3

    iam = boto3.client("iam", endpoint_url=f"http://{HOST}:{port}", region_name=REGION,
                       aws_access_key_id="bootstrap", aws_secret_access_key="bootstrap")
    iam.create_user(UserName=USER_NAME)
    key = iam.create_access_key(UserName=USER_NAME)["AccessKey"]
    policy = {"Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Action": ALLOWED_ACTIONS, "Resource": "*"}]}
    iam.put_user_policy(UserName=USER_NAME, PolicyName="e2e-tests", PolicyDocument=json.dumps(policy))
    trust = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
    iam.create_role(RoleName=LAMBDA_ROLE, AssumeRolePolicyDocument=json.dumps(trust))
    # Signed with the new key from here on (the unauthenticated actions are spent).
    signed = boto3.client("iam", endpoint_url=f"http://{HOST}:{port}", region_name=REGION,
                          aws_access_key_id=key["AccessKeyId"], aws_secret_access_key=key["SecretAccessKey"])
    anyone = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["sts:AssumeRole", "sts:AssumeRoleWithWebIdentity"]}]}
    signed.create_role(RoleName=ASSUMABLE_ROLE, AssumeRolePolicyDocument=json.dumps(anyone))
    signed.put_role_policy(RoleName=ASSUMABLE_ROLE, PolicyName="ecr", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ecr:*", "sts:GetCallerIdentity"], "Resource": "*"}]}))
    return key["AccessKeyId"], key["SecretAccessKey"]


def spawn_watchdog(pid, seconds):
    """A detached process that stops moto after `seconds`, so it can never outlive CI."""
    code = ("import os, sys, time\n"
            "sys.path.insert(0, sys.argv[3])\n"
            "import moto_bootstrap as m\n"
            "pid, deadline = int(sys.argv[1]), time.monotonic() + float(sys.argv[2])\n"
            "while time.monotonic() < deadline and m.is_moto(pid):\n"
            "    time.sleep(1)\n"
            "m.stop(pid)\n")
    subprocess.Popen([sys.executable, "-c", code, str(pid), str(seconds), os.path.dirname(os.path.abspath(__file__))],
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     start_new_session=True)


def is_moto(pid):
    """True while `pid` is a live moto server (not a zombie, not a reused pid)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as file:
            cmdline = file.read()
        with open(f"/proc/{pid}/stat") as file:
            state = file.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return b"moto" in cmdline and state != "Z"


def stop(pid, grace=5.0):
    """SIGTERM, then SIGKILL after `grace` seconds; only ever signals a moto process."""
    if not is_moto(pid):
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return True  # our own child, now reaped
        except ChildProcessError:
            pass  # not our child: its parent reaps it
        if not is_moto(pid):
            return True
        time.sleep(0.1)
    os.kill(pid, signal.SIGKILL)
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port-file", help="where to write the JSON description of the running server")
    parser.add_argument("--max-lifetime", type=float, default=900, help="seconds before moto is stopped")
    parser.add_argument("--log-file", help="moto's output (default: PORT_FILE.log)")
    parser.add_argument("--stop", type=int, metavar="PID", help="stop the moto_server with this pid and exit")
    parser.add_argument("--without-signature-checks", action="store_true",
                        help="never check signatures (for services moto checks wrongly)")
    args = parser.parse_args()
    if args.stop is not None:
        if not stop(args.stop):
            sys.exit(f"no moto_server with pid {args.stop}")
        return
    if not args.port_file:
        parser.error("--port-file is required when starting")
    process, port = start_moto(args.log_file or f"{args.port_file}.log", not args.without_signature_checks)
    spawn_watchdog(process.pid, args.max_lifetime)
    try:
        access_key, secret_key = create_credentials(port)
    except Exception:
        stop(process.pid)
        raise
    info = {"port": port, "pid": process.pid, "accessKeyId": access_key, "secretAccessKey": secret_key,
            "region": REGION}
    temporary = f"{args.port_file}.{os.getpid()}.tmp"
    with open(temporary, "w") as file:
        json.dump(info, file)
        file.write("\n")
    os.replace(temporary, args.port_file)
    print(json.dumps(info), flush=True)


if __name__ == "__main__":
    main()
