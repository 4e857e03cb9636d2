/// What a resolver returns and what a parent value hands to the default resolver: a JSON
/// value, an application object read field by field, or a list of either.
///
/// Application structs conform to `GraphQLObjectValue` so that the default resolver reads
/// one field with a `switch` on its name instead of building a dictionary first.
public enum GraphQLValue: Sendable {
    case null
    case json(JSON)
    case object(any GraphQLObjectValue)
    case list([GraphQLValue])

    public static func string(_ s: String) -> GraphQLValue { .json(.string(s)) }
    public static func int(_ i: Int) -> GraphQLValue { .json(.int(i)) }
    public static func double(_ d: Double) -> GraphQLValue { .json(.double(d)) }
    public static func bool(_ b: Bool) -> GraphQLValue { .json(.bool(b)) }

    /// The optional `String`, or null.
    public static func optional(_ s: String?) -> GraphQLValue { s.map { .json(.string($0)) } ?? .null }

    public var isNull: Bool {
        switch self {
        case .null, .json(.null): return true
        default: return false
        }
    }

    /// The application value behind `.object`, cast to the type a resolver expects.
    public func `as`<T>(_ type: T.Type) -> T? {
        if case .object(let o) = self { return o as? T }
        return nil
    }

    /// The JSON behind `.json` (for a parent given as JSON).
    public var jsonValue: JSON? {
        if case .json(let j) = self { return j }
        return nil
    }
}

extension GraphQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .json(.string(value)) }
    public init(integerLiteral value: Int) { self = .json(.int(value)) }
    public init(booleanLiteral value: Bool) { self = .json(.bool(value)) }
    public init(floatLiteral value: Double) { self = .json(.double(value)) }
    public init(nilLiteral: ()) { self = .null }
}

/// A value with fields, as the default resolver reads it.
///
/// `fieldValue` returns `.null` for a field the value does not have. `graphQLTypeName`
/// names the object type a value is when it is returned for an interface or union field
/// (the `__typename` of a JSON object); nil leaves it to a `resolveType` hook.
public protocol GraphQLObjectValue: Sendable {
    func fieldValue(_ name: String) -> GraphQLValue
    var graphQLTypeName: String? { get }
}

extension GraphQLObjectValue {
    public var graphQLTypeName: String? { nil }
}

extension JSONObject: GraphQLObjectValue {
    public func fieldValue(_ name: String) -> GraphQLValue {
        for e in entries where e.key == name { return .json(e.value) }
        return .null
    }

    public var graphQLTypeName: String? { self["__typename"]?.stringValue }
}

extension JSON: GraphQLObjectValue {
    public func fieldValue(_ name: String) -> GraphQLValue {
        if case .object(let o) = self { return o.fieldValue(name) }
        return .null
    }

    public var graphQLTypeName: String? {
        if case .object(let o) = self { return o.graphQLTypeName }
        return nil
    }
}

extension GraphQLValue {
    /// Reads a field of this value as a parent: JSON objects by key, application values
    /// through their conformance; anything else has no fields.
    @inline(__always)
    func readField(_ name: String) -> GraphQLValue {
        switch self {
        case .object(let o): return o.fieldValue(name)
        case .json(.object(let o)): return o.fieldValue(name)
        default: return .null
        }
    }

    var typeNameHint: String? {
        switch self {
        case .object(let o): return o.graphQLTypeName
        case .json(.object(let o)): return o.graphQLTypeName
        default: return nil
        }
    }
}
