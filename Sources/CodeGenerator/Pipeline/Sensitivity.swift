import SmithyModel

/// Whether printing a member must hide its value because it holds something `sensitive`: the container, the
/// member or its target may say so, and so may the elements, keys or values of a list or map it targets — a
/// list of secrets is as secret as one.
enum Sensitivity {
    static func hidesValue(of member: Member, in container: Shape, model: Model) -> Bool {
        if container.traits.isSensitive || member.traits.isSensitive { return true }
        var current = model.shape(member.target)
        // Lists and maps nest at most `ModelValidator.maximumCollectionNesting` deep and never in a cycle.
        while let shape = current {
            if shape.traits.isSensitive { return true }
            switch shape.type {
            case .list, .set:
                guard let element = shape.listMember else { return false }
                if element.traits.isSensitive { return true }
                current = model.shape(element.target)
            case .map:
                guard let key = shape.mapKey, let value = shape.mapValue else { return false }
                if key.traits.isSensitive || value.traits.isSensitive
                    || model.shape(key.target)?.traits.isSensitive == true { return true }
                current = model.shape(value.target)
            default:
                return false
            }
        }
        return false
    }
}
