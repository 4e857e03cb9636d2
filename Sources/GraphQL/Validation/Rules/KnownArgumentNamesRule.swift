/// Argument Names: every argument given to a field or directive is defined by it.
///
/// `Unknown argument 'foo' on field 'Query.bar'.` and
/// `Unknown argument 'foo' on directive '@bar'.`, with a "Did you mean …?" hint,
/// located at the argument.
final class KnownArgumentNamesRule: ValidationRule {
    override class var visits: VisitKinds { [.directive, .field, .argument] }

    /// Argument names of every known directive, in definition order; built at the first
    /// directive, since most documents have none.
    private lazy var directiveArguments: [String: [String]] = {
        var map: [String: [String]] = [:]
        for directive in context.schema.directives {
            map[directive.name] = directive.arguments.map(\.name)
        }
        for case .directive(let definition) in context.document.definitions {
            map[definition.name.value] = definition.arguments.map(\.name.value)
        }
        return map
    }()
    /// The name of the field whose arguments are being visited.
    private var fieldName = ""

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .directive(let directive):
            let name = directive.name.value
            if let known = directiveArguments[name] {
                for argument in directive.arguments where !known.contains(argument.name.value) {
                    let argName = argument.name.value
                    let hint = Suggestions.didYouMean(Suggestions.list(argName, options: known))
                    context.report("Unknown argument '\(argName)' on directive '@\(name)'.\(hint)", argument.loc)
                }
            }
            // Directive arguments are done; the field check below must not see them.
            return .skip
        case .field(let field):
            fieldName = field.name.value
        case .argument(let argument):
            let typeInfo = context.typeInfo
            if typeInfo.argument == nil, let fieldDef = typeInfo.fieldDef, let parent = typeInfo.parentType {
                let argName = argument.name.value
                let hint = Suggestions.didYouMean(Suggestions.list(argName, options: fieldDef.arguments.map(\.name)))
                context.report(
                    "Unknown argument '\(argName)' on field '\(parent.name).\(fieldName)'.\(hint)", argument.loc)
            }
        default:
            break
        }
        return .proceed
    }
}
