/// Leaf Field Selections (spec §5.3.3): fields of scalar and enum type have no
/// selection set; fields of object, interface and union type have one (it may be
/// empty, as graphql-core 3.3 allows by default).
///
/// `Field 'name' must not have a selection since type 'String!' has no subfields.`,
/// located at the selection set, and `Field 'me' of type 'User' must have a selection
/// of subfields. Did you mean 'me { ... }'?`, located at the field.
final class ScalarLeafsRule: ValidationRule {
    override class var visits: VisitKinds { [.field] }

    override func enter(_ node: VisitNode) -> VisitResult {
        guard case .field(let field) = node, let type = context.typeInfo.type,
              let named = context.schema.namedType(of: type)
        else { return .proceed }
        let name = field.name.value
        if named.isLeaf {
            if let selectionSet = field.selectionSet {
                context.report(
                    "Field '\(name)' must not have a selection since type '\(type)' has no subfields.",
                    selectionSet.loc)
            }
        } else if field.selectionSet == nil {
            context.report(
                "Field '\(name)' of type '\(type)' must have a selection of subfields. Did you mean '\(name) { ... }'?",
                field.loc)
        }
        return .proceed
    }
}
