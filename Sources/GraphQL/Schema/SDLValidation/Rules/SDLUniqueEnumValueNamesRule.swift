/// An enum's values (with its extensions') are uniquely named.
final class SDLUniqueEnumValueNamesRule: SDLValidationRule {
    private let context: SDLValidationContext
    private var known: [String: [String: Name]] = [:]

    init(_ context: SDLValidationContext) { self.context = context }

    func enter(_ node: SDLNode) {
        switch node {
        case .typeDefinition(.enumType(let d)), .typeExtension(.enumType(let d)):
            let typeName = d.name.value
            for value in d.values {
                if let earlier = known[typeName]?[value.name.value] {
                    context.report(
                        "Enum value '\(typeName).\(value.name.value)' can only be defined once.",
                        [earlier.loc, value.name.loc])
                } else {
                    known[typeName, default: [:]][value.name.value] = value.name
                }
            }
        default:
            return
        }
    }
}
