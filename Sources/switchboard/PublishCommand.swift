import ArgumentParser
import Switchboard

/// `switchboard publish`: a chat message appended from outside the server (a script, a
/// cron job, another service on the same machine). A server on the same store notices it
/// within 200 ms and delivers it to the chat's subscribers.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Append a chat message to the store.",
        discussion: """
            Appends a message to chat ID (topic chat:ID) with the payload \
            {"chatId":…,"content":…,"senderName":…}. A running `switchboard serve` on the same \
            store delivers it to the chat's subscribers within 200 ms. The store is created \
            if it does not exist.

            Example:

              switchboard publish --db ./switchboard.sqlite --chat general --content "hello" --sender ada

            Once the message is committed, prints it as one JSON line on standard output:

              {"id":"42","topic":"chat:general","createdAt":"2026-11-23T10:00:00.123Z"}

            --count N appends N messages, each with " #i" (i = 1…N) after the content, as \
            fast as the store commits them (many per transaction), and prints each message's \
            line as soon as its commit is reported: every printed id is durable even if the \
            process is killed a moment later. Useful as a load generator:

              switchboard publish --chat load --content hi --sender bench --count 100000

            Exit status: 0 when every message was committed; 1 with one line \
            `error: MESSAGE` on standard error when a value is invalid (nothing is written \
            then) or the store fails (a file that is not a database, a missing directory, a \
            database locked beyond --busy-timeout).
            """
    )

    @OptionGroup var store: StoreFlags

    @Option(name: .customLong("chat"), help: ArgumentHelp("The chat to post to (topic chat:ID). (required)", valueName: "id"))
    var chatId: String

    @Option(name: .long, help: ArgumentHelp("The message text: 1 to 4,000 Unicode code points. (required)", valueName: "text"))
    var content: String

    @Option(name: .customLong("sender"), help: ArgumentHelp("The sender's display name. (required)", valueName: "name"))
    var senderName: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Append N messages, numbered \" #1\" to \" #N\" after the content, as fast as the store commits them.",
            valueName: "n"))
    var count: Int = 1

    static let flags = ["chatId": "--chat", "content": "--content", "senderName": "--sender"]

    func run() throws {
        do {
            try publish()
        } catch {
            reportError(error.message)
            throw ExitCode(1)
        }
    }

    private func publish() throws(CommandFailure) {
        guard count >= 1 else {
            throw CommandFailure(message: "--count must be at least 1 (got \(count))")
        }
        // Every message is checked before the store is opened: a bad value writes nothing.
        // The suffix only grows with i, so the last message is the longest.
        let first = try message(1)
        if count > 1 { _ = try message(count) }

        let store = try self.store.openStore()
        defer { store.close() }
        let pipeline = AppendPipeline(store: store)
        let outcome = pipeline.run(count: count) { i in
            if i == 1 { return first.newEvent }
            // Only the suffix differs, and the longest message passed the checks above.
            guard let next = try? message(i) else { preconditionFailure("message \(i) failed after message \(count) passed") }
            return next.newEvent
        }
        if let failure = outcome.failure {
            var text = describe(failure, path: self.store.db)
            if count > 1 { text += " (after \(outcome.committed) of \(count) messages were committed)" }
            throw CommandFailure(message: text)
        }
    }

    /// The i-th message of the run, checked against the input rules.
    private func message(_ i: Int) throws(CommandFailure) -> ChatMessagePayload {
        let text = count > 1 ? "\(content) #\(i)" : content
        do {
            return try ChatMessagePayload(chatId: chatId, content: text, senderName: senderName)
        } catch {
            if error.field == "content" && count > 1 && !content.isEmpty {
                throw CommandFailure(
                    message: "--content plus the suffix \" #\(i)\" that --count adds \(error.reason)")
            }
            throw CommandFailure(message: flagMessage(error, flags: Self.flags))
        }
    }
}
