import AWSRuntime
import Foundation

/// µs to encode one `ListThings` request and decode its 50-thing response, per protocol, beside botocore's
/// serializer and parser doing the same on the same bytes in the same run.
func protocolBenchmarkRows() -> [BenchmarkRow] {
    let input = ListThingsInput(name: "my-things", maxResults: 50, filters: ["blue", "large", "recent"])
    let restInput = ListThingsRESTInput(name: input.name, maxResults: input.maxResults, filters: input.filters)
    let tokens: @Sendable () -> String = { "token" }
    let rpc = RequestEncodingContext(idempotencyTokenGenerator: tokens)
    let rest = RequestEncodingContext(idempotencyTokenGenerator: tokens, route: HTTPRoute(method: "POST", uri: "/things/{name}"))

    let cases: [(name: String, botocore: String, body: Data, run: () throws -> Void)] = [
        ("awsJson1_1", "json", ProtocolResponses.json(), {
            let codec = AWSJSONCodec(version: "1.1", targetPrefix: "Bench", isQueryCompatible: false)
            _ = try codec.encode(input, operation: "ListThings", context: rpc)
            _ = try codec.decode(ListThingsOutput.self, from: HTTPResponse(statusCode: 200, body: ProtocolResponses.jsonBody), operation: "ListThings")
        }),
        ("restJson1", "rest-json", ProtocolResponses.json(), {
            let codec = RestJSONCodec()
            _ = try codec.encode(restInput, operation: "ListThings", context: rest)
            _ = try codec.decode(ListThingsOutput.self, from: HTTPResponse(statusCode: 200, body: ProtocolResponses.jsonBody), operation: "ListThings")
        }),
        ("awsQuery", "query", ProtocolResponses.xml(queryWrapped: true), {
            let codec = AWSQueryCodec(flavor: .awsQuery, apiVersion: "2020-01-01")
            _ = try codec.encode(input, operation: "ListThings", context: rpc)
            _ = try codec.decode(ListThingsOutput.self, from: HTTPResponse(statusCode: 200, body: ProtocolResponses.queryBody), operation: "ListThings")
        }),
        ("restXml", "rest-xml", ProtocolResponses.xml(queryWrapped: false), {
            let codec = RestXMLCodec()
            _ = try codec.encode(restInput, operation: "ListThings", context: rest)
            _ = try codec.decode(ListThingsOutput.self, from: HTTPResponse(statusCode: 200, body: ProtocolResponses.restXMLBody), operation: "ListThings")
        }),
        ("rpcv2Cbor", "smithy-rpc-v2-cbor", ProtocolResponses.cbor(), {
            let codec = RPCv2CBORCodec(serviceName: "Bench")
            _ = try codec.encode(input, operation: "ListThings", context: rpc)
            _ = try codec.decode(ListThingsOutput.self, from: HTTPResponse(statusCode: 200, body: ProtocolResponses.cborBody), operation: "ListThings")
        }),
    ]
    let references = botocoreMicroseconds(cases.map { ($0.botocore, $0.body) })
    var rows: [BenchmarkRow] = []
    for entry in cases {
        do {
            try entry.run()
        } catch {
            print("protocol benchmark \(entry.name) failed: \(error)")
            continue
        }
        let iterations = 20
        let best = bestTime(iterations: 60) {
            for _ in 0..<iterations { try? entry.run() }
        }
        let ours = best.seconds / Double(iterations) * 1e6
        let reference = references?[entry.botocore]
        rows.append(BenchmarkRow(
            name: "\(entry.name): encode request + decode \(ProtocolResponses.count)-item response (\(entry.body.count) B)",
            ours: ours, unit: "µs", referenceName: reference.map { _ in "botocore serialize + parse" }, reference: reference,
            goal: "informational", met: nil))
    }
    return rows
}

extension ProtocolResponses {
    // Built once, outside the timed loops.
    static let jsonBody = json()
    static let queryBody = xml(queryWrapped: true)
    static let restXMLBody = xml(queryWrapped: false)
    static let cborBody = cbor()
}

/// botocore's `serialize_to_request` + `parse` of the same operation (a service model of the same shapes per
/// protocol) on the same response bytes, timed by python3; nil when botocore is unavailable.
private func botocoreMicroseconds(_ bodies: [(protocol: String, body: Data)]) -> [String: Double]? {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("protocol-bench-\(getpid())")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, body) in bodies {
        try? body.write(to: directory.appendingPathComponent(name))
    }
    let script = """
        import json, sys, time, os
        from botocore.model import ServiceModel
        from botocore.serialize import create_serializer
        from botocore.parsers import create_parser
        directory = sys.argv[1]
        def model(protocol):
            rest = protocol.startswith("rest")
            location = lambda where, name: {"location": where, "locationName": name} if rest else {}
            shapes = {
                "ListThingsRequest": {"type": "structure", "members": {
                    "name": dict({"shape": "String"}, **location("uri", "name")),
                    "maxResults": dict({"shape": "Integer"}, **location("querystring", "maxResults")),
                    "filters": {"shape": "StringList"}}},
                "ListThingsOutput": {"type": "structure", "members": {
                    "things": {"shape": "ThingList"}, "nextToken": {"shape": "String"}}},
                "ThingList": {"type": "list", "member": {"shape": "Thing"}},
                "Thing": {"type": "structure", "members": {"name": {"shape": "String"}, "size": {"shape": "Long"},
                          "created": {"shape": "Timestamp"}, "tags": {"shape": "StringList"}}},
                "StringList": {"type": "list", "member": {"shape": "String"}},
                "String": {"type": "string"}, "Integer": {"type": "integer"}, "Long": {"type": "long"},
                "Timestamp": {"type": "timestamp"}}
            output = {"shape": "ListThingsOutput"}
            if protocol == "query":
                output["resultWrapper"] = "ListThingsResult"
            operation = {"name": "ListThings", "http": {"method": "POST", "requestUri": "/things/{name}" if rest else "/"},
                         "input": {"shape": "ListThingsRequest", "locationName": "ListThingsRequest"}, "output": output}
            metadata = {"protocol": protocol, "apiVersion": "2020-01-01", "jsonVersion": "1.1", "targetPrefix": "Bench",
                        "endpointPrefix": "bench", "serviceId": "Bench", "signatureVersion": "v4",
                        "protocols": [protocol]}
            return ServiceModel({"metadata": metadata, "operations": {"ListThings": operation}, "shapes": shapes}, "bench")
        params = {"name": "my-things", "maxResults": 50, "filters": ["blue", "large", "recent"]}
        results = {}
        for protocol in sys.argv[2:]:
            body = open(os.path.join(directory, protocol), "rb").read()
            operation = model(protocol).operation_model("ListThings")
            serializer, parser = create_serializer(protocol), create_parser(protocol)
            response = {"status_code": 200, "headers": {}, "body": body}
            def once():
                serializer.serialize_to_request(params, operation)
                parser.parse(dict(response), operation.output_shape)
            once()
            n, best = 50, float("inf")
            for _ in range(15):
                start = time.perf_counter()
                for _ in range(n):
                    once()
                best = min(best, (time.perf_counter() - start) / n)
            results[protocol] = best * 1e6
        print(json.dumps(results))
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, directory.path] + bodies.map(\.protocol)
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    guard (try? process.run()) != nil else {
        print("python3 not found: no botocore reference for the protocol benchmark")
        return nil
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let failure = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
          let object = try? JSONSerialization.jsonObject(with: data) as? [String: Double] else {
        print("botocore protocol benchmark failed: \(String(decoding: failure.suffix(400), as: UTF8.self))")
        return nil
    }
    return object
}
