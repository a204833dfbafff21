/// Printing headers never shows credentials: `print(request)`, `dump(request)` and string interpolation show
/// `Authorization`, the session token and the instance metadata token as `<redacted>`.
extension HTTPHeaders: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Headers whose values are secrets or signatures.
    static let redactedNames: Set<String> = ["authorization", "x-amz-security-token", "x-aws-ec2-metadata-token"]

    private var redactedFields: [String] {
        fields.map { field in
            let value = Self.redactedNames.contains(field.name.lowercased()) ? "<redacted>" : field.value
            return "\(field.name): \(value)"
        }
    }

    public var description: String { "[" + redactedFields.joined(separator: ", ") + "]" }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, unlabeledChildren: redactedFields, displayStyle: .collection) }

    /// A copy with every secret value (`Authorization`, the session token, the metadata token) replaced by
    /// `<redacted>`, for handing a signed request to code that must not see them.
    public var redacted: HTTPHeaders {
        HTTPHeaders(fields.map { field in
            (field.name, Self.redactedNames.contains(field.name.lowercased()) ? "<redacted>" : field.value)
        })
    }
}

extension SigV4Signature: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The canonical request lists the session token header's value, so it is shown without header values.
    public var description: String {
        "SigV4Signature(signedHeaders: \(signedHeaders), credentialScope: \(credentialScope), signature: \(signature))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["signedHeaders": signedHeaders, "credentialScope": credentialScope, "signature": signature])
    }
}
