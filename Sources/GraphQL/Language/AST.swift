// The abstract syntax tree, shaped after the specification's grammar (and graphql-js's
// `ast.ts`): value types, each node carrying its `Location` (byte offsets into the Source).
// Type extensions reuse their definition's struct with `description == nil`.

/// Document : Definition+
public struct Document: Sendable {
    public var definitions: [Definition]
    public var loc: Location
    public let source: Source?

    public init(definitions: [Definition], loc: Location, source: Source?) {
        self.definitions = definitions
        self.loc = loc
        self.source = source
    }

    public var operations: [OperationDefinition] {
        definitions.compactMap { if case .operation(let o) = $0 { return o } else { return nil } }
    }

    public var fragments: [FragmentDefinition] {
        definitions.compactMap { if case .fragment(let f) = $0 { return f } else { return nil } }
    }
}

/// One top-level definition of a document: an operation or fragment (executable), or a
/// type-system definition or extension (SDL).
public enum Definition: Sendable {
    // ExecutableDefinition
    case operation(OperationDefinition)
    case fragment(FragmentDefinition)
    // TypeSystemDefinition
    case schema(SchemaDefinition)
    case scalarType(ScalarTypeDefinition)
    case objectType(ObjectTypeDefinition)
    case interfaceType(InterfaceTypeDefinition)
    case unionType(UnionTypeDefinition)
    case enumType(EnumTypeDefinition)
    case inputObjectType(InputObjectTypeDefinition)
    case directive(DirectiveDefinition)
    // TypeSystemExtension
    case schemaExtension(SchemaDefinition)
    case scalarTypeExtension(ScalarTypeDefinition)
    case objectTypeExtension(ObjectTypeDefinition)
    case interfaceTypeExtension(InterfaceTypeDefinition)
    case unionTypeExtension(UnionTypeDefinition)
    case enumTypeExtension(EnumTypeDefinition)
    case inputObjectTypeExtension(InputObjectTypeDefinition)
    /// `extend directive @name Directives[Const]` (graphql-core 3.3).
    case directiveExtension(DirectiveExtension)

    public var loc: Location {
        switch self {
        case .operation(let d): return d.loc
        case .fragment(let d): return d.loc
        case .schema(let d), .schemaExtension(let d): return d.loc
        case .scalarType(let d), .scalarTypeExtension(let d): return d.loc
        case .objectType(let d), .objectTypeExtension(let d): return d.loc
        case .interfaceType(let d), .interfaceTypeExtension(let d): return d.loc
        case .unionType(let d), .unionTypeExtension(let d): return d.loc
        case .enumType(let d), .enumTypeExtension(let d): return d.loc
        case .inputObjectType(let d), .inputObjectTypeExtension(let d): return d.loc
        case .directive(let d): return d.loc
        case .directiveExtension(let d): return d.loc
        }
    }

    public var isExecutable: Bool {
        switch self {
        case .operation, .fragment: return true
        default: return false
        }
    }
}

/// Name : /[_A-Za-z][_0-9A-Za-z]*/
public struct Name: Sendable, Hashable {
    public var value: String
    public var loc: Location
    public init(value: String, loc: Location) {
        self.value = value
        self.loc = loc
    }
}

// MARK: - Executable definitions

/// `query`, `mutation` or `subscription`: the keyword that starts an operation, and the
/// root type it runs against.
public enum OperationType: String, Sendable, Hashable {
    case query, mutation, subscription
}

/// OperationDefinition :
///   - OperationType Name? VariableDefinitions? Directives? SelectionSet
///   - SelectionSet
public struct OperationDefinition: Sendable {
    /// Descriptions on operations are allowed since graphql-core 3.3 (not on the shorthand form).
    public var description: StringDescription?
    public var operation: OperationType
    public var name: Name?
    public var variableDefinitions: [VariableDefinition]
    public var directives: [Directive]
    public var selectionSet: SelectionSet
    public var loc: Location

    public init(
        operation: OperationType, name: Name?, variableDefinitions: [VariableDefinition],
        directives: [Directive], selectionSet: SelectionSet, loc: Location, description: StringDescription? = nil
    ) {
        self.description = description
        self.operation = operation
        self.name = name
        self.variableDefinitions = variableDefinitions
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }
}

/// VariableDefinition : Variable : Type DefaultValue? Directives[Const]?
public struct VariableDefinition: Sendable {
    public var description: StringDescription?
    public var variable: Variable
    public var type: TypeNode
    public var defaultValue: Value?
    public var directives: [Directive]
    public var loc: Location

    public init(
        variable: Variable, type: TypeNode, defaultValue: Value?, directives: [Directive], loc: Location,
        description: StringDescription? = nil
    ) {
        self.description = description
        self.variable = variable
        self.type = type
        self.defaultValue = defaultValue
        self.directives = directives
        self.loc = loc
    }
}

/// Variable : $ Name
public struct Variable: Sendable, Hashable {
    public var name: Name
    public var loc: Location
    public init(name: Name, loc: Location) {
        self.name = name
        self.loc = loc
    }
}

/// SelectionSet : { Selection+ }
public struct SelectionSet: Sendable {
    public var selections: [Selection]
    public var loc: Location
    public init(selections: [Selection], loc: Location) {
        self.selections = selections
        self.loc = loc
    }
}

/// Selection : Field | FragmentSpread | InlineFragment
public enum Selection: Sendable {
    case field(Field)
    case fragmentSpread(FragmentSpread)
    case inlineFragment(InlineFragment)

    public var loc: Location {
        switch self {
        case .field(let f): return f.loc
        case .fragmentSpread(let f): return f.loc
        case .inlineFragment(let f): return f.loc
        }
    }

    public var directives: [Directive] {
        switch self {
        case .field(let f): return f.directives
        case .fragmentSpread(let f): return f.directives
        case .inlineFragment(let f): return f.directives
        }
    }
}

/// Field : Alias? Name Arguments? Directives? SelectionSet?
public struct Field: Sendable {
    public var alias: Name?
    public var name: Name
    public var arguments: [Argument]
    public var directives: [Directive]
    public var selectionSet: SelectionSet?
    public var loc: Location

    public init(
        alias: Name?, name: Name, arguments: [Argument], directives: [Directive],
        selectionSet: SelectionSet?, loc: Location
    ) {
        self.alias = alias
        self.name = name
        self.arguments = arguments
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }

    /// The key this field's value has in the response: its alias, else its name.
    public var responseKey: String { alias?.value ?? name.value }
}

/// Argument : Name : Value
public struct Argument: Sendable {
    public var name: Name
    public var value: Value
    public var loc: Location
    public init(name: Name, value: Value, loc: Location) {
        self.name = name
        self.value = value
        self.loc = loc
    }
}

/// FragmentSpread : ... FragmentName Directives?
public struct FragmentSpread: Sendable {
    public var name: Name
    public var directives: [Directive]
    public var loc: Location
    public init(name: Name, directives: [Directive], loc: Location) {
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}

/// InlineFragment : ... TypeCondition? Directives? SelectionSet
public struct InlineFragment: Sendable {
    public var typeCondition: NamedTypeNode?
    public var directives: [Directive]
    public var selectionSet: SelectionSet
    public var loc: Location
    public init(typeCondition: NamedTypeNode?, directives: [Directive], selectionSet: SelectionSet, loc: Location) {
        self.typeCondition = typeCondition
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }
}

/// FragmentDefinition : fragment FragmentName TypeCondition Directives? SelectionSet
public struct FragmentDefinition: Sendable {
    public var description: StringDescription?
    public var name: Name
    public var typeCondition: NamedTypeNode
    public var directives: [Directive]
    public var selectionSet: SelectionSet
    public var loc: Location
    public init(
        name: Name, typeCondition: NamedTypeNode, directives: [Directive], selectionSet: SelectionSet, loc: Location,
        description: StringDescription? = nil
    ) {
        self.description = description
        self.name = name
        self.typeCondition = typeCondition
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }
}

// MARK: - Values

/// Value[Const] : Variable | IntValue | FloatValue | StringValue | BooleanValue | NullValue
///              | EnumValue | ListValue[?Const] | ObjectValue[?Const]
///
/// Int and Float keep their source text: coercion decides what range applies.
public indirect enum Value: Sendable {
    case variable(Variable)
    case int(String, Location)
    case float(String, Location)
    case string(String, block: Bool, Location)
    case boolean(Bool, Location)
    case null(Location)
    case enumValue(String, Location)
    case list([Value], Location)
    case object([ObjectField], Location)

    public var loc: Location {
        switch self {
        case .variable(let v): return v.loc
        case .int(_, let l), .float(_, let l), .boolean(_, let l), .null(let l), .enumValue(_, let l):
            return l
        case .string(_, _, let l): return l
        case .list(_, let l): return l
        case .object(_, let l): return l
        }
    }
}

/// ObjectField[Const] : Name : Value[?Const]
public struct ObjectField: Sendable {
    public var name: Name
    public var value: Value
    public var loc: Location
    public init(name: Name, value: Value, loc: Location) {
        self.name = name
        self.value = value
        self.loc = loc
    }
}

// MARK: - Directives and types

/// Directive[Const] : @ Name Arguments[?Const]?
public struct Directive: Sendable {
    public var name: Name
    public var arguments: [Argument]
    public var loc: Location
    public init(name: Name, arguments: [Argument], loc: Location) {
        self.name = name
        self.arguments = arguments
        self.loc = loc
    }
}

/// Type : NamedType | ListType | NonNullType
public indirect enum TypeNode: Sendable {
    case named(NamedTypeNode)
    /// ListType : [ Type ]
    case list(TypeNode, Location)
    /// NonNullType : NamedType ! | ListType !
    case nonNull(TypeNode, Location)

    public var loc: Location {
        switch self {
        case .named(let n): return n.loc
        case .list(_, let l), .nonNull(_, let l): return l
        }
    }

    /// The innermost named type.
    public var namedType: NamedTypeNode {
        switch self {
        case .named(let n): return n
        case .list(let t, _), .nonNull(let t, _): return t.namedType
        }
    }
}

/// NamedType : Name
public struct NamedTypeNode: Sendable, Hashable {
    public var name: Name
    public var loc: Location { name.loc }
    public init(name: Name) { self.name = name }
}
