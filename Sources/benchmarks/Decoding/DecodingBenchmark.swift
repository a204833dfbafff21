import AWSRuntime
import ECRPublic
import Foundation

/// Decoding and encoding large JSON responses (issue 17): a 1,000-image DescribeImages response (the generated
/// ECR Public shapes) and a 1,000-item DynamoDB Scan (maps of attribute-value unions), through the JSON protocols'
/// decoder and encoder beside Foundation's `JSONDecoder`/`JSONEncoder` with the same settings (the path before
/// them) and botocore's parser on the same bytes, all in this run.
func decodingBenchmarkRows() -> [BenchmarkRow] {
    let images = describeImagesBody()
    let scan = scanBody()
    let botocore = botocoreParseMilliseconds([("ecr-public", "DescribeImages", images), ("dynamodb", "Scan", scan)])
    var rows: [BenchmarkRow] = []
    rows += measure("DescribeImages, 1,000 images", body: images, as: DescribeImagesResponse.self,
                    codable: CodableDescribeImagesResponse.self, botocore: botocore?["DescribeImages"])
    rows += measure("DynamoDB Scan, 1,000 items", body: scan, as: ScanBenchmarkOutput.self,
                    codable: ThroughCodable<ScanBenchmarkOutput>.self, botocore: botocore?["Scan"])
    return rows
}

/// `Output` is the shape with its generated JSON reader; `CodablePath` the same shape decoded through `Codable`
/// `init(from:)`, as the generator wrote it before the readers (`codegen --codable-decoding`).
private func measure<Output: Codable, CodablePath: Decodable>(
    _ name: String, body: Data, as type: Output.Type, codable: CodablePath.Type, botocore: Double?
) -> [BenchmarkRow] {
    guard let value = try? JSONTapeDecoder().decode(Output.self, from: body),
          (try? AWSJSONCoding.makeDecoder().decode(CodablePath.self, from: body)) != nil,
          (try? JSONTapeDecoder().decode(CodablePath.self, from: body)) != nil else {
        print("decoding benchmark: the \(name) body does not decode")
        return []
    }
    func milliseconds(_ body: () throws -> Void) -> Double { bestTime(iterations: 15) { try? body() }.seconds * 1000 }
    let ours = milliseconds { _ = try JSONTapeDecoder().decode(Output.self, from: body) }
    // The same decoder through `Codable` `init(from:)` instead of the generated readers: the path before them.
    let throughCodable = milliseconds { _ = try JSONTapeDecoder().decode(CodablePath.self, from: body) }
    let foundation = milliseconds { _ = try AWSJSONCoding.makeDecoder().decode(CodablePath.self, from: body) }
    let encode = milliseconds { _ = try JSONStreamEncoder().encode(value) }
    let foundationEncode = milliseconds { _ = try AWSJSONCoding.makeEncoder().encode(value) }
    let label = "\(name) (\(body.count / 1024) KiB)"
    var rows = [
        BenchmarkRow(name: "decode \(label)", ours: ours, unit: "ms", referenceName: "JSONDecoder", reference: foundation,
                     goal: "≤ 0.5× JSONDecoder", met: ours <= 0.5 * foundation),
    ]
    rows.append(BenchmarkRow(name: "decode \(label), through Codable", ours: throughCodable, unit: "ms", referenceName: "JSONDecoder",
                             reference: foundation, goal: "-", met: nil))
    if let botocore {
        rows.append(BenchmarkRow(name: "decode \(label)", ours: ours, unit: "ms", referenceName: "botocore parser",
                                 reference: botocore, goal: "-", met: nil))
    }
    rows.append(BenchmarkRow(name: "encode \(label)", ours: encode, unit: "ms", referenceName: "JSONEncoder",
                             reference: foundationEncode, goal: "≤ 0.5× JSONEncoder", met: encode <= 0.5 * foundationEncode))
    return rows
}

/// Decodes `Value` through its own `Decodable` conformance even when it has a generated JSON reader.
struct ThroughCodable<Value: Decodable>: Decodable {
    let value: Value

    init(from decoder: any Decoder) throws {
        value = try Value(from: decoder)
    }
}

/// 1,000 image details as ECR Public returns them: digests, tags, sizes, push times, media types.
private func describeImagesBody() -> Data {
    let details = (0..<1_000).map { index -> String in
        let digest = "sha256:" + String(repeating: String(format: "%08x", index &* 2_654_435_761 % 0xFFFF_FFFF), count: 8)
        return #"{"registryId": "123456789012", "repositoryName": "team/service-\#(index % 7)", "imageDigest": "\#(digest)", "#
            + #""imageTags": ["v1.\#(index)", "build-\#(index * 31)", "latest-\#(index % 3)"], "imageSizeInBytes": \#(10_000_000 + index * 4_096), "#
            + #""imagePushedAt": \#(1_700_000_000 + index * 60).\#(index % 1000), "imageManifestMediaType": "application/vnd.oci.image.manifest.v1+json", "#
            + #""artifactMediaType": "application/vnd.oci.image.config.v1+json"}"#
    }
    return Data(#"{"imageDetails": [\#(details.joined(separator: ", "))], "nextToken": "eyJvZmZzZXQiOjEwMDB9"}"#.utf8)
}

/// 1,000 items of eight attributes each: strings, numbers, a boolean, a string set, a list and a nested map.
private func scanBody() -> Data {
    let items = (0..<1_000).map { index -> String in
        #"{"pk": {"S": "user#\#(index)"}, "sk": {"S": "profile"}, "age": {"N": "\#(20 + index % 60)"}, "#
            + #""score": {"N": "\#(Double(index) * 1.25)"}, "active": {"BOOL": \#(index % 2 == 0)}, "#
            + #""tags": {"SS": ["a\#(index % 5)", "b\#(index % 7)", "c"]}, "#
            + #""history": {"L": [{"N": "\#(index)"}, {"S": "login"}, {"NULL": true}]}, "#
            + #""address": {"M": {"city": {"S": "Seattle"}, "zip": {"S": "981\#(index % 100)"}, "geo": {"M": {"lat": {"N": "47.6"}, "lon": {"N": "-122.3"}}}}}}"#
    }
    return Data(#"{"Items": [\#(items.joined(separator: ", "))], "Count": 1000, "ScannedCount": 1000, "LastEvaluatedKey": {"pk": {"S": "user#999"}, "sk": {"S": "profile"}}}"#.utf8)
}

/// botocore's JSON parser on the same bodies with the real service models it ships, best of several runs, in
/// milliseconds by operation name; nil when botocore is unavailable.
private func botocoreParseMilliseconds(_ cases: [(service: String, operation: String, body: Data)]) -> [String: Double]? {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("decoding-bench-\(getpid())")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for entry in cases { try? entry.body.write(to: directory.appendingPathComponent(entry.operation)) }
    let script = """
        import json, os, sys, time, botocore.session
        from botocore.parsers import create_parser
        directory, session, results = sys.argv[1], botocore.session.get_session(), {}
        for pair in sys.argv[2:]:
            service, operation = pair.split(":")
            body = open(os.path.join(directory, operation), "rb").read()
            shape = session.get_service_model(service).operation_model(operation).output_shape
            parser = create_parser("json")
            best = float("inf")
            for _ in range(7):
                start = time.perf_counter()
                parser.parse({"status_code": 200, "headers": {}, "body": body}, shape)
                best = min(best, time.perf_counter() - start)
            results[operation] = best * 1000
        print(json.dumps(results))
        """
    guard let data = childOutput("/usr/bin/env", ["python3", "-c", script, directory.path] + cases.map { "\($0.service):\($0.operation)" })
    else {
        print("decoding benchmark: botocore's parser did not run (python3 with botocore needed)")
        return nil
    }
    return (try? JSONSerialization.jsonObject(with: data)) as? [String: Double]
}
