// Coercion of literals (arguments, defaults) against input types: graphql-core's
// `coerce_input_literal`, reporting the problems its `validate_input_literal` reports.
// One implementation serves ValuesOfCorrectType and the schema's default-value checks
// (statically, without variables), variable defaults and argument coercion.

/// Coerces a literal: a default (`variables` nil: there are none) or an argument.
/// Returns nil when the literal cannot be coerced, having added the problems found.
func coerceInputLiteral(
    _ value: Value, _ type: TypeReference, schema: some NamedTypeLookup, variables: JSONObject?,
    problems: inout [InputValueProblem]
) -> JSON? {
    LiteralCoercion(schema: schema, variables: variables, fillsDefaults: true)
        .coerce(value, type, path: [], problems: &problems)
}

/// The problems coercing a literal would meet, found statically as validation does (and
/// graphql-core's `validate_input_literal` without variables): variables are not looked
/// at, their values being unknown (VariablesInAllowedPosition checks their types), and
/// the defaults of absent fields are not coerced (in a schema still being checked they
/// may lead back to themselves; their own checks report them).
func validateInputLiteral(
    _ value: Value, _ type: TypeReference, schema: some NamedTypeLookup
) -> [InputValueProblem] {
    var problems: [InputValueProblem] = []
    _ = LiteralCoercion(schema: schema, variables: nil, fillsDefaults: false)
        .coerce(value, type, path: [], problems: &problems)
    return problems
}

private struct LiteralCoercion<Types: NamedTypeLookup> {
    let schema: Types
    /// nil: no variables (defaults), or a static check.
    let variables: JSONObject?
    /// Whether absent input object fields get their defaults.
    let fillsDefaults: Bool

    func coerce(
        _ value: Value, _ type: TypeReference, path: [PathComponent], problems: inout [InputValueProblem]
    ) -> JSON? {
        if case .variable(let v) = value {
            // Statically its value is unknown; it is checked once the request gives it.
            guard let variables else { return .null }
            let name = v.name.value
            let runtime = variables[name]
            if type.isNonNull {
                if runtime == nil {
                    problems.append(
                        .init(
                            message: "Expected variable '$\(name)' provided to type '\(type)' to provide a runtime value.",
                            path: path, loc: value.loc))
                    return nil
                }
                if runtime?.isNull == true {
                    problems.append(
                        .init(
                            message: "Expected variable '$\(name)' provided to non-null type '\(type)' not to be None.",
                            path: path, loc: value.loc))
                    return nil
                }
            }
            // Validation has checked that the variable's type fits this position.
            return runtime ?? .null
        }
        switch type {
        case .nonNull(let inner):
            if case .null = value {
                problems.append(
                    .init(message: "Expected value of non-null type '\(type)' not to be None.", path: path, loc: value.loc))
                return nil
            }
            return coerce(value, inner, path: path, problems: &problems)
        case .list(let itemType):
            if case .null = value { return .null }
            guard case .list(let items, _) = value else {
                return coerce(value, itemType, path: path, problems: &problems)
                    .map { .array([$0]) }
            }
            var out: [JSON] = []
            var ok = true
            for (i, item) in items.enumerated() {
                if let c = coerce(item, itemType, path: path + [.index(i)], problems: &problems) {
                    out.append(c)
                } else {
                    ok = false
                }
            }
            return ok ? .array(out) : nil
        case .named(let name):
            if case .null = value { return .null }
            guard let named = schema.type(named: name) else {
                problems.append(.init(message: "Unknown type '\(name)'.", path: path, loc: value.loc))
                return nil
            }
            if case .inputObject(let inputType) = named {
                return coerceObject(value, inputType, path: path, problems: &problems)
            }
            switch coerceLeafLiteral(replacingVariables(value, variables), named) {
            case .success(let v): return v
            case .failure(let e):
                let rebuilt: Bool
                switch value {
                case .list, .object: rebuilt = true
                default: rebuilt = false
                }
                problems.append(.init(message: e.message, path: path, loc: rebuilt ? nil : value.loc))
                return nil
            }
        }
    }

    private func coerceObject(
        _ value: Value, _ type: InputObjectType, path: [PathComponent], problems: inout [InputValueProblem]
    ) -> JSON? {
        guard case .object(let fieldNodes, _) = value else {
            problems.append(
                .init(
                    message: "Expected value of type '\(type.name)' to be an object, found: \(printValueForError(value)).", path: path,
                    loc: value.loc))
            return nil
        }
        let before = problems.count
        var out = JSONObject()
        for field in type.fields {
            // The last of repeated fields counts, as in graphql-core (UniqueInputFieldNames reports them).
            let node = fieldNodes.last { $0.name.value == field.name }
            var missing = node == nil
            let required = field.type.isNonNull && field.defaultValue == nil
            if let node, case .variable(let v) = node.value, variables?[v.name.value] == nil, !required, !type.isOneOf {
                // A field fed by an absent variable is treated as absent: its default applies.
                missing = true
            }
            if missing {
                if let defaultValue = field.defaultValue {
                    guard fillsDefaults else { continue }
                    var ignored: [InputValueProblem] = []
                    if let d = coerceInputLiteral(defaultValue, field.type, schema: schema, variables: nil, problems: &ignored) {
                        out.append(field.name, d)
                    }
                } else if required {
                    problems.append(
                        .init(
                            message:
                                "Expected value of type '\(type.name)' to include required field '\(field.name)', found: \(printValueForError(value)).",
                            path: path, loc: value.loc))
                }
                continue
            }
            guard let node else { continue }
            if type.isOneOf, case .variable(let v) = node.value, let variables {
                let runtime = variables[v.name.value]
                if runtime == nil {
                    problems.append(
                        .init(
                            message:
                                "Expected variable '$\(v.name.value)' provided to field '\(field.name)' for OneOf Input Object type '\(type.name)' to provide a runtime value.",
                            path: path, loc: value.loc))
                } else if runtime?.isNull == true {
                    problems.append(
                        .init(
                            message:
                                "Expected variable '$\(v.name.value)' provided to field '\(field.name)' for OneOf Input Object type '\(type.name)' not to be None.",
                            path: path, loc: value.loc))
                }
            }
            if let c = coerce(node.value, field.type, path: path + [.key(field.name)], problems: &problems) {
                out.append(field.name, c)
            }
        }
        var known: [ObjectField] = []
        for node in fieldNodes {
            if type.field(node.name.value) == nil {
                let suggestion = Suggestions.didYouMean(Suggestions.list(node.name.value, options: type.fields.map(\.name)))
                problems.append(
                    .init(
                        message: "Expected value of type '\(type.name)' not to include unknown field '\(node.name.value)'"
                            + (suggestion.isEmpty ? ", found" : ".\(suggestion) Found") + ": \(printValueForError(value)).",
                        path: path, loc: node.loc))
            } else {
                known.append(node)
            }
        }
        if type.isOneOf {
            if known.count != 1 {
                problems.append(.init(message: oneOfMessage(type.name), path: path, loc: value.loc))
            } else if case .null = known[0].value {
                problems.append(.init(message: oneOfMessage(type.name), path: path + [.key(known[0].name.value)], loc: value.loc))
            }
        }
        return problems.count == before ? .object(out) : nil
    }
}

/// The literal with variables replaced by constant literals of their values, for leaf
/// coercion (a custom scalar may take a list or object literal holding variables). As in
/// graphql-core's `replace_variables`, a variable without a value is null in a list and
/// leaves its field out of an object.
private func replacingVariables(_ value: Value, _ variables: JSONObject?) -> Value {
    switch value {
    case .variable(let v):
        return literal(of: variables?[v.name.value] ?? .null, at: v.loc)
    case .list(let items, let loc):
        return .list(items.map { replacingVariables($0, variables) }, loc)
    case .object(let fields, let loc):
        let kept = fields.compactMap { field -> ObjectField? in
            if case .variable(let v) = field.value, variables?[v.name.value] == nil { return nil }
            return ObjectField(name: field.name, value: replacingVariables(field.value, variables), loc: field.loc)
        }
        return .object(kept, loc)
    default:
        return value
    }
}

/// A JSON value as an untyped constant literal.
private func literal(of json: JSON, at loc: Location) -> Value {
    switch json {
    case .null: return .null(loc)
    case .bool(let b): return .boolean(b, loc)
    case .int(let i): return .int(String(i), loc)
    case .double(let d): return .float("\(d)", loc)
    case .string(let s): return .string(s, block: false, loc)
    case .array(let items): return .list(items.map { literal(of: $0, at: loc) }, loc)
    case .object(let o):
        return .object(
            o.entries.map { ObjectField(name: Name(value: $0.key, loc: loc), value: literal(of: $0.value, at: loc), loc: loc) },
            loc)
    }
}
