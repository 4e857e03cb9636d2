/// The size of selection sets once every fragment spread is replaced by the fragment it
/// names, where it is spread, without expanding anything: each fragment is measured once
/// and its measure reused at every spread, so a document of fragments spreading each other
/// many times over costs time linear in its length, however large its expansion.
///
/// A spread of an unknown fragment, or one that closes a cycle, adds nothing: other rules
/// (KnownFragmentNames, NoFragmentCycles) report those. Counts saturate at `Int.max`.
/// Shared by `MaxDepthRule` and `MaxFieldsRule`.
struct ExpandedSelections {
    /// Deepest field nesting (`{ a { b } }` is 2) and number of fields.
    struct Measure: Equatable {
        var depth = 0
        var fields = 0
    }

    /// What one selection set holds itself: its measure without the spreads, and each spread
    /// with the number of fields around it.
    private struct Local {
        var measure = Measure()
        var spreads: [(name: String, depth: Int)] = []
    }

    private let context: ValidationContext
    private var fragments: [String: Measure] = [:]

    init(context: ValidationContext) {
        self.context = context
        var locals: [String: Local] = [:]
        var order: [String] = []
        for case .fragment(let f) in context.document.definitions where locals[f.name.value] == nil {
            order.append(f.name.value)
            // The last definition of a name is the one spreads use (`context.fragment(named:)`).
            locals[f.name.value] = Self.local(context.fragment(named: f.name.value)!.selectionSet)
        }
        // A fragment on the current path is a cycle and counts as empty.
        visitFragmentsInPostOrder(roots: order, spreads: locals.mapValues { $0.spreads.map(\.name) }) { name in
            fragments[name] = combine(locals[name]!)
        }
    }

    /// The measure of `selectionSet` with its spreads expanded.
    func measure(_ selectionSet: SelectionSet) -> Measure {
        combine(Self.local(selectionSet))
    }

    /// The first field, in document order through the spreads, nested deeper than `limit`
    /// (nil when there is none). Each fragment is searched at most once per depth it is
    /// entered at, and no deeper than `limit + 1`.
    func firstField(deeperThan limit: Int, in selectionSet: SelectionSet) -> Field? {
        struct Entry: Hashable {
            let name: String
            let depth: Int
        }
        var searched = Set<Entry>()
        // Each frame: selections, the next one to look at, the fields around them.
        var stack: [(selections: [Selection], next: Int, depth: Int)] = [(selectionSet.selections, 0, 0)]
        while !stack.isEmpty {
            let top = stack.count - 1
            guard stack[top].next < stack[top].selections.count else {
                stack.removeLast()
                continue
            }
            let selection = stack[top].selections[stack[top].next]
            stack[top].next += 1
            let depth = stack[top].depth
            switch selection {
            case .field(let field):
                if depth + 1 > limit { return field }
                if let nested = field.selectionSet { stack.append((nested.selections, 0, depth + 1)) }
            case .inlineFragment(let inline):
                stack.append((inline.selectionSet.selections, 0, depth))
            case .fragmentSpread(let spread):
                guard let fragment = context.fragment(named: spread.name.value),
                      searched.insert(Entry(name: spread.name.value, depth: depth)).inserted
                else { continue }
                stack.append((fragment.selectionSet.selections, 0, depth))
            }
        }
        return nil
    }

    private func combine(_ local: Local) -> Measure {
        var result = local.measure
        for spread in local.spreads {
            guard let inner = fragments[spread.name] else { continue }
            result.depth = max(result.depth, spread.depth + inner.depth)
            result.fields = Self.add(result.fields, inner.fields)
        }
        return result
    }

    private static func local(_ selectionSet: SelectionSet) -> Local {
        var local = Local()
        var stack: [(SelectionSet, Int)] = [(selectionSet, 0)]
        while let (set, depth) = stack.popLast() {
            for selection in set.selections {
                switch selection {
                case .field(let field):
                    local.measure.fields = add(local.measure.fields, 1)
                    local.measure.depth = max(local.measure.depth, depth + 1)
                    if let nested = field.selectionSet { stack.append((nested, depth + 1)) }
                case .inlineFragment(let inline):
                    stack.append((inline.selectionSet, depth))
                case .fragmentSpread(let spread):
                    local.spreads.append((spread.name.value, depth))
                }
            }
        }
        return local
    }

    private static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}
