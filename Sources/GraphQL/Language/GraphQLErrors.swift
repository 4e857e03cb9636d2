/// Several errors reported together: SDL and schema validation collect every problem
/// they find, in graphql-core's order, instead of stopping at the first.
public struct GraphQLErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [GraphQLError]

    public init(_ errors: [GraphQLError]) {
        self.errors = errors
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
