extension Parser {
    /// Whether a description (a string of either form) is at the cursor.
    func peekDescription() -> Bool { peek(.string) || peek(.blockString) }

    /// Description : StringValue
    mutating func parseDescription() throws(GraphQLError) -> StringDescription? {
        guard peekDescription() else { return nil }
        let start = token
        let value = lexer.stringValue ?? ""
        try advance()
        return StringDescription(value: value, block: start.kind == .blockString, loc: loc(start))
    }

    /// SchemaDefinition : Description? schema Directives[Const]? { RootOperationTypeDefinition+ }
    mutating func parseSchemaDefinition() throws(GraphQLError) -> SchemaDefinition {
        let start = token
        let description = try parseDescription()
        try expectKeyword("schema")
        let directives = try parseDirectives(isConst: true)
        let operationTypes = try many(
            .braceL, { (p: inout Parser) throws(GraphQLError) in try p.parseRootOperationTypeDefinition() }, .braceR)
        return SchemaDefinition(
            description: description, directives: directives, operationTypes: operationTypes, loc: loc(start))
    }

    /// RootOperationTypeDefinition : OperationType : NamedType
    mutating func parseRootOperationTypeDefinition() throws(GraphQLError) -> RootOperationTypeDefinition {
        let start = token
        let operation = try parseOperationType()
        try expectToken(.colon)
        let type = try parseNamedType()
        return RootOperationTypeDefinition(operation: operation, type: type, loc: loc(start))
    }

    /// ScalarTypeDefinition : Description? scalar Name Directives[Const]?
    mutating func parseScalarTypeDefinition() throws(GraphQLError) -> ScalarTypeDefinition {
        let start = token
        let description = try parseDescription()
        try expectKeyword("scalar")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        return ScalarTypeDefinition(description: description, name: name, directives: directives, loc: loc(start))
    }

    /// ObjectTypeDefinition :
    ///   Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
    mutating func parseObjectTypeDefinition() throws(GraphQLError) -> ObjectTypeDefinition {
        try parseFieldedTypeDefinition(keyword: "type")
    }

    /// InterfaceTypeDefinition :
    ///   Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
    mutating func parseInterfaceTypeDefinition() throws(GraphQLError) -> InterfaceTypeDefinition {
        try parseFieldedTypeDefinition(keyword: "interface")
    }

    /// The shared shape of object and interface type definitions.
    mutating func parseFieldedTypeDefinition(keyword: StaticString) throws(GraphQLError) -> ObjectTypeDefinition {
        let start = token
        let description = try parseDescription()
        try expectKeyword(keyword)
        let name = try parseName()
        let interfaces = try parseImplementsInterfaces()
        let directives = try parseDirectives(isConst: true)
        let fields = try parseFieldsDefinition()
        return ObjectTypeDefinition(
            description: description, name: name, interfaces: interfaces, directives: directives, fields: fields,
            loc: loc(start))
    }

    /// ImplementsInterfaces : implements `&`? NamedType | ImplementsInterfaces & NamedType
    mutating func parseImplementsInterfaces() throws(GraphQLError) -> [NamedTypeNode] {
        guard try expectOptionalKeyword("implements") else { return [] }
        return try delimitedMany(.amp, { (p: inout Parser) throws(GraphQLError) in try p.parseNamedType() })
    }

    /// FieldsDefinition : { FieldDefinition+ }
    mutating func parseFieldsDefinition() throws(GraphQLError) -> [FieldDefinition] {
        try optionalMany(.braceL, { (p: inout Parser) throws(GraphQLError) in try p.parseFieldDefinition() }, .braceR)
    }

    /// FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]?
    mutating func parseFieldDefinition() throws(GraphQLError) -> FieldDefinition {
        let start = token
        let description = try parseDescription()
        let name = try parseName()
        let arguments = try parseArgumentDefinitions()
        try expectToken(.colon)
        let type = try parseTypeReference()
        let directives = try parseDirectives(isConst: true)
        return FieldDefinition(
            description: description, name: name, arguments: arguments, type: type, directives: directives,
            loc: loc(start))
    }

    /// ArgumentsDefinition : ( InputValueDefinition+ )
    mutating func parseArgumentDefinitions() throws(GraphQLError) -> [InputValueDefinition] {
        try optionalMany(
            .parenL, { (p: inout Parser) throws(GraphQLError) in try p.parseInputValueDefinition() }, .parenR)
    }

    /// InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]?
    mutating func parseInputValueDefinition() throws(GraphQLError) -> InputValueDefinition {
        let start = token
        let description = try parseDescription()
        let name = try parseName()
        try expectToken(.colon)
        let type = try parseTypeReference()
        let defaultValue = try expectOptionalToken(.equals) ? try parseValueLiteral(isConst: true) : nil
        let directives = try parseDirectives(isConst: true)
        return InputValueDefinition(
            description: description, name: name, type: type, defaultValue: defaultValue, directives: directives,
            loc: loc(start))
    }

    /// UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes?
    mutating func parseUnionTypeDefinition() throws(GraphQLError) -> UnionTypeDefinition {
        let start = token
        let description = try parseDescription()
        try expectKeyword("union")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let types = try parseUnionMemberTypes()
        return UnionTypeDefinition(
            description: description, name: name, directives: directives, types: types, loc: loc(start))
    }

    /// UnionMemberTypes : = `|`? NamedType | UnionMemberTypes | NamedType
    mutating func parseUnionMemberTypes() throws(GraphQLError) -> [NamedTypeNode] {
        guard try expectOptionalToken(.equals) else { return [] }
        return try delimitedMany(.pipe, { (p: inout Parser) throws(GraphQLError) in try p.parseNamedType() })
    }

    /// EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition?
    mutating func parseEnumTypeDefinition() throws(GraphQLError) -> EnumTypeDefinition {
        let start = token
        let description = try parseDescription()
        try expectKeyword("enum")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let values = try parseEnumValuesDefinition()
        return EnumTypeDefinition(
            description: description, name: name, directives: directives, values: values, loc: loc(start))
    }

    /// EnumValuesDefinition : { EnumValueDefinition+ }
    mutating func parseEnumValuesDefinition() throws(GraphQLError) -> [EnumValueDefinition] {
        try optionalMany(
            .braceL, { (p: inout Parser) throws(GraphQLError) in try p.parseEnumValueDefinition() }, .braceR)
    }

    /// EnumValueDefinition : Description? EnumValue Directives[Const]?
    mutating func parseEnumValueDefinition() throws(GraphQLError) -> EnumValueDefinition {
        let start = token
        let description = try parseDescription()
        let name = try parseEnumValueName()
        let directives = try parseDirectives(isConst: true)
        return EnumValueDefinition(description: description, name: name, directives: directives, loc: loc(start))
    }

    /// EnumValue : Name but not `true`, `false` or `null`
    mutating func parseEnumValueName() throws(GraphQLError) -> Name {
        if isKeyword(token, "true") || isKeyword(token, "false") || isKeyword(token, "null") {
            throw reservedEnumValueError(token)
        }
        return try parseName()
    }

    /// InputObjectTypeDefinition : Description? input Name Directives[Const]? InputFieldsDefinition?
    mutating func parseInputObjectTypeDefinition() throws(GraphQLError) -> InputObjectTypeDefinition {
        let start = token
        let description = try parseDescription()
        try expectKeyword("input")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let fields = try parseInputFieldsDefinition()
        return InputObjectTypeDefinition(
            description: description, name: name, directives: directives, fields: fields, loc: loc(start))
    }

    /// InputFieldsDefinition : { InputValueDefinition+ }
    mutating func parseInputFieldsDefinition() throws(GraphQLError) -> [InputValueDefinition] {
        try optionalMany(
            .braceL, { (p: inout Parser) throws(GraphQLError) in try p.parseInputValueDefinition() }, .braceR)
    }

    /// DirectiveDefinition :
    ///   Description? directive @ Name ArgumentsDefinition? Directives[Const]? `repeatable`? on DirectiveLocations
    mutating func parseDirectiveDefinition() throws(GraphQLError) -> DirectiveDefinition {
        let start = token
        let description = try parseDescription()
        try expectKeyword("directive")
        try expectToken(.at)
        let name = try parseName()
        let arguments = try parseArgumentDefinitions()
        let directives = try parseDirectives(isConst: true)
        let repeatable = try expectOptionalKeyword("repeatable")
        try expectKeyword("on")
        let locations = try parseDirectiveLocations()
        return DirectiveDefinition(
            description: description, name: name, arguments: arguments, repeatable: repeatable,
            locations: locations, loc: loc(start), directives: directives)
    }

    /// DirectiveLocations : `|`? DirectiveLocation | DirectiveLocations | DirectiveLocation
    mutating func parseDirectiveLocations() throws(GraphQLError) -> [Name] {
        try delimitedMany(.pipe, { (p: inout Parser) throws(GraphQLError) in try p.parseDirectiveLocation() })
    }

    /// DirectiveLocation : ExecutableDirectiveLocation | TypeSystemDirectiveLocation
    ///
    /// The names graphql-core 3.3 knows, which include the draft's
    /// `FRAGMENT_VARIABLE_DEFINITION` and `DIRECTIVE_DEFINITION`.
    mutating func parseDirectiveLocation() throws(GraphQLError) -> Name {
        let start = token
        let name = try parseName()
        if DirectiveLocation(rawValue: name.value) != nil
            || name.value == "FRAGMENT_VARIABLE_DEFINITION" || name.value == "DIRECTIVE_DEFINITION"
        {
            return name
        }
        throw unexpected(start)
    }
}
