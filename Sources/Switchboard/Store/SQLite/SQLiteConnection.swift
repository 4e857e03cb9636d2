import CSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One connection to a database file, used by one thread at a time (it is opened with
/// `SQLITE_OPEN_NOMUTEX`; the store hands each connection to exactly one thread).
///
/// Configured as the store needs it: WAL journal (readers never block the writer),
/// `synchronous=NORMAL` (durable at each WAL checkpoint, safe against corruption; a power
/// loss may lose the last commits, a process crash loses nothing), a busy timeout, foreign
/// keys on, extended result codes. Prepared statements are cached by their SQL text.
final class SQLiteConnection {
    enum Mode {
        /// Read and write; creates the file when missing and switches it to WAL.
        case readWrite
        /// Reads only (`query_only`); the file must exist.
        case readOnly
    }

    private(set) var handle: OpaquePointer?
    let path: String
    private var cache: [String: SQLiteStatement] = [:]

    init(path: String, mode: Mode, busyTimeout: Double) throws(SQLiteError) {
        self.path = path
        var db: OpaquePointer?
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READWRITE
        if mode == .readWrite { flags |= SQLITE_OPEN_CREATE }
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let error = Self.openError(code: code, db: db, path: path)
            sqlite3_close_v2(db)
            throw error
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, Int32(max(0, busyTimeout) * 1000))
        do throws(SQLiteError) {
            // The first statement that reads the header: a file that is not a database fails here,
            // before anything is written to it.
            if mode == .readWrite {
                let journal = try scalarString("PRAGMA journal_mode=WAL")
                if journal.lowercased() != "wal" {
                    throw SQLiteError(code: SQLITE_CANTOPEN, message: "cannot switch to WAL mode (journal_mode is \(journal))", path: path)
                }
            } else {
                _ = try scalarInt("PRAGMA schema_version")
                try execute("PRAGMA query_only=ON")
            }
            try execute("PRAGMA synchronous=NORMAL")
            try execute("PRAGMA foreign_keys=ON")
        } catch {
            close()
            throw Self.explain(error)
        }
    }

    deinit {
        close()
    }

    /// Finalizes the cached statements and closes. Safe to call twice.
    func close() {
        cache.removeAll()
        if let handle {
            // close_v2: should a statement still be alive somewhere, the handle becomes a zombie
            // that SQLite frees with it, instead of failing with SQLITE_BUSY.
            sqlite3_close_v2(handle)
        }
        handle = nil
    }

    // MARK: Statements

    /// A prepared statement for `sql`, cached and reused: ready to bind (reset, no bindings).
    func cached(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let statement = cache[sql] { return statement }
        let statement = try prepare(sql)
        cache[sql] = statement
        return statement
    }

    /// A new prepared statement, finalized when released.
    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        guard let handle else { throw SQLiteError(code: SQLITE_MISUSE, message: "connection is closed", path: path) }
        return try SQLiteStatement(db: handle, path: path, sql: sql)
    }

    /// Number of statements in the cache (tests check reuse).
    var cachedStatementCount: Int { cache.count }

    /// Runs one or more statements without results (schema, pragmas).
    func execute(_ sql: String) throws(SQLiteError) {
        guard let handle else { throw SQLiteError(code: SQLITE_MISUSE, message: "connection is closed", path: path) }
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw SQLiteError(code: code, db: handle, path: path) }
    }

    /// The first column of the first row, as an integer (0 when there is no row).
    func scalarInt(_ sql: String, _ values: [SQLiteValue] = []) throws(SQLiteError) -> Int64 {
        let statement = try cached(sql)
        try statement.bind(values)
        defer { statement.reset() }
        return try statement.step() ? statement.int64(0) : 0
    }

    func scalarString(_ sql: String, _ values: [SQLiteValue] = []) throws(SQLiteError) -> String {
        let statement = try cached(sql)
        try statement.bind(values)
        defer { statement.reset() }
        return try statement.step() ? statement.string(0) : ""
    }

    var lastInsertRowID: Int64 { handle.map { sqlite3_last_insert_rowid($0) } ?? 0 }
    var changes: Int { handle.map { Int(sqlite3_changes($0)) } ?? 0 }
    /// True outside a transaction: also how to tell that SQLite rolled one back on its own
    /// (after SQLITE_FULL, SQLITE_IOERR, …).
    var isAutocommit: Bool { handle.map { sqlite3_get_autocommit($0) != 0 } ?? true }

    // MARK: Transactions

    enum TransactionKind: String {
        case deferred = "DEFERRED"
        /// Takes the write lock at BEGIN, so a busy database fails there, not halfway.
        case immediate = "IMMEDIATE"
        case exclusive = "EXCLUSIVE"
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try cached("BEGIN \(kind.rawValue)").run()
        let result: T
        do {
            result = try body()
            try cached("COMMIT").run()
        } catch {
            rollback()
            throw error
        }
        return result
    }

    /// Rolls back the open transaction, if SQLite has not already done so.
    func rollback() {
        guard !isAutocommit else { return }
        try? cached("ROLLBACK").run()
    }

    /// Runs `body` in a savepoint inside the current transaction: released when it returns,
    /// rolled back to (and released) when it throws, leaving the rest of the transaction intact.
    func savepoint<T>(_ name: String = "item", _ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try cached("SAVEPOINT \(name)").run()
        do {
            let result = try body()
            try cached("RELEASE \(name)").run()
            return result
        } catch {
            // After SQLITE_FULL or an I/O error SQLite may have rolled back the whole
            // transaction, and with it the savepoint: nothing left to undo then.
            if !isAutocommit {
                try? cached("ROLLBACK TO \(name)").run()
                try? cached("RELEASE \(name)").run()
            }
            throw error
        }
    }

    // MARK: Errors

    private static func openError(code: Int32, db: OpaquePointer?, path: String) -> SQLiteError {
        var error = SQLiteError(code: code, db: db, path: path)
        if let db {
            let errno = sqlite3_system_errno(db)
            if errno != 0, let reason = strerror(errno) {
                error = SQLiteError(code: code, message: "\(error.message) (\(String(cString: reason)))", path: path)
            }
        }
        return explain(error)
    }

    /// Adds what SQLite's generic messages leave out: that the directory cannot be written.
    static func explain(_ error: SQLiteError) -> SQLiteError {
        let primary = error.primaryCode
        guard primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY || primary == SQLITE_IOERR else { return error }
        let directory = Self.directory(of: error.path)
        // AT_EACCESS: check as the effective (file-system) identity, the one that opens files.
        if faccessat(AT_FDCWD, directory, F_OK, AT_EACCESS) != 0 {
            return SQLiteError(code: SQLITE_CANTOPEN, message: "\(error.message): the directory \(directory) does not exist", path: error.path)
        }
        if faccessat(AT_FDCWD, directory, W_OK, AT_EACCESS) != 0 {
            return SQLiteError(code: SQLITE_READONLY, message: "\(error.message): the directory \(directory) is read-only", path: error.path)
        }
        return error
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }
}
