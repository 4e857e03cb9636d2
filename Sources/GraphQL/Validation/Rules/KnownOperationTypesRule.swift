/// Operation Type Existence (spec §5.2.1.1 "Operation Type Existence"): every
/// operation's root type exists in the schema.
///
/// `The mutation operation is not supported by the schema.`, located at the operation.
final class KnownOperationTypesRule: ValidationRule {
    override class var visits: VisitKinds { [.operation, .fragmentDefinition] }

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .operation(let op):
            if context.schema.rootType(for: op.operation) == nil {
                context.report("The \(op.operation.rawValue) operation is not supported by the schema.", op.loc)
            }
            return .skip
        case .fragmentDefinition:
            return .skip
        default:
            return .proceed
        }
    }
}
