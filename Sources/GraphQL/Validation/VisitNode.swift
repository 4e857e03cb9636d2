/// The nodes validation visits, in the order graphql-js's visitor enters them
/// (`QUERY_DOCUMENT_KEYS`). A variable used as a value arrives as `.variable`, every
/// other value as `.value`: the same split graphql-js makes between `Variable` and the
/// value kinds.
public enum VisitNode {
    case document(Document)
    case operation(OperationDefinition)
    case variableDefinition(VariableDefinition)
    case variable(Variable)
    case selectionSet(SelectionSet)
    case field(Field)
    case argument(Argument)
    case fragmentSpread(FragmentSpread)
    case inlineFragment(InlineFragment)
    case fragmentDefinition(FragmentDefinition)
    case value(Value)
    case objectField(ObjectField)
    case directive(Directive)
    case namedType(NamedTypeNode)
    case listType(TypeNode)
    case nonNullType(TypeNode)
}

/// What a rule's `enter` asks of the walk below the node.
public enum VisitResult {
    /// Visit the node's children.
    case proceed
    /// Skip the node's children for this rule only; its `leave` is not called either.
    case skip
}

/// Kinds of visited nodes, so a rule can say which it handles and the walk calls it for
/// those only: most rules look at one or two kinds, and calling every rule at every
/// node was most of validation's cost.
public struct VisitKinds: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let document = VisitKinds(rawValue: 1 << 0)
    public static let operation = VisitKinds(rawValue: 1 << 1)
    public static let variableDefinition = VisitKinds(rawValue: 1 << 2)
    public static let variable = VisitKinds(rawValue: 1 << 3)
    public static let selectionSet = VisitKinds(rawValue: 1 << 4)
    public static let field = VisitKinds(rawValue: 1 << 5)
    public static let argument = VisitKinds(rawValue: 1 << 6)
    public static let fragmentSpread = VisitKinds(rawValue: 1 << 7)
    public static let inlineFragment = VisitKinds(rawValue: 1 << 8)
    public static let fragmentDefinition = VisitKinds(rawValue: 1 << 9)
    public static let value = VisitKinds(rawValue: 1 << 10)
    public static let objectField = VisitKinds(rawValue: 1 << 11)
    public static let directive = VisitKinds(rawValue: 1 << 12)
    public static let namedType = VisitKinds(rawValue: 1 << 13)
    public static let listType = VisitKinds(rawValue: 1 << 14)
    public static let nonNullType = VisitKinds(rawValue: 1 << 15)

    public static let all = VisitKinds(rawValue: (1 << 16) - 1)
    static let count = 16
}

extension VisitNode {
    /// The node's kind as a bit index into `VisitKinds`.
    var kindIndex: Int {
        switch self {
        case .document: return 0
        case .operation: return 1
        case .variableDefinition: return 2
        case .variable: return 3
        case .selectionSet: return 4
        case .field: return 5
        case .argument: return 6
        case .fragmentSpread: return 7
        case .inlineFragment: return 8
        case .fragmentDefinition: return 9
        case .value: return 10
        case .objectField: return 11
        case .directive: return 12
        case .namedType: return 13
        case .listType: return 14
        case .nonNullType: return 15
        }
    }
}
