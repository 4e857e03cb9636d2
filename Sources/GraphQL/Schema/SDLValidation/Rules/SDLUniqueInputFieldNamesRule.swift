/// An input object value names each field once.
final class SDLUniqueInputFieldNamesRule: SDLValidationRule {
    private let context: SDLValidationContext
    private var stack: [[String: Name]] = []
    private var known: [String: Name] = [:]

    init(_ context: SDLValidationContext) { self.context = context }

    func enter(_ node: SDLNode) {
        switch node {
        case .objectValue:
            stack.append(known)
            known = [:]
        case .objectField(let field):
            if let earlier = known[field.name.value] {
                context.report("There can be only one input field named '\(field.name.value)'.", [earlier.loc, field.name.loc])
            } else {
                known[field.name.value] = field.name
            }
        default:
            return
        }
    }

    func leave(_ node: SDLNode) {
        if case .objectValue = node { known = stack.removeLast() }
    }
}
