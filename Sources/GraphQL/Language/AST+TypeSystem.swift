// The type-system half of the AST: schema, type and directive definitions and their
// extensions (which reuse the definition structs).

// MARK: - Type system definitions

/// SchemaDefinition : Description? schema Directives[Const]? { RootOperationTypeDefinition+ }
/// SchemaExtension : extend schema Directives[Const]? { RootOperationTypeDefinition+ } | extend schema Directives[Const]
public struct SchemaDefinition: Sendable {
    public var description: StringDescription?
    public var directives: [Directive]
    public var operationTypes: [RootOperationTypeDefinition]
    public var loc: Location
    public init(description: StringDescription?, directives: [Directive], operationTypes: [RootOperationTypeDefinition], loc: Location) {
        self.description = description
        self.directives = directives
        self.operationTypes = operationTypes
        self.loc = loc
    }
}

/// RootOperationTypeDefinition : OperationType : NamedType
public struct RootOperationTypeDefinition: Sendable {
    public var operation: OperationType
    public var type: NamedTypeNode
    public var loc: Location
    public init(operation: OperationType, type: NamedTypeNode, loc: Location) {
        self.operation = operation
        self.type = type
        self.loc = loc
    }
}

/// Description : StringValue
public struct StringDescription: Sendable {
    public var value: String
    public var block: Bool
    public var loc: Location
    public init(value: String, block: Bool, loc: Location) {
        self.value = value
        self.block = block
        self.loc = loc
    }
}

/// ScalarTypeDefinition : Description? scalar Name Directives[Const]?
public struct ScalarTypeDefinition: Sendable {
    public var description: StringDescription?
    public var name: Name
    public var directives: [Directive]
    public var loc: Location
    public init(description: StringDescription?, name: Name, directives: [Directive], loc: Location) {
        self.description = description
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}

/// ObjectTypeDefinition : Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
public struct ObjectTypeDefinition: Sendable {
    public var description: StringDescription?
    public var name: Name
    public var interfaces: [NamedTypeNode]
    public var directives: [Directive]
    public var fields: [FieldDefinition]
    public var loc: Location
    public init(
        description: StringDescription?, name: Name, interfaces: [NamedTypeNode], directives: [Directive],
        fields: [FieldDefinition], loc: Location
    ) {
        self.description = description
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// InterfaceTypeDefinition : Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
public typealias InterfaceTypeDefinition = ObjectTypeDefinition

/// FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]?
public struct FieldDefinition: Sendable {
    public var description: StringDescription?
    public var name: Name
    public var arguments: [InputValueDefinition]
    public var type: TypeNode
    public var directives: [Directive]
    public var loc: Location
    public init(
        description: StringDescription?, name: Name, arguments: [InputValueDefinition], type: TypeNode,
        directives: [Directive], loc: Location
    ) {
        self.description = description
        self.name = name
        self.arguments = arguments
        self.type = type
        self.directives = directives
        self.loc = loc
    }
}

/// InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]?
public struct InputValueDefinition: Sendable {
    public var description: StringDescription?
    public var name: Name
    public var type: TypeNode
    public var defaultValue: Value?
    public var directives: [Directive]
    public var loc: Location
    public init(
        description: StringDescription?, name: Name, type: TypeNode, defaultValue: Value?,
        directives: [Directive], loc: Location
    ) {
        self.description = description
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.directives = directives
        self.loc = loc
    }
}

/// UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes?
public struct UnionTypeDefinition: Sendable {
    public var description: StringDescription?
    public var name: Name
    public var directives: [Directive]
    public var types: [NamedTypeNode]
    public var loc: Location
    public init(description: StringDescription?, name: Name, directives: [Directive], types: [NamedTypeNode], loc: Location) {
        self.description = description
        self.name = name
        self.directives = directives
        self.types = types
        self.loc = loc
    }
}

/// EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition?
public struct EnumTypeDefinition: Sendable {
    public var description: StringDescription?
    public var name: Name
    public var directives: [Directive]
    public var values: [EnumValueDefinition]
    public var loc: Location
    public init(description: StringDescription?, name: Name, directives: [Directive], values: [EnumValueDefinition], loc: Location) {
        self.description = description
        self.name = name
        self.directives = directives
        self.values = values
        self.loc = loc
    }
}

/// EnumValueDefinition : Description? EnumValue Directives[Const]?
public struct EnumValueDefinition: Sendable {
    public var description: StringDescription?
    public var name: Name
    public var directives: [Directive]
    public var loc: Location
    public init(description: StringDescription?, name: Name, directives: [Directive], loc: Location) {
        self.description = description
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}

/// InputObjectTypeDefinition : Description? input Name Directives[Const]? InputFieldsDefinition?
public struct InputObjectTypeDefinition: Sendable {
    public var description: StringDescription?
    public var name: Name
    public var directives: [Directive]
    public var fields: [InputValueDefinition]
    public var loc: Location
    public init(description: StringDescription?, name: Name, directives: [Directive], fields: [InputValueDefinition], loc: Location) {
        self.description = description
        self.name = name
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// DirectiveDefinition : Description? directive @ Name ArgumentsDefinition? repeatable? on DirectiveLocations
public struct DirectiveDefinition: Sendable {
    public var description: StringDescription?
    public var name: Name
    public var arguments: [InputValueDefinition]
    public var repeatable: Bool
    public var locations: [Name]
    /// Directives applied to the definition itself (graphql-core 3.3 allows them).
    public var directives: [Directive]
    public var loc: Location
    public init(
        description: StringDescription?, name: Name, arguments: [InputValueDefinition], repeatable: Bool,
        locations: [Name], loc: Location, directives: [Directive] = []
    ) {
        self.directives = directives
        self.description = description
        self.name = name
        self.arguments = arguments
        self.repeatable = repeatable
        self.locations = locations
        self.loc = loc
    }
}

/// DirectiveExtension : extend directive @ Name Directives[Const]
public struct DirectiveExtension: Sendable {
    public var name: Name
    public var directives: [Directive]
    public var loc: Location
    public init(name: Name, directives: [Directive], loc: Location) {
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}

/// ExecutableDirectiveLocation | TypeSystemDirectiveLocation
public enum DirectiveLocation: String, Sendable, Hashable, CaseIterable {
    case query = "QUERY"
    case mutation = "MUTATION"
    case subscription = "SUBSCRIPTION"
    case field = "FIELD"
    case fragmentDefinition = "FRAGMENT_DEFINITION"
    case fragmentSpread = "FRAGMENT_SPREAD"
    case inlineFragment = "INLINE_FRAGMENT"
    case variableDefinition = "VARIABLE_DEFINITION"
    /// graphql-js 17 (graphql-core 3.3): variables of fragments with arguments.
    case fragmentVariableDefinition = "FRAGMENT_VARIABLE_DEFINITION"
    case schema = "SCHEMA"
    case scalar = "SCALAR"
    case object = "OBJECT"
    case fieldDefinition = "FIELD_DEFINITION"
    case argumentDefinition = "ARGUMENT_DEFINITION"
    case interface = "INTERFACE"
    case union = "UNION"
    case enumType = "ENUM"
    case enumValue = "ENUM_VALUE"
    case inputObject = "INPUT_OBJECT"
    case inputFieldDefinition = "INPUT_FIELD_DEFINITION"
    /// graphql-js 17 (graphql-core 3.3): `@deprecated` may mark a directive definition.
    case directiveDefinition = "DIRECTIVE_DEFINITION"
}
