/// Prints a value as graphql-core 3.3's `print_for_error` does in error messages:
/// `{ a: 1, b: [2, 3] }` on one line while it fits in 80 characters, else one field or
/// item per line, indented; strings escaped as GraphQL string literals, block strings
/// as blocks.
///
/// The layout is graphql-core's "print buffer": pieces of text with a running length
/// (indentation included) that decides, bottom up, whether a list or object wraps.
/// It is `printValue`'s layout except past 100 levels of indentation, where
/// `print_for_error` stops indenting and joins lines with spaces.
func printValueForError(_ value: Value) -> String {
    PrintBuffer(value: value).render(maxDepth: 100)
}

/// A sequence of printed pieces with graphql-core's length accounting.
private struct PrintBuffer {
    struct Piece {
        /// The piece's text split at `\n`.
        var lines: [Substring]
        var isBlockString: Bool
        var indentBefore = false
        var dedentAfter = false
    }

    private(set) var pieces: [Piece] = []
    /// Code points, counting the indentation the buffer will get.
    private(set) var length = 0
    private(set) var newlines = 0

    static let maxLineLength = 80

    init() {}

    init(_ text: String, isBlockString: Bool = false) {
        guard !text.isEmpty else { return }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        pieces = [Piece(lines: lines, isBlockString: isBlockString)]
        length = text.unicodeScalars.count
        newlines = lines.count - 1
    }

    var isEmpty: Bool { length == 0 }

    mutating func append(_ other: PrintBuffer) {
        guard !other.pieces.isEmpty else { return }
        pieces.append(contentsOf: other.pieces)
        length += other.length
        newlines += other.newlines
    }

    mutating func append(_ text: String) { append(PrintBuffer(text)) }

    /// Marks the buffer for one more level of indentation when rendered.
    func indented() -> PrintBuffer {
        guard !isEmpty else { return self }
        var copy = self
        copy.pieces[0].indentBefore = true
        copy.pieces[copy.pieces.count - 1].dedentAfter = true
        copy.length += 2 * (newlines + 1)
        return copy
    }

    /// The non-empty buffers, separated.
    static func join(_ items: [PrintBuffer], _ separator: String = "") -> PrintBuffer {
        var result = PrintBuffer()
        for item in items where !item.isEmpty {
            if result.isEmpty {
                result = item
            } else {
                if !separator.isEmpty { result.append(separator) }
                result.append(item)
            }
        }
        return result
    }

    static func joinedLength(_ items: [PrintBuffer], _ separator: String) -> Int {
        var length = 0
        for item in items where !item.isEmpty {
            length += (length > 0 ? separator.unicodeScalars.count : 0) + item.length
        }
        return length
    }

    /// `start`, the buffer, `end` — or nothing when the buffer is empty.
    static func wrap(_ start: String, _ buffer: PrintBuffer, _ end: String) -> PrintBuffer {
        guard !buffer.isEmpty else { return PrintBuffer() }
        var result = PrintBuffer(start)
        result.append(buffer)
        result.append(end)
        return result
    }

    init(value: Value) {
        switch value {
        case .variable(let v):
            self.init("$" + v.name.value)
        case .int(let text, _), .float(let text, _), .enumValue(let text, _):
            self.init(text)
        case .string(let s, let block, _):
            self.init(block ? printBlockString(s) : printString(s), isBlockString: block)
        case .boolean(let b, _):
            self.init(b ? "true" : "false")
        case .null:
            self.init("null")
        case .list(let items, _):
            let printed = items.map { PrintBuffer(value: $0) }
            if 2 + Self.joinedLength(printed, ", ") > Self.maxLineLength {
                self = Self.wrap("[\n", Self.join(printed, "\n").indented(), "\n]")
            } else {
                self = Self.join([PrintBuffer("["), Self.join(printed, ", "), PrintBuffer("]")])
            }
        case .object(let fields, _):
            let printed = fields.map { field in
                Self.join([PrintBuffer(field.name.value), PrintBuffer(": "), PrintBuffer(value: field.value)])
            }
            if 4 + Self.joinedLength(printed, ", ") > Self.maxLineLength {
                self = Self.wrap("{\n", Self.join(printed, "\n").indented(), "\n}")
            } else {
                self = Self.join([PrintBuffer("{ "), Self.join(printed, ", "), PrintBuffer(" }")])
            }
        }
    }

    /// Lines break with the current indentation; past `maxDepth` levels, lines are
    /// joined with spaces instead (block strings keep their line breaks).
    func render(maxDepth: Int) -> String {
        var output = ""
        var depth = 0
        var indentation = ""
        for piece in pieces {
            if piece.indentBefore {
                if depth < maxDepth {
                    indentation += "  "
                    output += "  "
                }
                depth += 1
            }
            if piece.lines.count == 1 {
                output += piece.lines[0]
            } else {
                let separator = !piece.isBlockString && depth >= maxDepth ? " " : "\n" + indentation
                output += piece.lines.joined(separator: separator)
            }
            if piece.dedentAfter {
                depth -= 1
                indentation = String(indentation.prefix(depth * 2))
            }
        }
        return output
    }
}
