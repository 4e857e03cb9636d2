/// Directives Are Unique Per Location: a non-repeatable directive appears at most once
/// on a node.
///
/// `The directive '@foo' can only be used once at this location.`, located at the
/// first use and at the repeated one.
final class UniqueDirectivesPerLocationRule: ValidationRule {
    override class var visits: VisitKinds { [.operation, .variableDefinition, .field, .fragmentSpread, .inlineFragment, .fragmentDefinition] }

    /// For each known directive: whether it must be unique (is not repeatable); built at
    /// the first directive, since most documents have none.
    private lazy var isUnique: [String: Bool] = {
        var map: [String: Bool] = [:]
        for directive in context.schema.directives {
            map[directive.name] = !directive.isRepeatable
        }
        for case .directive(let definition) in context.document.definitions {
            map[definition.name.value] = !definition.repeatable
        }
        return map
    }()

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .operation(let op): check(op.directives)
        case .variableDefinition(let v): check(v.directives)
        case .field(let field): check(field.directives)
        case .fragmentSpread(let spread): check(spread.directives)
        case .inlineFragment(let inline): check(inline.directives)
        case .fragmentDefinition(let fragment): check(fragment.directives)
        default: break
        }
        return .proceed
    }

    private func check(_ directives: [Directive]) {
        guard directives.count > 1 else { return }
        var seen: [String: Location] = [:]
        for directive in directives {
            let name = directive.name.value
            guard isUnique[name] == true else { continue }
            if let first = seen[name] {
                context.report("The directive '@\(name)' can only be used once at this location.", first, directive.loc)
            } else {
                seen[name] = directive.loc
            }
        }
    }
}
