/// A type as a field, argument or variable uses it: a named type wrapped in lists and
/// non-null markers. Named types are referred to by name and looked up in the schema,
/// which keeps every schema type immutable and plainly `Sendable`.
public indirect enum TypeReference: Sendable, Hashable, CustomStringConvertible {
    case named(String)
    case list(TypeReference)
    case nonNull(TypeReference)

    /// The innermost type name.
    public var namedType: String {
        switch self {
        case .named(let n): return n
        case .list(let t), .nonNull(let t): return t.namedType
        }
    }

    public var isNonNull: Bool {
        if case .nonNull = self { return true }
        return false
    }

    /// The type without its outer non-null marker, if it has one.
    public var nullable: TypeReference {
        if case .nonNull(let t) = self { return t }
        return self
    }

    /// `[String!]!`, as the specification and error messages print types.
    public var description: String {
        switch self {
        case .named(let n): return n
        case .list(let t): return "[\(t)]"
        case .nonNull(let t): return "\(t)!"
        }
    }

    /// The reference an AST type node spells.
    public init(_ node: TypeNode) {
        switch node {
        case .named(let n): self = .named(n.name.value)
        case .list(let t, _): self = .list(TypeReference(t))
        case .nonNull(let t, _): self = .nonNull(TypeReference(t))
        }
    }
}
