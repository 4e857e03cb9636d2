/// Where a variable is used, and what the schema expects there.
public struct VariableUsage {
    public let node: Variable
    /// The input type expected at the position, if known.
    public let type: TypeReference?
    /// The input type around the position (the input object of an object field).
    public let parentType: TypeReference?
    /// The default value of the argument or input field at the position, if any.
    public let defaultValue: Value?
}

/// What every rule may ask while the document is walked: the schema, the document,
/// the shared `TypeInfo`, look-ups over fragments and variable usages (cached, since
/// several rules ask the same questions), and the error sink.
public final class ValidationContext {
    public let schema: Schema
    public let document: Document
    public let typeInfo: TypeInfo
    // The context lives inside one `validate` call on one thread, and its accesses never
    // overlap: dynamic exclusivity checks on these hot fields cost more than the work.
    @exclusivity(unchecked) public private(set) var errors: [GraphQLError] = []
    /// graphql-core stops after this many errors and says so.
    public let maxErrors: Int
    /// Set once the error limit or the fragment work budget is exhausted.
    @exclusivity(unchecked) public private(set) var aborted = false
    /// The server's bounds on operations (`MaxDepthRule`, `MaxFieldsRule`).
    public let limits: DocumentLimits

    private var fragmentsByName: [String: FragmentDefinition] = [:]
    private var spreadsCache: [Int: [FragmentSpread]] = [:]
    private var usagesCache: [Int: [VariableUsage]] = [:]
    private var recursiveUsagesCache: [Int: [VariableUsage]] = [:]
    private var fragmentUsagesCache: [Set<String>: [VariableUsage]] = [:]
    /// Keyed by the names spread directly, as graphql-core keys it: operations spreading
    /// the same fragments share the work.
    private var referencedFragmentsCache: [Set<String>: [FragmentDefinition]] = [:]
    /// A budget on fragment work, so a document of fragments spreading each other many
    /// times over cannot make validation quadratic (graphql-core's MAX_FRAGMENT_WORK).
    private var remainingFragmentWork = 50_000

    init(schema: Schema, document: Document, typeInfo: TypeInfo, maxErrors: Int, limits: DocumentLimits = .none) {
        self.schema = schema
        self.limits = limits
        self.document = document
        self.typeInfo = typeInfo
        self.maxErrors = maxErrors
        // The last definition of a name wins, as in graphql-core's `get_fragment`
        // (duplicates are UniqueFragmentNames' business).
        for case .fragment(let f) in document.definitions {
            fragmentsByName[f.name.value] = f
        }
    }

    public var source: Source? { document.source }

    // MARK: - Errors

    /// Reports an error located at the start of each given node.
    public func report(_ message: String, _ nodes: Location...) {
        // Locations cost a scan of the source: none once validation has stopped.
        guard !aborted else { return }
        report(GraphQLError(message, source: document.source, nodes: nodes))
    }

    public func report(_ message: String, nodes: [Location]) {
        guard !aborted else { return }
        report(GraphQLError(message, source: document.source, nodes: nodes))
    }

    public func report(_ error: GraphQLError) {
        guard !aborted else { return }
        if errors.count >= maxErrors {
            errors.append(GraphQLError("Too many validation errors, error limit reached. Validation aborted."))
            aborted = true
            return
        }
        errors.append(error)
    }

    /// Stops validation with graphql-core's `Validation aborted.` error: a rule has
    /// exhausted its work budget on a hostile document.
    public func abortValidation() {
        guard !aborted else { return }
        errors.append(GraphQLError("Validation aborted."))
        aborted = true
    }

    /// Spends fragment work; rules that walk fragments themselves (collecting a
    /// subscription's root fields) share the budget.
    func spendFragmentWork(_ cost: Int) {
        remainingFragmentWork -= cost
        if remainingFragmentWork < 0 { abortValidation() }
    }

    // MARK: - Fragments

    /// The fragment definition with this name (the last one, if there are several).
    public func fragment(named name: String) -> FragmentDefinition? { fragmentsByName[name] }

    /// The spreads in a selection set and the selection sets nested in it (not inside the
    /// spread fragments), in graphql-core's order.
    public func fragmentSpreads(in selectionSet: SelectionSet) -> [FragmentSpread] {
        if let cached = spreadsCache[selectionSet.loc.start] { return cached }
        var spreads: [FragmentSpread] = []
        var setsToVisit = [selectionSet]
        while let set = setsToVisit.popLast() {
            for selection in set.selections {
                switch selection {
                case .fragmentSpread(let spread): spreads.append(spread)
                case .field(let field): if let s = field.selectionSet { setsToVisit.append(s) }
                case .inlineFragment(let inline): setsToVisit.append(inline.selectionSet)
                }
            }
        }
        spreadsCache[selectionSet.loc.start] = spreads
        return spreads
    }

    /// Every fragment the operation uses, directly or through other fragments, in the
    /// order they are first spread.
    public func recursivelyReferencedFragments(_ operation: OperationDefinition) -> [FragmentDefinition] {
        recursivelyReferencedFragments(for: [operation])
    }

    /// Every fragment any of the operations uses, directly or through other fragments,
    /// in the order they are first spread.
    public func recursivelyReferencedFragments(for operations: [OperationDefinition]) -> [FragmentDefinition] {
        referencedFragments(for: operations).fragments
    }

    private func referencedFragments(
        for operations: [OperationDefinition]
    ) -> (key: Set<String>, fragments: [FragmentDefinition]) {
        var names: [String] = []
        var collected = Set<String>()
        for operation in operations {
            for spread in fragmentSpreads(in: operation.selectionSet) where collected.insert(spread.name.value).inserted {
                names.append(spread.name.value)
            }
        }
        let key = collected
        if let cached = referencedFragmentsCache[key] { return (key, cached) }
        spendFragmentWork(names.count)
        var fragments: [FragmentDefinition] = []
        var i = 0
        while i < names.count {
            if let fragment = fragmentsByName[names[i]] {
                fragments.append(fragment)
                let spreads = fragmentSpreads(in: fragment.selectionSet)
                spendFragmentWork(spreads.count)
                for spread in spreads where collected.insert(spread.name.value).inserted {
                    names.append(spread.name.value)
                }
            }
            i += 1
        }
        referencedFragmentsCache[key] = fragments
        return (key, fragments)
    }

    // MARK: - Variable usages

    /// The variables used in an operation or fragment itself (not in fragments it spreads),
    /// with the input type expected where each is used. Default values of variable
    /// definitions are not usages.
    public func variableUsages(in operation: OperationDefinition) -> [VariableUsage] {
        variableUsages(at: operation.loc) { $0.find(in: operation) }
    }

    public func variableUsages(in fragment: FragmentDefinition) -> [VariableUsage] {
        variableUsages(at: fragment.loc) { $0.find(in: fragment) }
    }

    /// The usages the finder meets in the definition at `loc`, cached by where it starts.
    private func variableUsages(at loc: Location, _ find: (inout VariableUsageFinder) -> Void) -> [VariableUsage] {
        if let cached = usagesCache[loc.start] { return cached }
        var finder = VariableUsageFinder(schema: schema)
        find(&finder)
        usagesCache[loc.start] = finder.usages
        return finder.usages
    }

    /// The variables used by an operation, including in every fragment it reaches.
    /// The fragments' share is computed once per set of fragments, as graphql-core does.
    public func recursiveVariableUsages(_ operation: OperationDefinition) -> [VariableUsage] {
        if let cached = recursiveUsagesCache[operation.loc.start] { return cached }
        // Without fragments there is nothing to follow (and no fragment work to spend).
        if fragmentsByName.isEmpty {
            let usages = variableUsages(in: operation)
            recursiveUsagesCache[operation.loc.start] = usages
            return usages
        }
        let (key, fragments) = referencedFragments(for: [operation])
        let fragmentUsages: [VariableUsage]
        if let cached = fragmentUsagesCache[key] {
            fragmentUsages = cached
        } else {
            spendFragmentWork(fragments.count)
            var collected: [VariableUsage] = []
            for fragment in fragments {
                let local = variableUsages(in: fragment)
                spendFragmentWork(local.count)
                collected.append(contentsOf: local)
            }
            fragmentUsagesCache[key] = collected
            fragmentUsages = collected
        }
        spendFragmentWork(fragmentUsages.count)
        let usages = variableUsages(in: operation) + fragmentUsages
        recursiveUsagesCache[operation.loc.start] = usages
        return usages
    }
}
