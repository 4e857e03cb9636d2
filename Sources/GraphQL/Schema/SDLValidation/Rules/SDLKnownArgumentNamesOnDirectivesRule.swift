/// Arguments given to a directive are ones it defines.
final class SDLKnownArgumentNamesOnDirectivesRule: SDLValidationRule {
    private let context: SDLValidationContext
    private let arguments: [String: [String]]

    init(_ context: SDLValidationContext) {
        self.context = context
        var map: [String: [String]] = [:]
        for d in BuiltinDirectives.all { map[d.name] = d.arguments.map(\.name) }
        for d in context.directiveDefinitions { map[d.name.value] = d.arguments.map(\.name.value) }
        self.arguments = map
    }

    func enter(_ node: SDLNode) {
        guard case .directive(let directive, _) = node, let known = arguments[directive.name.value] else { return }
        for argument in directive.arguments where !known.contains(argument.name.value) {
            let suggestions = Suggestions.list(argument.name.value, options: known)
            context.report(
                "Unknown argument '\(argument.name.value)' on directive '@\(directive.name.value)'."
                    + Suggestions.didYouMean(suggestions),
                [argument.loc])
        }
    }
}
