import ECRPublic

/// `--catalog-data`: a `RepositoryCatalogDataInput` as JSON, inline or in a `file://`.
enum CatalogDataInput {
    /// The members the model's `RepositoryCatalogDataInput` has.
    static let members: Set<String> = [
        "description", "architectures", "operatingSystems", "logoImageBlob", "aboutText", "usageText",
    ]

    static func parse(_ text: String, option: String, command: String?) throws(UsageError) -> RepositoryCatalogDataInput {
        try ParameterValue.jsonObject(text, as: RepositoryCatalogDataInput.self, allowed: members,
                                      option: option, command: command)
    }
}
