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
        var order: [String] = []
        var groups: [String: [Name]] = [:]
        for arg in arguments {
            if groups[arg.name.value] == nil { order.append(arg.name.value) }
            groups[arg.name.value, default: []].append(arg.name)
        }
        for name in order where groups[name]!.count > 1 {
            context.report("There can be only one argument named '\(name)'.", groups[name]!.map(\.loc))
        }
    }
}
