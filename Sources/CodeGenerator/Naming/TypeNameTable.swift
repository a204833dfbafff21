import SmithyModel

/// The Swift type name of every generated shape, checked for collisions once, up front.
struct TypeNameTable {
    private(set) var names: [ShapeID: String] = [:]
    let clientName: String
    let clientProtocolName: String
    let errorName: String

    init(shapes: [Shape], serviceName: String, service: Shape, file: String?) throws {
        clientName = serviceName + "Client"
        clientProtocolName = serviceName + "ClientProtocol"
        errorName = serviceName + "Error"
        let generatedNames: Set<String> = [clientName, clientProtocolName, errorName, serviceName + "Metadata", serviceName]

        var owners: [String: Shape] = [:]
        var diagnostics: [Diagnostic] = []
        for shape in shapes {
            var name = service.renames[shape.id] ?? Self.typeName(for: shape.id.name)
            // Shadowing Data, Date, Error, Result... would break both generated and user code.
            if SwiftNaming.isReservedTypeName(name) { name = serviceName + name }
            if generatedNames.contains(name) {
                diagnostics.append(Diagnostic(
                    .error, "shape name \(name) collides with the generated type \(name); add a rename on the service",
                    shape: shape.id, path: shape.jsonPath, file: file))
            } else if let other = owners[name] {
                diagnostics.append(Diagnostic(
                    .error, "shapes \(other.id) and \(shape.id) both become the Swift type \(name); add a rename on the service",
                    shape: shape.id, path: shape.jsonPath, file: file))
            }
            owners[name] = shape
            names[shape.id] = name
        }
        if !diagnostics.isEmpty { throw ModelError(diagnostics: diagnostics) }
    }

    subscript(id: ShapeID) -> String? { names[id.root] }

    /// Shape names are usually UpperCamel already; keep them, only making sure they start in upper case.
    private static func typeName(for shapeName: String) -> String {
        let valid = shapeName.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        guard valid, let first = shapeName.first, !first.isNumber else { return SwiftNaming.upperCamel(shapeName) }
        return first.uppercased() + shapeName.dropFirst()
    }
}
