// MARK: Writes of the Store protocol

extension SQLiteStore {
    /// Queues a write whose result is `Void`.
    func write(
        _ completion: (@Sendable (Result<Void, StoreError>) -> Void)?,
        _ body: @escaping @Sendable (SQLiteConnection, WriteContext) throws(SQLiteError) -> Void
    ) {
        writer.submit(WriteItem(
            run: { (connection, context) throws(SQLiteError) in
                try body(connection, context)
                return { completion?(.success(())) }
            },
            fail: { completion?(.failure($0)) }))
    }

    public func expectWrite() { writer.expectWrite() }

    public func setAppendWillCommit(_ handler: @escaping @Sendable () -> Void) { writer.setCommitWillStart(handler) }

    public func append(_ events: [NewEvent], completion: @escaping @Sendable (Result<[StoredEvent], StoreError>) -> Void) {
        writer.submit(WriteItem(
            run: { (connection, context) throws(SQLiteError) in
                let insert = try connection.cached("INSERT INTO events(topic, payload, created_at) VALUES (?, ?, ?)")
                var stored: [StoredEvent] = []
                stored.reserveCapacity(events.count)
                for event in events {
                    try insert.bind(event.topic, at: 1)
                    try insert.bind(utf8: event.payload, at: 2)
                    try insert.bind(context.timestamp, at: 3)
                    try insert.run()
                    stored.append(StoredEvent(
                        id: connection.lastInsertRowID, topic: event.topic, payload: event.payload,
                        createdAt: context.timestamp))
                }
                let committed = stored
                return { completion(.success(committed)) }
            },
            fail: { completion(.failure($0)) }, awaited: true))
    }

    public func insertConnection(_ record: ConnectionRecord, completion: (@Sendable (Result<Void, StoreError>) -> Void)?) {
        write(completion) { (connection, context) throws(SQLiteError) in
            let insert = try connection.cached("""
                INSERT INTO connections(id, user_id, remote_addr, connected_at, init_payload, instance_id)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
            try insert.bind(record.id, at: 1)
            try insert.bind(record.userId, at: 2)
            try insert.bind(record.remoteAddress, at: 3)
            try insert.bind(record.connectedAt, at: 4)
            try insert.bind(record.initPayload, at: 5)
            try insert.bind(context.instanceID, at: 6)
            try insert.run()
        }
    }

    public func deleteConnection(id: String, completion: (@Sendable (Result<Void, StoreError>) -> Void)?) {
        write(completion) { (connection, _) throws(SQLiteError) in
            let subscriptions = try connection.cached("DELETE FROM subscriptions WHERE connection_id = ?")
            try subscriptions.bind(id, at: 1)
            try subscriptions.run()
            let delete = try connection.cached("DELETE FROM connections WHERE id = ?")
            try delete.bind(id, at: 1)
            try delete.run()
        }
    }

    public func insertSubscription(_ record: SubscriptionRecord, completion: (@Sendable (Result<Void, StoreError>) -> Void)?) {
        write(completion) { (connection, context) throws(SQLiteError) in
            let insert = try connection.cached("""
                INSERT INTO subscriptions(connection_id, id, topic, query, variables, operation_name, created_at, instance_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            try insert.bind(record.connectionId, at: 1)
            try insert.bind(record.id, at: 2)
            try insert.bind(record.topic, at: 3)
            try insert.bind(record.query, at: 4)
            try insert.bind(record.variables, at: 5)
            try insert.bind(record.operationName, at: 6)
            try insert.bind(record.createdAt, at: 7)
            try insert.bind(context.instanceID, at: 8)
            try insert.run()
        }
    }

    public func deleteSubscription(connectionId: String, id: String, completion: (@Sendable (Result<Void, StoreError>) -> Void)?) {
        write(completion) { (connection, _) throws(SQLiteError) in
            let delete = try connection.cached("DELETE FROM subscriptions WHERE connection_id = ? AND id = ?")
            try delete.bind(connectionId, at: 1)
            try delete.bind(id, at: 2)
            try delete.run()
        }
    }

    public func appendDeadLetters(_ letters: [DeadLetter], completion: (@Sendable (Result<Void, StoreError>) -> Void)?) {
        write(completion) { (connection, _) throws(SQLiteError) in
            let insert = try connection.cached("""
                INSERT INTO dead_letters(event_id, connection_id, subscription_id, reason, created_at)
                VALUES (?, ?, ?, ?, ?)
                """)
            for letter in letters {
                try insert.bind(letter.eventId, at: 1)
                try insert.bind(letter.connectionId, at: 2)
                try insert.bind(letter.subscriptionId, at: 3)
                try insert.bind(letter.reason, at: 4)
                try insert.bind(letter.createdAt, at: 5)
                try insert.run()
            }
        }
    }

    public func setSetting(_ key: String, value: String, completion: (@Sendable (Result<Void, StoreError>) -> Void)?) {
        write(completion) { (connection, _) throws(SQLiteError) in
            let upsert = try connection.cached("""
                INSERT INTO settings(key, value) VALUES (?, ?)
                ON CONFLICT(key) DO UPDATE SET value = excluded.value
                """)
            try upsert.bind(key, at: 1)
            try upsert.bind(value, at: 2)
            try upsert.run()
        }
    }

    public func insertSettingIfAbsent(
        _ key: String, value: String, completion: @escaping @Sendable (Result<String, StoreError>) -> Void
    ) {
        writer.submit(WriteItem(
            run: { (connection, _) throws(SQLiteError) in
                // Inside the writer's transaction: no other process can write between the two.
                let insert = try connection.cached("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING")
                try insert.bind(key, at: 1)
                try insert.bind(value, at: 2)
                try insert.run()
                let select = try connection.cached("SELECT value FROM settings WHERE key = ?")
                try select.bind(key, at: 1)
                defer { select.reset() }
                let stored = try select.step() ? select.string(0) : value
                return { completion(.success(stored)) }
            },
            fail: { completion(.failure($0)) }))
    }
}
