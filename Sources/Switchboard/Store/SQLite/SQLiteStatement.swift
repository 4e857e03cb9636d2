import CSQLite

/// A value to bind to a statement parameter.
enum SQLiteValue: Sendable, Hashable {
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
    case null
}

/// A prepared statement. It finalizes itself when released, so a statement can never leak
/// or outlive its use by accident; the connection keeps the ones it reuses in its cache.
///
/// Not thread-safe: a statement belongs to its connection, which belongs to one thread.
final class SQLiteStatement {
    let handle: OpaquePointer
    /// The connection's handle, for error messages; the connection outlives its statements
    /// (it finalizes its cache before closing, and closes with `sqlite3_close_v2`).
    private let db: OpaquePointer
    let path: String
    let sql: String

    init(db: OpaquePointer, path: String, sql: String) throws(SQLiteError) {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw SQLiteError(code: code, db: db, path: path)
        }
        self.handle = statement
        self.db = db
        self.path = path
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    // MARK: Binding (parameters are numbered from 1, as in SQLite)

    func bind(_ value: Int64, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    func bind(_ value: Int, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_int64(handle, index, Int64(value)))
    }

    func bind(_ value: Double, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_double(handle, index, value))
    }

    func bind(_ value: String, at index: Int32) throws(SQLiteError) {
        // SQLITE_TRANSIENT: SQLite copies the bytes, so the Swift string may go away.
        var value = value
        let code = value.withUTF8 { bytes in
            sqlite3_bind_text(handle, index, Self.textPointer(UnsafeRawBufferPointer(bytes)), Int32(bytes.count),
                              switchboard_sqlite_transient())
        }
        try check(code)
    }

    func bind(_ value: String?, at index: Int32) throws(SQLiteError) {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    /// Binds bytes as a BLOB.
    func bind(blob value: [UInt8], at index: Int32) throws(SQLiteError) {
        let code = value.withUnsafeBytes { bytes in
            // A zero-length blob needs a non-null pointer, or SQLite stores NULL.
            sqlite3_bind_blob(handle, index, UnsafeRawPointer(Self.textPointer(bytes)), Int32(bytes.count),
                              switchboard_sqlite_transient())
        }
        try check(code)
    }

    /// Binds UTF-8 bytes as TEXT (JSON payloads are text in the table, bytes in Swift).
    func bind(utf8 value: [UInt8], at index: Int32) throws(SQLiteError) {
        let code = value.withUnsafeBytes { bytes in
            sqlite3_bind_text(handle, index, Self.textPointer(bytes), Int32(bytes.count), switchboard_sqlite_transient())
        }
        try check(code)
    }

    func bindNull(at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_null(handle, index))
    }

    func bind(_ value: SQLiteValue, at index: Int32) throws(SQLiteError) {
        switch value {
        case .integer(let v): try bind(v, at: index)
        case .real(let v): try bind(v, at: index)
        case .text(let v): try bind(v, at: index)
        case .blob(let v): try bind(blob: v, at: index)
        case .null: try bindNull(at: index)
        }
    }

    /// Binds `values` to parameters 1, 2, ….
    func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    // MARK: Stepping

    /// Advances; true when a row is available, false when done.
    @discardableResult
    func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteError(code: code, db: db, path: path)
        }
    }

    /// Runs a statement that returns no rows (or whose rows do not matter), then resets it.
    func run() throws(SQLiteError) {
        defer { reset() }
        while try step() {}
    }

    /// Resets to run again and clears the bindings. Resetting also ends the statement's
    /// read of the database, which must not stay open (it would pin the WAL).
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Calls `body` for each row, then resets the statement.
    func forEachRow(_ body: (SQLiteStatement) throws(SQLiteError) -> Void) throws(SQLiteError) {
        defer { reset() }
        while try step() {
            try body(self)
        }
    }

    // MARK: Reading columns (numbered from 0, as in SQLite)

    func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    func double(_ column: Int32) -> Double {
        sqlite3_column_double(handle, column)
    }

    func string(_ column: Int32) -> String {
        guard let text = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    func optionalString(_ column: Int32) -> String? {
        isNull(column) ? nil : string(column)
    }

    /// The column's bytes (TEXT as UTF-8, or BLOB).
    func bytes(_ column: Int32) -> [UInt8] {
        // Ask for the blob pointer first, then its size: the order SQLite documents.
        guard let pointer = sqlite3_column_blob(handle, column) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, column))
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// A pointer to the bytes, or to a static empty C string when there are none (SQLite
    /// reads a null text pointer as NULL, not as the empty string).
    private static func textPointer(_ bytes: UnsafeRawBufferPointer) -> UnsafePointer<CChar> {
        if let base = bytes.baseAddress { return base.assumingMemoryBound(to: CChar.self) }
        return emptyText
    }

    // nonisolated(unsafe): one NUL byte, written once at initialization and only read after.
    nonisolated(unsafe) private static let emptyText: UnsafePointer<CChar> = {
        let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return UnsafePointer(pointer)
    }()

    private func check(_ code: Int32) throws(SQLiteError) {
        guard code == SQLITE_OK else { throw SQLiteError(code: code, db: db, path: path) }
    }
}
