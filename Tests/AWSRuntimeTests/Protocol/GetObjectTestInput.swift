import Foundation

@testable import AWSRuntime

/// S3's GetObject input as the generator writes it for restXml: the bucket and key bound to URI labels, the
/// range to a header, no body. Shared by the restXml and presigning tests.
struct GetObjectTestInput: HTTPBoundInput, XMLEncodable {
    var bucket: String
    var key: String
    var range: String? = nil
    static var hasBodyMembers: Bool { false }
    static var xmlRootName: String { "GetObjectRequest" }
    static var xmlRootNamespace: XMLNamespace? { nil }
    var xmlAttributes: [(name: String, value: String)] { [] }
    func encodeXMLMembers(to writer: inout XMLBodyWriter) {}
    func bind(to request: inout HTTPRequestBindings) throws {
        request.label("Bucket", bucket)
        request.label("Key", key)
        request.header("Range", range)
    }
    func validate(_ validator: inout Validator, path: MemberPath) {}
    func encode(to encoder: any Encoder) throws {}
}
