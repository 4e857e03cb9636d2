/// Every applied directive is defined (built-in or in the document) and allowed where it is used.
final class SDLKnownDirectivesRule: SDLValidationRule {
    private let context: SDLValidationContext
    private let locations: [String: Set<DirectiveLocation>]

    init(_ context: SDLValidationContext) {
        self.context = context
        var map: [String: Set<DirectiveLocation>] = [:]
        for d in BuiltinDirectives.all { map[d.name] = Set(d.locations) }
        for d in context.directiveDefinitions {
            map[d.name.value] = Set(d.locations.compactMap { DirectiveLocation(rawValue: $0.value) })
        }
        self.locations = map
    }

    func enter(_ node: SDLNode) {
        guard case .directive(let directive, let location) = node else { return }
        let name = directive.name.value
        if let allowed = locations[name], !allowed.isEmpty {
            if let location, !allowed.contains(location) {
                context.report("Directive '@\(name)' may not be used on \(location.spelledOut).", [directive.loc])
            }
        } else {
            context.report("Unknown directive '@\(name)'.", [directive.loc])
        }
    }
}
