/// A directive or field is given each argument once.
final class SDLUniqueArgumentNamesRule: SDLValidationRule {
    private let context: SDLValidationContext

    init(_ context: SDLValidationContext) { self.context = context }

    func enter(_ node: SDLNode) {
        switch node {
        case .directive(let d, _): check(d.arguments)
        case .field(let f): check(f.arguments)
        default: return
        }
    }

    private func check(_ arguments: [Argument]) {
        for (name, locations) in arguments.map(\.name).repeatedNames() {
            context.report("There can be only one argument named '\(name)'.", locations)
        }
    }
}
