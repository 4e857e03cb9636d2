/// All Variable Usages Are Allowed: a variable's type fits every position it is used in
/// (a nullable variable fits a non-null position when the variable or the position has
/// a default), and a variable given to a @oneOf input object's field is non-null.
///
/// `Variable '$x' of type 'String' used in position expecting type 'Int!'.` and
/// `Variable '$x' is of type 'Int' but must be non-nullable to be used for OneOf Input
/// Object 'O'.`, located at the variable definition and the usage. Checked when leaving
/// the operation, over every fragment it uses.
final class VariablesInAllowedPositionRule: ValidationRule {
    override class var visits: VisitKinds { [.operation] }

    private var definitions: [String: VariableDefinition] = [:]

    // No subtree is skipped: skipping the operation would skip its `leave` too.
    override func enter(_ node: VisitNode) -> VisitResult {
        if case .operation(let op) = node {
            definitions.removeAll(keepingCapacity: true)
            for definition in op.variableDefinitions {
                definitions[definition.variable.name.value] = definition
            }
        }
        return .proceed
    }

    override func leave(_ node: VisitNode) {
        guard case .operation(let op) = node else { return }
        let schema = context.schema
        for usage in context.recursiveVariableUsages(op) {
            let name = usage.node.name.value
            guard let definition = definitions[name], let locationType = usage.type else { continue }
            let variableType = context.typeInfo.typeReference(definition.type)
            if let variableType, !isAllowed(variableType, definition.defaultValue, locationType, usage.defaultValue) {
                context.report(
                    "Variable '$\(name)' of type '\(variableType)' used in position expecting type '\(locationType)'.",
                    definition.loc, usage.node.loc)
            }
            // graphql-core looks at the position's parent type as is: a non-null
            // wrapped @oneOf input object is not checked here.
            if case .named(let parentName)? = usage.parentType,
               case .inputObject(let object)? = schema.type(named: parentName), object.isOneOf,
               let variableType, !variableType.isNonNull {
                context.report(
                    "Variable '$\(name)' is of type '\(variableType)' but must be non-nullable to be used for OneOf Input Object '\(object.name)'.",
                    definition.loc, usage.node.loc)
            }
        }
    }

    private func isAllowed(
        _ variableType: TypeReference, _ variableDefault: Value?, _ locationType: TypeReference, _ locationDefault: Value?
    ) -> Bool {
        if case .nonNull(let nullableLocation) = locationType, !variableType.isNonNull {
            var hasNonNullVariableDefault = false
            if let variableDefault {
                if case .null = variableDefault {} else { hasNonNullVariableDefault = true }
            }
            guard hasNonNullVariableDefault || locationDefault != nil else { return false }
            return context.schema.isTypeSubType(variableType, of: nullableLocation)
        }
        return context.schema.isTypeSubType(variableType, of: locationType)
    }
}
