import AWSRuntime
import ECRPublic
import Foundation

/// `--image-ids`: images by tag or digest, as shorthand (`imageTag=latest imageDigest=sha256:…`) or as one
/// JSON array (`[{"imageTag": "latest"}]`, inline or in a `file://`).
enum ImageIdentifiers {
    static func parse(_ values: [String], option: String, command: String?) throws(UsageError) -> [ImageIdentifier] {
        if values.count == 1, let first = values.first, first.hasPrefix("[") || first.hasPrefix("file://") {
            return try json(first, option: option, command: command)
        }
        return try values.map { text throws(UsageError) in
            let members = try Shorthand.parse(text, allowed: ["imageDigest", "imageTag"], option: option, command: command)
            return ImageIdentifier(imageDigest: members["imageDigest"], imageTag: members["imageTag"])
        }
    }

    private static func json(_ value: String, option: String, command: String?) throws(UsageError) -> [ImageIdentifier] {
        let text = try ParameterValue.text(value, option: option, command: command)
        guard let identifiers = try? AWSJSONCoding.makeDecoder().decode([ImageIdentifier].self, from: Data(text.utf8)) else {
            throw UsageError("argument \(option): expected imageTag=TAG / imageDigest=DIGEST or a JSON array of "
                + "{\"imageTag\": …, \"imageDigest\": …}", command: command)
        }
        return identifiers
    }
}
