/// The GraphQL lexer: turns the UTF-8 bytes of a `Source` into tokens on demand.
///
/// It works on the bytes directly. Names, punctuators and numbers are ASCII, so only
/// comments, strings, the byte order mark and unexpected characters ever decode UTF-8;
/// that is also where an invalid sequence is found and reported. Comments and ignored
/// characters are skipped, never returned.
///
/// The lexer is a value: copying it and reading from the copy is the parser's lookahead.
/// `bytes` must stay valid while the lexer is used (the parser only lexes inside
/// `withUnsafeBufferPointer` over the source's bytes).
struct Lexer {
    let source: Source
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the next token's search starts.
    var position: Int = 0
    /// The decoded value (escapes resolved, block strings dedented) of the last string token
    /// `next()` returned.
    var stringValue: String? = nil

    init(source: Source, bytes: UnsafeBufferPointer<UInt8>) {
        self.source = source
        self.bytes = bytes
    }

    /// The next token after `position`, or `<EOF>` (repeatedly) at the end.
    ///
    ///     Token :: Punctuator | Name | IntValue | FloatValue | StringValue
    ///     Ignored :: UnicodeBOM | WhiteSpace | LineTerminator | Comment | Comma
    mutating func next() throws(GraphQLError) -> Token {
        let token = try read(from: position, value: &stringValue)
        position = token.end
        return token
    }

    /// The token `next()` would return, without moving.
    func lookahead() throws(GraphQLError) -> Token {
        var ignored: String? = nil
        return try read(from: position, value: &ignored)
    }

    /// The first token at or after `start`; a string token's value goes to `value`.
    func read(from start: Int, value: inout String?) throws(GraphQLError) -> Token {
        let b = bytes
        let n = b.count
        var p = start
        while p < n {
            let c = b[p]
            switch c {
            case 0x20, 0x09, 0x2C, 0x0A, 0x0D:  // space, tab, comma, LF, CR
                p += 1
                continue
            case 0x23:  // #
                p = try skipComment(at: p)
                continue
            case 0x21: return Token(.bang, p, p + 1)
            case 0x24: return Token(.dollar, p, p + 1)
            case 0x26: return Token(.amp, p, p + 1)
            case 0x28: return Token(.parenL, p, p + 1)
            case 0x29: return Token(.parenR, p, p + 1)
            case 0x3A: return Token(.colon, p, p + 1)
            case 0x3D: return Token(.equals, p, p + 1)
            case 0x40: return Token(.at, p, p + 1)
            case 0x5B: return Token(.bracketL, p, p + 1)
            case 0x5D: return Token(.bracketR, p, p + 1)
            case 0x7B: return Token(.braceL, p, p + 1)
            case 0x7D: return Token(.braceR, p, p + 1)
            case 0x7C: return Token(.pipe, p, p + 1)
            case 0x22:  // "
                if p + 2 < n && b[p + 1] == 0x22 && b[p + 2] == 0x22 {
                    return try readBlockString(at: p, value: &value)
                }
                return try readString(at: p, value: &value)
            case 0x2D, 0x30...0x39:  // - and digits
                return try readNumber(at: p)
            case 0x41...0x5A, 0x61...0x7A, 0x5F:  // NameStart
                return readName(at: p)
            case 0x2E:  // .
                if p + 1 < n && b[p + 1] == 0x2E {
                    if p + 2 < n && b[p + 2] == 0x2E {
                        return Token(.spread, p, p + 3)
                    }
                    throw syntaxError("Unexpected '..', did you mean '...'?", at: p)
                }
                if p + 1 < n && isDigit(b[p + 1]) {
                    var end = p + 1
                    while end < n && isDigit(b[end]) { end += 1 }
                    let digits = source.text(from: p + 1, to: end)
                    throw syntaxError(
                        "Invalid number, expected digit before '.', did you mean '0.\(digits)'?", at: p)
                }
                throw syntaxError("Unexpected character: '.'.", at: p)
            case 0x27:  // '
                throw syntaxError(
                    "Unexpected single quote character ('), did you mean to use a double quote (\")?", at: p)
            case 0xEF where p + 2 < n && b[p + 1] == 0xBB && b[p + 2] == 0xBF:
                p += 3  // U+FEFF, the byte order mark, is ignored anywhere
                continue
            default:
                if c >= 0x80 && decodeScalar(at: p) == nil {
                    throw invalidUTF8(at: p)
                }
                throw syntaxError("Unexpected character: \(printCodePoint(at: p)).", at: p)
            }
        }
        return Token(.eof, n, n)
    }

    /// Comment :: # CommentChar* [lookahead != CommentChar]
    ///
    /// Returns the position after the comment.
    private func skipComment(at start: Int) throws(GraphQLError) -> Int {
        let b = bytes
        let n = b.count
        var p = start + 1
        while p < n {
            let c = b[p]
            if c == 0x0A || c == 0x0D { break }
            p += try characterLength(at: p)
        }
        return p
    }

    /// Name :: NameStart NameContinue* [lookahead != NameContinue]
    private func readName(at start: Int) -> Token {
        let b = bytes
        let n = b.count
        var p = start + 1
        while p < n && isNameContinue(b[p]) { p += 1 }
        return Token(.name, start, p)
    }

    // MARK: - Errors and characters

    @inline(never)
    func syntaxError(_ message: String, at offset: Int) -> GraphQLError {
        GraphQLError("Syntax Error: " + message, source: source, nodes: [Location(start: offset, end: offset)])
    }

    /// graphql-core never sees invalid UTF-8 (Python strings are decoded before parsing),
    /// so this message is ours.
    func invalidUTF8(at offset: Int) -> GraphQLError {
        syntaxError("Invalid UTF-8 sequence.", at: offset)
    }

    /// The length in bytes of the source character at `offset`, which must be valid UTF-8.
    @inline(__always)
    func characterLength(at offset: Int) throws(GraphQLError) -> Int {
        if bytes[offset] < 0x80 { return 1 }
        guard let (_, length) = decodeScalar(at: offset) else { throw invalidUTF8(at: offset) }
        return length
    }

    /// The character at `offset` as graphql-core prints it in messages: printable ASCII
    /// quoted, anything else as `U+XXXX`, the end as `<EOF>`.
    func printCodePoint(at offset: Int) -> String {
        guard offset < bytes.count else { return "<EOF>" }
        let c = bytes[offset]
        if c >= 0x20 && c <= 0x7E {
            return "'" + String(UnicodeScalar(c)) + "'"
        }
        let scalar = c < 0x80 ? UInt32(c) : (decodeScalar(at: offset)?.scalar ?? UInt32(c))
        var hex = String(scalar, radix: 16, uppercase: true)
        if hex.count < 4 { hex = String(repeating: "0", count: 4 - hex.count) + hex }
        return "U+" + hex
    }

    /// The Unicode scalar encoded at `offset` and its length in bytes, or nil if the bytes
    /// there are not well-formed UTF-8 (overlong forms, surrogates and values past
    /// U+10FFFF are not).
    func decodeScalar(at offset: Int) -> (scalar: UInt32, length: Int)? {
        let b = bytes
        let n = b.count
        let c0 = b[offset]
        if c0 < 0x80 { return (UInt32(c0), 1) }
        @inline(__always) func cont(_ i: Int) -> UInt32? {
            guard i < n, b[i] & 0xC0 == 0x80 else { return nil }
            return UInt32(b[i] & 0x3F)
        }
        switch c0 {
        case 0xC2...0xDF:
            guard let c1 = cont(offset + 1) else { return nil }
            return ((UInt32(c0 & 0x1F) << 6) | c1, 2)
        case 0xE0...0xEF:
            guard let c1 = cont(offset + 1), let c2 = cont(offset + 2) else { return nil }
            let v = (UInt32(c0 & 0x0F) << 12) | (c1 << 6) | c2
            if v < 0x800 || (0xD800...0xDFFF).contains(v) { return nil }
            return (v, 3)
        case 0xF0...0xF4:
            guard let c1 = cont(offset + 1), let c2 = cont(offset + 2), let c3 = cont(offset + 3) else {
                return nil
            }
            let v = (UInt32(c0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
            if v < 0x10000 || v > 0x10FFFF { return nil }
            return (v, 4)
        default:
            return nil
        }
    }

    /// The text of `count` code points from `offset` (fewer at the end), for messages that
    /// quote a slice of the source.
    func text(from offset: Int, codePoints count: Int) -> String {
        let n = bytes.count
        var p = offset
        var taken = 0
        while p < n && taken < count {
            p += 1
            while p < n && bytes[p] & 0xC0 == 0x80 { p += 1 }
            taken += 1
        }
        return source.text(from: offset, to: p)
    }
}

@inline(__always) func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }

@inline(__always) func isNameStart(_ c: UInt8) -> Bool {
    (c | 0x20) &- 0x61 < 26 || c == 0x5F
}

@inline(__always) func isNameContinue(_ c: UInt8) -> Bool {
    (c | 0x20) &- 0x61 < 26 || c &- 0x30 < 10 || c == 0x5F
}
