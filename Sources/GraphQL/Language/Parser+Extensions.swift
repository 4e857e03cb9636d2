extension Parser {
    /// TypeSystemExtension : SchemaExtension | TypeExtension | DirectiveExtension
    ///
    ///     TypeExtension : ScalarTypeExtension | ObjectTypeExtension | InterfaceTypeExtension
    ///                   | UnionTypeExtension | EnumTypeExtension | InputObjectTypeExtension
    mutating func parseTypeSystemExtension() throws(GraphQLError) -> Definition {
        let keyword = try lexer.lookahead()
        if keyword.kind == .name {
            switch text(of: keyword) {
            case "schema": return .schemaExtension(try parseSchemaExtension())
            case "scalar": return .scalarTypeExtension(try parseScalarTypeExtension())
            case "type": return .objectTypeExtension(try parseFieldedTypeExtension(keyword: "type"))
            case "interface": return .interfaceTypeExtension(try parseFieldedTypeExtension(keyword: "interface"))
            case "union": return .unionTypeExtension(try parseUnionTypeExtension())
            case "enum": return .enumTypeExtension(try parseEnumTypeExtension())
            case "input": return .inputObjectTypeExtension(try parseInputObjectTypeExtension())
            case "directive": return .directiveExtension(try parseDirectiveExtension())
            default: break
            }
        }
        throw unexpected(keyword)
    }

    /// SchemaExtension :
    ///   - extend schema Directives[Const]? { RootOperationTypeDefinition+ }
    ///   - extend schema Directives[Const] [lookahead != {]
    mutating func parseSchemaExtension() throws(GraphQLError) -> SchemaDefinition {
        let start = token
        try expectKeyword("extend")
        try expectKeyword("schema")
        let directives = try parseDirectives(isConst: true)
        let operationTypes = try optionalMany(
            .braceL, { (p: inout Parser) throws(GraphQLError) in try p.parseRootOperationTypeDefinition() }, .braceR)
        if directives.isEmpty && operationTypes.isEmpty { throw unexpected() }
        return SchemaDefinition(description: nil, directives: directives, operationTypes: operationTypes, loc: loc(start))
    }

    /// ScalarTypeExtension : extend scalar Name Directives[Const]
    mutating func parseScalarTypeExtension() throws(GraphQLError) -> ScalarTypeDefinition {
        let start = token
        try expectKeyword("extend")
        try expectKeyword("scalar")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        if directives.isEmpty { throw unexpected() }
        return ScalarTypeDefinition(description: nil, name: name, directives: directives, loc: loc(start))
    }

    /// ObjectTypeExtension and InterfaceTypeExtension, which share their shape:
    ///
    ///     ObjectTypeExtension :
    ///       - extend type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition
    ///       - extend type Name ImplementsInterfaces? Directives[Const] [lookahead != {]
    ///       - extend type Name ImplementsInterfaces [lookahead != {]
    ///     InterfaceTypeExtension : the same with `interface`
    mutating func parseFieldedTypeExtension(keyword: StaticString) throws(GraphQLError) -> ObjectTypeDefinition {
        let start = token
        try expectKeyword("extend")
        try expectKeyword(keyword)
        let name = try parseName()
        let interfaces = try parseImplementsInterfaces()
        let directives = try parseDirectives(isConst: true)
        let fields = try parseFieldsDefinition()
        if interfaces.isEmpty && directives.isEmpty && fields.isEmpty { throw unexpected() }
        return ObjectTypeDefinition(
            description: nil, name: name, interfaces: interfaces, directives: directives, fields: fields,
            loc: loc(start))
    }

    /// UnionTypeExtension :
    ///   - extend union Name Directives[Const]? UnionMemberTypes
    ///   - extend union Name Directives[Const]
    mutating func parseUnionTypeExtension() throws(GraphQLError) -> UnionTypeDefinition {
        let start = token
        try expectKeyword("extend")
        try expectKeyword("union")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let types = try parseUnionMemberTypes()
        if directives.isEmpty && types.isEmpty { throw unexpected() }
        return UnionTypeDefinition(description: nil, name: name, directives: directives, types: types, loc: loc(start))
    }

    /// EnumTypeExtension :
    ///   - extend enum Name Directives[Const]? EnumValuesDefinition
    ///   - extend enum Name Directives[Const] [lookahead != {]
    mutating func parseEnumTypeExtension() throws(GraphQLError) -> EnumTypeDefinition {
        let start = token
        try expectKeyword("extend")
        try expectKeyword("enum")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let values = try parseEnumValuesDefinition()
        if directives.isEmpty && values.isEmpty { throw unexpected() }
        return EnumTypeDefinition(description: nil, name: name, directives: directives, values: values, loc: loc(start))
    }

    /// InputObjectTypeExtension :
    ///   - extend input Name Directives[Const]? InputFieldsDefinition
    ///   - extend input Name Directives[Const] [lookahead != {]
    mutating func parseInputObjectTypeExtension() throws(GraphQLError) -> InputObjectTypeDefinition {
        let start = token
        try expectKeyword("extend")
        try expectKeyword("input")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let fields = try parseInputFieldsDefinition()
        if directives.isEmpty && fields.isEmpty { throw unexpected() }
        return InputObjectTypeDefinition(
            description: nil, name: name, directives: directives, fields: fields, loc: loc(start))
    }

    /// DirectiveExtension : extend directive @ Name Directives[Const]
    ///
    /// From the draft specification, as graphql-core 3.3 parses it.
    mutating func parseDirectiveExtension() throws(GraphQLError) -> DirectiveExtension {
        let start = token
        try expectKeyword("extend")
        try expectKeyword("directive")
        try expectToken(.at)
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        if directives.isEmpty { throw unexpected() }
        return DirectiveExtension(name: name, directives: directives, loc: loc(start))
    }
}
