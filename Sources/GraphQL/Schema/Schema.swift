/// A complete, checked schema: every named type (built-ins and introspection types
/// included), the directives, and the root operation types.
///
/// Built by `SchemaBuilder` from SDL, or directly from types. Immutable and shared.
public final class Schema: Sendable {
    public let description: String?
    public let queryType: ObjectType?
    public let mutationType: ObjectType?
    public let subscriptionType: ObjectType?
    /// Every named type by name.
    public let types: [String: NamedType]
    /// Type names in the order introspection lists them (as graphql-js collects them).
    public let typeNames: [String]
    public let directives: [DirectiveInfo]
    /// For each interface and union: the object types that implement or belong to it.
    private let possibleTypeNames: [String: Set<String>]
    /// For each interface: the object types and interfaces that implement it.
    private let implementations: [String: (objects: [String], interfaces: [String])]
    private let directiveIndex: [String: Int]

    public init(
        description: String? = nil,
        query: ObjectType?,
        mutation: ObjectType? = nil,
        subscription: ObjectType? = nil,
        types: [NamedType],
        directives: [DirectiveInfo]
    ) {
        self.description = description
        self.queryType = query
        self.mutationType = mutation
        self.subscriptionType = subscription
        var byName: [String: NamedType] = [:]
        var order: [String] = []
        for t in types where byName[t.name] == nil {
            byName[t.name] = t
            order.append(t.name)
        }
        self.types = byName
        self.typeNames = order
        self.directives = directives
        var dIndex: [String: Int] = [:]
        for (i, d) in directives.enumerated() where dIndex[d.name] == nil { dIndex[d.name] = i }
        self.directiveIndex = dIndex

        var possible: [String: Set<String>] = [:]
        var impls: [String: (objects: [String], interfaces: [String])] = [:]
        for name in order {
            switch byName[name]! {
            case .object(let o):
                for i in o.interfaces {
                    possible[i, default: []].insert(o.name)
                    impls[i, default: ([], [])].objects.append(o.name)
                }
            case .interface(let it):
                for i in it.interfaces {
                    impls[i, default: ([], [])].interfaces.append(it.name)
                }
            case .union(let u):
                possible[u.name, default: []].formUnion(u.types)
            default:
                break
            }
        }
        self.possibleTypeNames = possible
        self.implementations = impls
    }

    public func type(named name: String) -> NamedType? { types[name] }

    public func directive(named name: String) -> DirectiveInfo? {
        directiveIndex[name].map { directives[$0] }
    }

    public func rootType(for operation: OperationType) -> ObjectType? {
        switch operation {
        case .query: return queryType
        case .mutation: return mutationType
        case .subscription: return subscriptionType
        }
    }

    /// The object types an abstract type may resolve to (for an object type: itself).
    public func possibleTypes(of name: String) -> Set<String> {
        if case .object = types[name] { return [name] }
        return possibleTypeNames[name] ?? []
    }

    /// Whether `maybeSubtype` is `abstract` itself, one of its possible object types,
    /// or an interface implementing it.
    public func isSubType(_ abstract: String, _ maybeSubtype: String) -> Bool {
        if abstract == maybeSubtype { return true }
        if possibleTypeNames[abstract]?.contains(maybeSubtype) == true { return true }
        if let impl = implementations[abstract], impl.interfaces.contains(maybeSubtype) { return true }
        return false
    }

    /// Objects and interfaces that declare they implement the interface `name`.
    public func implementations(of name: String) -> (objects: [String], interfaces: [String]) {
        implementations[name] ?? ([], [])
    }

    /// Whether two composite types can have an object type in common.
    public func overlap(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let pa = possibleTypes(of: a)
        let pb = possibleTypes(of: b)
        return !pa.isDisjoint(with: pb)
    }

    /// Resolves the named type at the heart of a reference.
    public func namedType(of ref: TypeReference) -> NamedType? { types[ref.namedType] }

    /// Whether a reference names an input type (for variables and arguments).
    public func isInputType(_ ref: TypeReference) -> Bool { types[ref.namedType]?.isInputType ?? false }

    public func isOutputType(_ ref: TypeReference) -> Bool { types[ref.namedType]?.isOutputType ?? false }
}
