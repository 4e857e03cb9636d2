/// Single Root Field (spec §5.2.3.1): a subscription selects exactly one root field,
/// not an introspection field, and its root selection uses no `@skip` or `@include`.
///
/// The root fields are collected as the executor collects them (through fragment
/// spreads and inline fragments whose type condition matches the subscription type,
/// grouped by response key), with `@skip` and `@include` forbidden rather than
/// evaluated. Messages, each starting `Anonymous Subscription` or `Subscription 'Name'`:
/// - `… must not use `@skip` or `@include` directives in the top level selection.`,
///   located at each such directive (and nothing else is checked);
/// - `… must select one top level field.`, located at the selection set;
/// - `… must select only one top level field.`, located at the fields after the first
///   response key;
/// - `… must not select an introspection top level field.`, per response key whose
///   field starts with `__`, located at its fields.
final class SingleFieldSubscriptionsRule: ValidationRule {
    override class var visits: VisitKinds { [.operation, .fragmentDefinition] }

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .operation(let op):
            if op.operation == .subscription, let root = context.schema.subscriptionType {
                check(op, root: root)
            }
            return .skip
        case .fragmentDefinition:
            return .skip
        default:
            return .proceed
        }
    }

    private func check(_ op: OperationDefinition, root: ObjectType) {
        // The usual subscription: one plain field. Only the introspection check applies.
        if op.selectionSet.selections.count == 1, case .field(let field) = op.selectionSet.selections[0],
           field.directives.isEmpty
        {
            if field.name.value.hasPrefix("__") {
                let subject = op.name.map { "Subscription '\($0.value)'" } ?? "Anonymous Subscription"
                context.report(subject + " must not select an introspection top level field.", field.loc)
            }
            return
        }
        var collector = RootFieldCollector(context: context, runtimeType: root.name)
        collector.collect(op.selectionSet)
        let subject = op.name.map { "Subscription '\($0.value)'" } ?? "Anonymous Subscription"
        if !collector.forbiddenDirectives.isEmpty {
            context.report(
                subject + " must not use `@skip` or `@include` directives in the top level selection.",
                nodes: collector.forbiddenDirectives)
            return
        }
        let groups = collector.keys.map { collector.fields[$0]! }
        if groups.isEmpty {
            context.report(subject + " must select one top level field.", op.selectionSet.loc)
        } else if groups.count > 1 {
            context.report(
                subject + " must select only one top level field.", nodes: groups.dropFirst().flatMap { $0.map(\.loc) })
        }
        for group in groups where group[0].name.value.hasPrefix("__") {
            context.report(subject + " must not select an introspection top level field.", nodes: group.map(\.loc))
        }
    }
}

/// graphql-core's `collect_fields` for a subscription's root selection set with
/// `forbid_skip_and_include`: fields grouped by response key in first-seen order.
///
/// `@defer` is honoured the way the executor honours it: a fragment already collected
/// under one `@defer` is collected again under another, so its fields can appear twice.
private struct RootFieldCollector {
    let context: ValidationContext
    let runtimeType: String
    var keys: [String] = []
    var fields: [String: [Field]] = [:]
    var forbiddenDirectives: [Location] = []
    /// For each fragment, the `@defer` usages (by directive position; nil for none) it
    /// was collected under.
    private var visitedFragments: [String: Set<Int?>] = [:]
    /// The fragments by name, the last definition of a name winning.
    private let fragments: [String: FragmentDefinition]

    init(context: ValidationContext, runtimeType: String) {
        self.context = context
        self.runtimeType = runtimeType
        var byName: [String: FragmentDefinition] = [:]
        for case .fragment(let f) in context.document.definitions { byName[f.name.value] = f }
        self.fragments = byName
    }

    /// Collects depth-first in document order, with an explicit stack so a long chain
    /// of fragments cannot exhaust the call stack.
    mutating func collect(_ selectionSet: SelectionSet) {
        var stack: [(selections: [Selection], next: Int, deferUsage: Int?)] = []
        spendWork(on: selectionSet)
        stack.append((selectionSet.selections, 0, nil))
        while let top = stack.last {
            guard top.next < top.selections.count else {
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next += 1
            let deferUsage = top.deferUsage
            switch top.selections[top.next] {
            case .field(let field):
                guard shouldInclude(field.directives) else { continue }
                let key = field.responseKey
                if fields[key] == nil {
                    keys.append(key)
                    fields[key] = [field]
                } else {
                    fields[key]!.append(field)
                }
            case .inlineFragment(let inline):
                guard shouldInclude(inline.directives), conditionMatches(inline.typeCondition) else { continue }
                spendWork(on: inline.selectionSet)
                stack.append((inline.selectionSet.selections, 0, Self.newDeferUsage(inline.directives) ?? deferUsage))
            case .fragmentSpread(let spread):
                guard shouldInclude(spread.directives), let fragment = fragments[spread.name.value],
                      conditionMatches(fragment.typeCondition)
                else { continue }
                let usage = Self.newDeferUsage(spread.directives) ?? deferUsage
                let visited = visitedFragments[spread.name.value, default: []]
                if visited.contains(nil) || (usage != nil && visited.contains(usage)) { continue }
                visitedFragments[spread.name.value, default: []].insert(usage)
                spendWork(on: fragment.selectionSet)
                stack.append((fragment.selectionSet.selections, 0, usage))
            }
        }
    }

    /// `@skip` is looked at before `@include`; either one is recorded and excludes the
    /// selection.
    private mutating func shouldInclude(_ directives: [Directive]) -> Bool {
        if let skip = directives.first(where: { $0.name.value == "skip" }) {
            forbiddenDirectives.append(skip.loc)
            return false
        }
        if let include = directives.first(where: { $0.name.value == "include" }) {
            forbiddenDirectives.append(include.loc)
            return false
        }
        return true
    }

    private func conditionMatches(_ condition: NamedTypeNode?) -> Bool {
        guard let condition else { return true }
        let name = condition.name.value
        if name == runtimeType { return true }
        guard let type = context.schema.type(named: name), type.isAbstract else { return false }
        return context.schema.isSubType(name, runtimeType)
    }

    /// A `@defer` whose `if` is not literally `false` starts a new defer usage; without
    /// variable values any variable falls back to the default, `true`.
    private static func newDeferUsage(_ directives: [Directive]) -> Int? {
        guard let deferDirective = directives.first(where: { $0.name.value == "defer" }) else { return nil }
        if let condition = deferDirective.arguments.first(where: { $0.name.value == "if" }),
           case .boolean(false, _) = condition.value {
            return nil
        }
        return deferDirective.loc.start
    }

    /// graphql-core's selection-set work: the selections, their directives and the
    /// arguments of a `@defer`.
    private func spendWork(on selectionSet: SelectionSet) {
        context.spendFragmentWork(selectionSet.selections.count)
        for selection in selectionSet.selections {
            let directives = selection.directives
            guard !directives.isEmpty else { continue }
            context.spendFragmentWork(directives.count)
            if let deferDirective = directives.first(where: { $0.name.value == "defer" }),
               !deferDirective.arguments.isEmpty {
                context.spendFragmentWork(deferDirective.arguments.count)
            }
        }
    }
}
