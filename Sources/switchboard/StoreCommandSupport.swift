#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import GraphQL
import Switchboard

// What `publish` and `notify` share: the store flags, opening the store as a short-lived
// writer, and the one-line output and error formats.

/// `--db` and `--busy-timeout`.
struct StoreFlags: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite store to append to; created if missing.", valueName: "path"))
    var db: String = "./switchboard.sqlite"

    @Option(
        name: .customLong("busy-timeout"),
        help: ArgumentHelp(
            "How long to wait for a database another process holds locked before giving up.",
            valueName: "seconds"))
    var busyTimeout: Double = 5
}

/// A failure already worded for the user: `run()` prints `error: <message>` on standard
/// error and exits 1.
struct CommandFailure: Error {
    let message: String
}

extension StoreFlags {
    /// Opens the store as a CLI process does: no instance record of its own (it owns no
    /// connection or subscription rows that a restart would have to clean up), one reader,
    /// no retention passes (pruning is the server's business).
    func openStore() throws(CommandFailure) -> SQLiteStore {
        try Self.open(db, busyTimeout: busyTimeout)
    }

    /// `openStore` for a command that has its own `--db` (`token`).
    static func open(_ db: String, busyTimeout: Double) throws(CommandFailure) -> SQLiteStore {
        guard busyTimeout >= 0, busyTimeout.isFinite else {
            throw CommandFailure(message: "--busy-timeout must be a number of seconds, 0 or more (got \(busyTimeout))")
        }
        // SQLite reports a missing directory as `unable to open database file`; say what it is.
        if let directory = missingDirectory(of: db) {
            throw CommandFailure(message: "\(db): cannot create the store: directory \(directory) does not exist")
        }
        var options = SQLiteStore.Options()
        options.registersInstance = false
        options.readers = 1
        options.busyTimeout = busyTimeout
        options.retention = .keepEverything
        do {
            return try SQLiteStore(path: db, options: options)
        } catch {
            throw CommandFailure(message: describe(error, path: db))
        }
    }
}

/// The store's message names the file already; the path is added should one ever not.
func describe(_ error: StoreError, path: String) -> String {
    error.message.contains(path) ? error.message : "\(path): \(error.message)"
}

/// The parent directory of `path` when neither the file nor that directory exists, else nil.
private func missingDirectory(of path: String) -> String? {
    var info = stat()
    guard stat(path, &info) != 0, errno == ENOENT, let slash = path.lastIndex(of: "/") else { return nil }
    let directory = slash == path.startIndex ? "/" : String(path[..<slash])
    return stat(directory, &info) == 0 ? nil : directory
}

/// Maps an input error's field (the GraphQL argument) to the flag that carried it.
func flagMessage(_ error: EventInputError, flags: [String: String]) -> String {
    "\(flags[error.field] ?? error.field) \(error.reason)"
}

/// One committed event as the commands print it: `{"id":"…","topic":"…","createdAt":"…"}`.
/// The id is a decimal string, as GraphQL's `ID` carries it.
func eventLine(_ event: StoredEvent, into out: inout [UInt8]) {
    var object = JSONObject()
    object.append("id", .string(String(event.id)))
    object.append("topic", .string(event.topic))
    object.append("createdAt", .string(event.createdAt))
    JSON.object(object).encode(into: &out)
    out.append(UInt8(ascii: "\n"))
}

/// Writes `error: <message>` as one line on standard error (newlines in the message are
/// flattened so scripts can rely on one line per failure).
func reportError(_ message: String) {
    let flat = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    writeAll(Array("error: \(flat)\n".utf8), to: 2)
}

/// Writes every byte to a file descriptor, retrying short writes and interruptions.
/// Returns false when the descriptor is gone (a reader that closed its end of the pipe).
@discardableResult
func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if written < 0 {
            if errno == EINTR { continue }
            return false
        }
        offset += written
    }
    return true
}
