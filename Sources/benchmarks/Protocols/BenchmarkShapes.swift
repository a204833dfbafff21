import AWSRuntime
import Foundation

// The shapes of one `ListThings` operation, written as the generator writes them for each protocol family:
// `Codable` for the JSON and CBOR bodies, `QueryEncodable` for query inputs, `XMLEncodable`/`XMLDecodable` for
// XML bodies, `HTTPBoundInput` for the REST protocols' label and query member. (The benchmarks target cannot
// compile generated modules of every protocol, so these stand in for them, one statement per member as in
// `Templates/`.)

/// The input every RPC protocol sends whole: awsJson, awsQuery, rpcv2Cbor.
struct ListThingsInput: OperationInput, QueryEncodable {
    var name: String
    var maxResults: Int
    var filters: [String]

    private enum CodingKeys: String, CodingKey {
        case name, maxResults, filters
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(maxResults, forKey: .maxResults)
        try container.encode(filters, forKey: .filters)
    }

    func encodeQuery(to writer: inout QueryFormWriter, prefix: String) {
        writer.value(prefix + "name", self.name)
        writer.value(prefix + "maxResults", self.maxResults)
        writer.list(prefix + "filters", self.filters, member: "member", flattened: false) { w1, k1, v1 in w1.value(k1, v1) }
    }

    func validate(_ validator: inout Validator, path: MemberPath) {}
}

/// The same input under the REST protocols: `name` is the `{name}` label, `maxResults` a query parameter, and
/// `filters` the body.
struct ListThingsRESTInput: OperationInput, HTTPBoundInput, XMLEncodable {
    var name: String
    var maxResults: Int
    var filters: [String]

    private enum CodingKeys: String, CodingKey {
        case filters
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(filters, forKey: .filters)
    }

    static var hasBodyMembers: Bool { true }

    func bind(to request: inout HTTPRequestBindings) throws {
        request.label("name", self.name)
        request.query("maxResults", self.maxResults)
    }

    static var xmlRootName: String { "ListThingsRequest" }
    static var xmlRootNamespace: XMLNamespace? { nil }
    var xmlAttributes: [(name: String, value: String)] { [] }

    func encodeXMLMembers(to writer: inout XMLBodyWriter) {
        writer.list("filters", self.filters, member: "member", flattened: false) { w1, n1, v1 in w1.value(n1, v1) }
    }

    func validate(_ validator: inout Validator, path: MemberPath) {}
}

struct Thing: Sendable, Codable, XMLDecodable {
    var name: String?
    var size: Int64?
    var created: Date?
    var tags: [String]?

    init(name: String?, size: Int64?, created: Date?, tags: [String]?) {
        self.name = name
        self.size = size
        self.created = created
        self.tags = tags
    }

    private enum CodingKeys: String, CodingKey {
        case name, size, created, tags
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.name = try container.decodeIfPresent(String.self, forKey: .name)
        self.size = try container.decodeIfPresent(Int64.self, forKey: .size)
        self.created = try container.decodeIfPresent(Date.self, forKey: .created)
        self.tags = try container.decodeIfPresent([String].self, forKey: .tags)
    }

    init(xml: ParsedXMLElement) throws {
        self.name = try xml.value("name", as: String.self)
        self.size = try xml.value("size", as: Int64.self)
        self.created = try xml.value("created", as: Date.self)
        self.tags = try xml.list("tags", member: "member", flattened: false) { e1 in try e1.scalar(String.self) }
    }
}

struct ListThingsOutput: Sendable, Codable, XMLDecodable {
    var things: [Thing]?
    var nextToken: String?

    private enum CodingKeys: String, CodingKey {
        case things, nextToken
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.things = try container.decodeIfPresent([Thing].self, forKey: .things)
        self.nextToken = try container.decodeIfPresent(String.self, forKey: .nextToken)
    }

    init(xml: ParsedXMLElement) throws {
        self.things = try xml.list("things", member: "member", flattened: false) { e1 in try Thing(xml: e1) }
        self.nextToken = try xml.value("nextToken", as: String.self)
    }
}
