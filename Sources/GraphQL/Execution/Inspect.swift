// Values as graphql-core prints them in error messages: its `inspect` renders values the
// way Python's `repr` does (single-quoted strings, `None`, `True`), truncated to a few levels.

private let maxRecursiveDepth = 2
private let maxStringSize = 240
private let maxListSize = 10

/// A JSON input value as graphql-core's `inspect` prints it.
func inspect(_ value: JSON) -> String { inspect(value, depth: 0) }

private func inspect(_ value: JSON, depth: Int) -> String {
    switch value {
    case .null: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .int(let i): return truncated(String(i))
    case .double(let d): return pythonFloatRepr(d)
    case .string(let s): return truncated(pythonStringRepr(s))
    case .array(let items):
        if items.isEmpty { return "[]" }
        if depth >= maxRecursiveDepth { return "[...]" }
        return "[" + truncatedList(items.map { inspect($0, depth: depth + 1) }).joined(separator: ", ") + "]"
    case .object(let o):
        if o.isEmpty { return "{}" }
        if depth >= maxRecursiveDepth { return "{...}" }
        let parts = o.entries.map { pythonStringRepr($0.key) + ": " + inspect($0.value, depth: depth + 1) }
        return "{" + truncatedList(parts).joined(separator: ", ") + "}"
    }
}

/// A result value (before serialization) for output coercion messages.
func inspect(_ value: GraphQLValue) -> String {
    switch value {
    case .null: return "None"
    case .json(let j): return inspect(j)
    case .object(let o): return "<\(type(of: o)) instance>"
    case .list(let items):
        if items.isEmpty { return "[]" }
        return "[" + truncatedList(items.map { inspect($0) }).joined(separator: ", ") + "]"
    }
}

private func truncated(_ s: String) -> String {
    let chars = Array(s)
    guard chars.count > maxStringSize else { return s }
    let i = (maxStringSize - 3) / 2
    let j = maxStringSize - 3 - i
    return String(chars[..<i]) + "..." + String(chars[(chars.count - j)...])
}

private func truncatedList(_ parts: [String]) -> [String] {
    guard parts.count > maxListSize else { return parts }
    let i = maxListSize / 2
    let j = i - 1
    return Array(parts[..<i]) + ["..."] + Array(parts[(parts.count - j)...])
}

/// Python's `repr(float)`: shortest round-trip digits, `1.0` for integral values,
/// exponent form from 1e16 up and below 1e-4.
func pythonFloatRepr(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    var s = "\(d)"
    // Swift's shortest digits agree with Python's; only the exponent's spelling differs
    // (Python pads it to two digits and drops a `.0` mantissa).
    if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        let mantissa = s[..<e]
        var exponent = String(s[s.index(after: e)...])
        var sign = "+"
        if exponent.hasPrefix("-") || exponent.hasPrefix("+") {
            sign = String(exponent.removeFirst())
        }
        while exponent.count < 2 { exponent = "0" + exponent }
        var m = String(mantissa)
        if m.hasSuffix(".0") { m.removeLast(2) }
        s = m + "e" + sign + exponent
    }
    return s
}

/// Python's `repr(str)`: single quotes unless the text holds a single quote and no double one.
func pythonStringRepr(_ s: String) -> String {
    let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
    var out = String(quote)
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if Character(scalar) == quote {
                out += "\\" + String(quote)
            } else if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\x" + hex(scalar.value, width: 2)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    out.append(quote)
    return out
}

private func hex(_ v: UInt32, width: Int) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: max(0, width - s.count)) + s
}
