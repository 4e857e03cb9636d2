/// The schema as SDL, exactly as graphql-core's `print_schema` prints it: no built-in
/// scalars, directives or introspection types; a `schema {}` block only when a root type
/// has an unconventional name (or the schema has a description).
public func printSchema(_ schema: Schema) -> String {
    var parts: [String] = []
    if let definition = SchemaPrinter.schemaDefinition(schema) { parts.append(definition) }
    for directive in schema.directives where !BuiltinDirectives.isBuiltin(directive.name) {
        parts.append(SchemaPrinter.directive(directive))
    }
    for name in schema.typeNames where !StandardTypes.contains(name) {
        parts.append(SchemaPrinter.type(schema.types[name]!))
    }
    return parts.joined(separator: "\n\n")
}

enum SchemaPrinter {
    static func schemaDefinition(_ schema: Schema) -> String? {
        let roots: [(String, ObjectType?, String)] = [
            ("query", schema.queryType, "Query"), ("mutation", schema.mutationType, "Mutation"),
            ("subscription", schema.subscriptionType, "Subscription"),
        ]
        if roots.allSatisfy({ $0.1 == nil }) { return nil }
        // Conventional when each root is the type of that name, or absent along with it.
        let conventional = roots.allSatisfy { _, root, name in
            root.map { $0.name == name } ?? (schema.type(named: name) == nil)
        }
        if schema.description == nil && conventional { return nil }
        var text = description(schema.description) + "schema {\n"
        for (op, root, _) in roots {
            if let root { text += "  \(op): \(root.name)\n" }
        }
        return text + "}"
    }

    static func type(_ type: NamedType) -> String {
        switch type {
        case .scalar(let s):
            var text = description(s.description) + "scalar \(s.name)"
            if let url = s.specifiedByURL { text += " @specifiedBy(url: \(printString(url)))" }
            return text
        case .object(let o):
            return description(o.description) + "type \(o.name)" + implements(o.interfaces) + fields(o.fields)
        case .interface(let i):
            return description(i.description) + "interface \(i.name)" + implements(i.interfaces) + fields(i.fields)
        case .union(let u):
            return description(u.description) + "union \(u.name)"
                + (u.types.isEmpty ? "" : " = " + u.types.joined(separator: " | "))
        case .enumType(let e):
            let values = e.values.enumerated().map { i, v in
                description(v.description, indentation: "  ", firstInBlock: i == 0) + "  \(v.name)"
                    + deprecated(v.deprecationReason)
            }
            return description(e.description) + "enum \(e.name)" + block(values)
        case .inputObject(let io):
            let fields = io.fields.enumerated().map { i, f in
                description(f.description, indentation: "  ", firstInBlock: i == 0) + "  " + inputValue(f)
            }
            return description(io.description) + "input \(io.name)" + (io.isOneOf ? " @oneOf" : "") + block(fields)
        }
    }

    static func directive(_ d: DirectiveInfo) -> String {
        description(d.description) + "directive @\(d.name)" + arguments(d.arguments) + deprecated(d.deprecationReason)
            + (d.isRepeatable ? " repeatable" : "") + " on " + d.locations.map(\.rawValue).joined(separator: " | ")
    }

    private static func implements(_ interfaces: [String]) -> String {
        interfaces.isEmpty ? "" : " implements " + interfaces.joined(separator: " & ")
    }

    private static func fields(_ fields: [FieldDefinitionInfo]) -> String {
        block(
            fields.enumerated().map { i, f in
                description(f.description, indentation: "  ", firstInBlock: i == 0) + "  \(f.name)"
                    + arguments(f.arguments, indentation: "  ") + ": \(f.type)" + deprecated(f.deprecationReason)
            })
    }

    private static func block(_ items: [String]) -> String {
        items.isEmpty ? "" : " {\n" + items.joined(separator: "\n") + "\n}"
    }

    private static func arguments(_ args: [InputValueInfo], indentation: String = "") -> String {
        if args.isEmpty { return "" }
        // On one line unless some argument has a description.
        if args.allSatisfy({ $0.description == nil }) {
            return "(" + args.map(inputValue).joined(separator: ", ") + ")"
        }
        let lines = args.enumerated().map { i, a in
            description(a.description, indentation: "  " + indentation, firstInBlock: i == 0) + "  " + indentation
                + inputValue(a)
        }
        return "(\n" + lines.joined(separator: "\n") + "\n\(indentation))"
    }

    private static func inputValue(_ v: InputValueInfo) -> String {
        var text = "\(v.name): \(v.type)"
        if let defaultValue = v.defaultValue { text += " = " + printValue(defaultValue) }
        return text + deprecated(v.deprecationReason)
    }

    private static func deprecated(_ reason: String?) -> String {
        guard let reason else { return "" }
        if reason == BuiltinDirectives.defaultDeprecationReason { return " @deprecated" }
        return " @deprecated(reason: \(printString(reason)))"
    }

    private static func description(_ text: String?, indentation: String = "", firstInBlock: Bool = true) -> String {
        guard let text else { return "" }
        let literal = isPrintableAsBlockString(text) ? printBlockString(text) : printString(text)
        let prefix = !indentation.isEmpty && !firstInBlock ? "\n" + indentation : indentation
        return prefix + literal.split(separator: "\n", omittingEmptySubsequences: false).joined(
            separator: "\n" + indentation) + "\n"
    }
}
