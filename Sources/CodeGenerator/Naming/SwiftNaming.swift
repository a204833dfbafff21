/// Turns Smithy names into idiomatic, safe Swift identifiers.
///
/// Smithy names come in many styles (`imageIds`, `KMSMasterKeyArn`, `INVALID_IMAGE_DIGEST`, `x86-64`); Swift
/// wants lowerCamel members and UpperCamel types, keywords escaped, and no shadowing of the standard library,
/// Foundation or the runtime.
public enum SwiftNaming {
    /// A lowerCamel identifier: `KMSMasterKeyArn` → `kmsMasterKeyArn`, `INVALID_IMAGE_DIGEST` → `invalidImageDigest`.
    public static func lowerCamel(_ name: String) -> String {
        let words = words(of: name)
        guard !words.isEmpty else { return "_" }
        // Leading numbers belong to the first word: `3DES` → `_3des`.
        let leading = words.prefix { $0.allSatisfy(\.isNumber) }.count
        let headCount = min(words.count, leading + 1)
        var result = words.prefix(headCount).joined().lowercased()
        for word in words.dropFirst(headCount) { result += join(after: result, capitalized(word)) }
        return startsWithDigit(result) ? "_" + result : result
    }

    /// An UpperCamel identifier: `ecr public` → `EcrPublic`; words already in camel case keep their capitals.
    public static func upperCamel(_ name: String) -> String {
        var result = ""
        for word in words(of: name) { result += join(after: result, capitalized(word)) }
        if result.isEmpty { return "_" }
        return startsWithDigit(result) ? "_" + result : result
    }

    /// A type name from an SDK id: `ECR PUBLIC` → `ECRPublic`, `DynamoDB` → `DynamoDB`, `Secrets Manager` →
    /// `SecretsManager`. Short all-capital words stay acronyms.
    public static func serviceTypeName(sdkId: String) -> String {
        let parts = sdkId.split(whereSeparator: { !isWordCharacter($0) })
        let name = parts.map { part -> String in
            let word = String(part)
            if word == word.uppercased() && word.count <= 4 { return word }
            if word == word.uppercased() { return word.prefix(1) + word.dropFirst().lowercased() }
            return word.prefix(1).uppercased() + word.dropFirst()
        }.joined()
        return name.isEmpty ? "Service" : (startsWithDigit(name) ? "_" + name : name)
    }

    /// `name` as a property or case name: keywords are escaped with backticks, and the few that cannot be
    /// used even escaped (`self`, `Type`, ...) get a trailing underscore.
    public static func escapedMember(_ name: String) -> String {
        if unusableEvenEscaped.contains(name) { return name + "_" }
        return swiftKeywords.contains(name) ? "`\(name)`" : name
    }

    /// Whether a type name would shadow a standard library, Foundation or runtime name used by generated code.
    public static func isReservedTypeName(_ name: String) -> Bool {
        reservedTypeNames.contains(name) || swiftKeywords.contains(name) || unusableEvenEscaped.contains(name)
    }

    // MARK: - Words

    /// Splits on separators and on case changes, keeping acronyms together: `KMSMasterKeyArn` →
    /// [KMS, Master, Key, Arn]; `x86_64` → [x86, 64]; `ARM 64` → [ARM, 64].
    static func words(of name: String) -> [String] {
        var words: [String] = []
        for chunk in name.split(whereSeparator: { !isWordCharacter($0) }) {
            let characters = Array(chunk)
            var current = ""
            for (index, character) in characters.enumerated() {
                if !current.isEmpty, character.isUppercase {
                    let previous = characters[index - 1]
                    let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
                    if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) {
                        words.append(current)
                        current = ""
                    }
                }
                current.append(character)
            }
            if !current.isEmpty { words.append(current) }
        }
        return words
    }

    /// A word with its first letter capitalized; all-capital words (acronyms, SNAKE_CASE) become `Word`.
    private static func capitalized(_ word: String) -> String {
        let isAllCaps = word == word.uppercased() && word.contains(where: \.isLetter)
        let rest = isAllCaps && word.count > 1 ? word.dropFirst().lowercased() : String(word.dropFirst())
        return word.prefix(1).uppercased() + rest
    }

    /// Keeps an underscore between two digits so `x86` + `64` reads `x86_64`, not `x8664`.
    private static func join(after previous: String, _ word: String) -> String {
        if let last = previous.last, last.isNumber, let first = word.first, first.isNumber { return "_" + word }
        return word
    }

    /// Generated identifiers are made of ASCII letters and digits only: model text (SDK ids, legacy enum
    /// values) may hold any Unicode, and not every Unicode letter or number may stand in a Swift identifier.
    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber)
    }

    private static func startsWithDigit(_ text: String) -> Bool { text.first?.isNumber ?? false }

    /// Names that cannot be a generated property or case even escaped: keywords Swift reserves in every position,
    /// and the members generated types already declare (`hashValue` from `Hashable`, `customMirror` for redaction,
    /// `allCases`, `rawValue` and `isKnown` on enums).
    static let unusableEvenEscaped: Set<String> = [
        "self", "Self", "Type", "Protocol", "init", "deinit", "subscript", "hashValue", "customMirror", "allCases",
        "rawValue", "isKnown",
    ]

    static let swiftKeywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer",
        "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where",
        "while", "Any", "as", "await", "false", "is", "nil", "super", "throws", "true", "try", "async", "some",
        "any", "consume", "copy", "borrowing", "consuming", "package", "Self", "self", "Type", "Protocol",
    ]

    static let reservedTypeNames: Set<String> = [
        // Standard library and Foundation types generated code refers to.
        "String", "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "Bool", "Float", "Double", "Decimal",
        "Array", "Dictionary", "Set", "Optional", "Result", "Error", "Data", "Date", "URL", "UUID", "Character",
        "Codable", "Decoder", "Encoder", "CodingKey", "CodingKeys", "Sendable", "Mirror", "CustomReflectable",
        "Hashable", "Equatable", "Task", "Duration",
        "Never", "Void", "Sequence", "AsyncSequence", "Collection", "Range", "Unicode", "Substring", "Regex",
        "Foundation", "NSObject", "Locale", "TimeZone", "Calendar", "JSONEncoder", "JSONDecoder",
        // Runtime names: every public type of AWSRuntime (a test keeps this list complete), so a user who
        // imports both modules never meets an ambiguous name.
        "AWSCredentials", "AWSJSONCodec", "AWSJSONCoding", "AWSPartition", "AWSPartitionTable", "AWSRuntime",
        "HTTPBindingError", "HTTPBindingValue", "HTTPBodyDecoder", "HTTPBoundInput", "HTTPBoundOutput", "HTTPStreamingOutput", "ByteStream", "ByteStreamError", "JSONShapeDecodable", "JSONObjectReader", "JSONValueReader", "HTTPHeaderList",
        "HTTPRequestBindings", "HTTPResponseBindings", "HTTPRoute", "JSONBodyDecoder", "RestJSONCodec",
        "ServiceCustomization", "ParsedXMLElement", "XMLDocumentReader", "XMLReadError", "XMLWriter", "QueryWriter",
        "CBORReader", "CBORReadError", "CBORValue", "CBORWriter", "AWSQueryCodec", "QueryEncodable", "QueryFormWriter",
        "XMLDecodable", "XMLValueError", "XMLEncodable", "XMLBodyWriter", "XMLNamespace", "RestXMLCodec",
        "CBOREncoder", "CBORDecoder", "RPCv2CBORCodec", "EventStreamHeaderValue", "EventStreamHeader",
        "EventStreamMessage", "EventStreamError", "EventStreamFraming", "EventStreamEncoder", "EventStreamDecoder",
        "AsyncEventStream", "EventStreamUnion", "EventMessageReader", "EventMessageWriter", "EventMessageError",
        "EventStreamRequestBody", "EventStreamSigner", "EventStreamOutput",
        "AnyCodingKey", "Boxed", "CachingCredentialProvider", "CanonicalRequest", "Client", "ClientConfiguration",
        "ClientRateLimiter", "ClientRuntimeError", "ConfigError", "ConstraintViolation",
        "ContainerCredentialProvider", "CredentialProvider", "CredentialProviderChain", "CredentialProviderError",
        "CurlHTTPClient", "DefaultCredentialChain", "DefaultHTTPClient", "EmptyInput", "EmptyOutput",
        "EncodedRequest", "EndpointBuiltIn", "EndpointError", "EndpointParameterDefinition", "EndpointParameters",
        "EndpointResolver", "EndpointRuleEvaluator", "EndpointRuleSet", "EnvironmentCredentialProvider", "ErrorFault",
        "ErrorResponse", "Gzip", "HMAC", "HTTPClient", "HTTPClientError", "HTTPHeaders", "HTTPRequest",
        "HTTPResponse", "IMDSCredentialProvider", "IdempotencyToken", "ItemPaginator", "JSONStreamEncoder", "JSONTapeDecoder", "JSONValue", "MemberPath",
        "Operation", "OperationInput", "PaginatedItems", "PaginationToken", "Paginator", "PresignedQuery",
        "ProcessCredentialProvider", "ProfileCredentialProvider", "ProfileSettings", "ProtocolCodec", "Region",
        "RegionResolver", "RequestCompression", "RequestEncodingContext", "RequestHook", "RequestHookContext",
        "RequestLogger", "ResolvedEndpoint", "RetryMode", "RetryQuota", "RetryStrategy", "SHA256", "SHA256Digest",
        "ServiceError", "ServiceErrorContext", "ServiceErrorPayload", "ServiceMetadata", "ServiceRuntime",
        "SharedConfig", "SharedConfigLocations", "SigV4Error", "SigV4Options", "SigV4Signature", "SigV4Signer",
        "SigningKeyCache", "StaticCredentialProvider", "TimestampFormat", "URLSessionHTTPClient", "Validatable",
        "ValidationContext", "ValidationError", "ValidationOptions", "ValidationPattern", "Validator",
        "BearerToken", "CredentialChainContext", "CredentialChainFactory", "IMDSEndpoint", "LocalCredentialChain",
        "ProfileChain", "ProfileChainError", "ProfileChainResolver", "TokenProvider", "OperationAuth", "TokenChainFactory",
        "Waiter", "WaiterAcceptor", "WaiterError", "WaiterResult", "WaiterState", "WaiterMatching",
        // AWSIdentity, which generated clients import too.
        "AWSIdentity", "AssumeRoleCredentialProvider", "DefaultTokenChain", "SSOCredentialProvider",
        "SSOTokenProvider", "WebIdentityCredentialProvider",
    ]
}
