/// Argument Optionality: every required argument (non-null, without a default) of a
/// field or directive is given.
///
/// `Argument 'Query.field(arg:)' of type 'String!' is required, but it was not provided.`
/// (`<meta>.` for the introspection meta fields) and
/// `Argument '@dir(arg:)' of type 'Boolean!' is required, but it was not provided.`,
/// located at the field or directive. Checked on leave, so errors deeper inside come first.
final class ProvidedRequiredArgumentsRule: ValidationRule {
    override class var visits: VisitKinds { [.directive, .field] }

    /// Required arguments (name, printed type) of every known directive; built at the
    /// first directive, since most documents have none.
    private lazy var requiredDirectiveArguments: [String: [(String, String)]] = {
        var map: [String: [(String, String)]] = [:]
        for directive in context.schema.directives {
            map[directive.name] = directive.arguments.filter(\.isRequired).map { ($0.name, $0.type.description) }
        }
        for case .directive(let definition) in context.document.definitions {
            map[definition.name.value] = definition.arguments
                .filter { if case .nonNull = $0.type { $0.defaultValue == nil } else { false } }
                .map { ($0.name.value, TypeReference($0.type).description) }
        }
        return map
    }()

    override func leave(_ node: VisitNode) {
        switch node {
        case .directive(let directive):
            let name = directive.name.value
            guard let required = requiredDirectiveArguments[name], !required.isEmpty else { return }
            for (argName, type) in required where !directive.arguments.contains(where: { $0.name.value == argName }) {
                context.report(
                    "Argument '@\(name)(\(argName):)' of type '\(type)' is required, but it was not provided.",
                    directive.loc)
            }
        case .field(let field):
            let typeInfo = context.typeInfo
            guard let fieldDef = typeInfo.fieldDef, !fieldDef.arguments.isEmpty else { return }
            for argDef in fieldDef.arguments where argDef.isRequired {
                guard !field.arguments.contains(where: { $0.name.value == argDef.name }) else { continue }
                let parentPrefix: String
                if let type = typeInfo.type, IntrospectionTypes.isIntrospectionType(type.namedType) {
                    parentPrefix = "<meta>."
                } else if let parent = typeInfo.parentType {
                    parentPrefix = parent.name + "."
                } else {
                    parentPrefix = ""
                }
                context.report(
                    "Argument '\(parentPrefix)\(field.name.value)(\(argDef.name):)' of type '\(argDef.type)' is required, but it was not provided.",
                    field.loc)
            }
        default:
            break
        }
    }
}

extension InputValueInfo {
    /// Non-null without a default value: it must be given.
    var isRequired: Bool { type.isNonNull && defaultValue == nil }
}
