// TEMPORARY: the schema helper defines `IntrospectionMetaFields` in
// Introspection/IntrospectionTypes.swift. Delete after `git merge main`.
public enum IntrospectionMetaFields {
    public static let schema = FieldDefinitionInfo(name: "__schema", type: .nonNull(.named("__Schema")))
    public static let type = FieldDefinitionInfo(
        name: "__type", arguments: [InputValueInfo(name: "name", type: .nonNull(.named("String")))], type: .named("__Type"))
    public static let typename = FieldDefinitionInfo(name: "__typename", type: .nonNull(.named("String")))
}
