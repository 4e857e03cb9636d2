extension Lexer {
    /// Reads an IntValue or a FloatValue; which one depends on whether a fractional or an
    /// exponent part follows the integer part.
    ///
    ///     IntValue :: IntegerPart [lookahead != {Digit, `.`, NameStart}]
    ///     IntegerPart :: NegativeSign? 0 | NegativeSign? NonZeroDigit Digit*
    ///     FloatValue ::
    ///       - IntegerPart FractionalPart ExponentPart [lookahead != {Digit, `.`, NameStart}]
    ///       - IntegerPart FractionalPart [lookahead != {Digit, `.`, NameStart}]
    ///       - IntegerPart ExponentPart [lookahead != {Digit, `.`, NameStart}]
    ///     FractionalPart :: . Digit+
    ///     ExponentPart :: ExponentIndicator Sign? Digit+
    ///
    /// The digits are kept as source text, so a number of any length is one token.
    func readNumber(at start: Int) throws(GraphQLError) -> Token {
        let b = bytes
        let n = b.count
        var p = start
        var isFloat = false
        @inline(__always) func byte(_ i: Int) -> UInt8? { i < n ? b[i] : nil }

        if b[p] == 0x2D { p += 1 }  // -
        if byte(p) == 0x30 {  // 0
            p += 1
            if let c = byte(p), isDigit(c) {
                throw syntaxError("Invalid number, unexpected digit after 0: \(printCodePoint(at: p)).", at: p)
            }
        } else {
            p = try readDigits(at: p)
        }
        if byte(p) == 0x2E {  // .
            isFloat = true
            p = try readDigits(at: p + 1)
        }
        if let c = byte(p), c == 0x65 || c == 0x45 {  // e E
            isFloat = true
            p += 1
            if let s = byte(p), s == 0x2B || s == 0x2D { p += 1 }  // + -
            p = try readDigits(at: p)
        }
        if let c = byte(p), c == 0x2E || isNameStart(c) {
            throw syntaxError("Invalid number, expected digit but got: \(printCodePoint(at: p)).", at: p)
        }
        return Token(isFloat ? .float : .int, start, p)
    }

    /// Digit+ — the position after them, or an error if there is not even one.
    private func readDigits(at start: Int) throws(GraphQLError) -> Int {
        let b = bytes
        let n = b.count
        guard start < n, isDigit(b[start]) else {
            throw syntaxError("Invalid number, expected digit but got: \(printCodePoint(at: start)).", at: start)
        }
        var p = start + 1
        while p < n && isDigit(b[p]) { p += 1 }
        return p
    }
}
