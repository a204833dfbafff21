import AWSRuntime
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport

/// `ecr-public push` of a 200 MiB single-layer image to the loopback ECR Public test service
/// (`Tests/TestServices/ecr_public_server.py`): throughput and peak memory of the whole tool process, beside two
/// references in the same run: `curl` copying the layer file to the service, and the same ECR Public calls made
/// with boto3 (sequential parts, as boto3 users write it).
func pushBenchmarkRows() -> [BenchmarkRow] {
    guard let setup = PushBenchmarkSetup.make() else { return [] }
    defer { setup.tearDown() }
    let image = setup.image
    let mebibytes = Double(image.layerSize) / Double(1 << 20)
    let environment = PushBenchmarkSetup.credentials

    guard setup.tool(["create-repository", "--repository-name", "bench"]) != nil,
          let push = TimedRun.measure(setup.binary.path, ["push", image.layout.path, "bench:latest",
                                                          "--endpoint-url", setup.endpoint], environment: environment)
    else { return [] }
    guard setup.storedLayerMatches(repository: "bench") else {
        print("push benchmark: the service did not store the layer byte for byte")
        return []
    }
    let curl = TimedRun.measure("/usr/bin/curl", ["-sS", "-o", "/dev/null", "-X", "POST", "--data-binary",
                                                  "@" + image.layerFile.path, setup.endpoint + "/_copy"],
                                environment: [:])
    let boto3: TimedRun? = setup.tool(["create-repository", "--repository-name", "boto3"]) == nil ? nil
        : TimedRun.measure("/usr/bin/env", ["python3", "-c", boto3Push, setup.endpoint, image.layerFile.path,
                                            image.layerDigest], environment: environment)
    let serviceSeconds = setup.tool(["create-repository", "--repository-name", "replay"]) == nil ? nil
        : serviceCeiling(setup: setup)

    // Peak goal: a 64 MiB base plus the parts in flight (the service's part size × the default concurrency 4).
    let peakGoal = 64 + PushBenchmarkSetup.partMiB * 4
    let label = String(format: "push %.0f MiB image over loopback", mebibytes)
    var rows = [BenchmarkRow(
        name: "\(label), throughput", ours: mebibytes / push.seconds, unit: "MiB/s",
        referenceName: "curl copying the layer file to the service", reference: curl.map { mebibytes / $0.seconds },
        goal: "≥ 0.5× curl", met: curl.map { push.seconds <= 2 * $0.seconds })]
    if let boto3 {
        rows.append(BenchmarkRow(
            name: "\(label), throughput", ours: mebibytes / push.seconds, unit: "MiB/s",
            referenceName: "boto3, the same calls", reference: mebibytes / boto3.seconds, goal: "-", met: nil))
    }
    if let serviceSeconds {
        rows.append(BenchmarkRow(
            name: "\(label), throughput", ours: mebibytes / push.seconds, unit: "MiB/s",
            referenceName: "the service's ceiling: pre-signed parts replayed", reference: mebibytes / serviceSeconds,
            goal: "-", met: nil))
    }
    rows.append(BenchmarkRow(
        name: "\(label), peak RSS", ours: push.peakMiB, unit: "MiB",
        referenceName: boto3 == nil ? nil : "boto3, the same calls", reference: boto3?.peakMiB,
        goal: String(format: "≤ %.0f MiB", peakGoal), met: push.peakMiB <= peakGoal))
    rows.append(BenchmarkRow(
        name: "\(label), client CPU", ours: push.cpuSeconds, unit: "s",
        referenceName: boto3 == nil ? nil : "boto3, the same calls", reference: boto3?.cpuSeconds, goal: "-", met: nil))
    return rows
}

/// How fast the Python test service can take the layer at all: every UploadLayerPart request is encoded and
/// signed by botocore before the clock starts, then sent back to back on one keep-alive connection. Whatever a
/// client does, its push cannot beat this; the seconds the replay took, or nil (printed) when it failed.
private func serviceCeiling(setup: PushBenchmarkSetup) -> Double? {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    guard TimedRun.measure("/usr/bin/env", ["python3", "-c", replayParts, setup.endpoint, setup.image.layerFile.path,
                                            setup.image.layerDigest, output.path],
                           environment: PushBenchmarkSetup.credentials) != nil,
          let text = try? String(contentsOf: output, encoding: .utf8),
          let seconds = Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
    else { return nil }
    return seconds
}

private let replayParts = #"""
import http.client, json, os, sys, time, base64, boto3, botocore.auth, botocore.awsrequest, botocore.credentials
from urllib.parse import urlsplit
endpoint, path, digest, out = sys.argv[1:5]
region = os.environ["AWS_REGION"]
client = boto3.client("ecr-public", endpoint_url=endpoint, region_name=region)
upload = client.initiate_layer_upload(repositoryName="replay")
signer = botocore.auth.SigV4Auth(botocore.credentials.Credentials(os.environ["AWS_ACCESS_KEY_ID"],
                                 os.environ["AWS_SECRET_ACCESS_KEY"]), "ecr-public", region)
requests, first = [], 0
with open(path, "rb") as f:
    while chunk := f.read(upload["partSize"]):
        body = json.dumps({"repositoryName": "replay", "uploadId": upload["uploadId"], "partFirstByte": first,
                           "partLastByte": first + len(chunk) - 1,
                           "layerPartBlob": base64.b64encode(chunk).decode()}).encode()
        request = botocore.awsrequest.AWSRequest("POST", endpoint + "/", data=body, headers={
            "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "SpencerFrontendService.UploadLayerPart"})
        signer.add_auth(request)
        requests.append((body, dict(request.prepare().headers)))
        first += len(chunk)
connection = http.client.HTTPConnection(urlsplit(endpoint).netloc)
start = time.perf_counter()
for body, headers in requests:
    connection.request("POST", "/", body=body, headers=headers)
    response = connection.getresponse()
    assert response.status == 200, response.read()
    response.read()
elapsed = time.perf_counter() - start
client.complete_layer_upload(repositoryName="replay", uploadId=upload["uploadId"], layerDigests=[digest])
open(out, "w").write(f"{elapsed}\n")
"""#

/// The reference: the same layer through boto3's ecr-public client, sequential parts of the service's size.
private let boto3Push = #"""
import os, sys, boto3
endpoint, path, digest = sys.argv[1:4]
client = boto3.client("ecr-public", endpoint_url=endpoint, region_name=os.environ["AWS_REGION"])
client.batch_check_layer_availability(repositoryName="boto3", layerDigests=[digest])
upload = client.initiate_layer_upload(repositoryName="boto3")
size, first = upload["partSize"], 0
with open(path, "rb") as f:
    while chunk := f.read(size):
        client.upload_layer_part(repositoryName="boto3", uploadId=upload["uploadId"], partFirstByte=first,
                                 partLastByte=first + len(chunk) - 1, layerPartBlob=chunk)
        first += len(chunk)
client.complete_layer_upload(repositoryName="boto3", uploadId=upload["uploadId"], layerDigests=[digest])
"""#
