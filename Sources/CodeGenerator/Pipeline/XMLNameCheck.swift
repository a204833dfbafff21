import SmithyModel

/// Checks the XML names of an XML or query protocol's shapes before generation: every `xmlName` is an XML
/// name (`prefix:local` at most), every `xmlNamespace` prefix one too. A name that is not would make the client
/// send malformed XML (or query keys the service cannot read), so the model is refused with shape and path.
struct XMLNameCheck {
    let diagnostics: DiagnosticCollector

    func check(shapes: [Shape], model: Model) {
        var seen = Set<ShapeID>()
        var pending = shapes
        // Lists and maps reached from members carry xmlName on their members too.
        while let shape = pending.popLast() {
            guard seen.insert(shape.id).inserted else { continue }
            checkTraits(shape.traits, shape: shape.id, path: JSONPath.key(shape.jsonPath, "traits"))
            for member in shape.members {
                checkTraits(member.traits, shape: member.id, path: JSONPath.key(member.jsonPath, "traits"))
                if let target = model.shape(member.target), target.type == .list || target.type == .set || target.type == .map {
                    pending.append(target)
                }
            }
        }
    }

    private func checkTraits(_ traits: Traits, shape: ShapeID, path: String) {
        if let name = traits[TraitID.xmlName]?.stringValue, !Self.isQualifiedName(name) {
            diagnostics.error("xmlName \(SmithyIdentifier.quoted(name)) is not an XML name (letters, digits, `.`, `-`, `_`, one `prefix:`)",
                              shape: shape, path: JSONPath.key(path, TraitID.xmlName))
        }
        if let prefix = traits[TraitID.xmlNamespace]?["prefix"]?.stringValue, !Self.isName(prefix) {
            diagnostics.error("xmlNamespace prefix \(SmithyIdentifier.quoted(prefix)) is not an XML name",
                              shape: shape, path: JSONPath.key(path, TraitID.xmlNamespace))
        }
    }

    /// `local` or `prefix:local`.
    static func isQualifiedName(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count <= 2 && parts.allSatisfy { isName(String($0)) }
    }

    /// An ASCII XML NCName: a letter or `_`, then letters, digits, `.`, `-` and `_`.
    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII,
              first.properties.isAlphabetic || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
    }
}
