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
