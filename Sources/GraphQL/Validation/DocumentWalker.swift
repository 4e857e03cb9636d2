/// Walks an executable document in graphql-js's visiting order, keeping `TypeInfo` up
/// to date around every node and calling a set of visitors in parallel: each visitor
/// may skip a subtree without affecting the others.
///
/// Type-system definitions in an executable document are not walked: the
/// ExecutableDefinitions rule reports them, and nothing below them can be executed.
struct DocumentWalker {
    /// The context's, kept at hand: it is entered and left at every node.
    let typeInfo: TypeInfo
    let visitors: [ValidationRule]
    /// For each node kind, the indices of the visitors that look at it.
    private let visitorsByKind: [[Int]]
    /// For each visitor, the depth at which it asked to skip, or -1.
    private var skipDepth: [Int]
    private var depth = 0
    /// Stops the walk once it is `aborted` (too many errors, or a work budget spent).
    /// Read directly: through a closure it was checked after every rule's call at every
    /// node, and the indirect call cost more than the check.
    private let context: ValidationContext

    init(
        context: ValidationContext, visitors: [ValidationRule], dispatch: VisitorDispatch? = nil
    ) {
        self.typeInfo = context.typeInfo
        self.visitors = visitors
        self.skipDepth = Array(repeating: -1, count: visitors.count)
        self.visitorsByKind = (dispatch ?? VisitorDispatch(kinds: visitors.map { type(of: $0).visits })).byKind
        self.context = context
    }

    // MARK: - Parallel enter/leave

    private mutating func enter(_ node: VisitNode) {
        typeInfo.enter(node)
        depth += 1
        // graphql-core aborts by raising: no rule runs after the abort, not even on the
        // node at hand. Only a rule's report can abort, so checking before the first
        // call and after each one is enough.
        if context.aborted { return }
        for i in visitorsByKind[node.kindIndex] where skipDepth[i] < 0 {
            if case .skip = visitors[i].enter(node) { skipDepth[i] = depth }
            if context.aborted { return }
        }
    }

    private mutating func leave(_ node: VisitNode) {
        var stopped = context.aborted
        for i in visitorsByKind[node.kindIndex] {
            if skipDepth[i] < 0 {
                if !stopped {
                    visitors[i].leave(node)
                    stopped = context.aborted
                }
            } else if skipDepth[i] == depth {
                skipDepth[i] = -1
            }
        }
        depth -= 1
        typeInfo.leave(node)
    }

    // MARK: - The walk (children in QUERY_DOCUMENT_KEYS order)

    mutating func walk(_ document: Document) {
        let node = VisitNode.document(document)
        enter(node)
        for definition in document.definitions {
            if context.aborted { break }
            switch definition {
            case .operation(let op): walk(op)
            case .fragment(let fragment): walk(fragment)
            default: break
            }
        }
        leave(node)
    }

    mutating func walk(_ op: OperationDefinition) {
        let node = VisitNode.operation(op)
        enter(node)
        for v in op.variableDefinitions { walk(v) }
        walk(op.directives)
        walk(op.selectionSet)
        leave(node)
    }

    mutating func walk(_ fragment: FragmentDefinition) {
        let node = VisitNode.fragmentDefinition(fragment)
        enter(node)
        walk(fragment.typeCondition)
        walk(fragment.directives)
        walk(fragment.selectionSet)
        leave(node)
    }

    mutating func walk(_ definition: VariableDefinition) {
        let node = VisitNode.variableDefinition(definition)
        enter(node)
        walkVariable(definition.variable)
        walk(definition.type)
        if let value = definition.defaultValue { walk(value) }
        walk(definition.directives)
        leave(node)
    }

    mutating func walkVariable(_ variable: Variable) {
        let node = VisitNode.variable(variable)
        enter(node)
        leave(node)
    }

    mutating func walk(_ type: TypeNode) {
        switch type {
        case .named(let named):
            walk(named)
        case .list(let inner, _):
            let node = VisitNode.listType(type)
            enter(node)
            walk(inner)
            leave(node)
        case .nonNull(let inner, _):
            let node = VisitNode.nonNullType(type)
            enter(node)
            walk(inner)
            leave(node)
        }
    }

    mutating func walk(_ named: NamedTypeNode) {
        let node = VisitNode.namedType(named)
        enter(node)
        leave(node)
    }

    mutating func walk(_ selectionSet: SelectionSet) {
        let node = VisitNode.selectionSet(selectionSet)
        enter(node)
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field): walk(field)
            case .fragmentSpread(let spread): walk(spread)
            case .inlineFragment(let inline): walk(inline)
            }
        }
        leave(node)
    }

    mutating func walk(_ field: Field) {
        let node = VisitNode.field(field)
        enter(node)
        walk(field.arguments)
        walk(field.directives)
        if let selectionSet = field.selectionSet { walk(selectionSet) }
        leave(node)
    }

    mutating func walk(_ spread: FragmentSpread) {
        let node = VisitNode.fragmentSpread(spread)
        enter(node)
        walk(spread.directives)
        leave(node)
    }

    mutating func walk(_ inline: InlineFragment) {
        let node = VisitNode.inlineFragment(inline)
        enter(node)
        if let condition = inline.typeCondition { walk(condition) }
        walk(inline.directives)
        walk(inline.selectionSet)
        leave(node)
    }

    mutating func walk(_ arguments: [Argument]) {
        for argument in arguments {
            let node = VisitNode.argument(argument)
            enter(node)
            walk(argument.value)
            leave(node)
        }
    }

    mutating func walk(_ directives: [Directive]) {
        for directive in directives {
            let node = VisitNode.directive(directive)
            enter(node)
            walk(directive.arguments)
            leave(node)
        }
    }

    mutating func walk(_ value: Value) {
        switch value {
        case .variable(let variable):
            walkVariable(variable)
        case .list(let items, _):
            let node = VisitNode.value(value)
            enter(node)
            for item in items { walk(item) }
            leave(node)
        case .object(let fields, _):
            let node = VisitNode.value(value)
            enter(node)
            for field in fields {
                let fieldNode = VisitNode.objectField(field)
                enter(fieldNode)
                walk(field.value)
                leave(fieldNode)
            }
            leave(node)
        default:
            let node = VisitNode.value(value)
            enter(node)
            leave(node)
        }
    }
}

/// For each node kind, which visitors (by index) look at it. Built once for the
/// specified rules: building it costs as much as validating a small document.
struct VisitorDispatch: Sendable {
    let byKind: [[Int]]

    init(kinds: [VisitKinds]) {
        var byKind = Array(repeating: [Int](), count: VisitKinds.count)
        for (i, visits) in kinds.enumerated() {
            for k in 0..<VisitKinds.count where visits.contains(VisitKinds(rawValue: 1 << UInt32(k))) {
                byKind[k].append(i)
            }
        }
        self.byKind = byKind
    }
}
