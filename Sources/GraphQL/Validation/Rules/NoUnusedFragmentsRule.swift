/// Fragments Must Be Used (spec §5.5.1.4): every fragment is spread by some operation,
/// directly or through other fragments.
///
/// `Fragment 'F' is never used.`, located at the fragment definition, reported once the
/// whole document is seen, in definition order.
final class NoUnusedFragmentsRule: ValidationRule {
    override class var visits: VisitKinds { [.document, .operation, .fragmentDefinition] }

    private var operations: [OperationDefinition] = []
    private var fragments: [FragmentDefinition] = []

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .operation(let op):
            operations.append(op)
            return .skip
        case .fragmentDefinition(let fragment):
            fragments.append(fragment)
            return .skip
        default:
            return .proceed
        }
    }

    override func leave(_ node: VisitNode) {
        // Without fragments there is nothing to report, and no reason to follow spreads.
        guard case .document = node, !fragments.isEmpty else { return }
        let used = Set(context.recursivelyReferencedFragments(for: operations).map(\.name.value))
        for fragment in fragments where !used.contains(fragment.name.value) {
            context.report("Fragment '\(fragment.name.value)' is never used.", fragment.loc)
        }
    }
}
