/// Field Selection Merging: fields with the same response name in a selection set
/// (through fragments and inline fragments too) can be merged without ambiguity —
/// same field and arguments unless their parents are different object types, types
/// that do not conflict, and sub-selections that merge in turn.
///
/// `Fields 'x' conflict because 'a' and 'b' are different fields. Use different aliases
/// on the fields to fetch both if this was intentional.` — the reason may also be
/// `they have differing arguments`, `they return conflicting types 'Int' and 'String'`,
/// `they have overlapping stream directives`, or `subfields 'y' conflict because …`
/// (joined with ` and `); located at the fields on the first side, then on the second.
///
/// graphql-core 3.3.2's algorithm: fields are collected once per selection set and
/// parent type, fragment pairs already compared are remembered (with whether they were
/// compared as mutually exclusive), and a work budget stops hostile documents with
/// `Validation aborted.`. Fragment arguments (a graphql-core experiment) are not
/// parsed here, so every spread shares one variable scope.
final class OverlappingFieldsCanBeMergedRule: ValidationRule {
    override class var visits: VisitKinds { [.operation, .field, .fragmentDefinition, .inlineFragment, .selectionSet] }

    let state = OverlappingFieldsState()
    /// Whether the node owning each selection set being visited is an inline fragment.
    private var ownerIsInlineFragment: [Bool] = []

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .operation, .field, .fragmentDefinition:
            ownerIsInlineFragment.append(false)
        case .inlineFragment:
            ownerIsInlineFragment.append(true)
        case .selectionSet(let selectionSet):
            // An inline fragment's fields are checked with the enclosing selection set.
            if ownerIsInlineFragment.last == true || context.aborted { break }
            let selections = selectionSet.selections
            if selections.count <= 1 {
                guard case .inlineFragment? = selections.first else { break }
            }
            // Plain fields with distinct response names cannot conflict with each other;
            // their own selection sets are checked when the walk reaches them.
            if Self.areDistinctPlainFields(selections) { break }
            do {
                let conflicts = try findConflictsWithin(selectionSet, parentType: context.typeInfo.parentType)
                for conflict in conflicts {
                    context.report(
                        "Fields '\(abbreviate(conflict.responseName))' conflict because \(conflict.reason). Use different aliases on the fields to fetch both if this was intentional.",
                        nodes: (conflict.fields1 + conflict.fields2).map(\.loc))
                }
            } catch {
                context.abortValidation()
            }
        default:
            break
        }
        return .proceed
    }

    override func leave(_ node: VisitNode) {
        switch node {
        case .operation, .field, .fragmentDefinition, .inlineFragment:
            ownerIsInlineFragment.removeLast()
        default:
            break
        }
    }

    /// Whether every selection is a field (no fragment to look into) and no two share a
    /// response name. Typical selection sets are small, so pairwise comparison is cheaper
    /// than hashing.
    static func areDistinctPlainFields(_ selections: [Selection]) -> Bool {
        guard selections.count <= 32 else { return false }
        var keys: [String] = []
        keys.reserveCapacity(selections.count)
        for selection in selections {
            guard case .field(let field) = selection else { return false }
            let key = field.responseKey
            if keys.contains(key) { return false }
            keys.append(key)
        }
        return true
    }

    /// Every conflict "within" a selection set, including those through the fragments
    /// it spreads.
    private func findConflictsWithin(_ selectionSet: SelectionSet, parentType: NamedType?) throws(WorkExhausted)
        -> [Conflict]
    {
        var conflicts: [Conflict] = []
        let collected = collectFields(parentType, selectionSet)
        try collectConflictsWithin(&conflicts, collected)
        if !collected.spreadNodes.isEmpty && (!collected.isEmpty || collected.spreadNodes.count > 1) {
            let spreads = try fragmentSpreads(of: collected)
            for (i, spread) in spreads.enumerated() {
                try collectConflictsBetweenFieldsAndFragment(&conflicts, false, collected, spread)
                for other in spreads[(i + 1)...] {
                    try collectConflictsBetweenFragments(&conflicts, false, spread, other)
                }
            }
        }
        return conflicts
    }
}

/// One conflict: the response name, why, and the field nodes on each side.
struct Conflict {
    let responseName: String
    let reason: String
    let fields1: [Field]
    let fields2: [Field]
}

/// Thrown when the work budget is spent; validation stops with `Validation aborted.`.
struct WorkExhausted: Error {}

/// Long names and reasons are cut at 1000 code points.
func abbreviate(_ text: String) -> String {
    let limit = OverlappingFieldsState.maxConflictDetailLength
    guard text.unicodeScalars.count > limit else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit))) + "..."
}
