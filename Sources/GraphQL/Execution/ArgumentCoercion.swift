// Coercion of a field's or directive's arguments (the specification's
// CoerceArgumentValues; graphql-core's `get_argument_values`).

/// Coerces the arguments given at `node` against their definitions. Validation normally
/// rules out every failure; the checks remain so that execution never runs a resolver
/// with arguments of the wrong shape. The first problem is the error, as in graphql-core.
func coerceArgumentValues(
    definitions: [InputValueInfo], arguments: [Argument], node: Location, schema: Schema, variables: JSONObject,
    source: Source?
) -> Result<JSONObject, GraphQLError> {
    var coerced = JSONObject()
    if definitions.isEmpty { return .success(coerced) }
    for definition in definitions {
        let name = definition.name
        let required = definition.type.isNonNull && definition.defaultValue == nil
        let argument = arguments.first { $0.name.value == name }
        var useDefault = argument == nil
        if let argument, case .variable(let v) = argument.value, variables[v.name.value] == nil, !required {
            useDefault = true
        }
        if argument == nil && required {
            return .failure(
                GraphQLError(
                    "Argument '\(name)' of required type '\(definition.type)' was not provided.", source: source,
                    nodes: [node]))
        }
        if useDefault {
            if let defaultValue = definition.defaultValue {
                var problems: [InputValueProblem] = []
                guard
                    let value = coerceInputLiteral(
                        defaultValue, definition.type, schema: schema, variables: nil, problems: &problems)
                else {
                    let problem = problems.first ?? InputValueProblem(message: "", path: [])
                    return .failure(
                        GraphQLError(
                            problem.message(for: "Argument '\(name)'", invalid: "default value"), source: source,
                            nodes: [node]))
                }
                coerced.append(name, value)
            }
            continue
        }
        guard let argument else { continue }
        var problems: [InputValueProblem] = []
        guard
            let value = coerceInputLiteral(
                argument.value, definition.type, schema: schema, variables: variables, problems: &problems)
        else {
            let problem = problems.first ?? InputValueProblem(message: "", path: [])
            return .failure(
                GraphQLError(
                    problem.message(for: "Argument '\(name)'"),
                    // A list or object literal where a leaf belongs has no location of its
                    // own (see InputValueProblem.loc); graphql-core reports none, the field's
                    // would be misleading, so the argument's value stands in.
                    source: source, nodes: [problem.loc ?? argument.value.loc]))
        }
        coerced.append(name, value)
    }
    return .success(coerced)
}
