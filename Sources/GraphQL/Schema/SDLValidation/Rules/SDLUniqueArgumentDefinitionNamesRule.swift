/// Arguments of each field and directive definition are uniquely named.
final class SDLUniqueArgumentDefinitionNamesRule: SDLValidationRule {
    private let context: SDLValidationContext

    init(_ context: SDLValidationContext) { self.context = context }

    func enter(_ node: SDLNode) {
        switch node {
        case .directiveDefinition(let d):
            check("@\(d.name.value)", d.arguments)
        case .typeDefinition(.object(let d)), .typeExtension(.object(let d)),
            .typeDefinition(.interface(let d)), .typeExtension(.interface(let d)):
            for field in d.fields {
                check("\(d.name.value).\(field.name.value)", field.arguments)
            }
        default:
            return
        }
    }

    private func check(_ parent: String, _ arguments: [InputValueDefinition]) {
        // Grouped in order of first appearance, as graphql-core's group_by does.
        var order: [String] = []
        var groups: [String: [Name]] = [:]
        for arg in arguments {
            if groups[arg.name.value] == nil { order.append(arg.name.value) }
            groups[arg.name.value, default: []].append(arg.name)
        }
        for name in order where groups[name]!.count > 1 {
            context.report("Argument '\(parent)(\(name):)' can only be defined once.", groups[name]!.map(\.loc))
        }
    }
}
