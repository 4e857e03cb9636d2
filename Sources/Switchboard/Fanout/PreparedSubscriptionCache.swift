import GraphQL

/// Prepared subscriptions keyed by what makes two subscribers' payloads identical: the
/// document text, the operation name and the variables. Subscribers that get the same
/// object from here share a group in the `TopicIndex` (one execution per event), so a
/// thousand clients sending the same subscription cost one execution per event.
///
/// Variables compare as JSON values with their keys in order (`JSONObject`'s equality): the
/// same variables written in another key order make a second entry, which is only less
/// sharing, never a wrong payload.
///
/// Bounded: past `capacity`, the least recently used entry is forgotten. Subscribers already
/// holding it keep working (their group keeps the object alive); a later subscriber with the
/// same key just starts a new group. Service thread only.
public struct PreparedSubscriptionCache {
/// What two subscriptions must share to share one execution per event.
    public struct Key: Hashable, Sendable {
        public let document: String
        public let operationName: String?
        public let variables: JSONObject

        public init(document: String, operationName: String?, variables: JSONObject) {
            self.document = document
            self.operationName = operationName
            self.variables = variables
        }
    }

    public let capacity: Int
    private var entries: [Key: (prepared: PreparedSubscription, lastUse: UInt64)] = [:]
    private var clock: UInt64 = 0
    public private(set) var hits = 0
    public private(set) var misses = 0

    public init(capacity: Int = 1024) {
        precondition(capacity > 0, "PreparedSubscriptionCache needs room for at least one entry")
        self.capacity = capacity
    }

    public var count: Int { entries.count }

    /// The cached preparation for `key`, or `prepare()`'s, remembered. A failure is not cached.
    public mutating func prepared(
        for key: Key, prepare: () throws(GraphQLErrors) -> PreparedSubscription
    ) throws(GraphQLErrors) -> PreparedSubscription {
        clock &+= 1
        if let entry = entries[key] {
            hits += 1
            entries[key] = (entry.prepared, clock)
            return entry.prepared
        }
        misses += 1
        let prepared = try prepare()
        if entries.count >= capacity, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
            entries[oldest] = nil
        }
        entries[key] = (prepared, clock)
        return prepared
    }
}
