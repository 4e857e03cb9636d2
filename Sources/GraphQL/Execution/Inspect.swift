// Values and suggestions as graphql-core prints them in error messages: its `inspect`
// renders values the way Python's `repr` does (single-quoted strings, `None`, `True`),
// truncated to a few levels, and its `did_you_mean` lists close names.

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
    // Swift writes `1e-05` style exponents as `1e-05`; Python as well. Swift writes large
    // values like `1e+16`, as Python does; integral values below that keep `.0`.
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

// MARK: - Suggestions

/// ` Did you mean 'a', 'b', or 'c'?` for at most five suggestions; empty without any.
func didYouMean(_ suggestions: [String], subMessage: String? = nil) -> String {
    guard !suggestions.isEmpty else { return "" }
    var message = " Did you mean "
    if let subMessage { message += subMessage + " " }
    return message + orList(suggestions.prefix(5).map { "'\($0)'" }) + "?"
}

func orList(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    case 2: return "\(items[0]) or \(items[1])"
    default: return items.dropLast().joined(separator: ", ") + ", or " + items[items.count - 1]
    }
}

/// The options close to `input` by edit distance (with adjacent swaps), nearest first.
func suggestionList(_ input: String, _ options: [String]) -> [String] {
    let inputLower = Array(input.lowercased().unicodeScalars)
    let threshold = Int(Double(input.unicodeScalars.count) * 0.4) + 1
    var scored: [(String, Int)] = []
    for option in options {
        let d: Int?
        if option == input {
            d = 0
        } else {
            let optionLower = Array(option.lowercased().unicodeScalars)
            d = optionLower == inputLower ? 1 : lexicalDistance(optionLower, inputLower, threshold: threshold)
        }
        if let d { scored.append((option, d)) }
    }
    scored.sort { a, b in
        if a.1 != b.1 { return a.1 < b.1 }
        return naturalLess(a.0, b.0)
    }
    return scored.map(\.0)
}

private func lexicalDistance(_ a0: [Unicode.Scalar], _ b0: [Unicode.Scalar], threshold: Int) -> Int? {
    var a = a0
    var b = b0
    if a.count < b.count { swap(&a, &b) }
    let aLen = a.count
    let bLen = b.count
    if aLen - bLen > threshold { return nil }
    var rows = [[Int]](repeating: [Int](repeating: 0, count: bLen + 1), count: 3)
    for j in 0...bLen { rows[0][j] = j }
    if aLen == 0 { return bLen <= threshold ? bLen : nil }
    for i in 1...aLen {
        let up = (i - 1) % 3
        let cur = i % 3
        rows[cur][0] = i
        var smallest = i
        if bLen > 0 {
            for j in 1...bLen {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var cell = min(rows[up][j] + 1, rows[cur][j - 1] + 1, rows[up][j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    cell = min(cell, rows[(i - 2) % 3][j - 2] + 1)
                }
                smallest = min(smallest, cell)
                rows[cur][j] = cell
            }
        }
        if smallest > threshold { return nil }
    }
    let distance = rows[aLen % 3][bLen]
    return distance <= threshold ? distance : nil
}

/// Natural order: runs of digits compare as numbers.
private func naturalLess(_ a: String, _ b: String) -> Bool {
    func parts(_ s: String) -> [(String, Int?)] {
        var out: [(String, Int?)] = []
        var current = ""
        var inDigits = false
        for c in s {
            if c.isASCII && c.isNumber != inDigits && !current.isEmpty {
                out.append((current, inDigits ? Int(current) : nil))
                current = ""
            }
            inDigits = c.isASCII && c.isNumber
            current.append(c)
        }
        if !current.isEmpty { out.append((current, inDigits ? Int(current) : nil)) }
        return out
    }
    let pa = parts(a)
    let pb = parts(b)
    for (x, y) in zip(pa, pb) {
        if let nx = x.1, let ny = y.1 {
            if nx != ny { return nx < ny }
        } else if x.0 != y.0 {
            return x.0 < y.0
        }
    }
    return pa.count < pb.count
}
