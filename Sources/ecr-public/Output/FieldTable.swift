import AWSRuntime
import Foundation

/// The `--output table` of results without a layout of their own: one row per leaf of the JSON the command
/// prints, named by its path (`image.imageId.imageTag`, `layers[0].layerDigest`).
enum FieldTable {
    static func of<Value: Encodable>(_ value: Value) throws -> TableOutput {
        let data = try JSONOutput.makeEncoder().encode(value)
        var rows: [[String]] = []
        flatten(try JSONDecoder().decode(JSONValue.self, from: data), path: "", into: &rows)
        return TableOutput(headers: ["FIELD", "VALUE"], rows: rows, emptyMessage: "No fields.")
    }

    private static func flatten(_ value: JSONValue, path: String, into rows: inout [[String]]) {
        switch value {
        case .object(let members):
            for key in members.keys.sorted() {
                flatten(members[key] ?? .null, path: path.isEmpty ? key : "\(path).\(key)", into: &rows)
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() { flatten(element, path: "\(path)[\(index)]", into: &rows) }
        case .string(let text):
            rows.append([path, text.split(whereSeparator: \.isNewline).joined(separator: " ")])
        case .number(let number):
            rows.append([path, number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)])
        case .bool(let flag):
            rows.append([path, flag ? "true" : "false"])
        case .null:
            rows.append([path, "null"])
        }
    }
}
