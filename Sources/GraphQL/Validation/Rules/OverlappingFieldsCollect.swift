// Collecting the fields and fragment spreads of selection sets for
// OverlappingFieldsCanBeMergedRule, each selection set once per parent type.

/// A field node with what its parent type says about it.
final class FieldDetails {
    let parentType: NamedType?
    let node: Field
    let definition: FieldDefinitionInfo?
    /// No arguments, no selection set, no `@stream`: two such fields of the same name
    /// and type never conflict, whatever else holds.
    let isSimpleLeaf: Bool
    let streamDirective: Directive?

    init(parentType: NamedType?, node: Field, definition: FieldDefinitionInfo?) {
        self.parentType = parentType
        self.node = node
        self.definition = definition
        self.streamDirective = node.directives.first { $0.name.value == "stream" }
        self.isSimpleLeaf = node.arguments.isEmpty && node.selectionSet == nil && streamDirective == nil
    }
}

/// A fragment spread with the fragment it names (nil when unknown).
struct ResolvedSpread {
    let node: FragmentSpread
    let definition: FragmentDefinition?

    /// Identity of the fragment definition for the pair sets.
    var fragmentID: Int { definition?.loc.start ?? -1 }
}

/// The fields of a selection set (inline fragments included) grouped by response name,
/// in order of first appearance, and the fragment spreads met on the way.
final class CollectedFields {
    let id: Int
    private(set) var responseNames: [String] = []
    private(set) var fieldsByName: [String: [FieldDetails]] = [:]
    private(set) var spreadNodes: [FragmentSpread] = []
    /// The spreads resolved to fragments, duplicates removed; made when first needed.
    var resolvedSpreads: [ResolvedSpread]?
    /// Response names shared with another collection, by the other's id.
    var overlapping: [Int: [(String, [FieldDetails], [FieldDetails])]] = [:]

    init(id: Int) { self.id = id }

    var isEmpty: Bool { responseNames.isEmpty }

    func add(_ field: FieldDetails) {
        let key = field.node.responseKey
        if fieldsByName[key] == nil { responseNames.append(key) }
        fieldsByName[key, default: []].append(field)
    }

    func add(_ spread: FragmentSpread) { spreadNodes.append(spread) }
}

/// The state the rule keeps across a document: collected fields, compared pairs,
/// argument comparison keys, and the work budget.
final class OverlappingFieldsState {
    static let maxComplexityBudget = 500_000
    static let maxConflictDetailLength = 1000
    static let maxConflictNodes = 20
    /// Deeper recursion than this is treated like Python's RecursionError in
    /// graphql-core: validation is aborted rather than the stack overflowing.
    static let maxRecursionDepth = 500

    var remainingBudget = maxComplexityBudget
    var depth = 0
    /// By parent type name ("" for unknown) and selection set start.
    var collected: [String: [Int: CollectedFields]] = [:]
    var nextCollectedID = 0
    /// Field collections compared with fragments: (collection id, fragment id).
    var comparedFieldsAndFragments = OrderedPairSet()
    /// Fragments compared with each other.
    var comparedFragments = PairSet()
    /// Comparison keys of argument values by their start offset.
    var valueKeys: [Int: String] = [:]

    func spend(_ cost: Int) throws(WorkExhausted) {
        remainingBudget -= cost
        if remainingBudget < 0 { throw WorkExhausted() }
    }
}

extension OverlappingFieldsCanBeMergedRule {
    /// The fields and spreads of a selection set seen from `parentType`, collected once.
    func collectFields(_ parentType: NamedType?, _ selectionSet: SelectionSet) -> CollectedFields {
        let typeKey = parentType?.name ?? ""
        if let cached = state.collected[typeKey]?[selectionSet.loc.start] { return cached }
        let result = CollectedFields(id: state.nextCollectedID)
        state.nextCollectedID += 1
        collectFields(parentType, selectionSet, into: result)
        state.collected[typeKey, default: [:]][selectionSet.loc.start] = result
        return result
    }

    private func collectFields(_ parentType: NamedType?, _ selectionSet: SelectionSet, into result: CollectedFields) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                // Meta fields have no definition here, as in graphql-core.
                let definition = parentType?.field(field.name.value)
                result.add(FieldDetails(parentType: parentType, node: field, definition: definition))
            case .fragmentSpread(let spread):
                result.add(spread)
            case .inlineFragment(let inline):
                let type = inline.typeCondition.map { context.schema.type(named: $0.name.value) } ?? parentType
                collectFields(type, inline.selectionSet, into: result)
            }
        }
    }

    /// The fields of a fragment, seen from its type condition.
    func collectFragmentFields(_ fragment: FragmentDefinition) -> CollectedFields {
        collectFields(context.schema.type(named: fragment.typeCondition.name.value), fragment.selectionSet)
    }

    /// The spreads of a collection resolved to their fragments, each fragment once.
    func fragmentSpreads(of collected: CollectedFields) throws(WorkExhausted) -> [ResolvedSpread] {
        if let cached = collected.resolvedSpreads { return cached }
        var result: [ResolvedSpread] = []
        var seen = Set<Int>()
        for node in collected.spreadNodes {
            try state.spend(1)
            let spread = ResolvedSpread(node: node, definition: context.fragment(named: node.name.value))
            if seen.insert(spread.fragmentID).inserted { result.append(spread) }
        }
        collected.resolvedSpreads = result
        return result
    }

    /// The response names two collections share, with their fields on each side.
    func overlappingFields(_ first: CollectedFields, _ second: CollectedFields) throws(WorkExhausted)
        -> [(String, [FieldDetails], [FieldDetails])]
    {
        if let cached = first.overlapping[second.id] { return cached }
        var result: [(String, [FieldDetails], [FieldDetails])] = []
        for name in first.responseNames {
            try state.spend(1)
            if let others = second.fieldsByName[name], !others.isEmpty {
                result.append((name, first.fieldsByName[name]!, others))
            }
        }
        first.overlapping[second.id] = result
        return result
    }
}
