import ArgumentParser
import GraphQL
import Switchboard

/// `switchboard dead-letters`: the events subscribers did not receive, newest first, so an
/// operator can see who missed what after an alert (README, "Operations").
struct DeadLettersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dead-letters",
        abstract: "List the events subscribers did not receive (dead letters), newest first.",
        discussion: """
            A dead letter is written when a subscriber's connection is closed with 1013 \
            (`Try again later`) because more than --max-queue-bytes waited to be written to \
            it: every event it had not been sent is recorded with the connection, the \
            subscription and the reason. The client resumes with `after:` once it \
            reconnects; the dead letters say that it had to, and what it missed.

            Prints a table (created_at, event id, topic, connection, subscription, reason), \
            or with --json one JSON object per line with the keys created_at, event_id, \
            topic, connection_id, subscription_id and reason (the `dead_letters` columns, \
            plus the event's topic). The topic is null when retention has pruned the event since. The store is only \
            read: a missing file or one that is not a Switchboard store is an error, never \
            created. A running server may keep using the store meanwhile.

            Example:

              switchboard dead-letters --db ./switchboard.sqlite --limit 20

            Exit status: 0 (also when there are none); 1 with one line `error: MESSAGE` on \
            standard error when the store cannot be read.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The store to read; it must exist.", valueName: "path"))
    var db: String = "./switchboard.sqlite"

    @Option(name: .long, help: ArgumentHelp("At most this many, the newest.", valueName: "n"))
    var limit: Int = 100

    @Flag(name: .long, help: "One JSON object per line instead of a table. (default: off)")
    var json = false

    func run() async throws {
        do {
            try await list()
        } catch {
            reportError(error.message)
            throw ExitCode(1)
        }
    }

    private func list() async throws(CommandFailure) {
        guard limit >= 1 else { throw CommandFailure(message: "--limit must be at least 1 (got \(limit))") }
        do {
            try SQLiteStore.checkExistingStore(atPath: db)
        } catch {
            throw CommandFailure(message: error.message)
        }
        var options = SQLiteStore.Options()
        options.registersInstance = false
        options.readers = 1
        options.retention = .keepEverything
        let store: SQLiteStore
        do {
            store = try SQLiteStore(path: db, options: options)
        } catch {
            throw CommandFailure(message: describe(error, path: db))
        }
        defer { store.close() }
        let reports: [DeadLetterReport]
        do {
            reports = try await store.recentDeadLetters(limit: limit)
        } catch {
            throw CommandFailure(message: describe(error, path: db))
        }
        writeToStandardOutput(json ? Self.jsonLines(reports) : Self.table(reports))
    }

    /// One object per letter, keys named as the `dead_letters` columns (plus `topic`).
    static func jsonLines(_ reports: [DeadLetterReport]) -> [UInt8] {
        var out: [UInt8] = []
        for report in reports {
            var object = JSONObject()
            object.append("created_at", .string(report.letter.createdAt))
            object.append("event_id", .int(Int(report.letter.eventId)))
            object.append("topic", report.topic.map(JSON.string) ?? .null)
            object.append("connection_id", .string(report.letter.connectionId))
            object.append("subscription_id", .string(report.letter.subscriptionId))
            object.append("reason", .string(report.letter.reason))
            JSON.object(object).encode(into: &out)
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// Aligned columns for people; the reason last, since it is the longest.
    static func table(_ reports: [DeadLetterReport]) -> [UInt8] {
        if reports.isEmpty { return Array("no dead letters\n".utf8) }
        var rows: [[String]] = [["CREATED_AT", "EVENT", "TOPIC", "CONNECTION", "SUBSCRIPTION", "REASON"]]
        for report in reports {
            let letter = report.letter
            rows.append([letter.createdAt, String(letter.eventId), report.topic ?? "(pruned)",
                         letter.connectionId, letter.subscriptionId, letter.reason].map(printable))
        }
        var widths = Array(repeating: 0, count: rows[0].count)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        var out = ""
        for row in rows {
            var line = ""
            for (i, cell) in row.enumerated() {
                if i == row.count - 1 {
                    line += cell
                } else {
                    line += cell + String(repeating: " ", count: widths[i] - cell.count + 2)
                }
            }
            out += line + "\n"
        }
        return Array(out.utf8)
    }
}

/// A cell on one line: ids and reasons come from clients and the store, so control
/// characters are shown as `\u{…}` instead of breaking the table.
private func printable(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        if scalar.value < 0x20 || scalar.value == 0x7F {
            out += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}
