/// Validates an executable document against a schema: the specification's "Validation"
/// section, as graphql-core 3.3 implements it. Returns every error found, in the order
/// graphql-core reports them (document order, then rule order), stopping after
/// `maxErrors` with graphql-core's "Too many validation errors" error. `limits` are read
/// by `DocumentLimits.rules`, which run only when they are among `rules`.
public func validate(
    schema: Schema,
    document: Document,
    rules: [ValidationRule.Type] = specifiedRules,
    maxErrors: Int = 100,
    limits: DocumentLimits = .none
) -> [GraphQLError] {
    let typeInfo = TypeInfo(schema: schema)
    let context = ValidationContext(
        schema: schema, document: document, typeInfo: typeInfo, maxErrors: maxErrors, limits: limits)
    var visitors = rules.map { $0.init(context: context) }
    // Checked before every rule, as graphql-core does, so that no rule follows fragments
    // nested deeper than the limit.
    let hasFragments = document.definitions.contains(where: { if case .fragment = $0 { true } else { false } })
    if hasFragments {
        visitors.insert(FragmentNestingCheck(context: context), at: 0)
    }
    var dispatch: VisitorDispatch?
    if isSpecifiedRules(rules) {
        dispatch = hasFragments ? specifiedDispatchWithNesting : specifiedDispatch
    }
    var walker = DocumentWalker(context: context, visitors: visitors, dispatch: dispatch)
    walker.walk(document)
    return context.errors
}

private let specifiedDispatch = VisitorDispatch(kinds: specifiedRules.map { $0.visits })
private let specifiedDispatchWithNesting = VisitorDispatch(
    kinds: [FragmentNestingCheck.visits] + specifiedRules.map { $0.visits })

private func isSpecifiedRules(_ rules: [ValidationRule.Type]) -> Bool {
    rules.count == specifiedRules.count
        && zip(rules, specifiedRules).allSatisfy { ObjectIdentifier($0) == ObjectIdentifier($1) }
}
