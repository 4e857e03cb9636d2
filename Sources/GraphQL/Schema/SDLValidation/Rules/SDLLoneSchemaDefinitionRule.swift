/// A document defines at most one schema.
final class SDLLoneSchemaDefinitionRule: SDLValidationRule {
    private let context: SDLValidationContext
    private var count = 0

    init(_ context: SDLValidationContext) { self.context = context }

    func enter(_ node: SDLNode) {
        guard case .schemaDefinition(let d) = node else { return }
        if count > 0 {
            context.report("Must provide only one schema definition.", [d.loc])
        }
        count += 1
    }
}
