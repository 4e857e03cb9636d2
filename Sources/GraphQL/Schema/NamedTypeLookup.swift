/// Where named types are looked up: a checked schema, or a schema still being checked
/// (coercion of default values and the type relations the checks need).
protocol NamedTypeLookup {
    func type(named name: String) -> NamedType?
}

extension Schema: NamedTypeLookup {}
extension SchemaDraft: NamedTypeLookup {}

extension NamedTypeLookup {
    /// Whether a value of type `maybeSubType` is always valid where `superType` is
    /// expected (graphql-js's `isTypeSubTypeOf`): covariant through non-null and lists,
    /// and an abstract type accepts the object types and interfaces that belong to it.
    func isTypeSubType(_ maybeSubType: TypeReference, of superType: TypeReference) -> Bool {
        if maybeSubType == superType { return true }
        if case .nonNull(let superInner) = superType {
            if case .nonNull(let subInner) = maybeSubType { return isTypeSubType(subInner, of: superInner) }
            return false
        }
        if case .nonNull(let subInner) = maybeSubType { return isTypeSubType(subInner, of: superType) }
        if case .list(let superItem) = superType {
            if case .list(let subItem) = maybeSubType { return isTypeSubType(subItem, of: superItem) }
            return false
        }
        if case .list = maybeSubType { return false }
        let abstract = superType.namedType
        switch (type(named: abstract), type(named: maybeSubType.namedType)) {
        case (.union(let u)?, .object(let o)?): return u.types.contains(o.name)
        case (.interface?, .object(let o)?): return o.interfaces.contains(abstract)
        case (.interface?, .interface(let i)?): return i.interfaces.contains(abstract)
        default: return false
        }
    }
}
