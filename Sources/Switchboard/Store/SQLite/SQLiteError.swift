import CSQLite

/// A failed SQLite call: the result code (extended), SQLite's own message, and the file it
/// concerns, so every error that reaches a user says which database and what went wrong.
struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The extended result code (`SQLITE_CONSTRAINT_PRIMARYKEY`, …).
    let code: Int32
    /// SQLite's message (`sqlite3_errmsg`), possibly with a hint of ours appended.
    let message: String
    /// The database file.
    let path: String

    init(code: Int32, message: String, path: String) {
        self.code = code
        self.message = message
        self.path = path
    }

    /// The error the connection `db` reports for `code`.
    init(code: Int32, db: OpaquePointer?, path: String) {
        let text: String
        if let db, let cString = sqlite3_errmsg(db) {
            text = String(cString: cString)
        } else {
            text = String(cString: sqlite3_errstr(code))
        }
        self.init(code: code, message: text, path: path)
    }

    /// The primary result code (`SQLITE_CONSTRAINT` for `SQLITE_CONSTRAINT_PRIMARYKEY`).
    var primaryCode: Int32 { code & 0xff }

    var description: String { "\(path): \(message)" }

    /// The store's error: a kind the caller can act on and a message that names the file.
    var storeError: StoreError {
        let kind: StoreError.Kind
        switch primaryCode {
        case SQLITE_NOTADB, SQLITE_CANTOPEN, SQLITE_CORRUPT: kind = .cannotOpen
        case SQLITE_BUSY, SQLITE_LOCKED: kind = .busy
        case SQLITE_FULL: kind = .full
        case SQLITE_CONSTRAINT: kind = .constraint
        case SQLITE_READONLY, SQLITE_PERM: kind = .readOnly
        default: kind = .other
        }
        return StoreError(kind, description)
    }
}
