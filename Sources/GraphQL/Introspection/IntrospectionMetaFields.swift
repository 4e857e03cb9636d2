/// The fields every selection may ask for besides its type's own: `__schema` and
/// `__type(name:)` on the query root, `__typename` everywhere.
public enum IntrospectionMetaFields {
    public static let schema = FieldDefinitionInfo(
        name: "__schema", description: "Access the current type schema of this server.",
        type: .nonNull(.named("__Schema")))

    public static let type = FieldDefinitionInfo(
        name: "__type", description: "Request the type information of a single type.",
        arguments: [InputValueInfo(name: "name", type: .nonNull(.named("String")))],
        type: .named("__Type"))

    public static let typename = FieldDefinitionInfo(
        name: "__typename", description: "The name of the current Object type at runtime.",
        type: .nonNull(.named("String")))
}

extension IntrospectionMetaFields {
    /// The meta field a selection of `name` on `parent` asks for: `__typename` on any
    /// composite type, `__schema` and `__type` on the query root type only, as graphql-js
    /// resolves them; nil for any other field.
    static func field(named name: String, on parent: NamedType, in schema: Schema) -> FieldDefinitionInfo? {
        switch name {
        case "__typename":
            return parent.isComposite ? typename : nil
        case "__schema", "__type":
            guard let query = schema.queryType, query.name == parent.name else { return nil }
            return name == "__schema" ? Self.schema : type
        default:
            return nil
        }
    }
}

extension Schema {
    /// The field a selection of `name` on the composite type `parent` asks for, the meta
    /// fields included, as validation resolves it.
    func fieldDefinition(on parent: NamedType, named name: String) -> FieldDefinitionInfo? {
        IntrospectionMetaFields.field(named: name, on: parent, in: self) ?? parent.field(name)
    }
}
