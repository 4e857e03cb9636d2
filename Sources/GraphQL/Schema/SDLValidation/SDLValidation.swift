/// Checks an SDL document with graphql-core's `specified_sdl_rules`, in their order,
/// and returns every error found.
func validateSDL(_ document: Document) -> [GraphQLError] {
    let context = SDLValidationContext(document: document)
    let rules: [any SDLValidationRule] = [
        SDLLoneSchemaDefinitionRule(context),
        SDLUniqueOperationTypesRule(context),
        SDLUniqueTypeNamesRule(context),
        SDLUniqueEnumValueNamesRule(context),
        SDLUniqueFieldDefinitionNamesRule(context),
        SDLUniqueArgumentDefinitionNamesRule(context),
        SDLUniqueDirectiveNamesRule(context),
        SDLKnownTypeNamesRule(context),
        SDLKnownDirectivesRule(context),
        SDLUniqueDirectivesPerLocationRule(context),
        SDLPossibleTypeExtensionsRule(context),
        SDLKnownArgumentNamesOnDirectivesRule(context),
        SDLUniqueArgumentNamesRule(context),
        SDLUniqueInputFieldNamesRule(context),
        SDLProvidedRequiredArgumentsOnDirectivesRule(context),
    ]
    SDLWalker(rules: rules).walk(document)
    return context.errors
}
