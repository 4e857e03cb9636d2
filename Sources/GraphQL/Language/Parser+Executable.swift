extension Parser {
    /// Document : Definition+
    mutating func parseDocument() throws(GraphQLError) -> Document {
        let start = token
        let definitions = try many(.sof, { (p: inout Parser) throws(GraphQLError) in try p.parseDefinition() }, .eof)
        return Document(definitions: definitions, loc: loc(start), source: source)
    }

    /// Definition : ExecutableDefinition | TypeSystemDefinitionOrExtension
    ///
    ///     ExecutableDefinition : OperationDefinition | FragmentDefinition
    ///     TypeSystemDefinition : SchemaDefinition | TypeDefinition | DirectiveDefinition
    ///
    /// Many definitions begin with a description, so the keyword may be one token ahead.
    mutating func parseDefinition() throws(GraphQLError) -> Definition {
        if peek(.braceL) {
            return .operation(try parseOperationDefinition())
        }
        let hasDescription = peekDescription()
        let keyword = hasDescription ? try lexer.lookahead() : token
        if hasDescription && keyword.kind == .braceL {
            throw syntaxError(
                "Unexpected description, descriptions are not supported on shorthand queries.", at: token.start)
        }
        if keyword.kind == .name {
            switch text(of: keyword) {
            case "schema": return .schema(try parseSchemaDefinition())
            case "scalar": return .scalarType(try parseScalarTypeDefinition())
            case "type": return .objectType(try parseObjectTypeDefinition())
            case "interface": return .interfaceType(try parseInterfaceTypeDefinition())
            case "union": return .unionType(try parseUnionTypeDefinition())
            case "enum": return .enumType(try parseEnumTypeDefinition())
            case "input": return .inputObjectType(try parseInputObjectTypeDefinition())
            case "directive": return .directive(try parseDirectiveDefinition())
            case "query", "mutation", "subscription": return .operation(try parseOperationDefinition())
            case "fragment": return .fragment(try parseFragmentDefinition())
            case "extend":
                if hasDescription {
                    throw syntaxError(
                        "Unexpected description, only GraphQL definitions support descriptions.", at: token.start)
                }
                return try parseTypeSystemExtension()
            default:
                if hasDescription {
                    throw syntaxError(
                        "Unexpected description, only GraphQL definitions support descriptions.", at: token.start)
                }
            }
        }
        throw unexpected(keyword)
    }

    // MARK: - Operations

    /// OperationDefinition :
    ///   - SelectionSet
    ///   - Description? OperationType Name? VariableDefinitions? Directives? SelectionSet
    mutating func parseOperationDefinition() throws(GraphQLError) -> OperationDefinition {
        let start = token
        if peek(.braceL) {
            let selectionSet = try parseSelectionSet()
            return OperationDefinition(
                operation: .query, name: nil, variableDefinitions: [], directives: [],
                selectionSet: selectionSet, loc: loc(start))
        }
        let description = try parseDescription()
        let operation = try parseOperationType()
        let name = peek(.name) ? try parseName() : nil
        let variableDefinitions = try parseVariableDefinitions()
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        return OperationDefinition(
            operation: operation, name: name, variableDefinitions: variableDefinitions, directives: directives,
            selectionSet: selectionSet, loc: loc(start), description: description)
    }

    /// OperationType : one of `query` `mutation` `subscription`
    mutating func parseOperationType() throws(GraphQLError) -> OperationType {
        let operationToken = try expectToken(.name)
        if isKeyword(operationToken, "query") { return .query }
        if isKeyword(operationToken, "subscription") { return .subscription }
        if isKeyword(operationToken, "mutation") { return .mutation }
        throw unexpected(operationToken)
    }

    /// VariableDefinitions : ( VariableDefinition+ )
    mutating func parseVariableDefinitions() throws(GraphQLError) -> [VariableDefinition] {
        try optionalMany(.parenL, { (p: inout Parser) throws(GraphQLError) in try p.parseVariableDefinition() }, .parenR)
    }

    /// VariableDefinition : Description? Variable : Type DefaultValue? Directives[Const]?
    mutating func parseVariableDefinition() throws(GraphQLError) -> VariableDefinition {
        let start = token
        let description = try parseDescription()
        let variable = try parseVariable()
        try expectToken(.colon)
        let type = try parseTypeReference()
        let defaultValue = try expectOptionalToken(.equals) ? try parseValueLiteral(isConst: true) : nil
        let directives = try parseDirectives(isConst: true)
        return VariableDefinition(
            variable: variable, type: type, defaultValue: defaultValue, directives: directives, loc: loc(start),
            description: description)
    }

    /// Variable : $ Name
    mutating func parseVariable() throws(GraphQLError) -> Variable {
        let start = token
        try expectToken(.dollar)
        let name = try parseName()
        return Variable(name: name, loc: loc(start))
    }

    /// SelectionSet : { Selection* }
    ///
    /// graphql-core 3.3 accepts an empty selection set (graphql-spec PR 1227), and so do we.
    mutating func parseSelectionSet() throws(GraphQLError) -> SelectionSet {
        try enterNesting()
        let start = token
        let selections = try any(.braceL, { (p: inout Parser) throws(GraphQLError) in try p.parseSelection() }, .braceR)
        leaveNesting()
        return SelectionSet(selections: selections, loc: loc(start))
    }

    /// Selection : Field | FragmentSpread | InlineFragment
    mutating func parseSelection() throws(GraphQLError) -> Selection {
        peek(.spread) ? try parseFragment() : .field(try parseField())
    }

    /// Field : Alias? Name Arguments? Directives? SelectionSet?
    ///
    ///     Alias : Name :
    mutating func parseField() throws(GraphQLError) -> Field {
        let start = token
        let nameOrAlias = try parseName()
        let alias: Name?
        let name: Name
        if try expectOptionalToken(.colon) {
            alias = nameOrAlias
            name = try parseName()
        } else {
            alias = nil
            name = nameOrAlias
        }
        let arguments = try parseArguments(isConst: false)
        let directives = try parseDirectives(isConst: false)
        let selectionSet = peek(.braceL) ? try parseSelectionSet() : nil
        return Field(
            alias: alias, name: name, arguments: arguments, directives: directives, selectionSet: selectionSet,
            loc: loc(start))
    }

    /// Arguments[Const] : ( Argument[?Const]+ )
    @inline(never)
    mutating func parseArguments(isConst: Bool) throws(GraphQLError) -> [Argument] {
        try optionalMany(
            .parenL, { (p: inout Parser) throws(GraphQLError) in try p.parseArgument(isConst: isConst) }, .parenR)
    }

    /// Argument[Const] : Name : Value[?Const]
    mutating func parseArgument(isConst: Bool) throws(GraphQLError) -> Argument {
        let start = token
        let name = try parseName()
        try expectToken(.colon)
        let value = try parseValueLiteral(isConst: isConst)
        return Argument(name: name, value: value, loc: loc(start))
    }

    // MARK: - Fragments

    /// Both FragmentSpread and InlineFragment, which share their start:
    ///
    ///     FragmentSpread : ... FragmentName Directives?
    ///     InlineFragment : ... TypeCondition? Directives? SelectionSet
    @inline(never)
    mutating func parseFragment() throws(GraphQLError) -> Selection {
        let start = token
        try expectToken(.spread)
        let hasTypeCondition = try expectOptionalKeyword("on")
        if !hasTypeCondition && peek(.name) {
            let name = try parseFragmentName()
            let directives = try parseDirectives(isConst: false)
            return .fragmentSpread(FragmentSpread(name: name, directives: directives, loc: loc(start)))
        }
        let typeCondition = hasTypeCondition ? try parseNamedType() : nil
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        return .inlineFragment(
            InlineFragment(
                typeCondition: typeCondition, directives: directives, selectionSet: selectionSet, loc: loc(start)))
    }

    /// FragmentDefinition : Description? fragment FragmentName TypeCondition Directives? SelectionSet
    mutating func parseFragmentDefinition() throws(GraphQLError) -> FragmentDefinition {
        let start = token
        let description = try parseDescription()
        try expectKeyword("fragment")
        let name = try parseFragmentName()
        let typeCondition = try parseTypeCondition()
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        return FragmentDefinition(
            name: name, typeCondition: typeCondition, directives: directives, selectionSet: selectionSet,
            loc: loc(start), description: description)
    }

    /// FragmentName : Name but not `on`
    mutating func parseFragmentName() throws(GraphQLError) -> Name {
        if isKeyword(token, "on") { throw unexpected() }
        return try parseName()
    }

    /// TypeCondition : on NamedType
    mutating func parseTypeCondition() throws(GraphQLError) -> NamedTypeNode {
        try expectKeyword("on")
        return try parseNamedType()
    }

    // MARK: - Names

    /// Name : /[_A-Za-z][_0-9A-Za-z]*/
    mutating func parseName() throws(GraphQLError) -> Name {
        let nameToken = try expectToken(.name)
        return Name(value: text(of: nameToken), loc: Location(start: nameToken.start, end: nameToken.end))
    }
}
