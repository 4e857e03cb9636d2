// TEMPORARY: a minimal `printValue` until the printer lands on main. Delete after the merge.

public func printValue(_ value: Value) -> String {
    switch value {
    case .variable(let v): return "$" + v.name.value
    case .int(let t, _), .float(let t, _): return t
    case .string(let s, _, _):
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    case .boolean(let b, _): return b ? "true" : "false"
    case .null: return "null"
    case .enumValue(let e, _): return e
    case .list(let items, _): return "[" + items.map(printValue).joined(separator: ", ") + "]"
    case .object(let fields, _):
        if fields.isEmpty { return "{}" }
        return "{ " + fields.map { $0.name.value + ": " + printValue($0.value) }.joined(separator: ", ") + " }"
    }
}
