// Coercion of the request's variable values against the operation's variable definitions
// (the specification's CoerceVariableValues; graphql-core's `get_variable_values`).

/// Coerces the variables of an operation. On success the result holds a value for every
/// variable that was provided or has a default; absent nullable ones are left out, so that
/// an argument fed by one falls back to its own default.
public func coerceVariableValues(
    schema: Schema, operation: OperationDefinition, inputs: JSONObject, source: Source?
) -> Result<JSONObject, GraphQLErrors> {
    var coerced = JSONObject()
    var errors: [GraphQLError] = []
    for definition in operation.variableDefinitions {
        let name = definition.variable.name.value
        let type = TypeReference(definition.type)
        guard schema.isInputType(type) else {
            errors.append(
                GraphQLError(
                    "Variable '$\(name)' expected value of type '\(type)' which cannot be used as an input type.",
                    source: source, nodes: [definition.type.loc]))
            continue
        }
        let provided = inputs[name]
        if provided == nil {
            if let defaultValue = definition.defaultValue {
                var problems: [InputValueProblem] = []
                if let value = coerceInputLiteral(defaultValue, type, schema: schema, variables: nil, problems: &problems) {
                    coerced.append(name, value)
                } else {
                    for p in problems {
                        errors.append(
                            GraphQLError(
                                p.message(for: "Variable '$\(name)'", invalid: "default value"), source: source,
                                nodes: [definition.loc]))
                    }
                }
                continue
            }
            if !type.isNonNull { continue }
        }
        var problems: [InputValueProblem] = []
        if let value = coerceInputValue(provided, type, schema: schema, path: [], problems: &problems) {
            coerced.append(name, value)
        } else {
            for p in problems {
                errors.append(GraphQLError(p.message(for: "Variable '$\(name)'"), source: source, nodes: [definition.loc]))
            }
        }
    }
    if errors.isEmpty { return .success(coerced) }
    return .failure(GraphQLErrors(errors))
}

/// Coerces a JSON input value (nil: not provided) against an input type. Returns nil when
/// it cannot be coerced, having added every problem in graphql-core's order.
func coerceInputValue(
    _ value: JSON?, _ type: TypeReference, schema: Schema, path: [PathComponent], problems: inout [InputValueProblem]
) -> JSON? {
    if case .nonNull(let inner) = type {
        guard let value else {
            problems.append(.init(message: "Expected a value of non-null type '\(type)' to be provided.", path: path))
            return nil
        }
        if case .null = value {
            problems.append(.init(message: "Expected value of non-null type '\(type)' not to be None.", path: path))
            return nil
        }
        return coerceInputValue(value, inner, schema: schema, path: path, problems: &problems)
    }
    guard let value, !value.isNull else { return .null }
    switch type {
    case .nonNull:
        return nil  // handled above
    case .list(let itemType):
        guard case .array(let items) = value else {
            // A single value where a list is expected is a list of one.
            return coerceInputValue(value, itemType, schema: schema, path: path, problems: &problems).map { .array([$0]) }
        }
        var out: [JSON] = []
        out.reserveCapacity(items.count)
        var ok = true
        for (i, item) in items.enumerated() {
            if let c = coerceInputValue(item, itemType, schema: schema, path: path + [.index(i)], problems: &problems) {
                out.append(c)
            } else {
                ok = false
            }
        }
        return ok ? .array(out) : nil
    case .named(let name):
        guard let named = schema.type(named: name) else {
            problems.append(.init(message: "Unknown type '\(name)'.", path: path))
            return nil
        }
        if case .inputObject(let inputType) = named {
            return coerceInputObject(value, inputType, schema: schema, path: path, problems: &problems)
        }
        switch coerceLeafInput(value, named) {
        case .success(let v): return v
        case .failure(let e):
            problems.append(.init(message: e.message, path: path))
            return nil
        }
    }
}

private func coerceInputObject(
    _ value: JSON, _ type: InputObjectType, schema: Schema, path: [PathComponent], problems: inout [InputValueProblem]
) -> JSON? {
    guard case .object(let fields) = value else {
        problems.append(
            .init(message: "Expected value of type '\(type.name)' to be an object, found: \(inspect(value)).", path: path))
        return nil
    }
    let before = problems.count
    var out = JSONObject()
    for field in type.fields {
        let fieldValue = fields[field.name]
        if fieldValue == nil {
            if let defaultValue = field.defaultValue {
                var ignored: [InputValueProblem] = []
                if let d = coerceInputLiteral(defaultValue, field.type, schema: schema, variables: nil, problems: &ignored) {
                    out.append(field.name, d)
                }
            } else if field.type.isNonNull {
                problems.append(
                    .init(
                        message:
                            "Expected value of type '\(type.name)' to include required field '\(field.name)', found: \(inspect(value)).",
                        path: path))
            }
            continue
        }
        if let c = coerceInputValue(fieldValue, field.type, schema: schema, path: path + [.key(field.name)], problems: &problems) {
            out.append(field.name, c)
        }
    }
    var known: [String] = []
    for entry in fields.entries {
        if type.field(entry.key) == nil {
            let suggestion = Suggestions.didYouMean(Suggestions.list(entry.key, options: type.fields.map(\.name)))
            problems.append(
                .init(
                    message: "Expected value of type '\(type.name)' not to include unknown field '\(entry.key)'"
                        + (suggestion.isEmpty ? ", found" : ".\(suggestion) Found") + ": \(inspect(value)).",
                    path: path))
        } else {
            known.append(entry.key)
        }
    }
    if type.isOneOf {
        if known.count != 1 {
            problems.append(.init(message: oneOfMessage(type.name), path: path))
        }
        if let first = known.first, fields[first]?.isNull == true {
            problems.append(.init(message: oneOfMessage(type.name), path: path + [.key(first)]))
        }
    }
    return problems.count == before ? .object(out) : nil
}
