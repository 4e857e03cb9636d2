/// Variable Uniqueness (spec §5.8.1): an operation defines each variable once.
///
/// `There can be only one variable named '$v'.`, one error per repeated name (in the
/// order names first appear), located at every definition's variable name.
final class UniqueVariableNamesRule: ValidationRule {
    override class var visits: VisitKinds { [.operation, .fragmentDefinition] }

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .operation(let op):
            for (name, locations) in op.variableDefinitions.map(\.variable.name).repeatedNames() {
                context.report("There can be only one variable named '$\(name)'.", nodes: locations)
            }
            return .skip
        case .fragmentDefinition:
            return .skip
        default:
            return .proceed
        }
    }
}
