/// Variables Are Input Types (spec §5.8.2): a variable's type is a scalar, enum or
/// input object type, possibly wrapped in lists and non-null. Unknown types are
/// KnownTypeNames' business.
///
/// `Variable '$v' cannot be non-input type '[User!]'.`, located at the variable's type.
final class VariablesAreInputTypesRule: ValidationRule {
    override class var visits: VisitKinds { [.variableDefinition, .fragmentDefinition] }

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .variableDefinition(let definition):
            if let type = context.schema.type(named: definition.type.namedType.name.value), !type.isInputType {
                let printed = TypeReference(definition.type).description
                context.report(
                    "Variable '$\(definition.variable.name.value)' cannot be non-input type '\(printed)'.",
                    definition.type.loc)
            }
            return .skip
        case .fragmentDefinition:
            return .skip
        default:
            return .proceed
        }
    }
}
