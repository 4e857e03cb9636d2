/// The kinds of lexical token the parser sees. Comments and ignored characters never
/// reach the parser, so they have no kind here.
enum TokenKind: UInt8, Sendable {
    case sof
    case eof
    case bang
    case dollar
    case amp
    case parenL
    case parenR
    case spread
    case colon
    case equals
    case at
    case bracketL
    case bracketR
    case braceL
    case pipe
    case braceR
    case name
    case int
    case float
    case string
    case blockString

    /// How graphql-core names the kind in error messages: punctuators quoted, the
    /// others by their grammar name.
    var description: String {
        switch self {
        case .sof: return "<SOF>"
        case .eof: return "<EOF>"
        case .bang: return "'!'"
        case .dollar: return "'$'"
        case .amp: return "'&'"
        case .parenL: return "'('"
        case .parenR: return "')'"
        case .spread: return "'...'"
        case .colon: return "':'"
        case .equals: return "'='"
        case .at: return "'@'"
        case .bracketL: return "'['"
        case .bracketR: return "']'"
        case .braceL: return "'{'"
        case .pipe: return "'|'"
        case .braceR: return "'}'"
        case .name: return "Name"
        case .int: return "Int"
        case .float: return "Float"
        case .string: return "String"
        case .blockString: return "BlockString"
        }
    }
}

/// One lexical token: its kind and byte range in the source. A plain value with nothing to
/// retain, so copying tokens around the parser costs nothing. Names and numbers are read from
/// the source bytes when the parser needs them; a string's decoded value is kept by the lexer
/// (`Lexer.stringValue`) for the token it last returned.
struct Token: Sendable {
    var kind: TokenKind
    var start: Int
    var end: Int

    @inline(__always) init(_ kind: TokenKind, _ start: Int, _ end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
    }
}
