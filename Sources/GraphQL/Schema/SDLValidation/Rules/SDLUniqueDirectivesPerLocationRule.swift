/// A non-repeatable directive appears once per location; a type and its extensions, and
/// the schema and its extensions, count as one location.
final class SDLUniqueDirectivesPerLocationRule: SDLValidationRule {
    private let context: SDLValidationContext
    private let unique: [String: Bool]
    private var schemaDirectives: [String: Directive] = [:]
    private var typeDirectives: [String: [String: Directive]] = [:]
    private var directiveDirectives: [String: [String: Directive]] = [:]

    init(_ context: SDLValidationContext) {
        self.context = context
        var map: [String: Bool] = [:]
        for d in BuiltinDirectives.all { map[d.name] = !d.isRepeatable }
        for d in context.directiveDefinitions { map[d.name.value] = !d.repeatable }
        self.unique = map
    }

    func enter(_ node: SDLNode) {
        let directives = node.directives
        guard !directives.isEmpty else { return }
        var seen: [String: Directive]
        switch node {
        case .schemaDefinition, .schemaExtension: seen = schemaDirectives
        case .typeDefinition(let t), .typeExtension(let t): seen = typeDirectives[t.name.value] ?? [:]
        case .directiveDefinition(let d): seen = directiveDirectives[d.name.value] ?? [:]
        case .directiveExtension(let d): seen = directiveDirectives[d.name.value] ?? [:]
        default: seen = [:]
        }
        for directive in directives where unique[directive.name.value] == true {
            if let earlier = seen[directive.name.value] {
                context.report(
                    "The directive '@\(directive.name.value)' can only be used once at this location.",
                    [earlier.loc, directive.loc])
            } else {
                seen[directive.name.value] = directive
            }
        }
        switch node {
        case .schemaDefinition, .schemaExtension: schemaDirectives = seen
        case .typeDefinition(let t), .typeExtension(let t): typeDirectives[t.name.value] = seen
        case .directiveDefinition(let d): directiveDirectives[d.name.value] = seen
        case .directiveExtension(let d): directiveDirectives[d.name.value] = seen
        default: break
        }
    }
}
