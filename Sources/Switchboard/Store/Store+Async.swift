// `async` forms of the store's callback API, for callers that may wait (resolvers, the
// CLI, tests). The service thread uses the callbacks.

extension Store {
    public func append(_ events: [NewEvent]) async throws(StoreError) -> [StoredEvent] {
        try await bridge { self.append(events, completion: $0) }
    }

    public func append(_ event: NewEvent) async throws(StoreError) -> StoredEvent {
        try await append([event])[0]
    }

    public func events(topic: String, after: Int64, limit: Int) async throws(StoreError) -> [StoredEvent] {
        try await bridge { self.events(topic: topic, after: after, limit: limit, completion: $0) }
    }

    public func events(after: Int64, limit: Int) async throws(StoreError) -> [StoredEvent] {
        try await bridge { self.events(after: after, limit: limit, completion: $0) }
    }

    public func history(topic: String, before: Int64?, last: Int) async throws(StoreError) -> [StoredEvent] {
        try await bridge { self.history(topic: topic, before: before, last: last, completion: $0) }
    }

    public func latestEventID() async throws(StoreError) -> Int64 {
        try await bridge { self.latestEventID(completion: $0) }
    }

    public func insertConnection(_ record: ConnectionRecord) async throws(StoreError) {
        try await bridge { self.insertConnection(record, completion: $0) }
    }

    public func deleteConnection(id: String) async throws(StoreError) {
        try await bridge { self.deleteConnection(id: id, completion: $0) }
    }

    public func insertSubscription(_ record: SubscriptionRecord) async throws(StoreError) {
        try await bridge { self.insertSubscription(record, completion: $0) }
    }

    public func deleteSubscription(connectionId: String, id: String) async throws(StoreError) {
        try await bridge { self.deleteSubscription(connectionId: connectionId, id: id, completion: $0) }
    }

    public func subscriptions(topic: String) async throws(StoreError) -> [SubscriptionRecord] {
        try await bridge { self.subscriptions(topic: topic, completion: $0) }
    }

    public func connections(userId: String) async throws(StoreError) -> [ConnectionRecord] {
        try await bridge { self.connections(userId: userId, completion: $0) }
    }

    public func appendDeadLetters(_ letters: [DeadLetter]) async throws(StoreError) {
        try await bridge { self.appendDeadLetters(letters, completion: $0) }
    }

    public func deadLetters(limit: Int) async throws(StoreError) -> [DeadLetter] {
        try await bridge { self.deadLetters(limit: limit, completion: $0) }
    }

    public func recentDeadLetters(limit: Int) async throws(StoreError) -> [DeadLetterReport] {
        try await bridge { self.recentDeadLetters(limit: limit, completion: $0) }
    }

    public func setting(_ key: String) async throws(StoreError) -> String? {
        try await bridge { self.setting(key, completion: $0) }
    }

    public func setSetting(_ key: String, value: String) async throws(StoreError) {
        try await bridge { self.setSetting(key, value: value, completion: $0) }
    }

    public func insertSettingIfAbsent(_ key: String, value: String) async throws(StoreError) -> String {
        try await bridge { self.insertSettingIfAbsent(key, value: value, completion: $0) }
    }
}

/// Turns one callback into an awaited result.
private func bridge<T: Sendable>(
    _ start: (@escaping @Sendable (Result<T, StoreError>) -> Void) -> Void
) async throws(StoreError) -> T {
    let result: Result<T, StoreError> = await withCheckedContinuation { continuation in
        start { continuation.resume(returning: $0) }
    }
    return try result.get()
}
