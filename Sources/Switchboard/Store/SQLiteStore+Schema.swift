import CSQLite

extension SQLiteStore {
    /// The schema's versions, in order: `migrations[n]` takes `PRAGMA user_version` from n to n+1.
    /// Never edit a shipped migration; append a new one.
    static let migrations: [String] = [
        // 1: contract.md's tables, plus settings and instances.
        """
        CREATE TABLE events(
            id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, even after pruning the newest
            topic TEXT NOT NULL,
            payload TEXT NOT NULL,                 -- JSON object
            created_at TEXT NOT NULL               -- ISO-8601 UTC, milliseconds
        );
        -- backlog and history: events of a topic by id
        CREATE INDEX events_topic_id ON events(topic, id);

        CREATE TABLE connections(
            id TEXT PRIMARY KEY,
            user_id TEXT,
            remote_addr TEXT NOT NULL,
            connected_at TEXT NOT NULL,
            init_payload TEXT NOT NULL,            -- JSON, secrets redacted
            instance_id TEXT NOT NULL              -- the server process that holds it
        );
        CREATE INDEX connections_user ON connections(user_id);
        CREATE INDEX connections_instance ON connections(instance_id);

        CREATE TABLE subscriptions(
            connection_id TEXT NOT NULL,
            id TEXT NOT NULL,
            topic TEXT NOT NULL,
            query TEXT NOT NULL,
            variables TEXT NOT NULL,               -- JSON
            operation_name TEXT,
            created_at TEXT NOT NULL,
            instance_id TEXT NOT NULL,
            PRIMARY KEY(connection_id, id)
        ) WITHOUT ROWID;
        CREATE INDEX subscriptions_topic ON subscriptions(topic);
        CREATE INDEX subscriptions_instance ON subscriptions(instance_id);

        CREATE TABLE dead_letters(
            id INTEGER PRIMARY KEY,                -- insertion order
            event_id INTEGER NOT NULL,             -- no foreign key: pruning an event keeps its dead letters
            connection_id TEXT NOT NULL,
            subscription_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            created_at TEXT NOT NULL
        );

        CREATE TABLE settings(
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE instances(
            id TEXT PRIMARY KEY,
            pid INTEGER NOT NULL,
            host TEXT NOT NULL,                    -- a pid means something only on its own machine
            started_at TEXT NOT NULL,
            heartbeat_at TEXT NOT NULL
        );
        """,
    ]

    /// Brings the file's schema to the latest version, each step in its own transaction
    /// (the version is set inside it, so a failed step leaves the previous version intact).
    static func migrate(_ connection: SQLiteConnection) throws(SQLiteError) {
        let latest = Int64(migrations.count)
        // Cheap check first: an up-to-date file needs no write lock (a busy writer elsewhere
        // does not stop a CLI from opening it).
        if try connection.scalarInt("PRAGMA user_version") == latest { return }
        try connection.transaction(.immediate) { () throws(SQLiteError) in
            // Read again under the write lock: another process may have migrated meanwhile.
            var version = try connection.scalarInt("PRAGMA user_version")
            if version > latest {
                throw SQLiteError(
                    code: SQLITE_CANTOPEN,
                    message: "schema version \(version) is newer than this Switchboard knows (\(latest))",
                    path: connection.path)
            }
            while version < latest {
                try connection.execute(migrations[Int(version)])
                version += 1
                try connection.execute("PRAGMA user_version = \(version)")
            }
        }
    }
}
