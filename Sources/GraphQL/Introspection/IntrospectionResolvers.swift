// The values behind `__schema`, `__type(name:)` and the introspection types, resolved as
// the specification's "Introspection" section and graphql-core's `type/introspection.py`
// do. Each wraps a piece of the immutable schema; nothing is copied until a field is read.

struct IntrospectionSchema: GraphQLObjectValue {
    let schema: Schema

    func fieldValue(_ name: String) -> GraphQLValue { field(name, includeDeprecated: false) }

    func field(_ name: String, includeDeprecated: Bool) -> GraphQLValue {
        switch name {
        case "description": return .optional(schema.description)
        case "types": return .list(schema.typeNames.map { typeValue(.named($0)) })
        case "queryType": return schema.queryType.map { typeValue(.named($0.name)) } ?? .null
        case "mutationType": return schema.mutationType.map { typeValue(.named($0.name)) } ?? .null
        case "subscriptionType": return schema.subscriptionType.map { typeValue(.named($0.name)) } ?? .null
        case "directives":
            // Directives carry no deprecation in this schema model: all are listed.
            return .list(schema.directives.map { .object(IntrospectionDirective(schema: schema, directive: $0)) })
        default: return .null
        }
    }

    private func typeValue(_ ref: TypeReference) -> GraphQLValue { .object(IntrospectionType(schema: schema, type: ref)) }
}

/// A `__Type`: a named type, or a list or non-null wrapper around one.
struct IntrospectionType: GraphQLObjectValue {
    let schema: Schema
    let type: TypeReference

    func fieldValue(_ name: String) -> GraphQLValue { field(name, includeDeprecated: false) }

    private var named: NamedType? {
        if case .named(let n) = type { return schema.type(named: n) }
        return nil
    }

    private func typeValue(_ ref: TypeReference) -> GraphQLValue { .object(IntrospectionType(schema: schema, type: ref)) }

    func field(_ name: String, includeDeprecated: Bool) -> GraphQLValue {
        switch name {
        case "kind": return .string(kind)
        case "name":
            if case .named(let n) = type { return .string(n) }
            return .null
        case "description": return .optional(named?.description)
        case "specifiedByURL":
            if case .scalar(let s) = named { return .optional(s.specifiedByURL) }
            return .null
        case "fields":
            switch named {
            case .object(let t)?: return fields(t.fields, includeDeprecated)
            case .interface(let t)?: return fields(t.fields, includeDeprecated)
            default: return .null
            }
        case "interfaces":
            switch named {
            case .object(let o): return .list(o.interfaces.map { typeValue(.named($0)) })
            case .interface(let i): return .list(i.interfaces.map { typeValue(.named($0)) })
            default: return .null
            }
        case "possibleTypes":
            switch named {
            case .union(let u): return .list(u.types.map { typeValue(.named($0)) })
            case .interface(let i): return .list(schema.implementations(of: i.name).objects.map { typeValue(.named($0)) })
            default: return .null
            }
        case "enumValues":
            guard case .enumType(let e) = named else { return .null }
            return .list(
                e.values.filter { includeDeprecated || $0.deprecationReason == nil }.map {
                    .object(IntrospectionEnumValue(value: $0))
                })
        case "inputFields":
            guard case .inputObject(let i) = named else { return .null }
            return .list(
                i.fields.filter { includeDeprecated || $0.deprecationReason == nil }.map {
                    .object(IntrospectionInputValue(schema: schema, value: $0))
                })
        case "ofType":
            switch type {
            case .list(let inner), .nonNull(let inner): return typeValue(inner)
            case .named: return .null
            }
        case "isOneOf":
            if case .inputObject(let i) = named { return .bool(i.isOneOf) }
            return .null
        default: return .null
        }
    }

    private func fields(_ all: [FieldDefinitionInfo], _ includeDeprecated: Bool) -> GraphQLValue {
        .list(
            all.filter { includeDeprecated || $0.deprecationReason == nil }.map {
                .object(IntrospectionField(schema: schema, field: $0))
            })
    }

    private var kind: String {
        switch type {
        case .list: return "LIST"
        case .nonNull: return "NON_NULL"
        case .named:
            switch named {
            case .scalar: return "SCALAR"
            case .object: return "OBJECT"
            case .interface: return "INTERFACE"
            case .union: return "UNION"
            case .enumType: return "ENUM"
            case .inputObject: return "INPUT_OBJECT"
            case nil: return "SCALAR"
            }
        }
    }
}

struct IntrospectionField: GraphQLObjectValue {
    let schema: Schema
    let field: FieldDefinitionInfo

    func fieldValue(_ name: String) -> GraphQLValue { self.field(name, includeDeprecated: false) }

    func field(_ name: String, includeDeprecated: Bool) -> GraphQLValue {
        switch name {
        case "name": return .string(field.name)
        case "description": return .optional(field.description)
        case "args":
            return .list(
                field.arguments.filter { includeDeprecated || $0.deprecationReason == nil }.map {
                    .object(IntrospectionInputValue(schema: schema, value: $0))
                })
        case "type": return .object(IntrospectionType(schema: schema, type: field.type))
        case "isDeprecated": return .bool(field.deprecationReason != nil)
        case "deprecationReason": return .optional(field.deprecationReason)
        default: return .null
        }
    }
}

struct IntrospectionInputValue: GraphQLObjectValue {
    let schema: Schema
    let value: InputValueInfo

    func fieldValue(_ name: String) -> GraphQLValue {
        switch name {
        case "name": return .string(value.name)
        case "description": return .optional(value.description)
        case "type": return .object(IntrospectionType(schema: schema, type: value.type))
        // The default as GraphQL literal text, as graphql-core prints it.
        case "defaultValue": return .optional(value.defaultValue.map(printValue))
        case "isDeprecated": return .bool(value.deprecationReason != nil)
        case "deprecationReason": return .optional(value.deprecationReason)
        default: return .null
        }
    }
}

struct IntrospectionEnumValue: GraphQLObjectValue {
    let value: EnumValueInfo

    func fieldValue(_ name: String) -> GraphQLValue {
        switch name {
        case "name": return .string(value.name)
        case "description": return .optional(value.description)
        case "isDeprecated": return .bool(value.deprecationReason != nil)
        case "deprecationReason": return .optional(value.deprecationReason)
        default: return .null
        }
    }
}

struct IntrospectionDirective: GraphQLObjectValue {
    let schema: Schema
    let directive: DirectiveInfo

    func fieldValue(_ name: String) -> GraphQLValue { field(name, includeDeprecated: false) }

    func field(_ name: String, includeDeprecated: Bool) -> GraphQLValue {
        switch name {
        case "name": return .string(directive.name)
        case "description": return .optional(directive.description)
        case "isRepeatable": return .bool(directive.isRepeatable)
        case "locations": return .list(directive.locations.map { .string($0.rawValue) })
        case "args":
            return .list(
                directive.arguments.filter { includeDeprecated || $0.deprecationReason == nil }.map {
                    .object(IntrospectionInputValue(schema: schema, value: $0))
                })
        case "isDeprecated": return .bool(false)
        case "deprecationReason": return .null
        default: return .null
        }
    }
}

/// Resolves a field of an introspection type (`__Type.fields(includeDeprecated:)` …).
func resolveIntrospectionField(_ parent: GraphQLValue, field: String, arguments: JSONObject, schema: Schema) -> GraphQLValue {
    let includeDeprecated: Bool
    if case .bool(let b) = arguments["includeDeprecated"] { includeDeprecated = b } else { includeDeprecated = false }
    guard case .object(let o) = parent else { return parent.readField(field) }
    switch o {
    case let t as IntrospectionType: return t.field(field, includeDeprecated: includeDeprecated)
    case let f as IntrospectionField: return f.field(field, includeDeprecated: includeDeprecated)
    case let d as IntrospectionDirective: return d.field(field, includeDeprecated: includeDeprecated)
    case let s as IntrospectionSchema: return s.field(field, includeDeprecated: includeDeprecated)
    default: return o.fieldValue(field)
    }
}
