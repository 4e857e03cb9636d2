/// The five scalars the specification defines. Their descriptions are graphql-core's,
/// word for word, because introspection shows them to clients.
///
/// `coercion` stays nil: the engine applies the specified rules for these names.
public enum BuiltinScalars {
    public static let int = ScalarType(
        name: "Int",
        description: "The `Int` scalar type represents non-fractional signed whole numeric values. "
            + "Int can represent values between -(2^31) and 2^31 - 1."
    )

    public static let float = ScalarType(
        name: "Float",
        description: "The `Float` scalar type represents signed double-precision fractional values "
            + "as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point)."
    )

    public static let string = ScalarType(
        name: "String",
        description: "The `String` scalar type represents textual data, represented as UTF-8 character "
            + "sequences. The String type is most often used by GraphQL to represent free-form "
            + "human-readable text."
    )

    public static let boolean = ScalarType(
        name: "Boolean",
        description: "The `Boolean` scalar type represents `true` or `false`."
    )

    public static let id = ScalarType(
        name: "ID",
        description: "The `ID` scalar type represents a unique identifier, often used to refetch an "
            + "object or as key for a cache. The ID type appears in a JSON response as a String; "
            + "however, it is not intended to be human-readable. When expected as an input type, "
            + "any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID."
    )

    /// In graphql-core's `specified_scalar_types` order.
    public static let all: [ScalarType] = [string, int, float, boolean, id]

    public static func named(_ name: String) -> ScalarType? {
        switch name {
        case "Int": return int
        case "Float": return float
        case "String": return string
        case "Boolean": return boolean
        case "ID": return id
        default: return nil
        }
    }

    public static func isBuiltin(_ name: String) -> Bool { named(name) != nil }
}
