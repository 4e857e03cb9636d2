// TEMPORARY: the schema helper defines `GraphQLErrors` in Language/GraphQLErrors.swift.
// Delete after `git merge main`.
public struct GraphQLErrors: Error, Sendable {
    public var errors: [GraphQLError]
    public init(_ errors: [GraphQLError]) { self.errors = errors }
}
