#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSQLite

/// The bare C API, for the store scenarios' baselines: what SQLite itself does with the same
/// rows on the same disk, with no queue, no threads and no Swift records around it. Kept
/// apart from the store's own SQLite layer on purpose: a baseline must not share the code
/// it is compared with.
final class RawSQLite {
    private var db: OpaquePointer?
    let path: String

    init(path: String) throws {
        self.path = path
        if sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil) != SQLITE_OK {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw BenchError("\(path): \(message)")
        }
    }

    deinit { sqlite3_close_v2(db) }

    func exec(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(db, sql, nil, nil, &error) != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? "error"
            sqlite3_free(error)
            throw BenchError("\(path): \(message) in \(sql)")
        }
    }

    func prepare(_ sql: String) throws -> RawStatement {
        var statement: OpaquePointer?
        if sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) != SQLITE_OK {
            throw BenchError("\(path): \(String(cString: sqlite3_errmsg(db))) in \(sql)")
        }
        return RawStatement(statement!, db: db!, path: path)
    }

    /// The text of every column of every row (for copying a schema, counting rows).
    func rows(_ sql: String) throws -> [[String]] {
        let statement = try prepare(sql)
        var rows: [[String]] = []
        while try statement.step() {
            rows.append((0..<statement.columnCount).map { statement.text($0) })
        }
        return rows
    }
}

final class RawStatement {
    private let statement: OpaquePointer
    private let db: OpaquePointer
    private let path: String

    init(_ statement: OpaquePointer, db: OpaquePointer, path: String) {
        self.statement = statement
        self.db = db
        self.path = path
    }

    deinit { sqlite3_finalize(statement) }

    func bind(_ index: Int32, _ text: String) {
        sqlite3_bind_text(statement, index, text, -1, switchboard_sqlite_transient())
    }

    func bind(_ index: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer {
            _ = sqlite3_bind_text(statement, index, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self),
                                  Int32($0.count), switchboard_sqlite_transient())
        }
    }

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(statement, index, value)
    }

    /// True when a row is ready, false when done.
    func step() throws -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw BenchError("\(path): \(String(cString: sqlite3_errmsg(db)))")
        }
    }

    func run() throws {
        while try step() {}
        sqlite3_reset(statement)
    }

    func reset() { sqlite3_reset(statement) }

    var columnCount: Int32 { sqlite3_column_count(statement) }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(statement, column) else { return "" }
        return String(cString: pointer)
    }

    /// The column's bytes copied out, as the store must copy a payload out of SQLite.
    func bytes(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let pointer = sqlite3_column_blob(statement, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
