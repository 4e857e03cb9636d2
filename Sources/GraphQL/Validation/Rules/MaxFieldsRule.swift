/// Maximum number of fields (a server limit, not a specification rule: see
/// `DocumentLimits`): an operation that selects more than `DocumentLimits.maxFields` fields
/// is refused before anything runs. Every field node counts, so `a: x b: x` is two (aliases
/// cannot multiply work for free), and a fragment counts once for every place it is spread.
///
/// `Query selects 1201 fields (aliases included); the limit is 1000.`, located at the
/// operation.
final class MaxFieldsRule: ValidationRule {
    override class var visits: VisitKinds { [.operation] }

    private var expanded: ExpandedSelections?

    override func enter(_ node: VisitNode) -> VisitResult {
        guard case .operation(let operation) = node, let limit = context.limits.maxFields else { return .skip }
        if expanded == nil { expanded = ExpandedSelections(context: context) }
        let fields = expanded!.measure(operation.selectionSet).fields
        if fields > limit {
            // Saturated: spreads nested so that the count does not fit in an Int.
            let count = fields == Int.max ? "more than \(Int.max - 1)" : "\(fields)"
            var error = GraphQLError(
                "\(operationNoun(operation.operation)) selects \(count) fields (aliases included); the limit is \(limit).",
                source: context.document.source, nodes: [operation.loc])
            error.extensions = [("code", .string("GRAPHQL_VALIDATION_FAILED")), (DocumentLimits.extensionKey, .string("fields"))]
            context.report(error)
        }
        return .skip
    }
}
