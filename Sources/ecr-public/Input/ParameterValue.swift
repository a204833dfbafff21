import AWSRuntime
import Foundation

/// Option values as the AWS CLI reads them: `file://PATH` stands for the file's text.
enum ParameterValue {
    /// `value`, or the contents of the file it names with `file://` (a leading `~/` is the home folder).
    static func text(_ value: String, option: String, command: String?) throws(UsageError) -> String {
        guard value.hasPrefix("file://") else { return value }
        let path = NSString(string: String(value.dropFirst("file://".count))).expandingTildeInPath
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError("argument \(option): Unable to load paramfile \(value): cannot read \(path)", command: command)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UsageError("argument \(option): Unable to load paramfile \(value): not UTF-8 text", command: command)
        }
        return text
    }

    /// A blob option's bytes: the file `fileb://PATH` names, else the value as base64 (the AWS CLI v2 default).
    static func blob(_ value: String, option: String, command: String?) throws(UsageError) -> Data {
        if value.hasPrefix("fileb://") {
            let path = NSString(string: String(value.dropFirst("fileb://".count))).expandingTildeInPath
            guard let data = FileManager.default.contents(atPath: path) else {
                throw UsageError("argument \(option): Unable to load paramfile \(value): cannot read \(path)", command: command)
            }
            return data
        }
        guard let data = Data(base64Encoded: value) else {
            throw UsageError("argument \(option): expected base64 or fileb://PATH", command: command)
        }
        return data
    }

    /// The JSON object an option holds (directly or in a `file://`), with only the `allowed` member names,
    /// decoded as `Value` the way the service's JSON protocol decodes (blobs as base64).
    static func jsonObject<Value: Decodable>(_ value: String, as type: Value.Type, allowed: Set<String>,
                                             option: String, command: String?) throws(UsageError) -> Value {
        let text = try self.text(value, option: option, command: command)
        let data = Data(text.utf8)
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw UsageError("argument \(option): expected a JSON object, e.g. {\"description\": \"…\"}", command: command)
        }
        let unknown = Set(object.keys).subtracting(allowed).sorted()
        guard unknown.isEmpty else {
            throw UsageError("argument \(option): Unknown parameter \(unknown.joined(separator: ", ")); valid: "
                + allowed.sorted().joined(separator: ", "), command: command)
        }
        do {
            return try AWSJSONCoding.makeDecoder().decode(Value.self, from: data)
        } catch {
            throw UsageError("argument \(option): \(describe(error))", command: command)
        }
    }

    /// A decoding error as one line naming the member, e.g. `architectures: expected an array`.
    private static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return path(context.codingPath) + context.debugDescription
        case .keyNotFound(let key, let context):
            return path(context.codingPath) + "missing \(key.stringValue)"
        @unknown default:
            return "\(decoding)"
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "" : codingPath.map(\.stringValue).joined(separator: ".") + ": "
    }
}
