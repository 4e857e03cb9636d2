/// No two type definitions share a name.
final class SDLUniqueTypeNamesRule: SDLValidationRule {
    private let context: SDLValidationContext
    private var known: [String: Name] = [:]

    init(_ context: SDLValidationContext) { self.context = context }

    func enter(_ node: SDLNode) {
        guard case .typeDefinition(let d) = node else { return }
        let name = d.name
        if let earlier = known[name.value] {
            context.report("There can be only one type named '\(name.value)'.", [earlier.loc, name.loc])
        } else {
            known[name.value] = name
        }
    }
}
