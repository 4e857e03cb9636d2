// Input coercion of variable values and result coercion of leaf values (scalars and
// enums), with the rules of the specification's "Scalars" section and graphql-core's
// messages. Literals are coerced in Coercion/LeafLiteralCoercion.swift.

// MARK: - Input: variable values (JSON)

/// Coerces a variable's (non-null) JSON value for a scalar or enum.
func coerceLeafInput(_ value: JSON, _ type: NamedType) -> Result<JSON, CoercionError> {
    switch type {
    case .enumType(let e):
        if case .string(let s) = value {
            if e.value(s) != nil { return .success(value) }
            return .failure(unknownEnumValue(s, e))
        }
        let text = inspect(value)
        return .failure(CoercionError("Enum '\(e.name)' cannot represent non-string value: \(text)." + enumValueHint(text, e)))
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
        case "ID": return coerceIDInput(value)
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
        if !graphQLIntRange.contains(i) {
            return .failure(CoercionError("Int cannot represent non 32-bit signed integer value: \(inspect(value))"))
        }
        return .success(value)
    case .double(let d):
        if !d.isFinite || d != d.rounded() {
            return .failure(CoercionError("Int cannot represent non-integer value: \(inspect(value))"))
        }
        if d < Double(graphQLIntRange.lowerBound) || d > Double(graphQLIntRange.upperBound) {
            return .failure(CoercionError("Int cannot represent non 32-bit signed integer value: \(inspect(value))"))
        }
        return .success(.int(Int(d)))
    default:
        return .failure(CoercionError("Int cannot represent non-integer value: \(inspect(value))"))
    }
}

private func coerceIDInput(_ value: JSON) -> Result<JSON, CoercionError> {
    switch value {
    case .string: return .success(value)
    case .int(let i): return .success(.string(String(i)))
    case .double(let d) where d.isFinite && d == d.rounded() && abs(d) < 9.2e18:
        return .success(.string(String(Int(d))))
    default: return .failure(CoercionError("ID cannot represent value: \(inspect(value))"))
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
        case (.int, .int(let i)) where graphQLIntRange.contains(i): return .success(json)
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
            case .int, .double: return coerceIntInput(json)  // numbers serialize as input coerces them
            case .bool(let b): return .success(.int(b ? 1 : 0))
            case .string(let str):
                guard let i = Int(str.trimmingSpaces) else {
                    return .failure(CoercionError("Int cannot represent non-integer value: \(inspect(json))"))
                }
                if !graphQLIntRange.contains(i) {
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
        case "ID": return coerceIDInput(json)  // serializing an ID accepts what input does
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
