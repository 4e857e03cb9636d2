// A strict RFC 8259 JSON parser over UTF-8 bytes, in one pass.
//
// Strict because the input comes from clients: no comments, trailing commas, leading
// zeros, `NaN`, single quotes or raw control characters in strings, and strings must be
// valid UTF-8 with paired surrogate escapes. Nesting is limited so hostile input cannot
// exhaust the stack. Choices the RFC leaves open, made as JavaScript's `JSON.parse` makes them:
// - a duplicate key keeps its first position and takes the last value;
// - numbers too large for a double become infinity (GraphQL's Float coercion rejects it).
// Numbers without fraction or exponent that fit `Int` become `.int` (so `-0` is `.int(0)`),
// all others `.double`.

/// Why JSON text could not be parsed, and the byte offset where the problem was found.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong and where, e.g. `Unexpected character '}' at offset 12, expected a value`.
    public var message: String
    /// Byte offset into the input.
    public var offset: Int

    public init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { message }
}

extension JSON {
    /// The deepest nesting of arrays and objects `parse` accepts.
    public static let maxParseDepth = 512

    /// Parses one JSON value (RFC 8259), optionally surrounded by whitespace.
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSON {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) -> JSON in
                var parser = JSONParser(buffer)
                return try parser.parseDocument()
            }
        }
        return try result.get()
    }

    /// Parses one JSON value from the UTF-8 of `string`.
    public static func parse(_ string: String) throws(JSONParseError) -> JSON {
        var string = string
        let result = string.withUTF8 { buffer in
            Result { () throws(JSONParseError) -> JSON in
                var parser = JSONParser(buffer)
                return try parser.parseDocument()
            }
        }
        return try result.get()
    }
}

/// The ASCII bytes the JSON grammar names.
enum JSONByte {
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
}

struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    var depth = 0
    /// Reused for strings that contain escapes, so each one does not allocate a buffer.
    var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// JSON-text = ws value ws
    mutating func parseDocument() throws(JSONParseError) -> JSON {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if pos < bytes.count {
            throw JSONParseError("Trailing characters after JSON value at offset \(pos)", offset: pos)
        }
        return value
    }

    /// value = false / null / true / object / array / number / string
    mutating func parseValue() throws(JSONParseError) -> JSON {
        guard pos < bytes.count else { throw endOfInput() }
        switch bytes[pos] {
        case JSONByte.openBrace: return try parseObject()
        case JSONByte.openBracket: return try parseArray()
        case JSONByte.quote: return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case JSONByte.minus, JSONByte.zero...JSONByte.nine:
            return try parseNumber()
        default:
            throw unexpected(expected: "a value")
        }
    }

    /// array = begin-array [ value *( value-separator value ) ] end-array
    private mutating func parseArray() throws(JSONParseError) -> JSON {
        try enterNesting()
        pos += 1
        skipWhitespace()
        var items: [JSON] = []
        if pos < bytes.count && bytes[pos] == JSONByte.closeBracket {
            pos += 1
            depth -= 1
            return .array(items)
        }
        while true {
            items.append(try parseValue())
            skipWhitespace()
            guard pos < bytes.count else { throw endOfInput() }
            let b = bytes[pos]
            if b == JSONByte.comma {
                pos += 1
                skipWhitespace()
            } else if b == JSONByte.closeBracket {
                pos += 1
                depth -= 1
                return .array(items)
            } else {
                throw unexpected(expected: "',' or ']'")
            }
        }
    }

    /// object = begin-object [ member *( value-separator member ) ] end-object
    /// member = string name-separator value
    private mutating func parseObject() throws(JSONParseError) -> JSON {
        try enterNesting()
        pos += 1
        skipWhitespace()
        var entries: [(key: String, value: JSON)] = []
        // Built only for large objects, where a linear duplicate check would be quadratic.
        var index: [String: Int]? = nil
        if pos < bytes.count && bytes[pos] == JSONByte.closeBrace {
            pos += 1
            depth -= 1
            return .object(JSONObject(entries))
        }
        while true {
            guard pos < bytes.count else { throw endOfInput() }
            guard bytes[pos] == JSONByte.quote else { throw unexpected(expected: "a string key") }
            let key = try parseString()
            skipWhitespace()
            guard pos < bytes.count else { throw endOfInput() }
            guard bytes[pos] == JSONByte.colon else { throw unexpected(expected: "':'") }
            pos += 1
            skipWhitespace()
            let value = try parseValue()

            if entries.count < 16 {
                if let i = entries.firstIndex(where: { $0.key == key }) {
                    entries[i].value = value
                } else {
                    entries.append((key: key, value: value))
                }
            } else {
                if index == nil {
                    var built: [String: Int] = [:]
                    for (i, e) in entries.enumerated() { built[e.key] = i }
                    index = built
                }
                if let i = index![key] {
                    entries[i].value = value
                } else {
                    index![key] = entries.count
                    entries.append((key: key, value: value))
                }
            }

            skipWhitespace()
            guard pos < bytes.count else { throw endOfInput() }
            let b = bytes[pos]
            if b == JSONByte.comma {
                pos += 1
                skipWhitespace()
            } else if b == JSONByte.closeBrace {
                pos += 1
                depth -= 1
                return .object(JSONObject(entries))
            } else {
                throw unexpected(expected: "',' or '}'")
            }
        }
    }

    mutating func enterNesting() throws(JSONParseError) {
        depth += 1
        if depth > JSON.maxParseDepth {
            throw JSONParseError("Nesting deeper than \(JSON.maxParseDepth) levels at offset \(pos)", offset: pos)
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        for i in 0..<count {
            guard pos < bytes.count else { throw endOfInput() }
            guard bytes[pos] == literal.utf8Start[i] else {
                throw unexpected(expected: "'\(literal)'")
            }
            pos += 1
        }
    }

    mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x0A, 0x0D, 0x09: pos += 1
            default: return
            }
        }
    }

    // MARK: - Errors

    func endOfInput() -> JSONParseError {
        JSONParseError("Unexpected end of input at offset \(bytes.count)", offset: bytes.count)
    }

    /// An error for the character at `pos`, which is not what the grammar allows there.
    func unexpected(expected: String) -> JSONParseError {
        if bytes[pos] >= 0x80 && utf8SequenceLength(at: pos) == nil {
            return JSONParseError("Invalid UTF-8 at offset \(pos)", offset: pos)
        }
        return JSONParseError(
            "Unexpected character \(describe(at: pos, quoted: true)) at offset \(pos), expected \(expected)", offset: pos)
    }

    /// How to show the character at `offset` in a message: printable characters as
    /// themselves (in quotes when `quoted`), others as `U+XXXX`.
    func describe(at offset: Int, quoted: Bool) -> String {
        let b = bytes[offset]
        var scalar = UInt32(b)
        if b >= 0x80 {
            guard let length = utf8SequenceLength(at: offset) else { return String(format2: b) }
            scalar = UInt32(b) & (0xFF >> (length + 1))
            for i in 1..<length { scalar = scalar << 6 | UInt32(bytes[offset + i] & 0x3F) }
        }
        if scalar < 0x20 || scalar == 0x7F || (scalar >= 0x80 && scalar < 0xA0) || scalar == 0xFEFF
            || scalar == 0x2028 || scalar == 0x2029
        {
            return codePointName(scalar)
        }
        let text = String(Unicode.Scalar(scalar).map(Character.init) ?? "?")
        return quoted ? "'\(text)'" : text
    }

    func codePointName(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension String {
    /// A byte as `0xAB`, for bytes that are not characters.
    fileprivate init(format2 byte: UInt8) {
        let hex = String(byte, radix: 16, uppercase: true)
        self = "0x" + (hex.count < 2 ? "0" : "") + hex
    }
}
