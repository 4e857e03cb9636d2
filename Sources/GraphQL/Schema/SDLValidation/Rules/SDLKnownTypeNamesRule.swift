/// Every referenced type is defined in the document or is a built-in (built-ins count
/// only inside SDL definitions, as in graphql-core).
final class SDLKnownTypeNamesRule: SDLValidationRule {
    private let context: SDLValidationContext
    private lazy var defined = Set(context.definedTypeNames)

    init(_ context: SDLValidationContext) { self.context = context }

    func enter(_ node: SDLNode) {
        guard case .namedType(let named, let inTypeSystem) = node else { return }
        let name = named.name.value
        if defined.contains(name) { return }
        if inTypeSystem && StandardTypes.contains(name) { return }
        let options = (inTypeSystem ? StandardTypes.names : []) + context.definedTypeNames
        let suggestions = Suggestions.list(name, options: options)
        context.report("Unknown type '\(name)'." + Suggestions.didYouMean(suggestions), [named.loc])
    }
}
