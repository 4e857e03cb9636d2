/// All Variable Uses Defined (spec §5.8.3): every variable an operation uses, directly
/// or in the fragments it spreads, is defined by that operation.
///
/// `Variable '$v' is not defined by operation 'Op'.` (`Variable '$v' is not defined.`
/// for anonymous operations), one error per use, located at the use and the operation.
final class NoUndefinedVariablesRule: ValidationRule {
    override class var visits: VisitKinds { [.operation, .fragmentDefinition] }

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .operation(let op):
            let defined = Set(op.variableDefinitions.map(\.variable.name.value))
            for usage in context.recursiveVariableUsages(op) {
                let name = usage.node.name.value
                guard !defined.contains(name) else { continue }
                let message = op.name.map { "Variable '$\(name)' is not defined by operation '\($0.value)'." }
                    ?? "Variable '$\(name)' is not defined."
                context.report(message, usage.node.loc, op.loc)
            }
            return .skip
        case .fragmentDefinition:
            return .skip
        default:
            return .proceed
        }
    }
}
