/// Fragment Spread Is Possible (spec §5.5.2.3): a fragment is spread only where some
/// object type could satisfy both its type condition and the enclosing type.
///
/// `Fragment cannot be spread here as objects of type 'P' can never be of type 'F'.`
/// (inline fragments) and `Fragment 'X' cannot be spread here as objects of type 'P'
/// can never be of type 'F'.` (named spreads), located at the fragment or spread.
final class PossibleFragmentSpreadsRule: ValidationRule {
    override class var visits: VisitKinds { [.inlineFragment, .fragmentSpread] }

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .inlineFragment(let inline):
            // TypeInfo has entered the fragment: `type` is its condition (or the
            // enclosing type), `parentType` the type of the enclosing selection set.
            guard let fragmentType = compositeType(context.typeInfo.type),
                  let parent = context.typeInfo.parentType, parent.isComposite,
                  !context.schema.overlap(fragmentType, parent.name)
            else { return .proceed }
            context.report(
                "Fragment cannot be spread here as objects of type '\(parent.name)' can never be of type '\(fragmentType)'.",
                inline.loc)
        case .fragmentSpread(let spread):
            let name = spread.name.value
            guard let fragment = context.fragment(named: name),
                  let fragmentType = compositeType(.named(fragment.typeCondition.name.value)),
                  let parent = context.typeInfo.parentType,
                  !context.schema.overlap(fragmentType, parent.name)
            else { return .proceed }
            context.report(
                "Fragment '\(name)' cannot be spread here as objects of type '\(parent.name)' can never be of type '\(fragmentType)'.",
                spread.loc)
        default:
            break
        }
        return .proceed
    }

    /// The name of a composite named type (not wrapped in a list or non-null).
    private func compositeType(_ ref: TypeReference?) -> String? {
        guard case .named(let name)? = ref, let type = context.schema.type(named: name), type.isComposite else {
            return nil
        }
        return name
    }
}
