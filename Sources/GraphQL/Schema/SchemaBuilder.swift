/// Builds a checked schema from SDL text. Syntax errors come back as one error; SDL and
/// schema validation errors all together, worded and ordered as graphql-core reports
/// them (`validate_sdl`, then `validate_schema`).
public func buildSchema(_ source: Source) throws(GraphQLErrors) -> Schema {
    let document: Document
    do {
        document = try parseDocument(source)
    } catch {
        throw GraphQLErrors([error])
    }
    return try buildSchema(document: document)
}

/// Builds a checked schema from a parsed SDL document: definitions and every `extend`
/// form merged, built-in scalars, directives and introspection types added.
public func buildSchema(document: Document) throws(GraphQLErrors) -> Schema {
    let sdlErrors = validateSDL(document)
    if !sdlErrors.isEmpty { throw GraphQLErrors(sdlErrors) }
    let draft = SchemaDraft(document: document)
    let schemaErrors = validateSchemaDraft(draft)
    if !schemaErrors.isEmpty { throw GraphQLErrors(schemaErrors) }
    return draft.makeSchema()
}
