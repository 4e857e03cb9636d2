/// Checks an SDL document with graphql-core's `specified_sdl_rules`, in their order,
/// and returns every error found.
func validateSDL(_ document: Document) -> [GraphQLError] {
    let context = SDLValidationContext(document: document)
    let rules: [any SDLValidationRule] = [
        LoneSchemaDefinitionRule(context),
        UniqueOperationTypesRule(context),
        UniqueTypeNamesRule(context),
        UniqueEnumValueNamesRule(context),
        UniqueFieldDefinitionNamesRule(context),
        UniqueArgumentDefinitionNamesRule(context),
        UniqueDirectiveNamesRule(context),
        SDLKnownTypeNamesRule(context),
        KnownDirectivesRule(context),
        UniqueDirectivesPerLocationRule(context),
        PossibleTypeExtensionsRule(context),
        KnownArgumentNamesOnDirectivesRule(context),
        UniqueArgumentNamesRule(context),
        UniqueInputFieldNamesRule(context),
        ProvidedRequiredArgumentsOnDirectivesRule(context),
    ]
    SDLWalker(rules: rules).walk(document)
    return context.errors
}
