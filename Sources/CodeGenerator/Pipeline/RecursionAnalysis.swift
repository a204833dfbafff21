import SmithyModel

/// Finds the recursive shapes Swift cannot lay out inline.
///
/// A struct cannot contain itself through a chain of struct or union values; it can through an array or a
/// dictionary, which store their elements out of line. Members that close such a cycle are boxed, and unions
/// on one are `indirect`. The cycles are the strongly connected components of the graph of inline edges
/// (structure or union → structure or union member), found once, iteratively (Tarjan's algorithm with an
/// explicit stack), so even a chain of tens of thousands of shapes costs linear time and no recursion.
struct RecursionAnalysis {
    /// The component of every structure and union that lies on an inline cycle; shapes on no cycle are absent.
    private let cycleComponent: [ShapeID: Int]

    init(model: Model) {
        cycleComponent = Self.cyclicComponents(in: model)
    }

    /// Whether `member` of `container` leads back to `container` through inline (non-collection) edges.
    func needsBox(_ member: Member, in container: Shape) -> Bool {
        guard let component = cycleComponent[container.id] else { return false }
        return cycleComponent[member.target] == component
    }

    /// Whether a union can reach itself through inline edges, so Swift needs `indirect`.
    func isRecursiveUnion(_ union: Shape) -> Bool {
        cycleComponent[union.id] != nil
    }

    private static func inlineTargets(of shape: Shape, in model: Model) -> [ShapeID] {
        shape.members.compactMap { member in
            guard let target = model.shape(member.target), target.type == .structure || target.type == .union,
                  target.id != ShapeID.unit
            else { return nil }
            return target.id
        }
    }

    private static func cyclicComponents(in model: Model) -> [ShapeID: Int] {
        var index: [ShapeID: Int] = [:]
        var lowLink: [ShapeID: Int] = [:]
        var onStack = Set<ShapeID>()
        var stack: [ShapeID] = []
        var nextIndex = 0
        var result: [ShapeID: Int] = [:]
        var componentCount = 0

        for root in model.sortedShapeIDs {
            guard index[root] == nil, let shape = model.shapes[root], shape.type == .structure || shape.type == .union
            else { continue }
            // Each frame: a shape and how many of its inline targets have been looked at.
            var frames: [(id: ShapeID, targets: [ShapeID], next: Int)] = [(root, inlineTargets(of: shape, in: model), 0)]
            index[root] = nextIndex
            lowLink[root] = nextIndex
            nextIndex += 1
            stack.append(root)
            onStack.insert(root)
            while let frame = frames.last {
                if frame.next < frame.targets.count {
                    frames[frames.count - 1].next += 1
                    let target = frame.targets[frame.next]
                    if index[target] == nil, let targetShape = model.shape(target) {
                        index[target] = nextIndex
                        lowLink[target] = nextIndex
                        nextIndex += 1
                        stack.append(target)
                        onStack.insert(target)
                        frames.append((target, inlineTargets(of: targetShape, in: model), 0))
                    } else if onStack.contains(target) {
                        lowLink[frame.id] = min(lowLink[frame.id]!, index[target]!)
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last {
                    lowLink[parent.id] = min(lowLink[parent.id]!, lowLink[frame.id]!)
                }
                guard lowLink[frame.id] == index[frame.id] else { continue }
                var members: [ShapeID] = []
                while let top = stack.popLast() {
                    onStack.remove(top)
                    members.append(top)
                    if top == frame.id { break }
                }
                // A component is a cycle when it has several shapes, or one shape that targets itself.
                if members.count > 1 || frame.targets.contains(frame.id) {
                    for member in members { result[member] = componentCount }
                    componentCount += 1
                }
            }
        }
        return result
    }
}
