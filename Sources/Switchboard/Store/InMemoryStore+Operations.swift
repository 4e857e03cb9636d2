// The `Store` methods of InMemoryStore. Each runs on the store's queue (see `perform`),
// so completions never run inside the call.

extension InMemoryStore {
    // MARK: Event log

    public func append(_ events: [NewEvent], completion: @escaping @Sendable (Result<[StoredEvent], StoreError>) -> Void) {
        let clock = options.clock
        perform(completion) { [self] (state: inout State) throws(StoreError) -> [StoredEvent] in
            guard !events.isEmpty else { return [] }
            let now = clock()
            let stored = state.log.append(
                events, milliseconds: now, createdAt: formatTimestamp(now))
            wakeWatchers(&state)
            return stored
        }
    }

    public func events(topic: String, after: Int64, limit: Int, completion: @escaping @Sendable (Result<[StoredEvent], StoreError>) -> Void) {
        perform(completion) { (state: inout State) throws(StoreError) -> [StoredEvent] in
            state.log.events(topic: topic, after: after, limit: limit)
        }
    }

    public func history(topic: String, before: Int64?, last: Int, completion: @escaping @Sendable (Result<[StoredEvent], StoreError>) -> Void) {
        perform(completion) { (state: inout State) throws(StoreError) -> [StoredEvent] in
            state.log.history(topic: topic, before: before, last: last)
        }
    }

    public func events(after: Int64, limit: Int, completion: @escaping @Sendable (Result<[StoredEvent], StoreError>) -> Void) {
        perform(completion) { (state: inout State) throws(StoreError) -> [StoredEvent] in
            state.log.events(topic: nil, after: after, limit: limit)
        }
    }

    /// The largest id assigned so far: the newest event's id, also when pruning removed it.
    public func latestEventID(completion: @escaping @Sendable (Result<Int64, StoreError>) -> Void) {
        perform(completion) { (state: inout State) throws(StoreError) -> Int64 in
            state.log.lastAssignedID
        }
    }

    // MARK: Live records

    public func insertConnection(_ record: ConnectionRecord, completion: (@Sendable (Result<Void, StoreError>) -> Void)?) {
        let name = options.name
        perform(completion) { (state: inout State) throws(StoreError) in
            try state.records.insertConnection(record, store: name)
        }
    }

    public func deleteConnection(id: String, completion: (@Sendable (Result<Void, StoreError>) -> Void)?) {
        perform(completion) { (state: inout State) throws(StoreError) in
            state.records.deleteConnection(id: id)
        }
    }

    public func insertSubscription(_ record: SubscriptionRecord, completion: (@Sendable (Result<Void, StoreError>) -> Void)?) {
        let name = options.name
        perform(completion) { (state: inout State) throws(StoreError) in
            try state.records.insertSubscription(record, store: name)
        }
    }

    public func deleteSubscription(connectionId: String, id: String, completion: (@Sendable (Result<Void, StoreError>) -> Void)?) {
        perform(completion) { (state: inout State) throws(StoreError) in
            state.records.deleteSubscription(.init(connectionId: connectionId, id: id))
        }
    }

    public func subscriptions(topic: String, completion: @escaping @Sendable (Result<[SubscriptionRecord], StoreError>) -> Void) {
        perform(completion) { (state: inout State) throws(StoreError) -> [SubscriptionRecord] in
            state.records.subscriptions(topic: topic)
        }
    }

    public func connections(userId: String, completion: @escaping @Sendable (Result<[ConnectionRecord], StoreError>) -> Void) {
        perform(completion) { (state: inout State) throws(StoreError) -> [ConnectionRecord] in
            state.records.connections(userId: userId)
        }
    }

    // MARK: Dead letters and settings

    public func appendDeadLetters(_ letters: [DeadLetter], completion: (@Sendable (Result<Void, StoreError>) -> Void)?) {
        perform(completion) { (state: inout State) throws(StoreError) in
            state.records.appendDeadLetters(letters)
        }
    }

    public func deadLetters(limit: Int, completion: @escaping @Sendable (Result<[DeadLetter], StoreError>) -> Void) {
        perform(completion) { (state: inout State) throws(StoreError) -> [DeadLetter] in
            state.records.deadLetters(limit: limit)
        }
    }

    public func recentDeadLetters(limit: Int, completion: @escaping @Sendable (Result<[DeadLetterReport], StoreError>) -> Void) {
        perform(completion) { (state: inout State) throws(StoreError) -> [DeadLetterReport] in
            state.records.recentDeadLetters(limit: limit).map { letter in
                let found = state.log.events(topic: nil, after: letter.eventId - 1, limit: 1).first
                return DeadLetterReport(letter: letter, topic: found?.id == letter.eventId ? found?.topic : nil)
            }
        }
    }

    public func setting(_ key: String, completion: @escaping @Sendable (Result<String?, StoreError>) -> Void) {
        perform(completion) { (state: inout State) throws(StoreError) -> String? in
            state.records.setting(key)
        }
    }

    public func setSetting(_ key: String, value: String, completion: (@Sendable (Result<Void, StoreError>) -> Void)?) {
        perform(completion) { (state: inout State) throws(StoreError) in
            state.records.setSetting(key, value: value)
        }
    }

    public func insertSettingIfAbsent(
        _ key: String, value: String, completion: @escaping @Sendable (Result<String, StoreError>) -> Void
    ) {
        perform(completion) { (state: inout State) throws(StoreError) -> String in
            if let stored = state.records.setting(key) { return stored }
            state.records.setSetting(key, value: value)
            return value
        }
    }
}
