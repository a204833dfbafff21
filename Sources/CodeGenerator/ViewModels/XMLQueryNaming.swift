import SmithyModel

/// How the XML-based protocols name members: the key a member has in a query body or an XML document, and
/// how lists and maps are laid out (`xmlName`, `xmlFlattened`, `ec2QueryName`).
struct XMLQueryNaming {
    let context: ServiceContext

    /// The member's XML element name: its `xmlName`, else its name.
    func xmlName(of member: Member) -> String {
        member.traits[TraitID.xmlName]?.stringValue ?? member.name
    }

    /// The member's query key: awsQuery uses the XML name; ec2Query its `ec2QueryName`, else the XML name with
    /// its first letter capitalized.
    func queryKey(of member: Member) -> String {
        guard context.wireProtocol == .ec2Query else { return xmlName(of: member) }
        if let name = member.traits[TraitID.ec2QueryName]?.stringValue { return name }
        let name = xmlName(of: member)
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    func isFlattened(_ member: Member) -> Bool { member.traits.has(TraitID.xmlFlattened) }

    /// A list's element name when wrapped: its member's `xmlName`, else `member`.
    func elementName(of list: Shape) -> String {
        list.listMember.flatMap { $0.traits[TraitID.xmlName]?.stringValue } ?? "member"
    }

    /// A map's key and value element names: their members' `xmlName`, else `key` and `value`.
    func entryNames(of map: Shape) -> (key: String, value: String) {
        (map.mapKey.flatMap { $0.traits[TraitID.xmlName]?.stringValue } ?? "key",
         map.mapValue.flatMap { $0.traits[TraitID.xmlName]?.stringValue } ?? "value")
    }

    /// `, namespace: XMLNamespace(…)` for a member (or list member) with `xmlNamespace`, else nil.
    func namespaceArgument(of member: Member) -> String? {
        namespaceExpression(member.traits[TraitID.xmlNamespace]).map { ", namespace: \($0)" }
    }

    /// `XMLNamespace(prefix: …, uri: …)` for an `xmlNamespace` trait value.
    func namespaceExpression(_ trait: JSONNode?) -> String? {
        guard let uri = trait?["uri"]?.stringValue else { return nil }
        let prefix = trait?["prefix"]?.stringValue.map(SwiftLiteral.string) ?? "nil"
        return "XMLNamespace(prefix: \(prefix), uri: \(SwiftLiteral.string(uri)))"
    }

    /// The `format:` argument for a timestamp whose format is not the protocols' default (RFC 3339).
    func formatArgument(member: Member?, target: Shape) -> String {
        guard let format = member?.traits.timestampFormat ?? target.traits.timestampFormat, format != .dateTime else { return "" }
        return format == .epochSeconds ? ", format: .epochSeconds" : ", format: .httpDate"
    }
}
