/// Bounds on the work one parse may do, so hostile input costs little.
public struct ParseLimits: Sendable, Hashable {
    /// Most tokens (comments and `<EOF>` not counted) a document may have.
    public var maxTokens: Int
    /// Deepest nesting of selection sets, list and object values and list types together.
    public var maxDepth: Int

    public init(maxTokens: Int = 100_000, maxDepth: Int = 200) {
        self.maxTokens = maxTokens
        self.maxDepth = maxDepth
    }

    public static let `default` = ParseLimits()
}

/// Parses a GraphQL document (executable definitions, type-system definitions and
/// extensions). Errors read `Syntax Error: …` as graphql-core words them, located at the
/// offending token.
public func parseDocument(_ source: Source, limits: ParseLimits = .default) throws(GraphQLError) -> Document {
    try withParser(source, limits) { (p: inout Parser) throws(GraphQLError) in try p.parseDocument() }
}

/// Parses a lone value, such as `[42, {a: $x}]`; variables are allowed.
public func parseValue(_ source: Source) throws(GraphQLError) -> Value {
    try withParser(source, .default) { (p: inout Parser) throws(GraphQLError) in
        try p.expectToken(.sof)
        let value = try p.parseValueLiteral(isConst: false)
        try p.expectToken(.eof)
        return value
    }
}

/// Parses a lone constant value: a variable in it is an error.
public func parseConstValue(_ source: Source) throws(GraphQLError) -> Value {
    try withParser(source, .default) { (p: inout Parser) throws(GraphQLError) in
        try p.expectToken(.sof)
        let value = try p.parseValueLiteral(isConst: true)
        try p.expectToken(.eof)
        return value
    }
}

/// Parses a lone type reference, such as `[String!]!`.
public func parseType(_ source: Source) throws(GraphQLError) -> TypeNode {
    try withParser(source, .default) { (p: inout Parser) throws(GraphQLError) in
        try p.expectToken(.sof)
        let type = try p.parseTypeReference()
        try p.expectToken(.eof)
        return type
    }
}

/// Runs `body` with a parser over the source's bytes, which stay pinned for the call.
private func withParser<T>(
    _ source: Source, _ limits: ParseLimits, _ body: (inout Parser) throws(GraphQLError) -> T
) throws(GraphQLError) -> T {
    let result: Result<T, GraphQLError> = source.bytes.withUnsafeBufferPointer { bytes in
        var parser = Parser(source: source, bytes: bytes, limits: limits)
        do throws(GraphQLError) {
            return .success(try body(&parser))
        } catch {
            return .failure(error)
        }
    }
    return try result.get()
}

/// A recursive-descent parser shaped like graphql-js's: one method per grammar rule, with
/// the rule in its doc comment, over the helpers `peek`, `expectToken`, `expectKeyword`,
/// `any`, `many`, `optionalMany` and `delimitedMany`.
///
/// Recursion is bounded by `limits.maxDepth` (every rule that nests counts a level), and
/// the work by `limits.maxTokens`, so no input can overflow the stack or run long.
struct Parser {
    let source: Source
    var lexer: Lexer
    let limits: ParseLimits
    /// The token at the cursor, not yet consumed.
    var token: Token
    /// End of the last consumed token: where the node being built ends.
    var lastEnd: Int = 0
    var tokenCount = 0
    var depth = 0

    init(source: Source, bytes: UnsafeBufferPointer<UInt8>, limits: ParseLimits) {
        self.source = source
        self.lexer = Lexer(source: source, bytes: bytes)
        self.limits = limits
        self.token = Token(.sof, 0, 0)
    }

    // MARK: - Tokens

    /// Moves to the next token, enforcing the token limit.
    ///
    /// Never inlined, here and in a few rules below: inlined into the recursive rules, the
    /// lexer's locals would make every nesting level's stack frame larger.
    @inline(never)
    mutating func advance() throws(GraphQLError) {
        lastEnd = token.end
        token = try lexer.next()
        if token.kind != .eof {
            tokenCount += 1
            if tokenCount > limits.maxTokens { throw tooManyTokensError() }
        }
    }

    /// Whether the token at the cursor is of `kind`.
    @inline(__always) func peek(_ kind: TokenKind) -> Bool { token.kind == kind }

    /// Consumes a token of `kind` and returns it, or fails without moving.
    @discardableResult
    mutating func expectToken(_ kind: TokenKind) throws(GraphQLError) -> Token {
        let current = token
        guard current.kind == kind else { throw expectedError(kind.description, current) }
        try advance()
        return current
    }

    /// Consumes a token of `kind` if it is at the cursor.
    mutating func expectOptionalToken(_ kind: TokenKind) throws(GraphQLError) -> Bool {
        guard token.kind == kind else { return false }
        try advance()
        return true
    }

    /// Consumes the name `keyword`, or fails without moving.
    mutating func expectKeyword(_ keyword: StaticString) throws(GraphQLError) {
        guard isKeyword(token, keyword) else { throw expectedError("'\(keyword)'", token) }
        try advance()
    }

    /// Consumes the name `keyword` if it is at the cursor.
    mutating func expectOptionalKeyword(_ keyword: StaticString) throws(GraphQLError) -> Bool {
        guard isKeyword(token, keyword) else { return false }
        try advance()
        return true
    }

    /// Whether `token` is the name `keyword`, compared on bytes to avoid making a String.
    func isKeyword(_ token: Token, _ keyword: StaticString) -> Bool {
        guard token.kind == .name, token.end - token.start == keyword.utf8CodeUnitCount else { return false }
        let k = keyword.utf8Start
        var i = 0
        while i < keyword.utf8CodeUnitCount {
            if lexer.bytes[token.start + i] != k[i] { return false }
            i += 1
        }
        return true
    }

    /// The source text of a token (a name or a number).
    func text(of token: Token) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: lexer.bytes[token.start..<token.end]), as: UTF8.self)
    }

    /// The location of a node that began with `start` and ends with the last consumed token.
    @inline(__always) func loc(_ start: Token) -> Location { Location(start: start.start, end: lastEnd) }

    // MARK: - Lists of nodes

    /// `open` item* `close`: possibly none.
    mutating func any<T>(
        _ open: TokenKind, _ item: (inout Parser) throws(GraphQLError) -> T, _ close: TokenKind
    ) throws(GraphQLError) -> [T] {
        try expectToken(open)
        var nodes: [T] = []
        while try !expectOptionalToken(close) {
            nodes.append(try item(&self))
        }
        return nodes
    }

    /// `open` item+ `close`: at least one.
    mutating func many<T>(
        _ open: TokenKind, _ item: (inout Parser) throws(GraphQLError) -> T, _ close: TokenKind
    ) throws(GraphQLError) -> [T] {
        try expectToken(open)
        var nodes: [T] = [try item(&self)]
        while try !expectOptionalToken(close) {
            nodes.append(try item(&self))
        }
        return nodes
    }

    /// (`open` item+ `close`)?: empty when `open` is absent, else at least one.
    mutating func optionalMany<T>(
        _ open: TokenKind, _ item: (inout Parser) throws(GraphQLError) -> T, _ close: TokenKind
    ) throws(GraphQLError) -> [T] {
        guard try expectOptionalToken(open) else { return [] }
        var nodes: [T] = [try item(&self)]
        while try !expectOptionalToken(close) {
            nodes.append(try item(&self))
        }
        return nodes
    }

    /// `delimiter`? item (`delimiter` item)*: at least one.
    mutating func delimitedMany<T>(
        _ delimiter: TokenKind, _ item: (inout Parser) throws(GraphQLError) -> T
    ) throws(GraphQLError) -> [T] {
        _ = try expectOptionalToken(delimiter)
        var nodes: [T] = []
        repeat {
            nodes.append(try item(&self))
        } while try expectOptionalToken(delimiter)
        return nodes
    }

    // MARK: - Nesting

    /// Counts one level of nesting; fails at the cursor's token past `limits.maxDepth`.
    mutating func enterNesting() throws(GraphQLError) {
        depth += 1
        if depth > limits.maxDepth { throw nestedTooDeeplyError() }
    }

    @inline(__always) mutating func leaveNesting() { depth -= 1 }

    // MARK: - Errors
    //
    // Built out of line (`@inline(never)`) so that message formatting takes no room in the
    // frames of the recursive rules: that keeps the stack a deep document needs small.

    @inline(never)
    func syntaxError(_ message: String, at offset: Int) -> GraphQLError {
        lexer.syntaxError(message, at: offset)
    }

    /// `Unexpected <token>.` at `token` (the cursor's by default).
    @inline(never)
    func unexpected(_ at: Token? = nil) -> GraphQLError {
        let t = at ?? token
        return syntaxError("Unexpected \(describe(t)).", at: t.start)
    }

    @inline(never)
    func expectedError(_ expected: String, _ found: Token) -> GraphQLError {
        syntaxError("Expected \(expected), found \(describe(found)).", at: found.start)
    }

    @inline(never)
    func tooManyTokensError() -> GraphQLError {
        syntaxError("Document contains more than \(limits.maxTokens) tokens. Parsing aborted.", at: token.start)
    }

    @inline(never)
    func nestedTooDeeplyError() -> GraphQLError {
        syntaxError("Document is nested too deeply. Parsing aborted.", at: token.start)
    }

    /// A `$` in a constant value: named if a name follows it, else just unexpected.
    @inline(never)
    func constVariableError(_ dollar: Token) -> GraphQLError {
        guard token.kind == .name else { return unexpected(dollar) }
        return syntaxError("Unexpected variable '$\(text(of: token))' in constant value.", at: dollar.start)
    }

    @inline(never)
    func reservedEnumValueError(_ name: Token) -> GraphQLError {
        syntaxError("\(describe(name)) is reserved and cannot be used for an enum value.", at: name.start)
    }

    /// A token as graphql-core describes it: its kind, then its value quoted if it has one.
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .name, .int, .float:
            return "\(token.kind.description) '\(text(of: token))'"
        case .string, .blockString:
            // Read the string again for its value: only error messages need it.
            var value: String? = nil
            _ = try? lexer.read(from: token.start, value: &value)
            return "\(token.kind.description) '\(value ?? "")'"
        default:
            return token.kind.description
        }
    }
}
