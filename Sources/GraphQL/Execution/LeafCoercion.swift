// Input and result coercion of leaf values (scalars and enums), with the rules of the
// specification's "Scalars" section and graphql-core's messages.

private let maxInt = 2_147_483_647
private let minInt = -2_147_483_648

// MARK: - Input: variable values (JSON)

/// Coerces a variable's (non-null) JSON value for a scalar or enum.
func coerceLeafInput(_ value: JSON, _ type: NamedType) -> Result<JSON, CoercionError> {
    switch type {
    case .enumType(let e):
        if case .string(let s) = value {
            if e.value(s) != nil { return .success(value) }
            return .failure(
                CoercionError(
                    "Value '\(s)' does not exist in '\(e.name)' enum."
                        + Suggestions.didYouMean(Suggestions.list(s, options: e.values.map(\.name)), subMessage: "the enum value")))
        }
        let text = inspect(value)
        return .failure(
            CoercionError(
                "Enum '\(e.name)' cannot represent non-string value: \(text)."
                    + Suggestions.didYouMean(Suggestions.list(text, options: e.values.map(\.name)), subMessage: "the enum value")))
    case .scalar(let s):
        if let coercion = s.coercion { return coercion.parseValue(value) }
        switch s.name {
        case "Int": return coerceIntInput(value)
        case "Float": return coerceFloatInput(value)
        case "String":
            if case .string = value { return .success(value) }
            return .failure(CoercionError("String cannot represent a non string value: \(inspect(value))"))
        case "Boolean":
            if case .bool = value { return .success(value) }
            return .failure(CoercionError("Boolean cannot represent a non boolean value: \(inspect(value))"))
        case "ID":
            switch value {
            case .string: return .success(value)
            case .int(let i): return .success(.string(String(i)))
            case .double(let d) where d.isFinite && d == d.rounded() && abs(d) < 9.2e18:
                return .success(.string(String(Int(d))))
            default: return .failure(CoercionError("ID cannot represent value: \(inspect(value))"))
            }
        default:
            return .success(value)
        }
    default:
        return .failure(CoercionError("Expected value of type '\(type.name)', found: \(inspect(value))."))
    }
}

private func coerceIntInput(_ value: JSON) -> Result<JSON, CoercionError> {
    switch value {
    case .int(let i):
        if i < minInt || i > maxInt {
            return .failure(CoercionError("Int cannot represent non 32-bit signed integer value: \(inspect(value))"))
        }
        return .success(value)
    case .double(let d):
        if !d.isFinite || d != d.rounded() {
            return .failure(CoercionError("Int cannot represent non-integer value: \(inspect(value))"))
        }
        if d < Double(minInt) || d > Double(maxInt) {
            return .failure(CoercionError("Int cannot represent non 32-bit signed integer value: \(inspect(value))"))
        }
        return .success(.int(Int(d)))
    default:
        return .failure(CoercionError("Int cannot represent non-integer value: \(inspect(value))"))
    }
}

private func coerceFloatInput(_ value: JSON) -> Result<JSON, CoercionError> {
    switch value {
    case .double(let d):
        if !d.isFinite { return .failure(CoercionError("Float cannot represent non numeric value: \(inspect(value))")) }
        return .success(value)
    case .int(let i):
        return .success(.double(Double(i)))
    default:
        return .failure(CoercionError("Float cannot represent non numeric value: \(inspect(value))"))
    }
}

// MARK: - Input: literals

/// Coerces a constant literal (variables already substituted) for a scalar or enum.
func coerceLeafLiteral(_ value: Value, _ type: NamedType) -> Result<JSON, CoercionError> {
    switch type {
    case .enumType(let e):
        if case .enumValue(let name, _) = value {
            if e.value(name) != nil { return .success(.string(name)) }
            return .failure(
                CoercionError(
                    "Value '\(name)' does not exist in '\(e.name)' enum."
                        + Suggestions.didYouMean(Suggestions.list(name, options: e.values.map(\.name)), subMessage: "the enum value")))
        }
        let text = printValue(value)
        return .failure(
            CoercionError(
                "Enum '\(e.name)' cannot represent non-enum value: \(text)."
                    + Suggestions.didYouMean(Suggestions.list(text, options: e.values.map(\.name)), subMessage: "the enum value")))
    case .scalar(let s):
        if let coercion = s.coercion { return coercion.parseLiteral(value) }
        switch s.name {
        case "Int":
            guard case .int(let text, _) = value else {
                return .failure(CoercionError("Int cannot represent non-integer value: \(printValue(value))"))
            }
            guard let i = Int(text), i >= minInt, i <= maxInt else {
                return .failure(CoercionError("Int cannot represent non 32-bit signed integer value: \(text)"))
            }
            return .success(.int(i))
        case "Float":
            switch value {
            case .int(let text, _), .float(let text, _):
                if let d = Double(text) { return .success(.double(d)) }
                return .failure(CoercionError("Float cannot represent non numeric value: \(text)"))
            default:
                return .failure(CoercionError("Float cannot represent non numeric value: \(printValue(value))"))
            }
        case "String":
            if case .string(let str, _, _) = value { return .success(.string(str)) }
            return .failure(CoercionError("String cannot represent a non string value: \(printValue(value))"))
        case "Boolean":
            if case .boolean(let b, _) = value { return .success(.bool(b)) }
            return .failure(CoercionError("Boolean cannot represent a non boolean value: \(printValue(value))"))
        case "ID":
            switch value {
            case .string(let str, _, _): return .success(.string(str))
            case .int(let text, _): return .success(.string(text))
            default:
                return .failure(
                    CoercionError("ID cannot represent a non-string and non-integer value: \(printValue(value))"))
            }
        default:
            return .success(untypedJSON(value))
        }
    default:
        return .failure(CoercionError("Expected value of type '\(type.name)', found: \(printValue(value))."))
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

// MARK: - Results

/// A leaf type as result serialization dispatches on it, decided when the plan is built.
enum LeafKind: Sendable {
    case int, float, string, boolean, id
    case custom(ScalarType)
    case enumType(EnumType)

    init?(_ type: NamedType) {
        switch type {
        case .enumType(let e): self = .enumType(e)
        case .scalar(let s):
            if s.coercion != nil {
                self = .custom(s)
                return
            }
            switch s.name {
            case "Int": self = .int
            case "Float": self = .float
            case "String": self = .string
            case "Boolean": self = .boolean
            case "ID": self = .id
            default: self = .custom(s)
            }
        default: return nil
        }
    }
}

/// The fast path of `serializeLeaf`: a string for `String` or `ID`, an int for `Int`, a
/// bool for `Boolean` are already their result; everything else takes the general path.
@inline(__always)
func serializeLeaf(_ value: GraphQLValue, _ kind: LeafKind, _ type: NamedType) -> Result<JSON, CoercionError> {
    if case .json(let json) = value {
        switch (kind, json) {
        case (.string, .string), (.id, .string), (.boolean, .bool): return .success(json)
        case (.int, .int(let i)) where i >= minInt && i <= maxInt: return .success(json)
        default: break
        }
    }
    return serializeLeaf(value, type)
}

/// Serializes a resolved (non-null) value for a scalar or enum field.
func serializeLeaf(_ value: GraphQLValue, _ type: NamedType) -> Result<JSON, CoercionError> {
    let json: JSON
    switch value {
    case .null: return .success(.null)
    case .json(let j): json = j
    case .list(let items):
        // A list where a leaf is expected: report it as graphql-core does for a Python list.
        json = .array(items.map { if case .json(let j) = $0 { return j } else { return .null } })
    case .object(let o):
        if case .scalar(let s) = type, s.coercion == nil,
            !["Int", "Float", "String", "Boolean", "ID"].contains(s.name)
        {
            return .failure(CoercionError("\(s.name) cannot represent value: \(inspect(value))"))
        }
        return .failure(CoercionError(leafErrorPrefix(type) + "<\(Swift.type(of: o)) instance>"))
    }
    return serializeLeafJSON(json, type)
}

private func leafErrorPrefix(_ type: NamedType) -> String {
    switch type.name {
    case "Int": return "Int cannot represent non-integer value: "
    case "Float": return "Float cannot represent non numeric value: "
    case "String": return "String cannot represent value: "
    case "Boolean": return "Boolean cannot represent a non boolean value: "
    case "ID": return "ID cannot represent value: "
    default:
        if case .enumType(let e) = type { return "Enum '\(e.name)' cannot represent value: " }
        return "\(type.name) cannot represent value: "
    }
}

func serializeLeafJSON(_ json: JSON, _ type: NamedType) -> Result<JSON, CoercionError> {
    switch type {
    case .enumType(let e):
        if case .string(let s) = json, e.value(s) != nil { return .success(json) }
        return .failure(CoercionError("Enum '\(e.name)' cannot represent value: \(inspect(json))"))
    case .scalar(let s):
        if let coercion = s.coercion { return coercion.serialize(json) }
        switch s.name {
        case "String":
            switch json {
            case .string: return .success(json)
            case .bool(let b): return .success(.string(b ? "true" : "false"))
            case .int(let i): return .success(.string(String(i)))
            case .double(let d) where d.isFinite: return .success(.string(pythonFloatRepr(d)))
            default: return .failure(CoercionError("String cannot represent value: \(inspect(json))"))
            }
        case "Int":
            switch json {
            case .int(let i):
                if i < minInt || i > maxInt {
                    return .failure(CoercionError("Int cannot represent non 32-bit signed integer value: \(inspect(json))"))
                }
                return .success(json)
            case .bool(let b): return .success(.int(b ? 1 : 0))
            case .double(let d):
                if !d.isFinite || d != d.rounded() {
                    return .failure(CoercionError("Int cannot represent non-integer value: \(inspect(json))"))
                }
                if d < Double(minInt) || d > Double(maxInt) {
                    return .failure(CoercionError("Int cannot represent non 32-bit signed integer value: \(inspect(json))"))
                }
                return .success(.int(Int(d)))
            case .string(let str):
                guard let i = Int(str.trimmingSpaces) else {
                    return .failure(CoercionError("Int cannot represent non-integer value: \(inspect(json))"))
                }
                if i < minInt || i > maxInt {
                    return .failure(CoercionError("Int cannot represent non 32-bit signed integer value: \(inspect(json))"))
                }
                return .success(.int(i))
            default: return .failure(CoercionError("Int cannot represent non-integer value: \(inspect(json))"))
            }
        case "Float":
            switch json {
            case .double(let d):
                if d.isFinite { return .success(json) }
            case .int(let i): return .success(.double(Double(i)))
            case .bool(let b): return .success(.int(b ? 1 : 0))
            case .string(let str):
                if let d = Double(str.trimmingSpaces), d.isFinite { return .success(.double(d)) }
            default: break
            }
            return .failure(CoercionError("Float cannot represent non numeric value: \(inspect(json))"))
        case "Boolean":
            switch json {
            case .bool: return .success(json)
            case .int(let i): return .success(.bool(i != 0))
            case .double(let d) where d.isFinite: return .success(.bool(d != 0))
            default: return .failure(CoercionError("Boolean cannot represent a non boolean value: \(inspect(json))"))
            }
        case "ID":
            switch json {
            case .string: return .success(json)
            case .int(let i): return .success(.string(String(i)))
            case .double(let d) where d.isFinite && d == d.rounded() && abs(d) < 9.2e18:
                return .success(.string(String(Int(d))))
            default: return .failure(CoercionError("ID cannot represent value: \(inspect(json))"))
            }
        default:
            return .success(json)
        }
    default:
        return .failure(CoercionError("Expected a leaf type, found '\(type.name)'."))
    }
}

extension String {
    /// Python's `int()` and `float()` accept surrounding whitespace.
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" { s.removeLast() }
        return String(s)
    }
}
