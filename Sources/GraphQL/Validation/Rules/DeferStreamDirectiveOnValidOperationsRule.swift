/// Defer And Stream Directives Are Used On Valid Operations: a subscription may not use
/// `@defer` or `@stream` unless its `if` argument can be false, or the selection (or one
/// around it) can be skipped with `@skip` / `@include`.
///
/// `Defer directive not supported on subscription operations. Disable `@defer` by setting
/// the `if` argument to `false`.` (and the same for `@stream`), located at the directive
/// and then at the fragment spreads leading to it, innermost first.
final class DeferStreamDirectiveOnValidOperationsRule: ValidationRule {
    override class var visits: VisitKinds { [.operation] }

    private var checkedFragments = Set<String>()

    override func enter(_ node: VisitNode) -> VisitResult {
        guard case .operation(let op) = node else { return .proceed }
        guard op.operation == .subscription else { return .skip }
        var visited = Set<String>()
        var parents: [FragmentSpread] = []
        if forbidUnconditionalDeferStream(op.selectionSet, &parents, &visited) {
            checkedFragments.formUnion(visited)
        }
        return .skip
    }

    private func forbidUnconditionalDeferStream(
        _ selectionSet: SelectionSet, _ parents: inout [FragmentSpread], _ visited: inout Set<String>
    ) -> Bool {
        var valid = true
        for selection in selectionSet.selections {
            let directives = selection.directives
            if let skip = directives.first(where: { $0.name.value == "skip" }), Self.canBeSkippedBySkip(skip) {
                continue
            }
            if let include = directives.first(where: { $0.name.value == "include" }),
               Self.canBeSkippedByInclude(include) {
                continue
            }
            for directive in directives {
                let message: String
                switch directive.name.value {
                case "defer":
                    if Self.ifArgumentCanBeFalse(directive) { continue }
                    message = "Defer directive not supported on subscription operations. Disable `@defer` by setting the `if` argument to `false`."
                case "stream":
                    if Self.ifArgumentCanBeFalse(directive) { continue }
                    message = "Stream directive not supported on subscription operations. Disable `@stream` by setting the `if` argument to `false`."
                default:
                    continue
                }
                valid = false
                context.report(message, nodes: [directive.loc] + parents.reversed().map(\.loc))
            }
            switch selection {
            case .fragmentSpread(let spread):
                let name = spread.name.value
                if visited.contains(name) || checkedFragments.contains(name) { continue }
                visited.insert(name)
                if let fragment = context.fragment(named: name) {
                    parents.append(spread)
                    valid = forbidUnconditionalDeferStream(fragment.selectionSet, &parents, &visited) && valid
                    parents.removeLast()
                }
            case .field(let field):
                if let set = field.selectionSet {
                    valid = forbidUnconditionalDeferStream(set, &parents, &visited) && valid
                }
            case .inlineFragment(let inline):
                valid = forbidUnconditionalDeferStream(inline.selectionSet, &parents, &visited) && valid
            }
        }
        return valid
    }

    private static func ifArgument(_ directive: Directive) -> Argument? {
        directive.arguments.first { $0.name.value == "if" }
    }

    /// `if: false` or `if: $variable`.
    private static func ifArgumentCanBeFalse(_ directive: Directive) -> Bool {
        guard let argument = ifArgument(directive) else { return false }
        switch argument.value {
        case .boolean(let value, _): return !value
        case .variable: return true
        default: return false
        }
    }

    /// `@skip(if: true)`, `@skip(if: $variable)`; a malformed `@skip` counts as
    /// skippable so that only ProvidedRequiredArguments reports it.
    private static func canBeSkippedBySkip(_ directive: Directive) -> Bool {
        guard let argument = ifArgument(directive) else { return true }
        if case .boolean(let value, _) = argument.value { return value }
        return true
    }

    /// `@include(if: false)`, `@include(if: $variable)`; a malformed `@include` does not.
    private static func canBeSkippedByInclude(_ directive: Directive) -> Bool {
        guard let argument = ifArgument(directive) else { return false }
        if case .boolean(let value, _) = argument.value { return !value }
        return true
    }
}
