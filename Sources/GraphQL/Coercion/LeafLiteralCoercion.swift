// Input coercion of literals for scalars and enums, worded as graphql-core words it
// (the built-in scalars' `parse_*_literal`, `GraphQLEnumType.coerce_input_literal`),
// the literal printed as `print_for_error` prints it. Validation, schema checks and
// execution all coerce leaf literals here.

/// GraphQL's `Int`: a signed 32-bit integer.
let graphQLIntRange = Int(Int32.min)...Int(Int32.max)

/// Coerces a constant literal (variables already replaced) for a scalar or enum.
func coerceLeafLiteral(_ value: Value, _ type: NamedType) -> Result<JSON, CoercionError> {
    switch type {
    case .enumType(let e):
        return coerceEnumLiteral(value, e)
    case .scalar(let s):
        if let coercion = s.coercion { return coercion.parseLiteral(value) }
        switch s.name {
        case "Int": return coerceIntLiteral(value)
        case "Float": return coerceFloatLiteral(value)
        case "String": return coerceStringLiteral(value)
        case "Boolean": return coerceBooleanLiteral(value)
        case "ID": return coerceIDLiteral(value)
        default: return .success(untypedJSON(value))  // a custom scalar without coercion takes any literal
        }
    default:
        return .failure(CoercionError("Expected value of type '\(type.name)', found: \(printValueForError(value))."))
    }
}

private func coerceEnumLiteral(_ value: Value, _ e: EnumType) -> Result<JSON, CoercionError> {
    if case .enumValue(let name, _) = value {
        if e.value(name) != nil { return .success(.string(name)) }
        return .failure(unknownEnumValue(name, e))
    }
    let printed = printValueForError(value)
    return .failure(CoercionError("Enum '\(e.name)' cannot represent non-enum value: \(printed)." + enumValueHint(printed, e)))
}

/// `Value 'X' does not exist in 'E' enum.` with suggestions, for literals and JSON input.
func unknownEnumValue(_ name: String, _ e: EnumType) -> CoercionError {
    CoercionError("Value '\(name)' does not exist in '\(e.name)' enum." + enumValueHint(name, e))
}

/// ` Did you mean the enum value 'A'?` for the values of `e` close to `text`.
func enumValueHint(_ text: String, _ e: EnumType) -> String {
    Suggestions.didYouMean(Suggestions.list(text, options: e.values.map(\.name)), subMessage: "the enum value")
}

private func coerceIntLiteral(_ value: Value) -> Result<JSON, CoercionError> {
    guard case .int(let text, _) = value else {
        return .failure(CoercionError("Int cannot represent non-integer value: " + printValueForError(value)))
    }
    // Text too long for Int64 is out of range as well.
    guard let number = Int(text), graphQLIntRange.contains(number) else {
        return .failure(CoercionError("Int cannot represent non 32-bit signed integer value: " + text))
    }
    return .success(.int(number))
}

private func coerceFloatLiteral(_ value: Value) -> Result<JSON, CoercionError> {
    switch value {
    case .int(let text, _), .float(let text, _):
        // Like Python's float(): out-of-range literals become infinities, not errors.
        if let number = Double(text) { return .success(.double(number)) }
        return .failure(CoercionError("Float cannot represent non numeric value: " + text))
    default:
        return .failure(CoercionError("Float cannot represent non numeric value: " + printValueForError(value)))
    }
}

private func coerceStringLiteral(_ value: Value) -> Result<JSON, CoercionError> {
    guard case .string(let s, _, _) = value else {
        return .failure(CoercionError("String cannot represent a non string value: " + printValueForError(value)))
    }
    return .success(.string(s))
}

private func coerceBooleanLiteral(_ value: Value) -> Result<JSON, CoercionError> {
    guard case .boolean(let b, _) = value else {
        return .failure(CoercionError("Boolean cannot represent a non boolean value: " + printValueForError(value)))
    }
    return .success(.bool(b))
}

private func coerceIDLiteral(_ value: Value) -> Result<JSON, CoercionError> {
    switch value {
    case .string(let s, _, _): return .success(.string(s))
    case .int(let text, _): return .success(.string(text))
    default:
        return .failure(
            CoercionError("ID cannot represent a non-string and non-integer value: " + printValueForError(value)))
    }
}

/// A constant literal as plain JSON, for custom scalars without their own coercion.
func untypedJSON(_ value: Value) -> JSON {
    switch value {
    case .variable: return .null
    case .int(let t, _): return Int(t).map(JSON.int) ?? .double(Double(t) ?? 0)
    case .float(let t, _): return .double(Double(t) ?? 0)
    case .string(let s, _, _): return .string(s)
    case .boolean(let b, _): return .bool(b)
    case .null: return .null
    case .enumValue(let s, _): return .string(s)
    case .list(let items, _): return .array(items.map(untypedJSON))
    case .object(let fields, _):
        var o = JSONObject()
        for f in fields { o[f.name.value] = untypedJSON(f.value) }
        return .object(o)
    }
}
