/// A type extension extends a type the document defines, of the same kind.
final class SDLPossibleTypeExtensionsRule: SDLValidationRule {
    private let context: SDLValidationContext
    private lazy var definitions: [String: TypeDefinitionNode] = {
        var map: [String: TypeDefinitionNode] = [:]
        for definition in context.document.definitions {
            switch definition {
            case .scalarType, .objectType, .interfaceType, .unionType, .enumType, .inputObjectType:
                // Later definitions win, as in graphql-core's dict.
                if let t = TypeDefinitionNode(definition) { map[t.name.value] = t }
            default:
                break
            }
        }
        return map
    }()

    init(_ context: SDLValidationContext) { self.context = context }

    func enter(_ node: SDLNode) {
        guard case .typeExtension(let ext) = node else { return }
        let name = ext.name.value
        if let definition = definitions[name] {
            if definition.kindName != ext.kindName {
                context.report("Cannot extend non-\(ext.kindName) type '\(name)'.", [definition.loc, ext.loc])
            }
        } else {
            let suggestions = Suggestions.list(name, options: uniqued(context.definedTypeNames))
            context.report(
                "Cannot extend type '\(name)' because it is not defined." + Suggestions.didYouMean(suggestions),
                [ext.name.loc])
        }
    }

    private func uniqued(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
