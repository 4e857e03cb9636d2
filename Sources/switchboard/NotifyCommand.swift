import ArgumentParser
import Switchboard

/// `switchboard notify`: a user notification appended from outside the server. A server on
/// the same store delivers it to every live connection of that user subscribed to
/// `notifications`.
struct NotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Append a notification for a user to the store.",
        discussion: """
            Appends a notification for user ID (topic user:ID) with the payload \
            {"userId":…,"message":…,"callback":…|null,"kind":"ACTIONABLE"|"FEEDBACK"}: \
            ACTIONABLE when --callback is given, FEEDBACK otherwise. A running \
            `switchboard serve` on the same store delivers it within 200 ms to every live \
            connection of that user subscribed to `notifications`. The store is created if \
            it does not exist.

            Once the notification is committed, prints it as one JSON line on standard output:

              {"id":"43","topic":"user:ada","createdAt":"2026-11-23T10:00:00.123Z"}

            Exit status: 0 when the notification was committed; 1 with one line \
            `error: MESSAGE` on standard error when a value is invalid (nothing is written \
            then) or the store fails (a file that is not a database, a missing directory, a \
            database locked beyond --busy-timeout).

            Example:

              switchboard notify --db ./switchboard.sqlite --user ada \\
                --message "Your order is on its way" --callback https://example.com/orders/42
            """
    )

    @OptionGroup var store: StoreFlags

    @Option(name: .customLong("user"), help: ArgumentHelp("The user to notify (topic user:ID). (required)", valueName: "id"))
    var userId: String

    @Option(name: .long, help: ArgumentHelp("The notification text: 1 to 4,000 Unicode code points. (required)", valueName: "text"))
    var message: String

    @Option(
        name: .long,
        help: ArgumentHelp("A URL the user can act on; makes the notification ACTIONABLE. (default: none: FEEDBACK)", valueName: "url"))
    var callback: String?

    static let flags = ["userId": "--user", "message": "--message", "callback": "--callback"]

    func run() throws {
        do {
            try notify()
        } catch {
            reportError(error.message)
            throw ExitCode(1)
        }
    }

    private func notify() throws(CommandFailure) {
        let notification: NotificationPayload
        do {
            notification = try NotificationPayload(userId: userId, message: message, callback: callback)
        } catch {
            throw CommandFailure(message: flagMessage(error, flags: Self.flags))
        }
        let store = try self.store.openStore()
        defer { store.close() }
        let outcome = AppendPipeline(store: store).run(count: 1) { _ in notification.newEvent }
        if let failure = outcome.failure {
            throw CommandFailure(message: describe(failure, path: self.store.db))
        }
    }
}
