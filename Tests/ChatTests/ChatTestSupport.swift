// What the chat tests share: callers of each role, a store with a fixed clock, and a harness
// that executes real documents through the engine with a `RequestContext`, recording what
// the resolvers hand to the fan-out and what they report for the log.

import Foundation
import GraphQL
import Switchboard
import XCTest

@testable import Chat

/// A value shared between a test and other threads.
final class Locked<Value>: @unchecked Sendable {
    // @unchecked Sendable: `value` is only touched inside `withLock`, under `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }

    var current: Value { withLock { $0 } }
}

enum Callers {
    static let anonymous = Identity.anonymous
    /// A user with a display name.
    static let ann = Identity(role: .user, userID: "u-ann", name: "Ann")
    /// A user whose token has no `name`: posts under the `sub`.
    static let bob = Identity(role: .user, userID: "u-bob")
    static let publisher = Identity(role: .publisher, userID: "backend", name: "Backend")
}

/// 2026-11-23T10:00:00.123Z, the store's time for every event in these tests.
let fixedMilliseconds: Int64 = 1_795_428_000_123
let fixedCreatedAt = "2026-11-23T10:00:00.123Z"

func fixedClockStore() -> InMemoryStore {
    var options = InMemoryStore.Options()
    options.clock = { fixedMilliseconds }
    return InMemoryStore(options: options)
}

/// One step the harness saw, in order.
enum Step: Equatable {
    /// The resolver called `publish` with these ids; `committed` says whether the store
    /// already returned them to a reader at that moment.
    case published(ids: [Int64], committed: Bool)
    /// `execute` returned.
    case returned
}

final class ChatHarness: Sendable {
    let app: ChatApplication
    let store: any Store
    let steps = Locked<[Step]>([])
    let published = Locked<[StoredEvent]>([])
    let failures = Locked<[String]>([])

    init(store: any Store = fixedClockStore()) {
        self.store = store
        let failures = self.failures
        app = ChatApplication(reportFailure: { failure in failures.withLock { $0.append(failure.description) } })
    }

    func context(_ identity: Identity) -> RequestContext {
        let store = self.store
        let steps = self.steps
        let published = self.published
        return RequestContext(identity: identity, store: store) { events in
            // Ask the store, as any reader would, whether the events are there yet.
            let committed = events.allSatisfy { event in
                storeHolds(store, event)
            }
            steps.withLock { $0.append(.published(ids: events.map(\.id), committed: committed)) }
            published.withLock { $0.append(contentsOf: events) }
        }
    }

    /// Parses, validates and executes `document` as `identity`; the response as JSON text.
    func run(_ document: String, _ variables: JSONObject = [:], as identity: Identity, file: StaticString = #filePath, line: UInt = #line) async throws
        -> String
    {
        let parsed = try parseDocument(Source(document))
        let problems = validate(schema: app.schema, document: parsed)
        XCTAssertEqual(problems.map(\.description), [], "document does not validate", file: file, line: line)
        let result = await execute(
            schema: app.schema, document: parsed, variables: variables, context: context(identity), resolvers: app.resolvers)
        steps.withLock { $0.append(.returned) }
        return result.encodedString()
    }

    /// The stored events of a topic, oldest first.
    func stored(_ topic: String) async throws -> [StoredEvent] {
        try await store.events(topic: topic, after: 0, limit: 10_000)
    }
}

/// Whether a reader of `store` sees `event` (same id, topic and payload). Blocks the calling
/// thread until the store answers: only for the publish callback of these tests.
func storeHolds(_ store: any Store, _ event: StoredEvent) -> Bool {
    let answer = Locked<Bool>(false)
    let done = DispatchSemaphore(value: 0)
    store.events(topic: event.topic, after: event.id - 1, limit: 1) { result in
        if case .success(let events) = result, events.first == event { answer.withLock { $0 = true } }
        done.signal()
    }
    done.wait()
    return answer.current
}

/// A message's payload JSON as `ChatMessagePayload` writes it.
func chatPayload(_ chatId: String, _ content: String, _ sender: String) -> NewEvent {
    NewEvent(
        topic: EventTopic.chat(chatId),
        payload: Array(#"{"chatId":\#(JSON.string(chatId).encodedString()),"content":\#(JSON.string(content).encodedString()),"senderName":\#(JSON.string(sender).encodedString())}"#.utf8))
}

/// The response JSON of one error, as the engine prints it.
func errorJSON(_ message: String, line: Int = 1, column: Int, path: [String], code: String) -> String {
    let pathJSON = path.map { JSON.string($0).encodedString() }.joined(separator: ",")
    return #"{"message":\#(JSON.string(message).encodedString()),"locations":[{"line":\#(line),"column":\#(column)}],"path":[\#(pathJSON)],"extensions":{"code":"\#(code)"}}"#
}
