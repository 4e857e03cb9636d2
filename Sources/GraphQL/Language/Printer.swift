// Printing an AST back to GraphQL text, exactly as graphql-core 3.3.2's `print_ast`
// (graphql-js `print`) does: clients, error messages and schema printing compare text.
//
// The reference builds a tree of buffers and indents at render time; here each node
// prints to a `Printed` whose text is already indented relative to itself, so a
// piece's length is its text's length. The layout decisions (wrap arguments past 80
// characters, lists and objects past 80, multi-line items) measure lengths the same
// way the reference does: in code points, newlines and added indentation included.

/// Prints a document: its definitions separated by blank lines.
///
/// One departure from the reference: an anonymous query right after a type-system definition
/// keeps its `query` keyword. In the short form its `{` would be read back as the body of that
/// definition (`type Q` then `{ me }` reparses as `type Q { me }`), so the printed text would
/// not parse to the same document. (Found by the FuzzGraphQL target.)
public func printDocument(_ document: Document) -> String {
    var printed: [Printed] = []
    var afterTypeSystem = false
    for definition in document.definitions {
        switch definition {
        case .operation(let operation):
            printed.append(Printer.print(operation, shortFormAllowed: !afterTypeSystem))
            afterTypeSystem = false
        case .fragment:
            printed.append(Printer.print(definition))
            afterTypeSystem = false
        default:
            printed.append(Printer.print(definition))
            afterTypeSystem = true
        }
    }
    return Printer.join(printed, separator: "\n\n").text
}

/// Prints one definition as `printDocument` would.
public func printDefinition(_ definition: Definition) -> String {
    Printer.print(definition).text
}

/// Prints a value literal, e.g. `{ a: [1, 2], b: "x" }`.
public func printValue(_ value: Value) -> String {
    Printer.print(value).text
}

/// Prints a value for an error message, as graphql-core's `print_for_error` does:
/// `printValue`'s layout, except that past 100 levels of indentation lines are joined
/// with spaces and no longer indented (block strings keep their line breaks).
func printValueForError(_ value: Value) -> String {
    Printer.print(value, depth: 0, maxIndentDepth: 100).text
}

/// Prints a type reference, e.g. `[String!]!`.
public func printType(_ t: TypeNode) -> String {
    Printer.print(t).text
}

/// Prints a selection set as it appears in a document (`{\n  a\n}`).
public func printSelectionSet(_ selectionSet: SelectionSet) -> String {
    Printer.print(selectionSet).text
}

/// Prints a directive application, e.g. `@include(if: $x)`.
public func printDirective(_ directive: Directive) -> String {
    Printer.print(directive).text
}

/// A printed piece of text with what the layout rules measure about it.
struct Printed {
    var text: String
    /// Length in Unicode code points, as the reference measures.
    var length: Int
    var newlines: Int

    static let empty = Printed(text: "", length: 0, newlines: 0)

    init(text: String, length: Int, newlines: Int) {
        self.text = text
        self.length = length
        self.newlines = newlines
    }

    init(_ text: String) {
        self.text = text
        var length = 0
        var newlines = 0
        for scalar in text.unicodeScalars {
            length += 1
            if scalar == "\n" { newlines += 1 }
        }
        self.length = length
        self.newlines = newlines
    }

    var isEmpty: Bool { length == 0 }

    static func + (lhs: Printed, rhs: Printed) -> Printed {
        Printed(text: lhs.text + rhs.text, length: lhs.length + rhs.length, newlines: lhs.newlines + rhs.newlines)
    }

    /// Two spaces before every line, blank lines (and block-string lines) included.
    /// Without `text`, only the length grows: past the reference's maximum indentation
    /// depth the text is not indented, yet measures as if it were.
    func indented(text indentsText: Bool = true) -> Printed {
        if isEmpty { return self }
        if !indentsText { return Printed(text: text, length: length + 2 * (newlines + 1), newlines: newlines) }
        var out = "  "
        out.reserveCapacity(text.utf8.count + 2 * (newlines + 1))
        var runStart = text.utf8.startIndex
        var i = runStart
        while i < text.utf8.endIndex {
            if text.utf8[i] == UInt8(ascii: "\n") {
                let next = text.utf8.index(after: i)
                out += text[runStart..<next]
                out += "  "
                runStart = next
                i = next
            } else {
                i = text.utf8.index(after: i)
            }
        }
        out += text[runStart..<text.endIndex]
        return Printed(text: out, length: length + 2 * (newlines + 1), newlines: newlines)
    }
}

extension Printed: ExpressibleByStringLiteral {
    init(stringLiteral value: String) { self.init(value) }
}

/// The reference's layout helpers and the printers for executable definitions and values.
enum Printer {
    /// Wrapping limit; it applies to a piece's whole length, newlines included.
    static let maxLineLength = 80

    /// Joins the non-empty items with `separator`.
    static func join(_ items: [Printed], separator: Printed = .empty) -> Printed {
        var result = Printed.empty
        for item in items where !item.isEmpty {
            if result.isEmpty {
                result = item
            } else {
                result.text += separator.text
                result.text += item.text
                result.length += separator.length + item.length
                result.newlines += separator.newlines + item.newlines
            }
        }
        return result
    }

    /// The length `join(items, separator:)` would have.
    static func joinedLength(_ items: [Printed], separator: Int) -> Int {
        var length = 0
        for item in items where !item.isEmpty {
            length += (length == 0 ? 0 : separator) + item.length
        }
        return length
    }

    /// `start + piece + end`, or nothing when the piece is empty.
    static func wrap(_ start: Printed, _ piece: Printed?, _ end: Printed = .empty) -> Printed {
        guard let piece, !piece.isEmpty else { return .empty }
        return start + piece + end
    }

    /// Each item on its own line, indented, between braces; nothing when there are none.
    static func block(_ items: [Printed]) -> Printed {
        block("{", items, "}")
    }

    /// Each item on its own line, indented, between `open` and `close`; nothing when there
    /// are none. A value printed at `depth` levels of indentation past `maxIndentDepth`
    /// (graphql-core's `print_for_error`) has its line breaks printed as spaces and stops
    /// indenting, as the reference renders it; the lengths, which decide the layout, stay
    /// those of the indented form.
    static func block(
        _ open: Printed, _ items: [Printed], _ close: Printed, depth: Int = 0, maxIndentDepth: Int = .max
    ) -> Printed {
        let indents = depth < maxIndentDepth
        let body = join(items, separator: lineBreak(depth + 1 < maxIndentDepth))
        return wrap(open + lineBreak(indents), body.indented(text: indents), lineBreak(indents) + close)
    }

    /// A line break, or a space that counts as one.
    private static func lineBreak(_ breaks: Bool) -> Printed {
        breaks ? "\n" : Printed(text: " ", length: 1, newlines: 1)
    }

    static func hasMultilineItems(_ items: [Printed]) -> Bool {
        items.contains { $0.newlines > 0 }
    }

    static func name(_ name: Name) -> Printed { Printed(name.value) }

    static func directives(_ directives: [Directive]) -> Printed {
        join(directives.map(print), separator: " ")
    }

    /// `prefix(args)`, with one argument per line when the line would pass 80 characters.
    static func wrappedLineAndArguments(_ prefix: Printed, _ arguments: [Argument]) -> Printed {
        if arguments.isEmpty { return prefix }
        let args = arguments.map(print)
        if prefix.length + joinedLength(args, separator: 2) + 2 > maxLineLength {
            return prefix + wrap("(\n", join(args, separator: "\n").indented(), "\n)")
        }
        return prefix + wrap("(", join(args, separator: ", "), ")")
    }

    static func description(_ description: StringDescription?) -> Printed {
        guard let description else { return .empty }
        return wrap(.empty, printStringLiteral(description.value, block: description.block), "\n")
    }

    static func printStringLiteral(_ value: String, block: Bool) -> Printed {
        Printed(block ? printBlockString(value) : printString(value))
    }

    // MARK: - Executable definitions

    static func print(_ definition: Definition) -> Printed {
        switch definition {
        case .operation(let d): return print(d)
        case .fragment(let d): return print(d)
        default: return printTypeSystem(definition)
        }
    }

    static func print(_ operation: OperationDefinition, shortFormAllowed: Bool = true) -> Printed {
        let variables = operation.variableDefinitions.map(print)
        // Multi-line variable definitions go one per line, not indented (as the reference does).
        let variableDefinitions = hasMultilineItems(variables)
            ? wrap("(\n", join(variables, separator: "\n"), "\n)")
            : wrap("(", join(variables, separator: ", "), ")")
        let operationName: Printed = Printed(operation.operation.rawValue)
        let prefix = join([
            description(operation.description),
            join(
                [
                    operationName,
                    join([operation.name.map(name) ?? .empty, variableDefinitions]),
                    directives(operation.directives),
                ], separator: " "),
        ])
        // An anonymous query with nothing but a selection set prints in the short form.
        let isShortForm = shortFormAllowed && operation.operation == .query && prefix.length == operationName.length
        return join([isShortForm ? .empty : join([prefix, " "]), print(operation.selectionSet)])
    }

    static func print(_ variableDefinition: VariableDefinition) -> Printed {
        join([
            description(variableDefinition.description),
            print(variableDefinition.variable),
            ": ",
            print(variableDefinition.type),
            wrap(" = ", variableDefinition.defaultValue.map(print)),
            wrap(" ", directives(variableDefinition.directives)),
        ])
    }

    static func print(_ variable: Variable) -> Printed {
        "$" + name(variable.name)
    }

    static func print(_ selectionSet: SelectionSet) -> Printed {
        selectionSet.selections.isEmpty ? "{}" : block(selectionSet.selections.map(print))
    }

    static func print(_ selection: Selection) -> Printed {
        switch selection {
        case .field(let field):
            let prefix = join([wrap(.empty, field.alias.map(name), ": "), name(field.name)])
            return join([
                wrappedLineAndArguments(prefix, field.arguments),
                wrap(" ", directives(field.directives)),
                wrap(" ", field.selectionSet.map(print)),
            ])
        case .fragmentSpread(let spread):
            return join(["...", name(spread.name), wrap(" ", directives(spread.directives))])
        case .inlineFragment(let fragment):
            return join(
                [
                    "...",
                    wrap("on ", fragment.typeCondition.map { name($0.name) }),
                    directives(fragment.directives),
                    print(fragment.selectionSet),
                ], separator: " ")
        }
    }

    static func print(_ argument: Argument) -> Printed {
        join([name(argument.name), ": ", print(argument.value)])
    }

    static func print(_ fragment: FragmentDefinition) -> Printed {
        join([
            description(fragment.description),
            "fragment ",
            name(fragment.name),
            " on ",
            name(fragment.typeCondition.name),
            " ",
            wrap(.empty, directives(fragment.directives), " "),
            print(fragment.selectionSet),
        ])
    }

    static func print(_ directive: Directive) -> Printed {
        join(["@", name(directive.name), wrap("(", join(directive.arguments.map(print), separator: ", "), ")")])
    }

    // MARK: - Values and types

    static func print(_ value: Value) -> Printed {
        print(value, depth: 0, maxIndentDepth: .max)
    }

    /// A value printed at `depth` levels of indentation; see `block` for `maxIndentDepth`.
    /// Items are printed for the wrapped layout: in the one-line layout nothing inside
    /// wraps, so the depth they were printed for makes no difference there.
    static func print(_ value: Value, depth: Int, maxIndentDepth: Int) -> Printed {
        switch value {
        case .variable(let v): return print(v)
        case .int(let text, _), .float(let text, _), .enumValue(let text, _): return Printed(text)
        case .string(let s, let block, _): return printStringLiteral(s, block: block)
        case .boolean(let b, _): return b ? "true" : "false"
        case .null: return "null"
        case .list(let values, _):
            let items = values.map { print($0, depth: depth + 1, maxIndentDepth: maxIndentDepth) }
            if 2 + joinedLength(items, separator: 2) > maxLineLength {
                return block("[", items, "]", depth: depth, maxIndentDepth: maxIndentDepth)
            }
            return join(["[", join(items, separator: ", "), "]"])
        case .object(let fields, _):
            let items = fields.map {
                join([name($0.name), ": ", print($0.value, depth: depth + 1, maxIndentDepth: maxIndentDepth)])
            }
            if 4 + joinedLength(items, separator: 2) > maxLineLength {
                return block("{", items, "}", depth: depth, maxIndentDepth: maxIndentDepth)
            }
            return join(["{ ", join(items, separator: ", "), " }"])
        }
    }

    static func print(_ type: TypeNode) -> Printed {
        switch type {
        case .named(let n): return name(n.name)
        case .list(let inner, _): return "[" + print(inner) + "]"
        case .nonNull(let inner, _): return print(inner) + "!"
        }
    }
}
