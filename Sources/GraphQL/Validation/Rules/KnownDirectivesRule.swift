/// Directives Are Defined, Directives Are In Valid Locations: every directive is known
/// to the schema (or defined in the document) and applied where it may be.
///
/// `Unknown directive '@foo'.` and `Directive '@foo' may not be used on field.`,
/// located at the directive.
final class KnownDirectivesRule: ValidationRule {
    override class var visits: VisitKinds { [.operation, .variableDefinition, .field, .fragmentSpread, .inlineFragment, .fragmentDefinition, .directive] }

    /// Location names (`DirectiveLocation` raw values) by directive name; built at the
    /// first directive, since most documents have none.
    private lazy var locationsByName: [String: Set<String>] = {
        var map: [String: Set<String>] = [:]
        for directive in context.schema.directives {
            map[directive.name] = Set(directive.locations.map(\.rawValue))
        }
        // graphql-core also knows the directives a document defines itself.
        for case .directive(let definition) in context.document.definitions {
            map[definition.name.value] = Set(definition.locations.map(\.value))
        }
        return map
    }()
    /// Where the directives being visited are applied, innermost last.
    private var appliedTo: [String] = []

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .operation(let op):
            appliedTo.append(DirectiveLocation(operation: op.operation).rawValue)
        case .variableDefinition:
            appliedTo.append(DirectiveLocation.variableDefinition.rawValue)
        case .field:
            appliedTo.append(DirectiveLocation.field.rawValue)
        case .fragmentSpread:
            appliedTo.append(DirectiveLocation.fragmentSpread.rawValue)
        case .inlineFragment:
            appliedTo.append(DirectiveLocation.inlineFragment.rawValue)
        case .fragmentDefinition:
            appliedTo.append(DirectiveLocation.fragmentDefinition.rawValue)
        case .directive(let directive):
            let name = directive.name.value
            if let locations = locationsByName[name], !locations.isEmpty {
                if let candidate = appliedTo.last, !locations.contains(candidate) {
                    // graphql-core words locations in lower case: `inline fragment`.
                    let wording = String(candidate.lowercased().map { $0 == "_" ? " " : $0 })
                    context.report("Directive '@\(name)' may not be used on \(wording).", directive.loc)
                }
            } else {
                context.report("Unknown directive '@\(name)'.", directive.loc)
            }
        default:
            break
        }
        return .proceed
    }

    override func leave(_ node: VisitNode) {
        switch node {
        case .operation, .variableDefinition, .field, .fragmentSpread, .inlineFragment, .fragmentDefinition:
            appliedTo.removeLast()
        default:
            break
        }
    }
}

extension DirectiveLocation {
    /// The location of a directive on an operation of this type.
    init(operation: OperationType) {
        switch operation {
        case .query: self = .query
        case .mutation: self = .mutation
        case .subscription: self = .subscription
        }
    }
}
