/// Each operation has one root type across the schema definition and its extensions.
final class SDLUniqueOperationTypesRule: SDLValidationRule {
    private let context: SDLValidationContext
    private var defined: [OperationType: RootOperationTypeDefinition] = [:]

    init(_ context: SDLValidationContext) { self.context = context }

    func enter(_ node: SDLNode) {
        let d: SchemaDefinition
        switch node {
        case .schemaDefinition(let s), .schemaExtension(let s): d = s
        default: return
        }
        for op in d.operationTypes {
            if let earlier = defined[op.operation] {
                context.report("There can be only one \(op.operation.rawValue) type in schema.", [earlier.loc, op.loc])
            } else {
                defined[op.operation] = op
            }
        }
    }
}
