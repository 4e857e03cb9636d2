/// What a resolver learns about the field it resolves, as graphql-js's `GraphQLResolveInfo`.
/// Built only when a registered resolver runs: default-resolved fields never pay for it.
public struct ResolveInfo: Sendable {
    public let fieldName: String
    /// Every field node merged under this response key (usually one).
    public let fieldNodes: [Field]
    public let parentType: ObjectType
    public let returnType: TypeReference
    public let path: [PathComponent]
    public let schema: Schema
    public let operation: OperationDefinition
    public let fragments: [String: FragmentDefinition]
    /// The operation's coerced variable values.
    public let variables: JSONObject
}

/// A synchronous or asynchronous field resolver. Synchronous ones can run on the
/// subscription fan-out thread; an `async` one there is a field error.
public enum FieldResolver: Sendable {
    /// A resolver that answers at once: it may run on the fan-out's service thread.
    public typealias SyncFunction =
        @Sendable (_ parent: GraphQLValue, _ arguments: JSONObject, _ context: any Sendable, _ info: ResolveInfo) throws ->
        GraphQLValue
    /// A resolver that may wait (the store, another service); it runs in a `Task`.
    public typealias AsyncFunction =
        @Sendable (_ parent: GraphQLValue, _ arguments: JSONObject, _ context: any Sendable, _ info: ResolveInfo) async throws
        -> GraphQLValue

    case sync(SyncFunction)
    case async(AsyncFunction)
}

/// Names the object type of a value returned for an interface or union field.
public typealias TypeResolver = @Sendable (_ value: GraphQLValue, _ context: any Sendable, _ info: ResolveInfo) -> String?

/// The resolvers of one schema, registered per schema coordinate `"Type.field"`.
///
/// Fields without a resolver use the default one, which reads the field of the same name
/// from the parent value (`GraphQLObjectValue.fieldValue`).
public struct Resolvers: Sendable, ExpressibleByDictionaryLiteral {
    /// Type name, then field name: two lookups without building a `"Type.field"` key per field.
    private(set) var byType: [String: [String: FieldResolver]] = [:]
    private(set) var typeResolvers: [String: TypeResolver] = [:]

    /// Turns an error a resolver threw that is not a `GraphQLError` into the error the
    /// response shows; without it, the error's description is the message. The server sets
    /// this to hide internals (`INTERNAL_SERVER_ERROR`) and log the original.
    public var mapError: (@Sendable (any Error) -> GraphQLError)?

    public init() {}

    public init(dictionaryLiteral elements: (String, FieldResolver)...) {
        for (coordinate, resolver) in elements { self[coordinate] = resolver }
    }

    /// The resolver of `"Type.field"`.
    public subscript(coordinate: String) -> FieldResolver? {
        get {
            let (t, f) = Self.split(coordinate)
            return byType[t]?[f]
        }
        set {
            let (t, f) = Self.split(coordinate)
            byType[t, default: [:]][f] = newValue
        }
    }

    public mutating func sync(_ coordinate: String, _ resolve: @escaping FieldResolver.SyncFunction) {
        self[coordinate] = .sync(resolve)
    }

    public mutating func async(_ coordinate: String, _ resolve: @escaping FieldResolver.AsyncFunction) {
        self[coordinate] = .async(resolve)
    }

    /// Registers how values of an interface or union name their object type, when they do
    /// not say so themselves through `graphQLTypeName`.
    public mutating func resolveType(_ abstractType: String, _ resolve: @escaping TypeResolver) {
        typeResolvers[abstractType] = resolve
    }

    func fields(of typeName: String) -> [String: FieldResolver]? { byType[typeName] }

    func typeResolver(for abstractType: String) -> TypeResolver? { typeResolvers[abstractType] }

    private static func split(_ coordinate: String) -> (String, String) {
        guard let dot = coordinate.firstIndex(of: ".") else { return (coordinate, "") }
        return (String(coordinate[..<dot]), String(coordinate[coordinate.index(after: dot)...]))
    }
}
