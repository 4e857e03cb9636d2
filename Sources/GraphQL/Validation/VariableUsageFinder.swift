/// Finds the variables an operation or fragment uses and the input type expected at
/// each place, as a walk with `TypeInfo` would (graphql-core's `VariableUsageVisitor`),
/// but looking up only what leads to a variable: a leaf field without arguments or
/// directives costs nothing. Three rules ask for usages of every operation, so a full
/// second walk was the largest single cost of validating a typical document.
struct VariableUsageFinder {
    let schema: Schema
    private(set) var usages: [VariableUsage] = []

    init(schema: Schema) {
        self.schema = schema
    }

    mutating func find(in operation: OperationDefinition) {
        // Variable definitions (and their defaults) are not usages.
        let root = schema.rootType(for: operation.operation).map { NamedType.object($0) }
        directives(operation.directives, fieldDef: nil)
        selectionSet(operation.selectionSet, parent: root, fieldDef: nil)
    }

    mutating func find(in fragment: FragmentDefinition) {
        let type = schema.type(named: fragment.typeCondition.name.value)
        directives(fragment.directives, fieldDef: nil)
        selectionSet(fragment.selectionSet, parent: type?.isComposite == true ? type : nil, fieldDef: nil)
    }

    /// `fieldDef` is the enclosing field's definition: graphql-core resolves the arguments
    /// of an unknown directive against it.
    private mutating func selectionSet(_ set: SelectionSet, parent: NamedType?, fieldDef: FieldDefinitionInfo?) {
        for selection in set.selections {
            switch selection {
            case .field(let field):
                let hasWork = !field.arguments.isEmpty || !field.directives.isEmpty || field.selectionSet != nil
                guard hasWork else { continue }
                let def = parent.flatMap { schema.fieldDefinition(on: $0, named: field.name.value) }
                for argument in field.arguments {
                    let argDef = def?.argument(argument.name.value)
                    value(argument.value, type: argDef?.type, parentType: nil, defaultValue: argDef?.defaultValue)
                }
                directives(field.directives, fieldDef: def)
                if let sub = field.selectionSet {
                    let named = def.flatMap { schema.namedType(of: $0.type) }
                    selectionSet(sub, parent: named?.isComposite == true ? named : nil, fieldDef: def)
                }
            case .fragmentSpread(let spread):
                directives(spread.directives, fieldDef: fieldDef)
            case .inlineFragment(let inline):
                let type: NamedType?
                if let condition = inline.typeCondition {
                    type = schema.type(named: condition.name.value)
                } else {
                    type = parent
                }
                directives(inline.directives, fieldDef: fieldDef)
                selectionSet(inline.selectionSet, parent: type?.isComposite == true ? type : nil, fieldDef: fieldDef)
            }
        }
    }

    private mutating func directives(_ directives: [Directive], fieldDef: FieldDefinitionInfo?) {
        for directive in directives where !directive.arguments.isEmpty {
            let known = schema.directive(named: directive.name.value)
            for argument in directive.arguments {
                let argDef = known.map { $0.argument(argument.name.value) } ?? fieldDef?.argument(argument.name.value)
                value(argument.value, type: argDef?.type, parentType: nil, defaultValue: argDef?.defaultValue)
            }
        }
    }

    /// `type` is the input type expected at the value, `parentType` the one around it.
    private mutating func value(_ value: Value, type: TypeReference?, parentType: TypeReference?, defaultValue: Value?) {
        let type = type.flatMap { schema.isInputType($0) ? $0 : nil }
        switch value {
        case .variable(let variable):
            usages.append(VariableUsage(node: variable, type: type, parentType: parentType, defaultValue: defaultValue))
        case .list(let items, _):
            var itemType: TypeReference?
            if case .list(let inner)? = type?.nullable { itemType = inner }
            for item in items {
                self.value(item, type: itemType, parentType: type, defaultValue: nil)
            }
        case .object(let fields, _):
            var object: InputObjectType?
            if let type, case .inputObject(let o)? = schema.namedType(of: type) { object = o }
            for field in fields {
                let inputField = object?.field(field.name.value)
                self.value(field.value, type: inputField?.type, parentType: type, defaultValue: inputField?.defaultValue)
            }
        default:
            break
        }
    }
}
