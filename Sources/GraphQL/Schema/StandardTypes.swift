/// The types every schema has, whatever its SDL says: the specified scalars and the
/// introspection types (graphql-core's `specified_scalar_types` and
/// `introspection_types`). SDL may name them without defining them; printed schemas
/// leave them out.
enum StandardTypes {
    static let names: [String] = BuiltinScalars.all.map(\.name) + IntrospectionTypes.all.map(\.name)

    static func named(_ name: String) -> NamedType? {
        if let scalar = BuiltinScalars.named(name) { return .scalar(scalar) }
        return IntrospectionTypes.named(name)
    }

    static func contains(_ name: String) -> Bool {
        BuiltinScalars.isBuiltin(name) || IntrospectionTypes.isIntrospectionType(name)
    }
}
