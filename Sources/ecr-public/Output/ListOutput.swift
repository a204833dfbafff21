/// A listing as the AWS CLI prints a paginated command's result: the items under the model's member name
/// (e.g. `repositories`), and `NextToken` when `--max-items` stopped before the end.
struct ListOutput<Item: Encodable>: Encodable {
    /// The output member holding the items, e.g. `imageDetails`.
    var member: String
    var items: [Item]
    var nextToken: StartingToken?

    init(member: String, paged: PagedItems<Item>) {
        self.member = member
        self.items = paged.items
        self.nextToken = paged.nextToken
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: MemberKey.self)
        try container.encode(items, forKey: MemberKey(member))
        try container.encodeIfPresent(nextToken?.encoded, forKey: MemberKey("NextToken"))
    }
}

/// A coding key chosen at run time.
struct MemberKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) {
        stringValue = name
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        return nil
    }
}
