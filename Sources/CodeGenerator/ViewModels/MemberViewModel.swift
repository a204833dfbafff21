import SmithyModel

/// One stored property of a generated structure, with the Swift it needs for init, decoding and encoding.
struct MemberViewModel {
    /// The member's name in the model.
    let name: String
    /// The Swift property name, escaped when it is a keyword.
    let propertyName: String
    /// Where the value is stored: the property itself, or `_name` behind a deprecated accessor (so generated
    /// code never uses a deprecated declaration and compiles without warnings).
    let storageName: String
    let isDeprecated: Bool
    /// The case in `CodingKeys`, which carries the wire name.
    let codingKey: String
    let wireName: String
    let wireNameLiteral: String
    /// The property type, e.g. `String?`.
    let type: String
    /// The label of the member's parameter in the generated memberwise `init`, e.g. `repositoryName`.
    let argumentLabel: String
    /// Whether the property is optional (`type` ends in `?`).
    let isOptional: Bool
    /// Whether the memberwise `init` has no default for the member (required, without a `default`).
    let requiresArgument: Bool
    /// `repositoryName: String` or `registryId: String? = nil`.
    let initParameter: String
    /// The argument passed on by convenience overloads: `repositoryName: repositoryName`.
    let forwardedArgument: String
    let decodeStatement: String
    let encodeStatement: String
    /// Complete `///` lines.
    let documentation: [String]
    let deprecatedAttribute: String?
    /// `@Boxed ` for members that close a recursive cycle.
    let propertyWrapper: String
    /// Where an HTTP-binding protocol puts the member (nil for body members and for other protocols).
    let httpBinding: HTTPBinding?
    /// What a required member holds when a response leaves it out: its default, else its type's zero value;
    /// nil when it has none (enums, structures, unions) or the member is optional.
    let absentValue: String?
    /// Whether an event puts the member in a message header or makes it the payload (`eventHeader`,
    /// `eventPayload`), so it is not part of the event's document.
    let isEventBound: Bool
    /// Whether the member is an event stream, never part of a document (the body is the stream).
    let isEventStream: Bool
    /// Whether the member is in the body (`CodingKeys`): every member unless it is bound elsewhere.
    var isBodyMember: Bool { httpBinding == nil && !isEventBound && !isEventStream }
    var separator: String = ","
}

extension MemberViewModel {
    /// Builds the view of `member` of `container`.
    init(member: Member, in container: Shape, context: ServiceContext, recursion: RecursionAnalysis,
         constraintsDoc: [String] = []) {
        let resolver = SwiftTypeResolver(context: context)
        let target = context.target(of: member)
        let baseType = resolver.type(of: member.target)
        let swiftName = SwiftNaming.escapedMember(SwiftNaming.lowerCamel(member.name))
        let bareName = swiftName.trimmingCharacters(in: "`")
        // Any keyword may be an argument label except these: `inout` anywhere, and `var` and `let` where a
        // parameter is declared (elsewhere escaping them draws a warning).
        let label = bareName == "inout" ? swiftName : bareName
        let parameterLabel = ["inout", "var", "let"].contains(bareName) ? swiftName : bareName

        // Smithy 1.0: a member is non-null when its target has a default (the Primitive* prelude shapes).
        let defaultNode = member.traits.defaultValue
            ?? (context.model.isSmithy1 ? target?.traits.defaultValue : nil)
        // An event stream is never nil: unset, it has no events.
        let isEventStream = target.map(context.isEventStream) ?? false
        let defaultExpression = isEventStream ? "AsyncEventStream()" : defaultNode.flatMap { node in
            target.flatMap { DefaultValueLiteral.expression(for: node, target: $0, context: context) }
        }
        let boxed = recursion.needsBox(member, in: container)
        let clientOptional = member.traits.isClientOptional || boxed
        let isRequired = member.traits.isRequired && !clientOptional
        // Smithy: top-level input members are optional to clients, so an unset member with a default is not sent
        // (the service applies its default); nested members with defaults are always sent.
        let isTopLevelInputDefault = container.traits.isInput && !isRequired
        let hasDefault = isEventStream || (defaultExpression != nil && !clientOptional && !isTopLevelInputDefault)
        let isOptional = !isRequired && !hasDefault

        name = member.name
        propertyName = swiftName
        isDeprecated = member.traits.deprecated != nil
        storageName = isDeprecated ? "_" + bareName : swiftName
        codingKey = swiftName
        // awsJson 1.0 and 1.1 ignore `jsonName` (only restJson1 honours it): the member name is the key.
        wireName = context.wireProtocol.honoursJSONName ? member.traits.jsonName ?? member.name : member.name
        httpBinding = context.httpBinding(of: member, in: container)
        isEventBound = member.traits.isEventHeader || member.traits.isEventPayload
        self.isEventStream = isEventStream
        wireNameLiteral = SwiftLiteral.string(wireName)
        type = isOptional ? baseType + "?" : baseType
        argumentLabel = label
        self.isOptional = isOptional
        requiresArgument = !isOptional && !(hasDefault && defaultExpression != nil)
        propertyWrapper = boxed ? "@Boxed " : ""
        if isOptional {
            initParameter = "\(parameterLabel): \(type) = nil"
        } else if hasDefault, let defaultExpression {
            initParameter = "\(parameterLabel): \(type) = \(defaultExpression)"
        } else {
            initParameter = "\(parameterLabel): \(type)"
        }
        forwardedArgument = "\(label): \(swiftName)"

        let keyPath = "forKey: .\(swiftName)"
        absentValue = isOptional ? nil
            : (hasDefault ? defaultExpression : nil) ?? target.flatMap { ZeroValueLiteral.errorCorrection(for: $0, context: context) }
        if httpBinding != nil || isEventBound || isEventStream {
            // Not in the body: the protocol's binding code reads it from the response (or the event reader from
            // the message) after the body.
            let unset = isOptional ? "nil" : absentValue ?? "try JSONBodyDecoder().decode(\(baseType).self, from: Data())"
            decodeStatement = "self.\(storageName) = \(unset)"
        } else if isOptional, container.traits.errorFault != nil, member.name.lowercased() == "message", baseType == "String" {
            // Services and emulators spell an error's message key either way (a model's `Message` arrives as
            // `message` and the reverse), so an error's message member reads both, as AWS SDKs do.
            let otherSpelling = member.name == "message" ? "Message" : "message"
            decodeStatement = "self.\(storageName) = try container.decodeIfPresent(String.self, \(keyPath)) "
                + "?? decoder.container(keyedBy: AnyCodingKey.self).decodeIfPresent(String.self, forKey: AnyCodingKey(\"\(otherSpelling)\"))"
        } else if isOptional {
            decodeStatement = "self.\(storageName) = try container.decodeIfPresent(\(baseType).self, \(keyPath))"
        } else if hasDefault, let defaultExpression {
            decodeStatement = "self.\(storageName) = try container.decodeIfPresent(\(baseType).self, \(keyPath)) ?? \(defaultExpression)"
        } else if let zero = target.flatMap({ ZeroValueLiteral.errorCorrection(for: $0, context: context) }) {
            // Smithy error correction: a required member the service failed to send gets its type's zero value.
            decodeStatement = "self.\(storageName) = try container.decodeIfPresent(\(baseType).self, \(keyPath)) ?? \(zero)"
        } else if target?.type == .structure {
            decodeStatement = "self.\(storageName) = try container.decodeCorrectingMissing(\(baseType).self, \(keyPath))"
        } else {
            decodeStatement = "self.\(storageName) = try container.decode(\(baseType).self, \(keyPath))"
        }
        encodeStatement = Self.encodeStatement(
            member: member, target: target, property: storageName, keyPath: keyPath, isOptional: isOptional, context: context)

        // An optional top-level input member with a default: say what nil means.
        let defaultNote = isOptional && isTopLevelInputDefault && !clientOptional
            ? defaultExpression.map { ["", "When nil, the service uses the default `\($0)`."] } ?? []
            : []
        documentation = DocComment.lines(
            DocumentationFormatter.lines(member.traits.documentation) + defaultNote + constraintsDoc)
        deprecatedAttribute = DeprecationAttribute.make(member.traits.deprecated)
    }

    private static func encodeStatement(member: Member, target: Shape?, property: String, keyPath: String,
                                        isOptional: Bool, context: ServiceContext) -> String {
        let value = "self.\(property)"
        if member.traits.isIdempotencyToken, target?.type == .string {
            // Filled once per call, so every retry of the same call carries the same token.
            // The client's token generator is reached through the encoder (see `IdempotencyToken`).
            return "try container.encode(\(value)\(isOptional ? " ?? IdempotencyToken.generate(for: encoder)" : ""), \(keyPath))"
        }
        let format = context.wireProtocol.honoursTimestampFormat ? member.traits.timestampFormat ?? target?.traits.timestampFormat : nil
        if let format, format != .epochSeconds, let target {
            let formatCase = format == .dateTime ? ".dateTime" : ".httpDate"
            if target.type == .timestamp {
                return "try container.encodeTimestamp(\(value), \(keyPath), format: \(formatCase))"
            }
        }
        if let target, target.type == .list || target.type == .set,
           let element = target.listMember, let elementShape = context.model.shape(element.target),
           elementShape.type == .timestamp,
           context.wireProtocol.honoursTimestampFormat,
           let format = element.traits.timestampFormat ?? elementShape.traits.timestampFormat, format != .epochSeconds {
            let formatCase = format == .dateTime ? ".dateTime" : ".httpDate"
            return "try container.encodeTimestamps(\(value), \(keyPath), format: \(formatCase))"
        }
        return isOptional ? "try container.encodeIfPresent(\(value), \(keyPath))" : "try container.encode(\(value), \(keyPath))"
    }
}

extension String {
    func trimmingCharacters(in characters: String) -> String {
        var result = Substring(self)
        while let first = result.first, characters.contains(first) { result = result.dropFirst() }
        while let last = result.last, characters.contains(last) { result = result.dropLast() }
        return String(result)
    }
}

/// `@available(*, deprecated, message: "…")` from the `deprecated` trait.
enum DeprecationAttribute {
    static func make(_ trait: DeprecatedTrait?) -> String? {
        guard let trait else { return nil }
        var parts: [String] = []
        if let message = trait.message { parts.append(message) }
        if let since = trait.since { parts.append("Deprecated since \(since).") }
        if parts.isEmpty { return "@available(*, deprecated)" }
        return "@available(*, deprecated, message: \(SwiftLiteral.string(parts.joined(separator: " "))))"
    }
}
