/// Defer And Stream Directives Are Used On Valid Root Field: `@defer` and `@stream` may
/// not be used on the root fields of a mutation or subscription.
///
/// `Defer directive cannot be used on root mutation type 'Mutation'.` and
/// `Stream directive cannot be used on root subscription type 'Subscription'.`,
/// located at the directive. Fragments already found valid are not checked again.
final class DeferStreamDirectiveOnRootField: ValidationRule {
    override class var visits: VisitKinds { [.operation] }

    private var checkedFragments = Set<String>()

    override func enter(_ node: VisitNode) -> VisitResult {
        guard case .operation(let op) = node else { return .proceed }
        guard op.operation == .mutation || op.operation == .subscription,
              let root = context.schema.rootType(for: op.operation) else { return .skip }
        var visited = Set<String>()
        if forbidDeferStream(op.operation, root.name, op.selectionSet, &visited) {
            checkedFragments.formUnion(visited)
        }
        return .skip
    }

    /// Reports `@stream` on root fields and `@defer` on root fragments; returns whether
    /// nothing was found.
    private func forbidDeferStream(
        _ operation: OperationType, _ rootName: String, _ selectionSet: SelectionSet, _ visited: inout Set<String>
    ) -> Bool {
        var valid = true
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                if let stream = field.directives.first(where: { $0.name.value == "stream" }) {
                    valid = false
                    context.report(
                        "Stream directive cannot be used on root \(operation.rawValue) type '\(rootName)'.", stream.loc)
                }
            case .fragmentSpread(let spread):
                let name = spread.name.value
                guard visited.insert(name).inserted else { continue }
                guard let fragment = context.fragment(named: name) else { continue }
                if let deferDirective = spread.directives.first(where: { $0.name.value == "defer" }) {
                    valid = false
                    context.report(
                        "Defer directive cannot be used on root \(operation.rawValue) type '\(rootName)'.", deferDirective.loc)
                }
                if !checkedFragments.contains(name) {
                    valid = forbidDeferStream(operation, rootName, fragment.selectionSet, &visited) && valid
                }
            case .inlineFragment(let inline):
                if let deferDirective = inline.directives.first(where: { $0.name.value == "defer" }) {
                    valid = false
                    context.report(
                        "Defer directive cannot be used on root \(operation.rawValue) type '\(rootName)'.", deferDirective.loc)
                }
                valid = forbidDeferStream(operation, rootName, inline.selectionSet, &visited) && valid
            }
        }
        return valid
    }
}
