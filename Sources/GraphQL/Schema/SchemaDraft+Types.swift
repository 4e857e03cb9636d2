// Turning SDL definitions (with their extensions) into schema types, recording the
// AST node of every element for validation's error locations.

extension SchemaDraft {
    func buildType(_ definition: TypeDefinitionNode, extensions: [TypeDefinitionNode]) -> NamedType {
        let name = definition.name.value
        let nodes = [definition] + extensions
        switch definition {
        case .scalar(let d):
            // The last `@specifiedBy` among definition and extensions wins.
            var url = specifiedByURL(d.directives)
            for case .scalar(let e) in extensions {
                if let u = specifiedByURL(e.directives) { url = u }
            }
            return .scalar(ScalarType(name: name, description: d.description?.value, specifiedByURL: url))
        case .object(let d):
            let defs = nodes.compactMap { if case .object(let o) = $0 { return o } else { return nil } }
            return .object(
                ObjectType(
                    name: name, description: d.description?.value, fields: buildFields(name, defs),
                    interfaces: defs.flatMap { $0.interfaces.map(\.name.value) }))
        case .interface(let d):
            let defs = nodes.compactMap { if case .interface(let o) = $0 { return o } else { return nil } }
            return .interface(
                InterfaceType(
                    name: name, description: d.description?.value, fields: buildFields(name, defs),
                    interfaces: defs.flatMap { $0.interfaces.map(\.name.value) }))
        case .union(let d):
            let defs = nodes.compactMap { if case .union(let u) = $0 { return u } else { return nil } }
            return .union(
                UnionType(name: name, description: d.description?.value, types: defs.flatMap { $0.types.map(\.name.value) }))
        case .enumType(let d):
            var values: [EnumValueInfo] = []
            for case .enumType(let e) in nodes {
                for v in e.values {
                    enumValueNodes[name, default: [:]][v.name.value] = v
                    values.append(
                        EnumValueInfo(
                            name: v.name.value, description: v.description?.value,
                            deprecationReason: deprecationReason(v.directives)))
                }
            }
            return .enumType(EnumType(name: name, description: d.description?.value, values: values))
        case .inputObject(let d):
            var fields: [InputValueInfo] = []
            for case .inputObject(let e) in nodes {
                for f in e.fields {
                    inputFieldNodes[name, default: [:]][f.name.value] = f
                    fields.append(buildInputValue(f))
                }
            }
            // Only the definition's own `@oneOf` counts, as in graphql-core.
            let isOneOf = d.directives.contains { $0.name.value == "oneOf" }
            return .inputObject(
                InputObjectType(name: name, description: d.description?.value, fields: fields, isOneOf: isOneOf))
        }
    }

    private func buildFields(_ typeName: String, _ defs: [ObjectTypeDefinition]) -> [FieldDefinitionInfo] {
        var fields: [FieldDefinitionInfo] = []
        for def in defs {
            for f in def.fields {
                fieldNodes[typeName, default: [:]][f.name.value] = f
                let owner = "\(typeName).\(f.name.value)"
                fields.append(
                    FieldDefinitionInfo(
                        name: f.name.value, description: f.description?.value,
                        arguments: buildArguments(owner, f.arguments), type: TypeReference(f.type),
                        deprecationReason: deprecationReason(f.directives)))
            }
        }
        return fields
    }

    private func buildArguments(_ owner: String, _ args: [InputValueDefinition]) -> [InputValueInfo] {
        args.map { arg in
            argumentNodes[owner, default: [:]][arg.name.value] = arg
            return buildInputValue(arg)
        }
    }

    private func buildInputValue(_ v: InputValueDefinition) -> InputValueInfo {
        InputValueInfo(
            name: v.name.value, description: v.description?.value, type: TypeReference(v.type),
            defaultValue: v.defaultValue, deprecationReason: deprecationReason(v.directives))
    }

    func buildDirective(_ d: DirectiveDefinition, extensions: [DirectiveExtension]) -> DirectiveInfo {
        // The definition's own deprecation, else the first extension that deprecates it.
        var reason = deprecationReason(d.directives)
        if reason == nil {
            reason = extensions.lazy.compactMap { self.deprecationReason($0.directives) }.first
        }
        return DirectiveInfo(
            name: d.name.value, description: d.description?.value,
            locations: d.locations.compactMap { DirectiveLocation(rawValue: $0.value) },
            arguments: buildArguments("@\(d.name.value)", d.arguments), isRepeatable: d.repeatable,
            deprecationReason: reason)
    }

    /// `@deprecated`'s reason: the string given, else the default one.
    func deprecationReason(_ directives: [Directive]) -> String? {
        guard let directive = directives.first(where: { $0.name.value == "deprecated" }) else { return nil }
        if let arg = directive.arguments.first(where: { $0.name.value == "reason" }),
            case .string(let reason, _, _) = arg.value
        {
            return reason
        }
        return BuiltinDirectives.defaultDeprecationReason
    }

    private func specifiedByURL(_ directives: [Directive]) -> String? {
        guard let directive = directives.first(where: { $0.name.value == "specifiedBy" }),
            let arg = directive.arguments.first(where: { $0.name.value == "url" }),
            case .string(let url, _, _) = arg.value
        else { return nil }
        return url
    }
}
