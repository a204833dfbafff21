/// The root view model of each generated file: the service plus that file's own content.
struct ServiceFileViewModel {
    let service: ServiceViewModel
}

struct StructuresFileViewModel {
    let service: ServiceViewModel
    let bucket: String
    let structures: [StructureViewModel]
}

struct EnumsFileViewModel {
    let service: ServiceViewModel
    let enums: [EnumViewModel]
}

struct UnionsFileViewModel {
    let service: ServiceViewModel
    let unions: [UnionViewModel]
}

struct ErrorsFileViewModel {
    let service: ServiceViewModel
    let errors: ErrorsViewModel
}

struct ValidationFileViewModel {
    struct Pattern {
        let name: String
        /// The model's pattern, shown in validation messages.
        let literal: String
        /// The ICU expression the check runs.
        let compiledLiteral: String
    }

    let service: ServiceViewModel
    let patternsTypeName: String
    let patterns: [Pattern]
}
