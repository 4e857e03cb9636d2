/// The directives every schema has: graphql-core 3.3.2's `specified_directives`, with its
/// descriptions (introspection shows them). `@defer` and `@stream` are experimental there
/// and not included.
public enum BuiltinDirectives {
    /// Where a built-in's default value sits: nowhere in any document.
    static let noLocation = Location(start: 0, end: 0)

    public static let include = DirectiveInfo(
        name: "include",
        description: "Directs the executor to include this field or fragment only when the `if` argument is true.",
        locations: [.field, .fragmentSpread, .inlineFragment],
        arguments: [
            InputValueInfo(name: "if", description: "Included when true.", type: .nonNull(.named("Boolean")))
        ]
    )

    public static let skip = DirectiveInfo(
        name: "skip",
        description: "Directs the executor to skip this field or fragment when the `if` argument is true.",
        locations: [.field, .fragmentSpread, .inlineFragment],
        arguments: [
            InputValueInfo(name: "if", description: "Skipped when true.", type: .nonNull(.named("Boolean")))
        ]
    )

    /// The reason `@deprecated` gives when none is written.
    public static let defaultDeprecationReason = "No longer supported"

    public static let deprecated = DirectiveInfo(
        name: "deprecated",
        description: "Marks an element of a GraphQL schema as no longer supported.",
        locations: [.fieldDefinition, .argumentDefinition, .inputFieldDefinition, .enumValue, .directiveDefinition],
        arguments: [
            InputValueInfo(
                name: "reason",
                description: "Explains why this element was deprecated, usually also including a suggestion for "
                    + "how to access supported similar data. Formatted using the Markdown syntax, as specified by "
                    + "[CommonMark](https://commonmark.org/).",
                type: .nonNull(.named("String")),
                defaultValue: .string(defaultDeprecationReason, block: false, noLocation)
            )
        ]
    )

    public static let specifiedBy = DirectiveInfo(
        name: "specifiedBy",
        description: "Exposes a URL that specifies the behavior of this scalar.",
        locations: [.scalar],
        arguments: [
            InputValueInfo(
                name: "url", description: "The URL that specifies the behavior of this scalar.",
                type: .nonNull(.named("String")))
        ]
    )

    public static let oneOf = DirectiveInfo(
        name: "oneOf",
        description: "Indicates exactly one field must be supplied and this field must not be `null`.",
        locations: [.inputObject]
    )

    /// In graphql-core's order; a schema built from SDL lists these after its own directives.
    public static let all: [DirectiveInfo] = [include, skip, deprecated, specifiedBy, oneOf]

    public static func isBuiltin(_ name: String) -> Bool {
        all.contains { $0.name == name }
    }
}
