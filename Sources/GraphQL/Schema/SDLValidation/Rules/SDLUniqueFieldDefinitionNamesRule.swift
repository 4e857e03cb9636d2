/// Fields of objects, interfaces and input objects (with their extensions') are uniquely named.
final class SDLUniqueFieldDefinitionNamesRule: SDLValidationRule {
    private let context: SDLValidationContext
    private var known: [String: [String: Name]] = [:]

    init(_ context: SDLValidationContext) { self.context = context }

    func enter(_ node: SDLNode) {
        let type: TypeDefinitionNode
        switch node {
        case .typeDefinition(let t), .typeExtension(let t): type = t
        default: return
        }
        let typeName = type.name.value
        for name in type.fieldNames {
            if let earlier = known[typeName]?[name.value] {
                context.report("Field '\(typeName).\(name.value)' can only be defined once.", [earlier.loc, name.loc])
            } else {
                known[typeName, default: [:]][name.value] = name
            }
        }
    }
}
