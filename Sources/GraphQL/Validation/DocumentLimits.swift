/// Bounds a server puts on the shape of the operations it accepts, beyond the
/// specification: how deeply fields nest and how many fields one operation selects.
/// Checked at validation time by `MaxDepthRule` and `MaxFieldsRule`, which are not part of
/// `specifiedRules` (graphql-core has no such rules): a server adds `DocumentLimits.rules`
/// to the rules it validates with and passes the limits to `validate`.
///
/// Fragment spreads count where they are used: a fragment spread three times adds its
/// fields three times and nests as deep as its deepest use. A spread that closes a cycle
/// adds nothing (NoFragmentCyclesRule reports the cycle).
public struct DocumentLimits: Sendable, Hashable {
    /// Deepest field nesting an operation may have (`{ a { b } }` is 2); nil: no limit.
    public var maxDepth: Int?
    /// Most fields one operation may select, aliases and repeated fragments included;
    /// nil: no limit.
    public var maxFields: Int?

    public init(maxDepth: Int? = nil, maxFields: Int? = nil) {
        self.maxDepth = maxDepth
        self.maxFields = maxFields
    }

    /// No limits: what `validate` checks unless told otherwise.
    public static let none = DocumentLimits()

    /// The rules that enforce the limits, to run after `specifiedRules`.
    public static let rules: [ValidationRule.Type] = [MaxDepthRule.self, MaxFieldsRule.self]

    /// The `extensions` key naming the limit an error is about (`depth` or `fields`), so a
    /// server can tell these errors apart (and count them) without reading messages.
    public static let extensionKey = "limit"
}

extension GraphQLError {
    /// The limit (`DocumentLimits.extensionKey`) this validation error reports, if any.
    public var exceededDocumentLimit: String? {
        for (key, value) in extensions where key == DocumentLimits.extensionKey {
            if case .string(let name) = value { return name }
        }
        return nil
    }
}
