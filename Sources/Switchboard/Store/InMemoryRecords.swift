// The live records, dead letters and settings of InMemoryStore: plain values, guarded by
// the store's lock. The indexes mirror the SQLite store's access paths (subscriptions by
// topic and by connection, connections by user), and look-ups return rows in SQLiteStore's
// order (by creation time, then ids), so tests of higher layers see the same order.

struct InMemoryRecords {
    struct SubscriptionKey: Hashable {
        let connectionId: String
        let id: String
    }

    private var connections: [String: ConnectionRecord] = [:]
    private var connectionsByUser: [String: Set<String>] = [:]
    private var subscriptions: [SubscriptionKey: SubscriptionRecord] = [:]
    private var subscriptionsByTopic: [String: Set<SubscriptionKey>] = [:]
    private var subscriptionsByConnection: [String: Set<SubscriptionKey>] = [:]
    private var deadLetters: [DeadLetter] = []
    private var settings: [String: String] = [:]

    // MARK: Connections

    /// Fails when a connection with this id exists, like the table's primary key.
    mutating func insertConnection(_ record: ConnectionRecord, store: String) throws(StoreError) {
        guard connections[record.id] == nil else {
            throw StoreError(.constraint, "\(store): a connection with id \(record.id) already exists")
        }
        connections[record.id] = record
        if let user = record.userId { connectionsByUser[user, default: []].insert(record.id) }
    }

    /// Removes the connection (when present) and every subscription it holds.
    mutating func deleteConnection(id: String) {
        if let record = connections.removeValue(forKey: id), let user = record.userId {
            connectionsByUser[user]?.remove(id)
            if connectionsByUser[user]?.isEmpty == true { connectionsByUser[user] = nil }
        }
        for key in subscriptionsByConnection[id] ?? [] {
            deleteSubscription(key)
        }
    }

    func connections(userId: String) -> [ConnectionRecord] {
        (connectionsByUser[userId] ?? []).compactMap { connections[$0] }
            .sorted { ($0.connectedAt, $0.id) < ($1.connectedAt, $1.id) }
    }

    /// Removes every connection and subscription (what `close()` does with this process's rows).
    mutating func removeLiveRecords() {
        connections = [:]
        connectionsByUser = [:]
        subscriptions = [:]
        subscriptionsByTopic = [:]
        subscriptionsByConnection = [:]
    }

    // MARK: Subscriptions

    /// Fails when the connection already holds a subscription with this id (the table's
    /// primary key is `(connection_id, id)`); the existing row stays as it was.
    mutating func insertSubscription(_ record: SubscriptionRecord, store: String) throws(StoreError) {
        let key = SubscriptionKey(connectionId: record.connectionId, id: record.id)
        guard subscriptions[key] == nil else {
            throw StoreError(
                .constraint,
                "\(store): connection \(record.connectionId) already has a subscription with id \(record.id)")
        }
        subscriptions[key] = record
        subscriptionsByTopic[record.topic, default: []].insert(key)
        subscriptionsByConnection[record.connectionId, default: []].insert(key)
    }

    mutating func deleteSubscription(_ key: SubscriptionKey) {
        guard let topic = subscriptions.removeValue(forKey: key)?.topic else { return }
        subscriptionsByTopic[topic]?.remove(key)
        if subscriptionsByTopic[topic]?.isEmpty == true { subscriptionsByTopic[topic] = nil }
        subscriptionsByConnection[key.connectionId]?.remove(key)
        if subscriptionsByConnection[key.connectionId]?.isEmpty == true {
            subscriptionsByConnection[key.connectionId] = nil
        }
    }

    func subscriptions(topic: String) -> [SubscriptionRecord] {
        (subscriptionsByTopic[topic] ?? []).compactMap { subscriptions[$0] }
            .sorted { ($0.createdAt, $0.connectionId, $0.id) < ($1.createdAt, $1.connectionId, $1.id) }
    }

    // MARK: Dead letters and settings

    mutating func appendDeadLetters(_ letters: [DeadLetter]) {
        deadLetters.append(contentsOf: letters)
    }

    /// The oldest `limit` dead letters, oldest first.
    func deadLetters(limit: Int) -> [DeadLetter] {
        Array(deadLetters.prefix(max(limit, 0)))
    }

    /// The newest `limit` dead letters, newest first.
    func recentDeadLetters(limit: Int) -> [DeadLetter] {
        Array(deadLetters.suffix(max(limit, 0)).reversed())
    }

    func setting(_ key: String) -> String? { settings[key] }

    mutating func setSetting(_ key: String, value: String) { settings[key] = value }
}
