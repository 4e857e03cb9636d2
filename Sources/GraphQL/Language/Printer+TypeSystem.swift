// Printing type-system definitions and extensions, as graphql-core 3.3.2's `print_ast`.
// Extensions share their definition's struct; they print without a description.

extension Printer {
    static func printTypeSystem(_ definition: Definition) -> Printed {
        switch definition {
        case .operation(let d): return print(d)
        case .fragment(let d): return print(d)
        case .schema(let d):
            return description(d.description) + schema("schema", d)
        case .schemaExtension(let d):
            return schema("extend schema", d)
        case .scalarType(let d):
            return description(d.description) + scalar("scalar", d)
        case .scalarTypeExtension(let d):
            return scalar("extend scalar", d)
        case .objectType(let d):
            return description(d.description) + objectLike("type", d)
        case .objectTypeExtension(let d):
            return objectLike("extend type", d)
        case .interfaceType(let d):
            return description(d.description) + objectLike("interface", d)
        case .interfaceTypeExtension(let d):
            return objectLike("extend interface", d)
        case .unionType(let d):
            return description(d.description) + union("union", d)
        case .unionTypeExtension(let d):
            return union("extend union", d)
        case .enumType(let d):
            return description(d.description) + enumType("enum", d)
        case .enumTypeExtension(let d):
            return enumType("extend enum", d)
        case .inputObjectType(let d):
            return description(d.description) + inputObject("input", d)
        case .inputObjectTypeExtension(let d):
            return inputObject("extend input", d)
        case .directive(let d):
            return print(d)
        case .directiveExtension(let d):
            return join(["extend directive @" + name(d.name), directives(d.directives)], separator: " ")
        }
    }

    private static func schema(_ keyword: Printed, _ d: SchemaDefinition) -> Printed {
        let operationTypes = d.operationTypes.map { t -> Printed in
            Printed(t.operation.rawValue) + ": " + name(t.type.name)
        }
        return join([keyword, directives(d.directives), block(operationTypes)], separator: " ")
    }

    private static func scalar(_ keyword: Printed, _ d: ScalarTypeDefinition) -> Printed {
        join([keyword, name(d.name), directives(d.directives)], separator: " ")
    }

    /// Object and interface types and their extensions.
    private static func objectLike(_ keyword: Printed, _ d: ObjectTypeDefinition) -> Printed {
        join(
            [
                keyword,
                name(d.name),
                wrap("implements ", join(d.interfaces.map { name($0.name) }, separator: " & ")),
                directives(d.directives),
                block(d.fields.map(print)),
            ], separator: " ")
    }

    private static func union(_ keyword: Printed, _ d: UnionTypeDefinition) -> Printed {
        join(
            [
                keyword,
                name(d.name),
                directives(d.directives),
                wrap("= ", join(d.types.map { name($0.name) }, separator: " | ")),
            ], separator: " ")
    }

    private static func enumType(_ keyword: Printed, _ d: EnumTypeDefinition) -> Printed {
        let values = d.values.map { v in
            description(v.description) + join([name(v.name), directives(v.directives)], separator: " ")
        }
        return join([keyword, name(d.name), directives(d.directives), block(values)], separator: " ")
    }

    private static func inputObject(_ keyword: Printed, _ d: InputObjectTypeDefinition) -> Printed {
        join([keyword, name(d.name), directives(d.directives), block(d.fields.map(print))], separator: " ")
    }

    static func print(_ field: FieldDefinition) -> Printed {
        join([
            description(field.description),
            name(field.name),
            argumentsDefinition(field.arguments),
            ": ",
            print(field.type),
            wrap(" ", directives(field.directives)),
        ])
    }

    static func print(_ inputValue: InputValueDefinition) -> Printed {
        join([
            description(inputValue.description),
            name(inputValue.name),
            ": ",
            print(inputValue.type),
            wrap(" = ", inputValue.defaultValue.map(print)),
            wrap(" ", directives(inputValue.directives)),
        ])
    }

    /// Argument definitions go one per line only when one of them spans lines (a block
    /// string description, say); unlike field arguments, length does not matter.
    private static func argumentsDefinition(_ arguments: [InputValueDefinition]) -> Printed {
        let args = arguments.map(print)
        if hasMultilineItems(args) {
            return wrap("(\n", join(args, separator: "\n").indented(), "\n)")
        }
        return wrap("(", join(args, separator: ", "), ")")
    }

    static func print(_ d: DirectiveDefinition) -> Printed {
        join([
            description(d.description),
            "directive @",
            name(d.name),
            argumentsDefinition(d.arguments),
            wrap(" ", directives(d.directives)),
            d.repeatable ? " repeatable" : .empty,
            " on ",
            join(d.locations.map(name), separator: " | "),
        ])
    }
}
