extension Lexer {
    /// StringValue :: `""` [lookahead != `"`] | `"` StringCharacter+ `"`
    ///
    ///     StringCharacter ::
    ///       - SourceCharacter but not `"` or `\` or LineTerminator
    ///       - `\u` EscapedUnicode
    ///       - `\` EscapedCharacter
    ///     EscapedUnicode :: `{` HexDigit+ `}` | HexDigit HexDigit HexDigit HexDigit
    ///     EscapedCharacter :: one of `"` `\` `/` `b` `f` `n` `r` `t`
    ///
    /// A string without escapes becomes its value in one copy; only escapes need a buffer.
    func readString(at start: Int, value: inout String?) throws(GraphQLError) -> Token {
        let b = bytes
        let n = b.count
        var p = start + 1
        var chunkStart = p
        var buffer: [UInt8]? = nil
        while p < n {
            let c = b[p]
            if c == 0x22 {  // "
                if var out = buffer {
                    out.append(contentsOf: b[chunkStart..<p])
                    value = String(decoding: out, as: UTF8.self)
                } else {
                    value = String(decoding: UnsafeBufferPointer(rebasing: b[chunkStart..<p]), as: UTF8.self)
                }
                return Token(.string, start, p + 1)
            }
            if c == 0x5C {  // backslash
                var out = buffer ?? []
                out.append(contentsOf: b[chunkStart..<p])
                let (scalar, size) = try readEscape(at: p)
                UTF8.encode(scalar) { out.append($0) }
                buffer = out
                p += size
                chunkStart = p
                continue
            }
            if c == 0x0A || c == 0x0D { break }
            p += try characterLength(at: p)
        }
        throw syntaxError("Unterminated string.", at: p)
    }

    /// An escape sequence at `p` (the backslash): the character it stands for and its
    /// length in bytes (all escapes are ASCII, so bytes and characters agree).
    private func readEscape(at p: Int) throws(GraphQLError) -> (Unicode.Scalar, Int) {
        let b = bytes
        let n = b.count
        if p + 1 < n && b[p + 1] == 0x75 {  // u
            if p + 2 < n && b[p + 2] == 0x7B {  // {
                return try readVariableWidthUnicodeEscape(at: p)
            }
            return try readFixedWidthUnicodeEscape(at: p)
        }
        if p + 1 < n {
            let scalar: Unicode.Scalar? =
                switch b[p + 1] {
                case 0x22: "\""
                case 0x2F: "/"
                case 0x5C: "\\"
                case 0x62: "\u{8}"
                case 0x66: "\u{C}"
                case 0x6E: "\n"
                case 0x72: "\r"
                case 0x74: "\t"
                default: nil
                }
            if let scalar { return (scalar, 2) }
        }
        throw syntaxError("Invalid character escape sequence: '\(text(from: p, codePoints: 2))'.", at: p)
    }

    /// `\u{` HexDigit+ `}`: at most `\u{` plus eight digits plus `}`, and the value must be
    /// a Unicode scalar value.
    private func readVariableWidthUnicodeEscape(at p: Int) throws(GraphQLError) -> (Unicode.Scalar, Int) {
        let b = bytes
        let n = b.count
        var point: UInt32 = 0
        var size = 3  // characters read, `\u{` so far
        var q = p + 3
        while size < 12 && q < n {
            let c = b[q]
            size += 1
            q += 1
            if c == 0x7D {  // }
                if size >= 5, let scalar = Unicode.Scalar(point) { return (scalar, size) }
                break
            }
            guard let digit = hexValue(c) else { break }
            point = (point << 4) | digit
        }
        throw syntaxError("Invalid Unicode escape sequence: '\(text(from: p, codePoints: size))'.", at: p)
    }

    /// `\u` HexDigit{4}. JSON-style surrogate pairs (`\uD83D\uDE00`) are one character; a
    /// surrogate that does not form a valid pair is an error.
    private func readFixedWidthUnicodeEscape(at p: Int) throws(GraphQLError) -> (Unicode.Scalar, Int) {
        let b = bytes
        let n = b.count
        if let code = read16BitHex(at: p + 2) {
            if let scalar = Unicode.Scalar(code) { return (scalar, 6) }
            if (0xD800...0xDBFF).contains(code) && p + 7 < n && b[p + 6] == 0x5C && b[p + 7] == 0x75,
                let trailing = read16BitHex(at: p + 8), (0xDC00...0xDFFF).contains(trailing)
            {
                let combined = 0x10000 + ((code - 0xD800) << 10) + (trailing - 0xDC00)
                if let scalar = Unicode.Scalar(combined) { return (scalar, 12) }
            }
        }
        throw syntaxError("Invalid Unicode escape sequence: '\(text(from: p, codePoints: 6))'.", at: p)
    }

    private func read16BitHex(at p: Int) -> UInt32? {
        guard p + 3 < bytes.count,
            let a = hexValue(bytes[p]), let b = hexValue(bytes[p + 1]),
            let c = hexValue(bytes[p + 2]), let d = hexValue(bytes[p + 3])
        else { return nil }
        return a << 12 | b << 8 | c << 4 | d
    }

    /// StringValue :: `"""` BlockStringCharacter* `"""`
    ///
    ///     BlockStringCharacter :: SourceCharacter but not `"""` or `\"""` | `\"""`
    ///
    /// The value is the raw lines after the specification's BlockStringValue(): common
    /// indentation removed from all lines but the first, blank leading and trailing
    /// lines dropped, lines joined with `\n`.
    func readBlockString(at start: Int, value: inout String?) throws(GraphQLError) -> Token {
        let b = bytes
        let n = b.count
        var p = start + 3
        var chunkStart = p
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        while p < n {
            let c = b[p]
            if c == 0x22 && p + 2 < n && b[p + 1] == 0x22 && b[p + 2] == 0x22 {
                current.append(contentsOf: b[chunkStart..<p])
                lines.append(current)
                value = blockStringValue(lines)
                return Token(.blockString, start, p + 3)
            }
            if c == 0x5C && p + 3 < n && b[p + 1] == 0x22 && b[p + 2] == 0x22 && b[p + 3] == 0x22 {
                current.append(contentsOf: b[chunkStart..<p])
                chunkStart = p + 1  // drop only the backslash
                p += 4
                continue
            }
            if c == 0x0A || c == 0x0D {
                current.append(contentsOf: b[chunkStart..<p])
                lines.append(current)
                current = []
                p += (c == 0x0D && p + 1 < n && b[p + 1] == 0x0A) ? 2 : 1
                chunkStart = p
                continue
            }
            p += try characterLength(at: p)
        }
        throw syntaxError("Unterminated string.", at: p)
    }
}

/// BlockStringValue(rawValue) of the specification, on lines already split at line
/// terminators. Indentation is spaces and tabs, so counting it in bytes is counting it in
/// characters.
func blockStringValue(_ lines: [[UInt8]]) -> String {
    var commonIndent = Int.max
    var firstNonEmpty: Int? = nil
    var lastNonEmpty = -1
    for (i, line) in lines.enumerated() {
        var indent = 0
        while indent < line.count && (line[indent] == 0x20 || line[indent] == 0x09) { indent += 1 }
        if indent == line.count { continue }
        if firstNonEmpty == nil { firstNonEmpty = i }
        lastNonEmpty = i
        if i > 0 && indent < commonIndent { commonIndent = indent }
    }
    guard let first = firstNonEmpty else { return "" }
    var out: [UInt8] = []
    for i in first...lastNonEmpty {
        if i > first { out.append(0x0A) }
        let line = lines[i]
        if i == 0 {
            out.append(contentsOf: line)
        } else if commonIndent < line.count {
            out.append(contentsOf: line[commonIndent...])
        }
    }
    return String(decoding: out, as: UTF8.self)
}

@inline(__always) func hexValue(_ c: UInt8) -> UInt32? {
    switch c {
    case 0x30...0x39: return UInt32(c - 0x30)
    case 0x41...0x46: return UInt32(c - 0x37)
    case 0x61...0x66: return UInt32(c - 0x57)
    default: return nil
    }
}
