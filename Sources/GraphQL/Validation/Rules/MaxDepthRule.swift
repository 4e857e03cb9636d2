/// Maximum depth (a server limit, not a specification rule: see `DocumentLimits`): an
/// operation whose fields nest deeper than `DocumentLimits.maxDepth`, counted through the
/// fragments it spreads, is refused before anything runs. `{ a { b } }` has depth 2;
/// inline fragments and spreads add no level of their own.
///
/// `Query is too deep: depth 21 exceeds the limit of 15.`, located at the first field (in
/// document order, possibly inside a fragment) that lies deeper than the limit.
final class MaxDepthRule: ValidationRule {
    override class var visits: VisitKinds { [.operation] }

    private var expanded: ExpandedSelections?

    override func enter(_ node: VisitNode) -> VisitResult {
        guard case .operation(let operation) = node, let limit = context.limits.maxDepth else { return .skip }
        if expanded == nil { expanded = ExpandedSelections(context: context) }
        let depth = expanded!.measure(operation.selectionSet).depth
        if depth > limit {
            // The search cannot miss: the measure found a field that deep.
            let field = expanded!.firstField(deeperThan: limit, in: operation.selectionSet)
            var error = GraphQLError(
                "\(operationNoun(operation.operation)) is too deep: depth \(depth) exceeds the limit of \(limit).",
                source: context.document.source, nodes: [field?.loc ?? operation.loc])
            error.extensions = [("code", .string("GRAPHQL_VALIDATION_FAILED")), (DocumentLimits.extensionKey, .string("depth"))]
            context.report(error)
        }
        return .skip
    }
}

/// `Query`, `Mutation` or `Subscription`: how the limit rules name an operation.
func operationNoun(_ type: OperationType) -> String {
    switch type {
    case .query: "Query"
    case .mutation: "Mutation"
    case .subscription: "Subscription"
    }
}
