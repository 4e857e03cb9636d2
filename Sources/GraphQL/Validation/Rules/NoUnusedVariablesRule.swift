/// All Variables Used (spec §5.8.4): every variable an operation defines is used by
/// it, directly or in the fragments it spreads.
///
/// `Variable '$v' is never used in operation 'Op'.` (`Variable '$v' is never used.` for
/// anonymous operations), located at the variable definition.
final class NoUnusedVariablesRule: ValidationRule {
    override class var visits: VisitKinds { [.operation, .fragmentDefinition] }

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .operation(let op):
            let used = Set(context.recursiveVariableUsages(op).map(\.node.name.value))
            for definition in op.variableDefinitions where !used.contains(definition.variable.name.value) {
                let name = definition.variable.name.value
                let message = op.name.map { "Variable '$\(name)' is never used in operation '\($0.value)'." }
                    ?? "Variable '$\(name)' is never used."
                context.report(message, definition.loc)
            }
            return .skip
        case .fragmentDefinition:
            return .skip
        default:
            return .proceed
        }
    }
}
