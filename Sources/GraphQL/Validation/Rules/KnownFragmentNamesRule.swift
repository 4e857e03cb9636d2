/// Fragment Spread Target Defined (spec §5.5.2.1): every spread names a fragment of the
/// document.
///
/// `Unknown fragment 'F'.`, located at the spread's fragment name.
final class KnownFragmentNamesRule: ValidationRule {
    override class var visits: VisitKinds { [.fragmentSpread] }

    override func enter(_ node: VisitNode) -> VisitResult {
        if case .fragmentSpread(let spread) = node, context.fragment(named: spread.name.value) == nil {
            context.report("Unknown fragment '\(spread.name.value)'.", spread.name.loc)
        }
        return .proceed
    }
}
