// The live records, dead letters and settings of InMemoryStore: plain values, guarded by
// the store's lock. The indexes mirror the SQLite store's access paths (subscriptions by
// topic and by connection, connections by user), and look-ups return rows in insertion
// order, which is what SQLite's rowid order gives there.

struct InMemoryRecords {
    struct SubscriptionKey: Hashable {
        let connectionId: String
        let id: String
    }

    /// A row plus its insertion number, which orders look-up results.
    private struct Row<Record> {
        let sequence: Int
        let record: Record
    }

    private var sequence = 0
    private var connections: [String: Row<ConnectionRecord>] = [:]
    private var connectionsByUser: [String: Set<String>] = [:]
    private var subscriptions: [SubscriptionKey: Row<SubscriptionRecord>] = [:]
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
        sequence += 1
        connections[record.id] = Row(sequence: sequence, record: record)
        if let user = record.userId { connectionsByUser[user, default: []].insert(record.id) }
    }

    /// Removes the connection (when present) and every subscription it holds.
    mutating func deleteConnection(id: String) {
        if let row = connections.removeValue(forKey: id), let user = row.record.userId {
            connectionsByUser[user]?.remove(id)
            if connectionsByUser[user]?.isEmpty == true { connectionsByUser[user] = nil }
        }
        for key in subscriptionsByConnection[id] ?? [] {
            deleteSubscription(key)
        }
    }

    func connections(userId: String) -> [ConnectionRecord] {
        ordered((connectionsByUser[userId] ?? []).compactMap { connections[$0] })
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
        sequence += 1
        subscriptions[key] = Row(sequence: sequence, record: record)
        subscriptionsByTopic[record.topic, default: []].insert(key)
        subscriptionsByConnection[record.connectionId, default: []].insert(key)
    }

    mutating func deleteSubscription(_ key: SubscriptionKey) {
        guard let row = subscriptions.removeValue(forKey: key) else { return }
        let topic = row.record.topic
        subscriptionsByTopic[topic]?.remove(key)
        if subscriptionsByTopic[topic]?.isEmpty == true { subscriptionsByTopic[topic] = nil }
        subscriptionsByConnection[key.connectionId]?.remove(key)
        if subscriptionsByConnection[key.connectionId]?.isEmpty == true {
            subscriptionsByConnection[key.connectionId] = nil
        }
    }

    func subscriptions(topic: String) -> [SubscriptionRecord] {
        ordered((subscriptionsByTopic[topic] ?? []).compactMap { subscriptions[$0] })
    }

    private func ordered<Record>(_ rows: [Row<Record>]) -> [Record] {
        rows.sorted { $0.sequence < $1.sequence }.map(\.record)
    }

    // MARK: Dead letters and settings

    mutating func appendDeadLetters(_ letters: [DeadLetter]) {
        deadLetters.append(contentsOf: letters)
    }

    /// The oldest `limit` dead letters, oldest first.
    func deadLetters(limit: Int) -> [DeadLetter] {
        Array(deadLetters.prefix(max(limit, 0)))
    }

    func setting(_ key: String) -> String? { settings[key] }

    mutating func setSetting(_ key: String, value: String) { settings[key] = value }
}
