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
        for (name, locations) in arguments.map(\.name).repeatedNames() {
            context.report("Argument '\(parent)(\(name):)' can only be defined once.", locations)
        }
    }
}
