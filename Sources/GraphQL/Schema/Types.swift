// The schema's named types. Each is an immutable final class built once by
// `SchemaBuilder` (or by hand through these initialisers) and shared by every request.

/// Any named type of a schema.
public enum NamedType: Sendable {
    case scalar(ScalarType)
    case object(ObjectType)
    case interface(InterfaceType)
    case union(UnionType)
    case enumType(EnumType)
    case inputObject(InputObjectType)

    public var name: String {
        switch self {
        case .scalar(let t): return t.name
        case .object(let t): return t.name
        case .interface(let t): return t.name
        case .union(let t): return t.name
        case .enumType(let t): return t.name
        case .inputObject(let t): return t.name
        }
    }

    public var description: String? {
        switch self {
        case .scalar(let t): return t.description
        case .object(let t): return t.description
        case .interface(let t): return t.description
        case .union(let t): return t.description
        case .enumType(let t): return t.description
        case .inputObject(let t): return t.description
        }
    }

    /// Scalars, enums and input objects may be used as input.
    public var isInputType: Bool {
        switch self {
        case .scalar, .enumType, .inputObject: return true
        default: return false
        }
    }

    /// Everything but input objects may be used as output.
    public var isOutputType: Bool {
        if case .inputObject = self { return false }
        return true
    }

    /// Scalars and enums: no selection set below them.
    public var isLeaf: Bool {
        switch self {
        case .scalar, .enumType: return true
        default: return false
        }
    }

    /// Objects, interfaces and unions: they need a selection set.
    public var isComposite: Bool {
        switch self {
        case .object, .interface, .union: return true
        default: return false
        }
    }

    public var isAbstract: Bool {
        switch self {
        case .interface, .union: return true
        default: return false
        }
    }

    /// The fields of an object or interface type; empty for the rest.
    public var fields: [FieldDefinitionInfo] {
        switch self {
        case .object(let t): return t.fields
        case .interface(let t): return t.fields
        default: return []
        }
    }

    /// A field of an object or interface type by name.
    public func field(_ name: String) -> FieldDefinitionInfo? {
        switch self {
        case .object(let t): return t.field(name)
        case .interface(let t): return t.field(name)
        default: return nil
        }
    }
}

/// A deprecation, as `@deprecated(reason:)` states it.
public typealias DeprecationReason = String

/// A field of an object or interface type. A class, not a struct: validation and
/// execution pass field definitions around on every node, and handing over a reference
/// costs one retain where copying a struct cost one per stored string and array.
public final class FieldDefinitionInfo: Sendable {
    public let name: String
    public let description: String?
    public let arguments: [InputValueInfo]
    public let type: TypeReference
    public let deprecationReason: DeprecationReason?

    public init(
        name: String, description: String? = nil, arguments: [InputValueInfo] = [], type: TypeReference,
        deprecationReason: DeprecationReason? = nil
    ) {
        self.name = name
        self.description = description
        self.arguments = arguments
        self.type = type
        self.deprecationReason = deprecationReason
    }

    public func argument(_ name: String) -> InputValueInfo? {
        arguments.first { $0.name == name }
    }
}

/// An argument of a field or directive, or a field of an input object. A class for the
/// same reason as `FieldDefinitionInfo`.
public final class InputValueInfo: Sendable {
    public let name: String
    public let description: String?
    public let type: TypeReference
    /// The default as written in SDL; coerced against `type` when used.
    public let defaultValue: Value?
    public let deprecationReason: DeprecationReason?

    public init(
        name: String, description: String? = nil, type: TypeReference, defaultValue: Value? = nil,
        deprecationReason: DeprecationReason? = nil
    ) {
        self.name = name
        self.description = description
        self.type = type
        self.defaultValue = defaultValue
        self.deprecationReason = deprecationReason
    }
}

/// How a scalar turns input into internal values and internal values into output.
/// The built-in scalars have their specified rules; a custom scalar without its own
/// coercion passes values through unchanged, as graphql-js does.
public struct ScalarCoercion: Sendable {
    /// Result coercion: internal value to JSON, or an error message.
    public var serialize: @Sendable (JSON) -> Result<JSON, CoercionError>
    /// Input coercion of a variable's JSON value.
    public var parseValue: @Sendable (JSON) -> Result<JSON, CoercionError>
    /// Input coercion of a literal in the document (variables already substituted).
    public var parseLiteral: @Sendable (Value) -> Result<JSON, CoercionError>

    public init(
        serialize: @escaping @Sendable (JSON) -> Result<JSON, CoercionError>,
        parseValue: @escaping @Sendable (JSON) -> Result<JSON, CoercionError>,
        parseLiteral: @escaping @Sendable (Value) -> Result<JSON, CoercionError>
    ) {
        self.serialize = serialize
        self.parseValue = parseValue
        self.parseLiteral = parseLiteral
    }
}

/// Why a value could not be coerced: a message worded like graphql-js's.
public struct CoercionError: Error, Sendable, Hashable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// A scalar type of a schema (built-in or custom) and how its values are coerced.
public final class ScalarType: Sendable {
    public let name: String
    public let description: String?
    public let specifiedByURL: String?
    /// nil: the default (pass-through) coercion for custom scalars, or the built-in
    /// rules for `Int`, `Float`, `String`, `Boolean` and `ID`.
    public let coercion: ScalarCoercion?

    public init(name: String, description: String? = nil, specifiedByURL: String? = nil, coercion: ScalarCoercion? = nil) {
        self.name = name
        self.description = description
        self.specifiedByURL = specifiedByURL
        self.coercion = coercion
    }
}

/// An object type of a schema: its fields, in declaration order, and the interfaces it
/// implements.
public final class ObjectType: Sendable {
    public let name: String
    public let description: String?
    public let fields: [FieldDefinitionInfo]
    public let interfaces: [String]
    private let fieldIndex: [String: Int]

    public init(name: String, description: String? = nil, fields: [FieldDefinitionInfo], interfaces: [String] = []) {
        self.name = name
        self.description = description
        self.fields = fields
        self.interfaces = interfaces
        var index: [String: Int] = [:]
        for (i, f) in fields.enumerated() where index[f.name] == nil { index[f.name] = i }
        self.fieldIndex = index
    }

    public func field(_ name: String) -> FieldDefinitionInfo? {
        fieldIndex[name].map { fields[$0] }
    }
}

/// An interface type of a schema: the fields its implementations share, and the interfaces
/// it implements itself.
public final class InterfaceType: Sendable {
    public let name: String
    public let description: String?
    public let fields: [FieldDefinitionInfo]
    public let interfaces: [String]
    private let fieldIndex: [String: Int]

    public init(name: String, description: String? = nil, fields: [FieldDefinitionInfo], interfaces: [String] = []) {
        self.name = name
        self.description = description
        self.fields = fields
        self.interfaces = interfaces
        var index: [String: Int] = [:]
        for (i, f) in fields.enumerated() where index[f.name] == nil { index[f.name] = i }
        self.fieldIndex = index
    }

    public func field(_ name: String) -> FieldDefinitionInfo? {
        fieldIndex[name].map { fields[$0] }
    }
}

/// A union type of a schema: one of several object types.
public final class UnionType: Sendable {
    public let name: String
    public let description: String?
    /// Member object type names, in declaration order.
    public let types: [String]

    public init(name: String, description: String? = nil, types: [String]) {
        self.name = name
        self.description = description
        self.types = types
    }
}

/// One value of an enum type, with its description and deprecation.
public struct EnumValueInfo: Sendable {
    public let name: String
    public let description: String?
    public let deprecationReason: DeprecationReason?

    public init(name: String, description: String? = nil, deprecationReason: DeprecationReason? = nil) {
        self.name = name
        self.description = description
        self.deprecationReason = deprecationReason
    }
}

/// An enum type of a schema: its values, in declaration order. Values travel as their names
/// (JSON strings).
public final class EnumType: Sendable {
    public let name: String
    public let description: String?
    public let values: [EnumValueInfo]
    private let valueIndex: [String: Int]

    public init(name: String, description: String? = nil, values: [EnumValueInfo]) {
        self.name = name
        self.description = description
        self.values = values
        var index: [String: Int] = [:]
        for (i, v) in values.enumerated() where index[v.name] == nil { index[v.name] = i }
        self.valueIndex = index
    }

    public func value(_ name: String) -> EnumValueInfo? {
        valueIndex[name].map { values[$0] }
    }
}

/// An input object type of a schema: the fields an argument or variable of this type may
/// hold.
public final class InputObjectType: Sendable {
    public let name: String
    public let description: String?
    public let fields: [InputValueInfo]
    /// `@oneOf` input objects: exactly one field must be given, and it must not be null.
    public let isOneOf: Bool
    private let fieldIndex: [String: Int]

    public init(name: String, description: String? = nil, fields: [InputValueInfo], isOneOf: Bool = false) {
        self.name = name
        self.description = description
        self.fields = fields
        self.isOneOf = isOneOf
        var index: [String: Int] = [:]
        for (i, f) in fields.enumerated() where index[f.name] == nil { index[f.name] = i }
        self.fieldIndex = index
    }

    public func field(_ name: String) -> InputValueInfo? {
        fieldIndex[name].map { fields[$0] }
    }
}

/// A directive the schema knows: the built-ins and those defined in SDL.
public struct DirectiveInfo: Sendable {
    public let name: String
    public let description: String?
    public let locations: [DirectiveLocation]
    public let arguments: [InputValueInfo]
    public let isRepeatable: Bool
    /// graphql-js 17 (graphql-core 3.3) lets directive definitions be deprecated too.
    public let deprecationReason: DeprecationReason?

    public init(
        name: String, description: String? = nil, locations: [DirectiveLocation], arguments: [InputValueInfo] = [],
        isRepeatable: Bool = false, deprecationReason: DeprecationReason? = nil
    ) {
        self.name = name
        self.description = description
        self.locations = locations
        self.arguments = arguments
        self.isRepeatable = isRepeatable
        self.deprecationReason = deprecationReason
    }

    public func argument(_ name: String) -> InputValueInfo? {
        arguments.first { $0.name == name }
    }
}
