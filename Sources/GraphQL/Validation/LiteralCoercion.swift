/// Input coercion of literals for the built-in scalars, worded as graphql-core's
/// `parse_*_literal` functions word their errors (the value printed as in the document).
///
/// Validation uses it to check literals; execution may use it to coerce them.
enum LiteralCoercion {
    static let minInt = -2_147_483_648
    static let maxInt = 2_147_483_647

    /// Coerces a literal (without variables) to a built-in scalar. Returns nil when
    /// `scalar` is not a built-in scalar's name.
    static func coerceBuiltinScalar(_ scalar: String, _ value: Value) -> Result<JSON, CoercionError>? {
        switch scalar {
        case "Int": return coerceInt(value)
        case "Float": return coerceFloat(value)
        case "String": return coerceString(value)
        case "Boolean": return coerceBoolean(value)
        case "ID": return coerceID(value)
        default: return nil
        }
    }

    static func coerceInt(_ value: Value) -> Result<JSON, CoercionError> {
        guard case .int(let text, _) = value else {
            return .failure(CoercionError("Int cannot represent non-integer value: " + printValueForError(value)))
        }
        // Text too long for Int64 is out of range as well.
        guard let number = Int(text), number >= minInt, number <= maxInt else {
            return .failure(CoercionError("Int cannot represent non 32-bit signed integer value: " + text))
        }
        return .success(.int(number))
    }

    static func coerceFloat(_ value: Value) -> Result<JSON, CoercionError> {
        switch value {
        case .int(let text, _), .float(let text, _):
            // Like Python's float(): out-of-range literals become infinities, not errors.
            return .success(.double(Double(text) ?? .nan))
        default:
            return .failure(CoercionError("Float cannot represent non numeric value: " + printValueForError(value)))
        }
    }

    static func coerceString(_ value: Value) -> Result<JSON, CoercionError> {
        guard case .string(let s, _, _) = value else {
            return .failure(CoercionError("String cannot represent a non string value: " + printValueForError(value)))
        }
        return .success(.string(s))
    }

    static func coerceBoolean(_ value: Value) -> Result<JSON, CoercionError> {
        guard case .boolean(let b, _) = value else {
            return .failure(CoercionError("Boolean cannot represent a non boolean value: " + printValueForError(value)))
        }
        return .success(.bool(b))
    }

    static func coerceID(_ value: Value) -> Result<JSON, CoercionError> {
        switch value {
        case .string(let s, _, _): return .success(.string(s))
        case .int(let text, _): return .success(.string(text))
        default:
            return .failure(CoercionError(
                "ID cannot represent a non-string and non-integer value: " + printValueForError(value)))
        }
    }

    /// Whether a literal mentions a variable anywhere inside.
    static func containsVariable(_ value: Value) -> Bool {
        switch value {
        case .variable: return true
        case .list(let items, _): return items.contains(where: containsVariable)
        case .object(let fields, _): return fields.contains { containsVariable($0.value) }
        default: return false
        }
    }
}
