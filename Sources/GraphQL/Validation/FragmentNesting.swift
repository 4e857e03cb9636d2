/// graphql-core's guard against documents that nest too deeply through fragments:
/// the parser bounds the nesting inside one definition, but a chain of fragments can
/// nest far deeper. Before any rule sees an operation (or fragment) nested deeper than
/// 200 selection sets, counting through the fragments it spreads, validation stops
/// with `Validation aborted.`, keeping the errors found so far.
///
/// Depths are computed as graphql-core computes them, without recursion; a spread that
/// closes a cycle adds nothing (the cycle rule reports it).
final class FragmentNestingCheck: ValidationRule {
    static let maxNestingDepth = 200

    private var depths: [String: Int] = [:]

    required init(context: ValidationContext) {
        super.init(context: context)
        // The fragments by name in first-seen order, the last definition of a name winning.
        var order: [String] = []
        var byName: [String: FragmentDefinition] = [:]
        for case .fragment(let f) in context.document.definitions {
            if byName[f.name.value] == nil { order.append(f.name.value) }
            byName[f.name.value] = f
        }
        var nestings: [String: (depth: Int, spreads: [(String, Int)])] = [:]
        for name in order { nestings[name] = Self.nesting(of: byName[name]!.selectionSet) }

        visitFragmentsInPostOrder(roots: order, spreads: nestings.mapValues { $0.spreads.map(\.0) }) { name in
            depths[name] = depth(nestings[name]!)
        }
    }

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .operation(let op):
            if depth(Self.nesting(of: op.selectionSet)) > Self.maxNestingDepth { context.abortValidation() }
            return .skip
        case .fragmentDefinition(let fragment):
            if (depths[fragment.name.value] ?? 0) > Self.maxNestingDepth { context.abortValidation() }
            return .skip
        default:
            return .proceed
        }
    }

    private func depth(_ nesting: (depth: Int, spreads: [(String, Int)])) -> Int {
        var result = nesting.depth
        for (spread, spreadDepth) in nesting.spreads {
            result = max(result, spreadDepth + (depths[spread] ?? 0))
        }
        return result
    }

    /// The nesting depth of a selection set (1 for a flat one) and its spreads with the
    /// depth they appear at, in graphql-core's (stack) order.
    private static func nesting(of selectionSet: SelectionSet) -> (depth: Int, spreads: [(String, Int)]) {
        var maxDepth = 0
        var spreads: [(String, Int)] = []
        var stack: [(SelectionSet, Int)] = [(selectionSet, 1)]
        while let (set, depth) = stack.popLast() {
            maxDepth = max(maxDepth, depth)
            for selection in set.selections {
                switch selection {
                case .fragmentSpread(let spread): spreads.append((spread.name.value, depth))
                case .field(let field): if let nested = field.selectionSet { stack.append((nested, depth + 1)) }
                case .inlineFragment(let inline): stack.append((inline.selectionSet, depth + 1))
                }
            }
        }
        return (maxDepth, spreads)
    }
}
