import SmithyModel

/// Choices a user makes about the generated client.
public struct GeneratorOptions: Sendable, Equatable {
    /// Access level of generated declarations.
    public enum AccessLevel: String, Sendable, CaseIterable {
        case `public`, package, `internal`
    }

    /// Module and type-prefix name; derived from the service's SDK id when nil (`ECR PUBLIC` → `ECRPublic`).
    public var moduleName: String?
    /// Access level of the generated declarations; `public` by default.
    public var accessLevel: AccessLevel
    /// Only these operations (by Smithy name) and the shapes they reach are generated; nil means all.
    public var operationAllowList: Set<String>?
    /// Whether generated inputs carry validation code.
    public var generateValidation: Bool
    /// The service to generate, for models that define several; nil means the model's only service.
    public var serviceID: String?
    /// The endpoint rule set to use when the service has none (`smithy.rules#endpointRuleSet` document).
    public var endpointRuleSet: JSONNode?
    /// Whether the client finds credentials with `AWSIdentity`'s `DefaultCredentialChain` (assumed roles, web
    /// identity, IAM Identity Center, as the AWS CLI does). False only for the identity services' own clients,
    /// which that module calls and so cannot import it; they use the runtime's `LocalCredentialChain`.
    public var usesIdentityChain = true
    /// Whether structures and unions an output of a JSON protocol reaches are read by generated JSON readers
    /// (`JSONShapeDecodable`), with no `Codable` `init(from:)` of their own. False writes the `Codable` decoding
    /// instead: the differential test compares the two.
    public var generatesJSONReaders = true

    /// Options; the defaults generate a public client for every operation, with validation.
    public init(
        moduleName: String? = nil, accessLevel: AccessLevel = .public, operationAllowList: Set<String>? = nil,
        generateValidation: Bool = true
    ) {
        self.moduleName = moduleName
        self.accessLevel = accessLevel
        self.operationAllowList = operationAllowList
        self.generateValidation = generateValidation
    }
}

/// One file the generator produced, in memory; only the CLI and the plugins write files.
public struct GeneratedFile: Sendable, Equatable {
    /// Path relative to the output folder, e.g. `Client.swift`.
    public var path: String
    /// The file's Swift source text.
    public var contents: String

    /// A file at `path` with `contents`.
    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
