import SmithyModel

/// Finds the recursive shapes Swift cannot lay out inline.
///
/// A struct cannot contain itself through a chain of struct or union values; it can through an array or a
/// dictionary, which store their elements out of line. Members that close such a cycle are boxed, and unions
/// on one are `indirect`.
struct RecursionAnalysis {
    private let model: Model

    init(model: Model) {
        self.model = model
    }

    /// Whether `member` of `container` leads back to `container` through inline (non-collection) edges.
    func needsBox(_ member: Member, in container: Shape) -> Bool {
        guard let target = model.shape(member.target), [.structure, .union].contains(target.type) else { return false }
        return reachesInline(container.id, from: target.id)
    }

    /// Whether a union can reach itself through inline edges, so Swift needs `indirect`.
    func isRecursiveUnion(_ union: Shape) -> Bool {
        union.members.contains { member in
            guard let target = model.shape(member.target) else { return false }
            return target.id == union.id || reachesInline(union.id, from: target.id)
        }
    }

    private func reachesInline(_ goal: ShapeID, from start: ShapeID) -> Bool {
        var seen = Set<ShapeID>()
        var stack = [start]
        while let id = stack.popLast() {
            if id == goal { return true }
            guard seen.insert(id).inserted, let shape = model.shape(id), [.structure, .union].contains(shape.type)
            else { continue }
            stack += shape.members.map(\.target)
        }
        return false
    }
}
