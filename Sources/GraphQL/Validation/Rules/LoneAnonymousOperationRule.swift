/// Lone Anonymous Operation (spec §5.2.2.1): an anonymous operation (the query
/// short-hand included) must be the document's only operation.
///
/// `This anonymous operation must be the only defined operation.`, located at each
/// anonymous operation.
final class LoneAnonymousOperationRule: ValidationRule {
    override class var visits: VisitKinds { [.document, .operation, .fragmentDefinition] }

    private var operationCount = 0

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .document(let document):
            operationCount = 0
            for case .operation in document.definitions { operationCount += 1 }
            return .proceed
        case .operation(let op):
            if op.name == nil && operationCount > 1 {
                context.report("This anonymous operation must be the only defined operation.", op.loc)
            }
            return .skip
        case .fragmentDefinition:
            return .skip
        default:
            return .proceed
        }
    }
}
