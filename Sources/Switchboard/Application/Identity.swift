/// Who is making a request, as its token says (contract.md, "Identity").
public struct Identity: Sendable, Hashable {
/// What the token allows: `anonymous` (no token) reads and subscribes to public topics,
/// a `user` acts as itself, a `publisher` (a backend) publishes for anyone.
    public enum Role: String, Sendable, Hashable {
        case anonymous
        case user
        case publisher
    }

    public let role: Role
    /// The token's `sub`: the user id. nil when anonymous.
    public let userID: String?
    /// The token's `name`, if it has one.
    public let name: String?
    /// The token's `exp` in seconds since the epoch, if it has one.
    public let expiresAt: Double?

    public init(role: Role, userID: String?, name: String? = nil, expiresAt: Double? = nil) {
        self.role = role
        self.userID = userID
        self.name = name
        self.expiresAt = expiresAt
    }

    public static let anonymous = Identity(role: .anonymous, userID: nil)
}
