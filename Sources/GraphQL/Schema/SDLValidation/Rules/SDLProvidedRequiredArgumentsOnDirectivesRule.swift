/// A directive is given every argument that is non-null and has no default.
final class SDLProvidedRequiredArgumentsOnDirectivesRule: SDLValidationRule {
    private let context: SDLValidationContext
    /// Per directive: its required arguments and their types, in definition order.
    private let required: [String: [(name: String, type: String)]]

    init(_ context: SDLValidationContext) {
        self.context = context
        var map: [String: [(name: String, type: String)]] = [:]
        for d in BuiltinDirectives.all {
            map[d.name] = d.arguments.filter { $0.type.isNonNull && $0.defaultValue == nil }
                .map { ($0.name, $0.type.description) }
        }
        for d in context.directiveDefinitions {
            map[d.name.value] = d.arguments.filter {
                if case .nonNull = $0.type { return $0.defaultValue == nil }
                return false
            }.map { ($0.name.value, TypeReference($0.type).description) }
        }
        self.required = map
    }

    func enter(_ node: SDLNode) {}

    // On leave, so errors inside the arguments come first (as in graphql-core).
    func leave(_ node: SDLNode) {
        guard case .directive(let directive, _) = node, let args = required[directive.name.value] else { return }
        let given = Set(directive.arguments.map(\.name.value))
        for arg in args where !given.contains(arg.name) {
            context.report(
                "Argument '@\(directive.name.value)(\(arg.name):)' of type '\(arg.type)' is required, but it was not provided.",
                [directive.loc])
        }
    }
}
