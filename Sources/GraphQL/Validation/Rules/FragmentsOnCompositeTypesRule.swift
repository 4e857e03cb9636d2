/// Fragments On Composite Types (spec §5.5.1.3): a fragment's type condition names an
/// object, interface or union type. Unknown types are KnownTypeNames' business.
///
/// `Fragment cannot condition on non composite type 'String'.` (inline fragments) and
/// `Fragment 'F' cannot condition on non composite type 'String'.` (fragment
/// definitions), located at the type condition.
final class FragmentsOnCompositeTypesRule: ValidationRule {
    override class var visits: VisitKinds { [.inlineFragment, .fragmentDefinition] }

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .inlineFragment(let inline):
            if let condition = inline.typeCondition, isNonComposite(condition) {
                context.report(
                    "Fragment cannot condition on non composite type '\(condition.name.value)'.", condition.loc)
            }
        case .fragmentDefinition(let fragment):
            let condition = fragment.typeCondition
            if isNonComposite(condition) {
                context.report(
                    "Fragment '\(fragment.name.value)' cannot condition on non composite type '\(condition.name.value)'.",
                    condition.loc)
            }
        default:
            break
        }
        return .proceed
    }

    private func isNonComposite(_ condition: NamedTypeNode) -> Bool {
        guard let type = context.schema.type(named: condition.name.value) else { return false }
        return !type.isComposite
    }
}
