extension Parser {
    /// Value[Const] :
    ///   - [~Const] Variable
    ///   - IntValue | FloatValue | StringValue | BooleanValue | NullValue | EnumValue
    ///   - ListValue[?Const] | ObjectValue[?Const]
    ///
    ///     BooleanValue : one of `true` `false`
    ///     NullValue : `null`
    ///     EnumValue : Name but not `true`, `false` or `null`
    mutating func parseValueLiteral(isConst: Bool) throws(GraphQLError) -> Value {
        let start = token
        switch start.kind {
        case .bracketL:
            return try parseList(isConst: isConst)
        case .braceL:
            return try parseObject(isConst: isConst)
        case .int:
            try advance()
            return .int(text(of: start), loc(start))
        case .float:
            try advance()
            return .float(text(of: start), loc(start))
        case .string, .blockString:
            return try parseStringLiteral()
        case .name:
            try advance()
            if isKeyword(start, "true") { return .boolean(true, loc(start)) }
            if isKeyword(start, "false") { return .boolean(false, loc(start)) }
            if isKeyword(start, "null") { return .null(loc(start)) }
            return .enumValue(text(of: start), loc(start))
        case .dollar:
            if isConst {
                let variableToken = try expectToken(.dollar)
                throw constVariableError(variableToken)
            }
            return .variable(try parseVariable())
        default:
            throw unexpected()
        }
    }

    /// StringValue, either form.
    mutating func parseStringLiteral() throws(GraphQLError) -> Value {
        let start = token
        let value = lexer.stringValue ?? ""
        try advance()
        return .string(value, block: start.kind == .blockString, loc(start))
    }

    /// ListValue[Const] : [ ] | [ Value[?Const]+ ]
    mutating func parseList(isConst: Bool) throws(GraphQLError) -> Value {
        try enterNesting()
        let start = token
        let values = try any(
            .bracketL, { (p: inout Parser) throws(GraphQLError) in try p.parseValueLiteral(isConst: isConst) },
            .bracketR)
        leaveNesting()
        return .list(values, loc(start))
    }

    /// ObjectValue[Const] : { } | { ObjectField[?Const]+ }
    mutating func parseObject(isConst: Bool) throws(GraphQLError) -> Value {
        try enterNesting()
        let start = token
        let fields = try any(
            .braceL, { (p: inout Parser) throws(GraphQLError) in try p.parseObjectField(isConst: isConst) }, .braceR)
        leaveNesting()
        return .object(fields, loc(start))
    }

    /// ObjectField[Const] : Name : Value[?Const]
    mutating func parseObjectField(isConst: Bool) throws(GraphQLError) -> ObjectField {
        let start = token
        let name = try parseName()
        try expectToken(.colon)
        let value = try parseValueLiteral(isConst: isConst)
        return ObjectField(name: name, value: value, loc: loc(start))
    }

    // MARK: - Directives

    /// Directives[Const] : Directive[?Const]+
    @inline(never)
    mutating func parseDirectives(isConst: Bool) throws(GraphQLError) -> [Directive] {
        var directives: [Directive] = []
        while peek(.at) {
            directives.append(try parseDirective(isConst: isConst))
        }
        return directives
    }

    /// Directive[Const] : @ Name Arguments[?Const]?
    mutating func parseDirective(isConst: Bool) throws(GraphQLError) -> Directive {
        let start = token
        try expectToken(.at)
        let name = try parseName()
        let arguments = try parseArguments(isConst: isConst)
        return Directive(name: name, arguments: arguments, loc: loc(start))
    }

    // MARK: - Types

    /// Type : NamedType | ListType | NonNullType
    ///
    ///     ListType : [ Type ]
    ///     NonNullType : NamedType ! | ListType !
    mutating func parseTypeReference() throws(GraphQLError) -> TypeNode {
        let start = token
        var type: TypeNode
        if try expectOptionalToken(.bracketL) {
            try enterNesting()
            let inner = try parseTypeReference()
            leaveNesting()
            try expectToken(.bracketR)
            type = .list(inner, loc(start))
        } else {
            type = .named(try parseNamedType())
        }
        if try expectOptionalToken(.bang) {
            type = .nonNull(type, loc(start))
        }
        return type
    }

    /// NamedType : Name
    mutating func parseNamedType() throws(GraphQLError) -> NamedTypeNode {
        NamedTypeNode(name: try parseName())
    }
}
