// TEMPORARY: a minimal stand-in for the JSON helper's `JSONWriter` and `JSON.encode(into:)`
// so execution builds before that work lands on main. Delete after `git merge main`.

extension JSON {
    public func encode(into out: inout [UInt8]) {
        switch self {
        case .null: JSONWriter.writeNull(into: &out)
        case .bool(let b): JSONWriter.writeBool(b, into: &out)
        case .int(let i): JSONWriter.writeInt(i, into: &out)
        case .double(let d): JSONWriter.writeDouble(d, into: &out)
        case .string(let s): JSONWriter.writeString(s, into: &out)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                v.encode(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            out.append(UInt8(ascii: "{"))
            for (i, e) in o.entries.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.writeString(e.key, into: &out)
                out.append(UInt8(ascii: ":"))
                e.value.encode(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        encode(into: &out)
        return out
    }

    public func encodedString() -> String { String(decoding: encoded(), as: UTF8.self) }
}

public enum JSONWriter {
    public static func writeNull(into out: inout [UInt8]) { out.append(contentsOf: "null".utf8) }
    public static func writeBool(_ b: Bool, into out: inout [UInt8]) { out.append(contentsOf: (b ? "true" : "false").utf8) }
    public static func writeInt(_ value: Int, into out: inout [UInt8]) { out.append(contentsOf: String(value).utf8) }
    public static func writeDouble(_ value: Double, into out: inout [UInt8]) {
        if value == value.rounded(), abs(value) < 1e21 { out.append(contentsOf: String(Int(value)).utf8) } else {
            out.append(contentsOf: "\(value)".utf8)
        }
    }
    public static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 15)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
