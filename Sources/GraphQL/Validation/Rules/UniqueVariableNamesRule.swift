/// Variable Uniqueness (spec §5.8.1): an operation defines each variable once.
///
/// `There can be only one variable named '$v'.`, one error per repeated name (in the
/// order names first appear), located at every definition's variable name.
final class UniqueVariableNamesRule: ValidationRule {
    override class var visits: VisitKinds { [.operation, .fragmentDefinition] }

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .operation(let op):
            var order: [String] = []
            var locations: [String: [Location]] = [:]
            for definition in op.variableDefinitions {
                let name = definition.variable.name
                if locations[name.value] == nil { order.append(name.value) }
                locations[name.value, default: []].append(name.loc)
            }
            for name in order {
                if let locs = locations[name], locs.count > 1 {
                    context.report("There can be only one variable named '$\(name)'.", nodes: locs)
                }
            }
            return .skip
        case .fragmentDefinition:
            return .skip
        default:
            return .proceed
        }
    }
}
