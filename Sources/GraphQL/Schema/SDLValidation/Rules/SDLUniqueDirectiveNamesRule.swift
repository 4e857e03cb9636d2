/// No two directive definitions share a name.
final class SDLUniqueDirectiveNamesRule: SDLValidationRule {
    private let context: SDLValidationContext
    private var known: [String: Name] = [:]

    init(_ context: SDLValidationContext) { self.context = context }

    func enter(_ node: SDLNode) {
        guard case .directiveDefinition(let d) = node else { return }
        if let earlier = known[d.name.value] {
            context.report("There can be only one directive named '@\(d.name.value)'.", [earlier.loc, d.name.loc])
        } else {
            known[d.name.value] = d.name
        }
    }
}
