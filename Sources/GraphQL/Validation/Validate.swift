/// Validates an executable document against a schema: the specification's "Validation"
/// section, as graphql-core 3.3 implements it. Returns every error found, in the order
/// graphql-core reports them (document order, then rule order), stopping after
/// `maxErrors` with graphql-core's "Too many validation errors" error.
public func validate(
    schema: Schema,
    document: Document,
    rules: [ValidationRule.Type] = specifiedRules,
    maxErrors: Int = 100
) -> [GraphQLError] {
    let typeInfo = TypeInfo(schema: schema)
    let context = ValidationContext(schema: schema, document: document, typeInfo: typeInfo, maxErrors: maxErrors)
    let visitors = rules.map { $0.init(context: context) }
    var walker = DocumentWalker(typeInfo: typeInfo, visitors: visitors, shouldStop: { context.aborted })
    walker.walk(document)
    return context.errors
}
