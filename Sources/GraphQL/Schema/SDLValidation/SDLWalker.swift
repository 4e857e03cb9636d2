/// Visits an SDL document in graphql-core's traversal order (each node's children in
/// its `keys` order) and hands every node to every check, in the checks' order.
final class SDLWalker {
    private let rules: [any SDLValidationRule]
    /// Whether the top-level definition being walked is SDL (not an operation or fragment).
    private var inTypeSystem = true

    init(rules: [any SDLValidationRule]) {
        self.rules = rules
    }

    func walk(_ document: Document) {
        for definition in document.definitions {
            walk(definition)
        }
    }

    private func enter(_ node: SDLNode) {
        for rule in rules { rule.enter(node) }
    }

    private func leave(_ node: SDLNode) {
        for rule in rules { rule.leave(node) }
    }

    private func walk(_ definition: Definition) {
        inTypeSystem = !definition.isExecutable
        switch definition {
        case .schema(let d), .schemaExtension(let d):
            let node: SDLNode = if case .schema = definition { .schemaDefinition(d) } else { .schemaExtension(d) }
            enter(node)
            walk(d.directives, at: .schema)
            for op in d.operationTypes {
                walk(named: op.type)
            }
            leave(node)
        case .directive(let d):
            enter(.directiveDefinition(d))
            for arg in d.arguments { walk(arg, at: .argumentDefinition) }
            walk(d.directives, at: .directiveDefinition)
            leave(.directiveDefinition(d))
        case .directiveExtension(let d):
            enter(.directiveExtension(d))
            walk(d.directives, at: .directiveDefinition)
            leave(.directiveExtension(d))
        case .operation(let op):
            let location: DirectiveLocation =
                switch op.operation {
                case .query: .query
                case .mutation: .mutation
                case .subscription: .subscription
                }
            enter(.directiveHolder(op.directives))
            for v in op.variableDefinitions { walk(v, at: .variableDefinition) }
            walk(op.directives, at: location)
            walk(op.selectionSet)
        case .fragment(let f):
            enter(.directiveHolder(f.directives))
            walk(named: f.typeCondition)
            walk(f.directives, at: .fragmentDefinition)
            walk(f.selectionSet)
        default:
            guard let type = TypeDefinitionNode(definition) else { return }
            let node: SDLNode = isExtension(definition) ? .typeExtension(type) : .typeDefinition(type)
            enter(node)
            walk(type)
            leave(node)
        }
    }

    private func isExtension(_ definition: Definition) -> Bool {
        switch definition {
        case .scalarTypeExtension, .objectTypeExtension, .interfaceTypeExtension, .unionTypeExtension,
            .enumTypeExtension, .inputObjectTypeExtension, .schemaExtension, .directiveExtension:
            return true
        default:
            return false
        }
    }

    private func walk(_ type: TypeDefinitionNode) {
        switch type {
        case .scalar(let d):
            walk(d.directives, at: .scalar)
        case .object(let d), .interface(let d):
            for i in d.interfaces { walk(named: i) }
            walk(d.directives, at: type.directiveLocation)
            for field in d.fields {
                enter(.directiveHolder(field.directives))
                for arg in field.arguments { walk(arg, at: .argumentDefinition) }
                walk(field.type)
                walk(field.directives, at: .fieldDefinition)
            }
        case .union(let d):
            walk(d.directives, at: .union)
            for member in d.types { walk(named: member) }
        case .enumType(let d):
            walk(d.directives, at: .enumType)
            for value in d.values {
                enter(.directiveHolder(value.directives))
                walk(value.directives, at: .enumValue)
            }
        case .inputObject(let d):
            walk(d.directives, at: .inputObject)
            for field in d.fields { walk(field, at: .inputFieldDefinition) }
        }
    }

    private func walk(_ value: InputValueDefinition, at location: DirectiveLocation) {
        enter(.directiveHolder(value.directives))
        walk(value.type)
        if let defaultValue = value.defaultValue { walk(defaultValue) }
        walk(value.directives, at: location)
    }

    private func walk(_ variable: VariableDefinition, at location: DirectiveLocation) {
        enter(.directiveHolder(variable.directives))
        walk(variable.type)
        if let defaultValue = variable.defaultValue { walk(defaultValue) }
        walk(variable.directives, at: location)
    }

    private func walk(_ directives: [Directive], at location: DirectiveLocation) {
        for directive in directives {
            let node = SDLNode.directive(directive, location: location)
            enter(node)
            for argument in directive.arguments { walk(argument.value) }
            leave(node)
        }
    }

    private func walk(_ type: TypeNode) {
        walk(named: type.namedType)
    }

    private func walk(named: NamedTypeNode) {
        enter(.namedType(named, inTypeSystem: inTypeSystem))
    }

    private func walk(_ value: Value) {
        switch value {
        case .list(let items, _):
            for item in items { walk(item) }
        case .object(let fields, _):
            enter(.objectValue)
            for field in fields {
                enter(.objectField(field))
                walk(field.value)
            }
            leave(.objectValue)
        default:
            break
        }
    }

    private func walk(_ selectionSet: SelectionSet) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let f):
                enter(.field(f))
                for argument in f.arguments { walk(argument.value) }
                walk(f.directives, at: .field)
                if let set = f.selectionSet { walk(set) }
                leave(.field(f))
            case .fragmentSpread(let s):
                enter(.directiveHolder(s.directives))
                walk(s.directives, at: .fragmentSpread)
            case .inlineFragment(let i):
                enter(.directiveHolder(i.directives))
                if let condition = i.typeCondition { walk(named: condition) }
                walk(i.directives, at: .inlineFragment)
                walk(i.selectionSet)
            }
        }
    }
}
