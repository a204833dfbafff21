import SmithyModel

/// The Swift expressions that write a value into a query body and read one from an XML element, built
/// recursively over the value's shape (lists and maps nest closures, one level of names per depth).
struct QueryXMLExpressions {
    let context: ServiceContext
    var naming: XMLQueryNaming { XMLQueryNaming(context: context) }
    private var resolver: SwiftTypeResolver { SwiftTypeResolver(context: context) }

    // MARK: - Query writing

    /// A statement writing `value` under `key` (a Swift `String` expression) with `writer`.
    func write(key: String, value: String, member: Member?, target: Shape, writer: String, flattened: Bool = false,
               depth: Int = 1) -> String {
        switch target.type {
        case .list, .set:
            guard let element = target.listMember, let elementTarget = context.model.shape(element.target) else { return "" }
            let (w, k, v) = ("w\(depth)", "k\(depth)", "v\(depth)")
            let inner = write(key: k, value: v, member: element, target: elementTarget, writer: w, depth: depth + 1)
            return "\(writer).list(\(key), \(value), member: \(SwiftLiteral.string(naming.elementName(of: target))), "
                + "flattened: \(flattened)) { \(w), \(k), \(v) in \(inner) }"
        case .map:
            guard let valueMember = target.mapValue, let valueTarget = context.model.shape(valueMember.target) else { return "" }
            let names = naming.entryNames(of: target)
            let (w, k, v) = ("w\(depth)", "k\(depth)", "v\(depth)")
            let inner = write(key: k, value: v, member: valueMember, target: valueTarget, writer: w, depth: depth + 1)
            return "\(writer).map(\(key), \(value), keyName: \(SwiftLiteral.string(names.key)), "
                + "valueName: \(SwiftLiteral.string(names.value)), flattened: \(flattened)) { \(w), \(k), \(v) in \(inner) }"
        case .timestamp:
            return "\(writer).value(\(key), \(value)\(naming.formatArgument(member: member, target: target)))"
        default:
            return "\(writer).value(\(key), \(value))"
        }
    }

    // MARK: - XML writing

    /// A statement writing `value` as the element `name` (a Swift `String` expression) with `writer`.
    func writeXML(name: String, value: String, member: Member?, target: Shape, writer: String, flattened: Bool = false,
                  depth: Int = 1) -> String {
        let namespace = member.flatMap(naming.namespaceArgument(of:)) ?? ""
        switch target.type {
        case .list, .set:
            guard let element = target.listMember, let elementTarget = context.model.shape(element.target) else { return "" }
            let (w, n, v) = ("w\(depth)", "n\(depth)", "v\(depth)")
            let inner = writeXML(name: n, value: v, member: element, target: elementTarget, writer: w, depth: depth + 1)
            return "\(writer).list(\(name), \(value), member: \(SwiftLiteral.string(naming.elementName(of: target))), "
                + "flattened: \(flattened)\(namespace)) { \(w), \(n), \(v) in \(inner) }"
        case .map:
            guard let valueMember = target.mapValue, let valueTarget = context.model.shape(valueMember.target) else { return "" }
            let names = naming.entryNames(of: target)
            let (w, n, v) = ("w\(depth)", "n\(depth)", "v\(depth)")
            let inner = writeXML(name: n, value: v, member: valueMember, target: valueTarget, writer: w, depth: depth + 1)
            let keyNamespace = target.mapKey.flatMap { naming.namespaceExpression($0.traits[TraitID.xmlNamespace]) }
                .map { ", keyNamespace: \($0)" } ?? ""
            return "\(writer).map(\(name), \(value), keyName: \(SwiftLiteral.string(names.key)), "
                + "valueName: \(SwiftLiteral.string(names.value)), flattened: \(flattened)\(namespace)\(keyNamespace)) "
                + "{ \(w), \(n), \(v) in \(inner) }"
        case .timestamp:
            return "\(writer).value(\(name), \(value)\(naming.formatArgument(member: member, target: target))\(namespace))"
        default:
            return "\(writer).value(\(name), \(value)\(namespace))"
        }
    }

    // MARK: - XML reading

    /// An expression reading the member named `name` from the children of `element` (nil when absent).
    func read(name: String, member: Member, target: Shape, from element: String, flattened: Bool) -> String {
        let nameLiteral = SwiftLiteral.string(name)
        switch target.type {
        case .list, .set:
            guard let item = target.listMember, let itemTarget = context.model.shape(item.target) else { return "nil" }
            return "try \(element).list(\(nameLiteral), member: \(SwiftLiteral.string(naming.elementName(of: target))), "
                + "flattened: \(flattened)) { e1 in \(readElement("e1", member: item, target: itemTarget, sparse: target.traits.isSparse, depth: 2)) }"
        case .map:
            guard let value = target.mapValue, let valueTarget = context.model.shape(value.target) else { return "nil" }
            let names = naming.entryNames(of: target)
            return "try \(element).map(\(nameLiteral), keyName: \(SwiftLiteral.string(names.key)), "
                + "valueName: \(SwiftLiteral.string(names.value)), flattened: \(flattened)) "
                + "{ e1 in \(readElement("e1", member: value, target: valueTarget, sparse: target.traits.isSparse, depth: 2)) }"
        case .timestamp:
            return "try \(element).value(\(nameLiteral), as: Date.self)"
        default:
            return "try \(element).value(\(nameLiteral), as: \(resolver.type(of: target.id)).self)"
        }
    }

    /// An expression reading the value an element itself holds (a list element, map value or union member).
    func readElement(_ element: String, member: Member?, target: Shape, sparse: Bool = false, depth: Int) -> String {
        let expression: String
        switch target.type {
        case .list, .set:
            guard let item = target.listMember, let itemTarget = context.model.shape(item.target) else { return "[]" }
            let next = "e\(depth)"
            expression = "try \(element).listItems(member: \(SwiftLiteral.string(naming.elementName(of: target)))) "
                + "{ \(next) in \(readElement(next, member: item, target: itemTarget, sparse: target.traits.isSparse, depth: depth + 1)) }"
        case .map:
            guard let value = target.mapValue, let valueTarget = context.model.shape(value.target) else { return "[:]" }
            let names = naming.entryNames(of: target)
            let next = "e\(depth)"
            expression = "try \(element).mapEntries(keyName: \(SwiftLiteral.string(names.key)), valueName: \(SwiftLiteral.string(names.value))) "
                + "{ \(next) in \(readElement(next, member: value, target: valueTarget, sparse: target.traits.isSparse, depth: depth + 1)) }"
        case .timestamp:
            expression = "try \(element).timestamp()"
        case .blob:
            expression = "try \(element).blob()"
        case .document:
            expression = "JSONValue.null"
        case .structure, .union:
            expression = "try \(resolver.type(of: target.id))(xml: \(element))"
        default:
            expression = "try \(element).scalar(\(resolver.type(of: target.id)).self)"
        }
        return sparse ? "Optional(\(expression))" : expression
    }
}
