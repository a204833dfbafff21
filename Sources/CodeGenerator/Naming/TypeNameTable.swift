import SmithyModel

/// The Swift type name of every generated shape and of the generator's own types, checked for collisions once,
/// up front.
///
/// The model's names are the user's API, so they are settled first; the generator's own types (client, error,
/// metadata, validation patterns) then take the first name the model left free: a model with a shape called
/// `AthenaError` gets its error type as `AthenaServiceError`.
struct TypeNameTable {
    private(set) var names: [ShapeID: String] = [:]
    let clientName: String
    let clientProtocolName: String
    let errorName: String
    let metadataName: String
    let validationPatternsName: String

    init(shapes: [Shape], serviceName: String, service: Shape, diagnostics: DiagnosticCollector) {
        var owners: [String: Shape] = [:]
        for shape in shapes {
            var name = service.renames[shape.id] ?? Self.typeName(for: shape.id.name)
            // Shadowing Data, Date, Error, Result... would break both generated and user code.
            if SwiftNaming.isReservedTypeName(name) { name = serviceName + name }
            if name == serviceName {
                diagnostics.error(
                    "shape name \(name) is the module's name; choose another module name (--module) or add a rename on the service",
                    shape: shape.id, path: shape.jsonPath)
            } else if let other = owners[name] {
                diagnostics.error(
                    "shapes \(other.id) and \(shape.id) both become the Swift type \(name); add a rename on the service",
                    shape: shape.id, path: shape.jsonPath)
            }
            owners[name] = shape
            names[shape.id] = name
        }
        var taken = Set(owners.keys)
        func free(_ suffix: String) -> String {
            let candidates = [serviceName + suffix, serviceName + "Service" + suffix, serviceName + "SDK" + suffix]
            var name = candidates.first { !taken.contains($0) } ?? serviceName + "SDK" + suffix
            var number = 2
            while taken.contains(name) {
                name = serviceName + "SDK" + suffix + String(number)
                number += 1
            }
            taken.insert(name)
            return name
        }
        clientName = free("Client")
        clientProtocolName = free("ClientProtocol")
        errorName = free("Error")
        metadataName = free("Metadata")
        validationPatternsName = free("ValidationPatterns")
    }

    subscript(id: ShapeID) -> String? { names[id.root] }

    /// Shape names are Smithy identifiers (the loader checked); keep them, only making sure they start in upper
    /// case.
    private static func typeName(for shapeName: String) -> String {
        let leadingUnderscores = shapeName.prefix { $0 == "_" }
        let rest = shapeName.dropFirst(leadingUnderscores.count)
        return leadingUnderscores + rest.prefix(1).uppercased() + rest.dropFirst()
    }
}
