import SmithyModel

/// Checks the HTTP bindings of an HTTP-binding protocol (restJson1, restXml) before anything is generated: every
/// operation has an `http` trait whose URI labels are exactly the input's `httpLabel` members, and each bound
/// member targets a shape its location can carry. A model that breaks them would produce requests that name
/// the wrong resource, so it is refused with the shape and JSON path.
struct HTTPBindingCheck {
    let model: Model
    let diagnostics: DiagnosticCollector
    /// The protocol's name, for messages (`restJson1`, `restXml`).
    let protocolName: String

    func check(operations: [Shape], errors: [Shape]) {
        for operation in operations {
            let traitPath = JSONPath.key(JSONPath.key(operation.jsonPath, "traits"), TraitID.http)
            guard let http = operation.traits.http else {
                diagnostics.error("operation has no valid smithy.api#http trait (method and uri), which \(protocolName) needs",
                                  shape: operation.id, path: JSONPath.key(operation.jsonPath, "traits"))
                continue
            }
            checkRoute(http, operation: operation, path: traitPath)
            let input = operation.input.flatMap { $0 == ShapeID.unit ? nil : model.shape($0) }
            checkLabels(http, input: input, operation: operation, path: traitPath)
            if let input { checkMembers(of: input, isInput: true) }
            if let output = operation.output.flatMap({ $0 == ShapeID.unit ? nil : model.shape($0) }) {
                checkMembers(of: output, isInput: false)
            }
        }
        for error in errors { checkMembers(of: error, isInput: false) }
    }

    /// A token method and a path starting with `/`, without fragments or line breaks.
    private func checkRoute(_ http: HTTPTrait, operation: Shape, path: String) {
        let tokenCharacters = "!#$%&'*+-.^_`|~"
        if http.method.isEmpty || !http.method.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || tokenCharacters.contains($0)) }) {
            diagnostics.error("the http method \(SmithyIdentifier.quoted(http.method)) is not an HTTP token",
                              shape: operation.id, path: path)
        }
        if !http.uri.hasPrefix("/") || http.uri.contains("#")
            || http.uri.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F || $0.value > 0x7E }) {
            diagnostics.error("the http uri \(SmithyIdentifier.quoted(http.uri)) must start with / and hold only visible ASCII, no fragment",
                              shape: operation.id, path: path)
        }
        if !(100...599).contains(http.code) {
            diagnostics.error("the http code \(http.code) is not an HTTP status", shape: operation.id, path: path)
        }
    }

    /// Each `{label}` names an `httpLabel` member of the input and each such member has a label; at most one
    /// greedy label.
    private func checkLabels(_ http: HTTPTrait, input: Shape?, operation: Shape, path: String) {
        let labels = http.labels
        let members = Dictionary((input?.members ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for label in labels where members[label.name]?.traits.httpBinding != .label {
            diagnostics.error("the http uri label \(SmithyIdentifier.quoted(label.name)) is not an httpLabel member of the input",
                              shape: operation.id, path: path)
        }
        if labels.filter(\.isGreedy).count > 1 {
            diagnostics.error("the http uri has more than one greedy label", shape: operation.id, path: path)
        }
        let named = Set(labels.map(\.name))
        for member in input?.members ?? [] where member.traits.httpBinding == .label && !named.contains(member.name) {
            diagnostics.error("httpLabel member has no {\(member.name)} label in the operation's uri \(SmithyIdentifier.quoted(http.uri))",
                              shape: member.id, path: member.jsonPath)
        }
    }

    /// Bound members target shapes their location can hold; at most one payload, and no body members beside it.
    private func checkMembers(of shape: Shape, isInput: Bool) {
        var payloads = 0
        var bodyMembers = 0
        for member in shape.members {
            guard let target = model.shape(member.target) else { continue }
            guard let binding = member.traits.httpBinding else {
                bodyMembers += 1
                continue
            }
            let problem: String?
            switch binding {
            case .label:
                problem = isScalar(target) ? nil : "an httpLabel member must target a scalar"
            case .query:
                problem = isScalar(target) || isList(of: target, where: isScalar) ? nil : "an httpQuery member must target a scalar or a list of scalars"
            case .header(let name):
                problem = !isHeaderName(name) ? "the header name is not an HTTP token"
                    : isScalar(target) || isList(of: target, where: isScalar) ? nil : "an httpHeader member must target a scalar or a list of scalars"
            case .queryParams:
                problem = isMap(target, valuesWhere: { isString($0) || isList(of: $0, where: isString) }) ? nil
                    : "an httpQueryParams member must target a map of strings or of lists of strings"
            case .prefixHeaders(let prefix):
                problem = !prefix.isEmpty && !isHeaderName(prefix) ? "the header prefix is not an HTTP token"
                    : isMap(target, valuesWhere: isString) ? nil : "an httpPrefixHeaders member must target a map of strings"
            case .payload:
                payloads += 1
                problem = [.blob, .string, .structure, .union, .document].contains(target.type) || target.type == .enum ? nil
                    : "an httpPayload member must target a blob, string, enum, structure, union or document"
            case .responseCode:
                problem = isInput || target.type == .integer ? nil : "an httpResponseCode member must target an integer"
            }
            if let problem { diagnostics.error(problem, shape: member.id, path: member.jsonPath) }
        }
        if payloads > 1 || (payloads == 1 && bodyMembers > 0) {
            diagnostics.error("a structure with an httpPayload member can have no other body members",
                              shape: shape.id, path: shape.jsonPath)
        }
    }

    private func isScalar(_ shape: Shape) -> Bool {
        [.string, .enum, .intEnum, .boolean, .byte, .short, .integer, .long, .float, .double, .bigInteger, .bigDecimal,
         .timestamp, .blob].contains(shape.type)
    }

    private func isString(_ shape: Shape) -> Bool { shape.type == .string || shape.type == .enum }

    private func isList(of shape: Shape, where element: (Shape) -> Bool) -> Bool {
        guard shape.type == .list || shape.type == .set, let member = shape.listMember,
              let target = model.shape(member.target) else { return false }
        return element(target)
    }

    private func isMap(_ shape: Shape, valuesWhere value: (Shape) -> Bool) -> Bool {
        guard shape.type == .map, let member = shape.mapValue, let target = model.shape(member.target) else { return false }
        return value(target)
    }

    private func isHeaderName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !"()<>@,;:\\\"/[]?={}".unicodeScalars.contains($0) }
    }
}
