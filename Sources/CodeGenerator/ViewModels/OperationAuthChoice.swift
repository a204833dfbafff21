import SmithyModel

/// How an operation is authenticated: the first scheme of its effective auth list that the runtime supports.
///
/// The list is the operation's `auth` trait, else the service's, else every auth scheme the service defines (its
/// `aws.auth#sigv4` and `smithy.api#httpBearerAuth` traits, in Smithy's order: sorted by shape id). An empty
/// list (`@auth([])`) means anonymous.
struct OperationAuthChoice {
    /// The runtime's `OperationAuth` cases by scheme trait.
    private static let supported: [(trait: String, runtimeCase: String)] = [
        (TraitID.sigv4, "sigV4"), (TraitID.httpBearerAuth, "bearerToken"),
    ]

    /// The chosen `OperationAuth` case name.
    let runtimeCase: String

    init(operation: Shape, service: Shape) {
        let listed = (operation.traits[TraitID.auth] ?? service.traits[TraitID.auth])?.arrayValue?.compactMap(\.stringValue)
        let schemes = listed ?? Self.supported.map(\.trait).filter { service.traits.has($0) }.sorted()
        if listed?.isEmpty == true {
            runtimeCase = "anonymous"
        } else {
            // A model naming only schemes we do not support still gets SigV4, the AWS default, rather than nothing.
            runtimeCase = schemes.lazy.compactMap { scheme in Self.supported.first { $0.trait == scheme }?.runtimeCase }
                .first ?? "sigV4"
        }
    }

    /// The `invoke` argument: empty for SigV4 (the default), else `, auth: .<case>`.
    var argument: String { runtimeCase == "sigV4" ? "" : ", auth: .\(runtimeCase)" }
}
