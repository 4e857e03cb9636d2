// validate_schema's per-type checks: fields, interfaces, union members, enum values,
// input fields.

extension SchemaValidator {
    mutating func validateTypes() {
        for name in draft.typeNames {
            // Built-in scalars and introspection types are valid by construction.
            guard draft.typeNodes[name] != nil, let type = draft.type(named: name) else { continue }
            validateName(name, draft.typeNodes[name]?.definition.loc)
            switch type {
            case .object(let o):
                validateFields(name, o.fields)
                validateInterfaces(name, o.interfaces, fields: o.fields)
            case .interface(let i):
                validateFields(name, i.fields)
                validateInterfaces(name, i.interfaces, fields: i.fields)
            case .union(let u):
                validateUnionMembers(u)
            case .enumType(let e):
                validateEnumValues(e)
            case .inputObject(let io):
                validateInputFields(io)
                validateDefaultValueCycles(io)
            case .scalar:
                break
            }
        }
    }

    private mutating func validateFields(_ typeName: String, _ fields: [FieldDefinitionInfo]) {
        if fields.isEmpty {
            report("Type \(typeName) must define one or more fields.", typeLocations(typeName))
        }
        for field in fields {
            let node = draft.fieldNodes[typeName]?[field.name]
            validateName(field.name, node?.loc)
            if !isOutputType(field.type) {
                report(
                    "The type of \(typeName).\(field.name) must be Output Type but got: \(field.type).",
                    [node?.type.loc])
            }
            for arg in field.arguments {
                let argNode = draft.argumentNodes["\(typeName).\(field.name)"]?[arg.name]
                validateName(arg.name, argNode?.loc)
                let argStr = "\(typeName).\(field.name)(\(arg.name):)"
                if !isInputType(arg.type) {
                    report("The type of \(argStr) must be Input Type but got: \(arg.type).", [argNode?.type.loc])
                }
                if isRequired(arg) && arg.deprecationReason != nil {
                    report(
                        "Required argument \(argStr) cannot be deprecated.",
                        [deprecatedDirective(argNode?.directives), argNode?.type.loc])
                }
                validateDefaultValue(arg, argStr)
            }
        }
    }

    /// The `implements` entries of `typeName` (definition and extensions) naming `interface`.
    private func implementsNodes(_ typeName: String, _ interface: String) -> [Location?] {
        guard let nodes = draft.typeNodes[typeName] else { return [] }
        var result: [Location?] = []
        for node in [nodes.definition] + nodes.extensions {
            switch node {
            case .object(let d), .interface(let d):
                result += d.interfaces.filter { $0.name.value == interface }.map(\.loc)
            default:
                break
            }
        }
        return result
    }

    private mutating func validateInterfaces(_ typeName: String, _ interfaces: [String], fields: [FieldDefinitionInfo]) {
        var seen = Set<String>()
        for iface in interfaces {
            guard case .interface(let interface) = draft.type(named: iface) else {
                report(
                    "Type \(typeName) must only implement Interface types, it cannot implement \(iface).",
                    implementsNodes(typeName, iface))
                continue
            }
            if typeName == iface {
                report(
                    "Type \(typeName) cannot implement itself because it would create a circular reference.",
                    implementsNodes(typeName, iface))
            }
            if seen.contains(iface) {
                report("Type \(typeName) can only implement \(iface) once.", implementsNodes(typeName, iface))
                continue
            }
            seen.insert(iface)
            validateImplementsAncestors(typeName, interfaces, interface)
            validateImplementsInterface(typeName, fields, interface)
        }
    }

    private mutating func validateImplementsAncestors(_ typeName: String, _ interfaces: [String], _ iface: InterfaceType) {
        for transitive in iface.interfaces where !interfaces.contains(transitive) {
            let message =
                transitive == typeName
                ? "Type \(typeName) cannot implement \(iface.name) because it would create a circular reference."
                : "Type \(typeName) must implement \(transitive) because it is implemented by \(iface.name)."
            report(message, implementsNodes(iface.name, transitive) + implementsNodes(typeName, iface.name))
        }
    }

    private mutating func validateImplementsInterface(
        _ typeName: String, _ fields: [FieldDefinitionInfo], _ iface: InterfaceType
    ) {
        for ifaceField in iface.fields {
            let fieldName = ifaceField.name
            let ifaceFieldNode = draft.fieldNodes[iface.name]?[fieldName]
            guard let typeField = fields.first(where: { $0.name == fieldName }) else {
                report(
                    "Interface field \(iface.name).\(fieldName) expected but \(typeName) does not provide it.",
                    [ifaceFieldNode?.loc] + typeLocations(typeName))
                continue
            }
            let typeFieldNode = draft.fieldNodes[typeName]?[fieldName]
            if !draft.isTypeSubType(typeField.type, of: ifaceField.type) {
                report(
                    "Interface field \(iface.name).\(fieldName) expects type \(ifaceField.type) but "
                        + "\(typeName).\(fieldName) is type \(typeField.type).",
                    [ifaceFieldNode?.type.loc, typeFieldNode?.type.loc])
            }
            for ifaceArg in ifaceField.arguments {
                let ifaceArgNode = draft.argumentNodes["\(iface.name).\(fieldName)"]?[ifaceArg.name]
                guard let typeArg = typeField.argument(ifaceArg.name) else {
                    report(
                        "Interface field argument \(iface.name).\(fieldName)(\(ifaceArg.name):) expected but "
                            + "\(typeName).\(fieldName) does not provide it.",
                        [ifaceArgNode?.loc, typeFieldNode?.loc])
                    continue
                }
                if ifaceArg.type != typeArg.type {
                    let typeArgNode = draft.argumentNodes["\(typeName).\(fieldName)"]?[ifaceArg.name]
                    report(
                        "Interface field argument \(iface.name).\(fieldName)(\(ifaceArg.name):) expects type "
                            + "\(ifaceArg.type) but \(typeName).\(fieldName)(\(ifaceArg.name):) is type \(typeArg.type).",
                        [ifaceArgNode?.type.loc, typeArgNode?.type.loc])
                }
            }
            for typeArg in typeField.arguments where ifaceField.argument(typeArg.name) == nil && isRequired(typeArg) {
                let typeArgNode = draft.argumentNodes["\(typeName).\(fieldName)"]?[typeArg.name]
                report(
                    "Argument '\(typeName).\(fieldName)(\(typeArg.name):)' must not be required type '\(typeArg.type)' "
                        + "if not provided by the Interface field '\(iface.name).\(fieldName)'.",
                    [typeArgNode?.loc, ifaceFieldNode?.loc])
            }
            if typeField.deprecationReason != nil && ifaceField.deprecationReason == nil {
                report(
                    "Interface field \(iface.name).\(fieldName) is not deprecated, so implementation field "
                        + "\(typeName).\(fieldName) must not be deprecated.",
                    [deprecatedDirective(typeFieldNode?.directives), typeFieldNode?.type.loc])
            }
        }
    }

    private func unionMemberNodes(_ union: String, _ member: String) -> [Location?] {
        guard let nodes = draft.typeNodes[union] else { return [] }
        var result: [Location?] = []
        for case .union(let d) in [nodes.definition] + nodes.extensions {
            result += d.types.filter { $0.name.value == member }.map(\.loc)
        }
        return result
    }

    private mutating func validateUnionMembers(_ union: UnionType) {
        if union.types.isEmpty {
            report("Union type \(union.name) must define one or more member types.", typeLocations(union.name))
        }
        var included = Set<String>()
        for member in union.types {
            if case .object = draft.type(named: member) {
                if !included.insert(member).inserted {
                    report(
                        "Union type \(union.name) can only include type \(member) once.",
                        unionMemberNodes(union.name, member))
                }
            } else {
                report(
                    "Union type \(union.name) can only include Object types, it cannot include \(member).",
                    unionMemberNodes(union.name, member))
            }
        }
    }

    private mutating func validateEnumValues(_ e: EnumType) {
        if e.values.isEmpty {
            report("Enum type \(e.name) must define one or more values.", typeLocations(e.name))
        }
        for value in e.values {
            validateName(value.name, draft.enumValueNodes[e.name]?[value.name]?.loc)
        }
    }

    private mutating func validateInputFields(_ io: InputObjectType) {
        if io.fields.isEmpty {
            report("Input Object type \(io.name) must define one or more fields.", typeLocations(io.name))
        }
        for field in io.fields {
            let node = draft.inputFieldNodes[io.name]?[field.name]
            validateName(field.name, node?.loc)
            if !isInputType(field.type) {
                report(
                    "The type of \(io.name).\(field.name) must be Input Type but got: \(field.type).", [node?.type.loc])
            }
            if isRequired(field) && field.deprecationReason != nil {
                report(
                    "Required input field \(io.name).\(field.name) cannot be deprecated.",
                    [deprecatedDirective(node?.directives), node?.type.loc])
            }
            validateDefaultValue(field, "\(io.name).\(field.name)")
            if io.isOneOf {
                if field.type.isNonNull {
                    report("OneOf input field \(io.name).\(field.name) must be nullable.", [node?.type.loc])
                }
                if field.defaultValue != nil {
                    report("OneOf input field \(io.name).\(field.name) cannot have a default value.", [node?.loc])
                }
            }
        }
    }
}
