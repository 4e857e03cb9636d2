// The introspection types and meta fields exactly as graphql-core 3.3.2 defines them:
// names, field order, arguments, defaults and descriptions. Clients compare these, so
// every string matters. Resolvers live with execution.

/// The types the specification's introspection system adds to every schema.
public enum IntrospectionTypes {
    private static let noLocation = Location(start: 0, end: 0)

    /// `includeDeprecated: Boolean! = false`, as graphql-js 17 declares it.
    private static var includeDeprecated: InputValueInfo {
        InputValueInfo(
            name: "includeDeprecated", type: .nonNull(.named("Boolean")), defaultValue: .boolean(false, noLocation))
    }

    private static func makeField(
        _ name: String, _ type: TypeReference, _ description: String? = nil, args: [InputValueInfo] = []
    ) -> FieldDefinitionInfo {
        FieldDefinitionInfo(name: name, description: description, arguments: args, type: type)
    }

    private static let string = TypeReference.named("String")
    private static let boolean = TypeReference.named("Boolean")
    private static func nonNull(_ name: String) -> TypeReference { .nonNull(.named(name)) }
    private static func list(_ name: String) -> TypeReference { .list(.nonNull(.named(name))) }
    private static func nonNullList(_ name: String) -> TypeReference { .nonNull(list(name)) }

    public static let schema = ObjectType(
        name: "__Schema",
        description: "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types "
            + "and directives on the server, as well as the entry points for query, mutation, and subscription operations.",
        fields: [
            makeField("description", string),
            makeField("types", nonNullList("__Type"), "A list of all types supported by this server."),
            makeField("queryType", nonNull("__Type"), "The type that query operations will be rooted at."),
            makeField(
                "mutationType", .named("__Type"),
                "If this server supports mutation, the type that mutation operations will be rooted at."),
            makeField(
                "subscriptionType", .named("__Type"),
                "If this server supports subscription, the type that subscription operations will be rooted at."),
            makeField(
                "directives", nonNullList("__Directive"), "A list of all directives supported by this server.",
                args: [includeDeprecated]),
        ]
    )

    public static let directive = ObjectType(
        name: "__Directive",
        description: "A Directive provides a way to describe alternate runtime execution and type validation "
            + "behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's "
            + "execution behavior in ways field arguments will not suffice, such as conditionally including or "
            + "skipping a field. Directives provide this by describing additional information to the executor.",
        fields: [
            makeField("name", nonNull("String")),
            makeField("description", string),
            makeField("isRepeatable", nonNull("Boolean")),
            makeField("locations", nonNullList("__DirectiveLocation")),
            makeField("args", nonNullList("__InputValue"), args: [includeDeprecated]),
            makeField("isDeprecated", nonNull("Boolean")),
            makeField("deprecationReason", string),
        ]
    )

    /// Descriptions of `__DirectiveLocation`'s values, keyed by location.
    public static func describe(_ location: DirectiveLocation) -> String {
        switch location {
        case .query: return "Location adjacent to a query operation."
        case .mutation: return "Location adjacent to a mutation operation."
        case .subscription: return "Location adjacent to a subscription operation."
        case .field: return "Location adjacent to a field."
        case .fragmentDefinition: return "Location adjacent to a fragment definition."
        case .fragmentSpread: return "Location adjacent to a fragment spread."
        case .inlineFragment: return "Location adjacent to an inline fragment."
        case .variableDefinition: return "Location adjacent to an operation variable definition."
        case .fragmentVariableDefinition: return "Location adjacent to a fragment variable definition."
        case .schema: return "Location adjacent to a schema definition."
        case .scalar: return "Location adjacent to a scalar definition."
        case .object: return "Location adjacent to an object type definition."
        case .fieldDefinition: return "Location adjacent to a field definition."
        case .argumentDefinition: return "Location adjacent to an argument definition."
        case .interface: return "Location adjacent to an interface definition."
        case .union: return "Location adjacent to a union definition."
        case .enumType: return "Location adjacent to an enum definition."
        case .enumValue: return "Location adjacent to an enum value definition."
        case .inputObject: return "Location adjacent to an input object type definition."
        case .inputFieldDefinition: return "Location adjacent to an input object field definition."
        case .directiveDefinition: return "Location adjacent to a directive definition."
        }
    }

    public static let directiveLocation = EnumType(
        name: "__DirectiveLocation",
        description: "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation "
            + "describes one such possible adjacencies.",
        values: DirectiveLocation.allCases.map { EnumValueInfo(name: $0.rawValue, description: describe($0)) }
    )

    public static let type = ObjectType(
        name: "__Type",
        description: "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in "
            + "GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields "
            + "describe information about that type. Scalar types provide no information beyond a name, description "
            + "and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types "
            + "provide the fields they describe. Abstract types, Union and Interface, provide the Object types "
            + "possible at runtime. List and NonNull types compose other types.",
        fields: [
            makeField("kind", nonNull("__TypeKind")),
            makeField("name", string),
            makeField("description", string),
            makeField("specifiedByURL", string),
            makeField("fields", list("__Field"), args: [includeDeprecated]),
            makeField("interfaces", list("__Type")),
            makeField("possibleTypes", list("__Type")),
            makeField("enumValues", list("__EnumValue"), args: [includeDeprecated]),
            makeField("inputFields", list("__InputValue"), args: [includeDeprecated]),
            makeField("ofType", .named("__Type")),
            makeField("isOneOf", boolean),
        ]
    )

    public static let field = ObjectType(
        name: "__Field",
        description: "Object and Interface types are described by a list of Fields, each of which has a name, "
            + "potentially a list of arguments, and a return type.",
        fields: [
            makeField("name", nonNull("String")),
            makeField("description", string),
            makeField("args", nonNullList("__InputValue"), args: [includeDeprecated]),
            makeField("type", nonNull("__Type")),
            makeField("isDeprecated", nonNull("Boolean")),
            makeField("deprecationReason", string),
        ]
    )

    public static let inputValue = ObjectType(
        name: "__InputValue",
        description: "Arguments provided to Fields or Directives and the input fields of an InputObject are "
            + "represented as Input Values which describe their type and optionally a default value.",
        fields: [
            makeField("name", nonNull("String")),
            makeField("description", string),
            makeField("type", nonNull("__Type")),
            makeField(
                "defaultValue", string,
                "A GraphQL-formatted string representing the default value for this input value."),
            makeField("isDeprecated", nonNull("Boolean")),
            makeField("deprecationReason", string),
        ]
    )

    public static let enumValue = ObjectType(
        name: "__EnumValue",
        description: "One possible value for a given Enum. Enum values are unique values, not a placeholder for a "
            + "string or numeric value. However an Enum value is returned in a JSON response as a string.",
        fields: [
            makeField("name", nonNull("String")),
            makeField("description", string),
            makeField("isDeprecated", nonNull("Boolean")),
            makeField("deprecationReason", string),
        ]
    )

    public static let typeKind = EnumType(
        name: "__TypeKind",
        description: "An enum describing what kind of type a given `__Type` is.",
        values: [
            EnumValueInfo(name: "SCALAR", description: "Indicates this type is a scalar."),
            EnumValueInfo(
                name: "OBJECT",
                description: "Indicates this type is an object. `fields` and `interfaces` are valid fields."),
            EnumValueInfo(
                name: "INTERFACE",
                description:
                    "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields."
            ),
            EnumValueInfo(name: "UNION", description: "Indicates this type is a union. `possibleTypes` is a valid field."),
            EnumValueInfo(name: "ENUM", description: "Indicates this type is an enum. `enumValues` is a valid field."),
            EnumValueInfo(
                name: "INPUT_OBJECT",
                description: "Indicates this type is an input object. `inputFields` is a valid field."),
            EnumValueInfo(name: "LIST", description: "Indicates this type is a list. `ofType` is a valid field."),
            EnumValueInfo(name: "NON_NULL", description: "Indicates this type is a non-null. `ofType` is a valid field."),
        ]
    )

    /// All eight, in the order a schema's type collection reaches them from `__Schema`.
    public static let all: [NamedType] = [
        .object(schema), .object(type), .enumType(typeKind), .object(field), .object(inputValue),
        .object(enumValue), .object(directive), .enumType(directiveLocation),
    ]

    private static let byName: [String: NamedType] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    public static func named(_ name: String) -> NamedType? { byName[name] }

    public static func isIntrospectionType(_ name: String) -> Bool { byName[name] != nil }
}
