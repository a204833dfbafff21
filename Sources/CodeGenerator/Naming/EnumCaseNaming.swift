import SmithyModel

/// The Swift cases of an enum, intEnum or legacy `enum`-trait string, in model order.
enum EnumCaseNaming {
    struct Case {
        var caseName: String
        /// The wire value: a string for enums, the integer's text for intEnums.
        var rawValue: String
        var documentation: String?
        var deprecated: Bool
        var memberID: ShapeID?
    }

    static func cases(of shape: Shape) -> [Case] {
        if let legacy = shape.traits.legacyEnumDefinitions {
            return legacy.map { definition in
                Case(caseName: SwiftNaming.escapedMember(SwiftNaming.lowerCamel(definition.name ?? definition.value)),
                     rawValue: definition.value, documentation: definition.documentation,
                     deprecated: definition.deprecated, memberID: nil)
            }
        }
        return shape.members.map { member in
            let raw: String
            switch member.traits.enumValue {
            case .string(let text)?: raw = text
            case .number(let text)?: raw = text
            default: raw = member.name  // Smithy: an enum member without enumValue uses its name.
            }
            return Case(caseName: SwiftNaming.escapedMember(SwiftNaming.lowerCamel(member.name)), rawValue: raw,
                        documentation: member.traits.documentation, deprecated: member.traits.deprecated != nil,
                        memberID: member.id)
        }
    }

    /// The catch-all case for values the model does not list: `unknown`, unless a listed case took that name.
    static func catchAllName(for cases: [Case]) -> String {
        let taken = Set(cases.map(\.caseName))
        var name = "unknown"
        while taken.contains(name) { name = "sdk" + name.prefix(1).uppercased() + name.dropFirst() }
        return name
    }
}
