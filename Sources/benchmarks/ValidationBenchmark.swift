import AWSRuntime
import ECRPublic
import Foundation

/// What validating a large input costs beside signing it: the goal is a negligible fraction (≤ 5 %).
func validationBenchmarkRows() -> [BenchmarkRow] {
    let manifest = String(repeating: "{\"layers\":[\"sha256:0123456789abcdef\"]}", count: 4 * 1024 * 1024 / 38)
    let putImage = PutImageRequest(repositoryName: "web-app", imageManifest: manifest, imageTag: "v1")
    let uploadPart = UploadLayerPartRequest(
        repositoryName: "web-app", uploadId: "0f0a3e58-38a5-4bb0-9d44-8a2e0e9c8b51", partFirstByte: 0,
        partLastByte: 20 * 1024 * 1024 - 1, layerPartBlob: Data(repeating: 7, count: 20 * 1024 * 1024))
    return [row("PutImage, 4 MiB manifest", putImage, operation: "PutImage"),
            row("UploadLayerPart, 20 MiB blob", uploadPart, operation: "UploadLayerPart")]
}

private func row(_ name: String, _ input: some OperationInput, operation: String) -> BenchmarkRow {
    let validate = bestTime(iterations: 20) { _ = Validator.validate(input, operation: operation, options: .all) }
    let body = (try? AWSJSONCoding.makeEncoder().encode(input)) ?? Data()
    let request = HTTPRequest(
        method: "POST", url: URL(string: "https://api.ecr-public.us-east-1.amazonaws.com/")!,
        headers: ["Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "SpencerFrontendService.\(operation)"],
        body: body)
    let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret")
    let signer = SigV4Signer()
    let sign = bestTime(iterations: 5) {
        var copy = request
        _ = try? signer.sign(&copy, credentials: credentials, region: "us-east-1", signingName: "ecr-public")
    }
    let fraction = validate.seconds / sign.seconds
    return BenchmarkRow(
        name: "validate \(name) (signing \(body.count / 1_048_576) MiB body)", ours: validate.seconds * 1e6, unit: "µs",
        referenceName: "SigV4 sign of the same request", reference: sign.seconds * 1e6, goal: "≤ 0.05× signing",
        met: fraction <= 0.05)
}
