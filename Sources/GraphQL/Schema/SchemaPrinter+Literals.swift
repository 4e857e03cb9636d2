// Printing value literals and strings the way graphql-core's `print_ast` does, for
// defaults, `@deprecated` reasons, `@specifiedBy` URLs and descriptions.

extension SchemaPrinter {
    /// graphql-core wraps a list or object literal over several lines past this width.
    static let maxLineLength = 80

    static func printLiteral(_ value: Value) -> String {
        switch value {
        case .variable(let v): return "$" + v.name.value
        case .int(let text, _), .float(let text, _): return text
        case .string(let s, let block, _): return block ? printBlockString(s) : printString(s)
        case .boolean(let b, _): return b ? "true" : "false"
        case .null: return "null"
        case .enumValue(let name, _): return name
        case .list(let items, _):
            let printed = items.map(printLiteral)
            if 2 + joinedLength(printed) > maxLineLength {
                return "[\n" + indent(printed.joined(separator: "\n")) + "\n]"
            }
            return "[" + printed.joined(separator: ", ") + "]"
        case .object(let fields, _):
            let printed = fields.map { "\($0.name.value): " + printLiteral($0.value) }
            if 4 + joinedLength(printed) > maxLineLength {
                return "{\n" + indent(printed.joined(separator: "\n")) + "\n}"
            }
            return "{ " + printed.joined(separator: ", ") + " }"
        }
    }

    private static func joinedLength(_ items: [String]) -> Int {
        var length = 0
        for item in items where !item.isEmpty {
            length += (length > 0 ? 2 : 0) + item.unicodeScalars.count
        }
        return length
    }

    private static func indent(_ text: String) -> String {
        "  " + text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
    }

    /// A double-quoted string with control characters, `"` and `\` escaped.
    static func printString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x08: out += "\\b"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0C: out += "\\f"
            case 0x0D: out += "\\r"
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x00...0x1F, 0x7F...0x9F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Whether a string survives a block string's indentation and line handling unchanged.
    static func isPrintableAsBlockString(_ value: String) -> Bool {
        if value.isEmpty { return true }
        var isEmptyLine = true
        var hasIndent = false
        var hasCommonIndent = true
        var seenNonEmptyLine = false
        for c in value.unicodeScalars {
            switch c {
            case "\n":
                if isEmptyLine && !seenNonEmptyLine { return false }  // a leading newline
                seenNonEmptyLine = true
                isEmptyLine = true
                hasIndent = false
            case " ", "\t":
                hasIndent = hasIndent || isEmptyLine
            default:
                if c.value <= 0x0F { return false }
                hasCommonIndent = hasCommonIndent && hasIndent
                isEmptyLine = false
            }
        }
        if isEmptyLine { return false }  // trailing empty lines
        if hasCommonIndent && seenNonEmptyLine { return false }  // an indent the block would strip
        return true
    }

    /// `"""…"""`, on its own lines when that reads better, as graphql-core prints it.
    static func printBlockString(_ value: String) -> String {
        let escaped = value.replacingTripleQuotes()
        let lines = escaped.splitLines()
        let isSingleLine = lines.count == 1
        let forceLeadingNewLine =
            lines.count > 1 && lines.dropFirst().allSatisfy { $0.isEmpty || $0.first == " " || $0.first == "\t" }
        let hasTrailingTripleQuotes = escaped.hasSuffix("\\\"\"\"")
        let hasTrailingQuote = value.hasSuffix("\"") && !hasTrailingTripleQuotes
        let hasTrailingSlash = value.hasSuffix("\\")
        let forceTrailingNewLine = hasTrailingQuote || hasTrailingSlash
        let printAsMultipleLines =
            !isSingleLine || value.unicodeScalars.count > 70 || forceTrailingNewLine || forceLeadingNewLine
            || hasTrailingTripleQuotes
        let skipLeadingNewLine = isSingleLine && (value.first == " " || value.first == "\t")
        let before = (printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine ? "\n" : ""
        let after = printAsMultipleLines || forceTrailingNewLine ? "\n" : ""
        return "\"\"\"" + before + escaped + after + "\"\"\""
    }
}

extension String {
    fileprivate func replacingTripleQuotes() -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\"" && i + 2 < scalars.count && scalars[i + 1] == "\"" && scalars[i + 2] == "\"" {
                out.append(contentsOf: "\\\"\"\"".unicodeScalars)
                i += 3
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// Lines split on the specification's terminators: `\r\n`, `\n`, `\r`.
    fileprivate func splitLines() -> [Substring] {
        var lines: [Substring] = []
        var start = startIndex
        var i = startIndex
        while i < endIndex {
            // "\r\n" is one Character in Swift.
            if self[i] == "\n" || self[i] == "\r" || self[i] == "\r\n" {
                lines.append(self[start..<i])
                start = index(after: i)
            }
            i = index(after: i)
        }
        lines.append(self[start..<endIndex])
        return lines
    }
}
