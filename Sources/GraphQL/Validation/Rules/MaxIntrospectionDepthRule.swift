/// Maximum introspection depth (graphql-core's recommended rule, not in the spec):
/// from a `__schema` or `__type` field, at most two nested introspection list fields
/// (`fields`, `interfaces`, `possibleTypes`, `inputFields`), counted through fragments,
/// so a small document cannot ask for an exponentially large introspection result.
///
/// `Maximum introspection depth exceeded`, located at the `__schema` / `__type` field.
final class MaxIntrospectionDepthRule: ValidationRule {
    override class var visits: VisitKinds { [.field] }

    static let maxListDepth = 3

    /// For each fragment, the greatest entry depth at which its check completed without
    /// reaching the limit; shared by all the checks of the document.
    private var checkedFragments: [String: Int] = [:]
    /// For each fragment, the smallest entry depth at which its check reached the limit.
    private var exceededFragments: [String: Int] = [:]

    override func enter(_ node: VisitNode) -> VisitResult {
        guard case .field(let field) = node, field.name.value == "__schema" || field.name.value == "__type" else {
            return .proceed
        }
        if exceedsDepth(field) {
            context.report("Maximum introspection depth exceeded", field.loc)
            return .skip
        }
        return .proceed
    }

    private struct Frame {
        let selections: [Selection]
        var next = 0
        /// The list depth of these selections (for a fragment: its entry depth).
        let depth: Int
        let enteredFragment: String?
    }

    /// graphql-core's depth-first check, with an explicit stack visiting in the order a
    /// recursive walk would.
    private func exceedsDepth(_ root: Field) -> Bool {
        var visitedFragments: [String: Int] = [:]
        var stack = [Frame(selections: [.field(root)], depth: 0, enteredFragment: nil)]
        while !stack.isEmpty {
            let top = stack.count - 1
            guard stack[top].next < stack[top].selections.count else {
                let frame = stack.removeLast()
                if let name = frame.enteredFragment { checkedFragments[name] = frame.depth }
                continue
            }
            let selection = stack[top].selections[stack[top].next]
            stack[top].next += 1
            var depth = stack[top].depth
            switch selection {
            case .fragmentSpread(let spread):
                let name = spread.name.value
                if let exceeded = exceededFragments[name], exceeded <= depth {
                    markExceeded(stack)
                    return true
                }
                if visitedFragments[name, default: -1] >= depth || checkedFragments[name, default: -1] >= depth {
                    continue
                }
                // Unknown fragments are KnownFragmentNames' business.
                guard let fragment = context.fragment(named: name) else { continue }
                visitedFragments[name] = depth
                stack.append(Frame(selections: fragment.selectionSet.selections, depth: depth, enteredFragment: name))
            case .field(let field):
                switch field.name.value {
                case "fields", "interfaces", "possibleTypes", "inputFields":
                    depth += 1
                    if depth >= Self.maxListDepth {
                        markExceeded(stack)
                        return true
                    }
                default:
                    break
                }
                if let selectionSet = field.selectionSet {
                    stack.append(Frame(selections: selectionSet.selections, depth: depth, enteredFragment: nil))
                }
            case .inlineFragment(let inline):
                stack.append(Frame(selections: inline.selectionSet.selections, depth: depth, enteredFragment: nil))
            }
        }
        return false
    }

    /// Every fragment being checked reached the limit; innermost first, so a fragment
    /// entered twice keeps the smaller depth.
    private func markExceeded(_ stack: [Frame]) {
        for frame in stack.reversed() {
            if let name = frame.enteredFragment { exceededFragments[name] = frame.depth }
        }
    }
}
