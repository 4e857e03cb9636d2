import GraphQL
import XCTest

@testable import Switchboard

/// A tiny application over its own SDL (not the Chat target): `newMessage(chatId)` listens
/// to `chat:<chatId>`; an event's payload is a JSON object (`content`, `sender`) and the
/// message's `id`/`chatId`/`createdAt` come from the stored event.
struct TinyChatApp: SwitchboardApplication {
    static let sdl = """
        type Query { ping: String }
        type Subscription {
          newMessage(chatId: ID!, after: ID, shout: Boolean = false): Message!
        }
        type Message {
          id: ID!
          chatId: ID!
          content: String!
          sender: String
          createdAt: String!
          loud: String!
        }
        """

    let schema: Schema
    let resolvers: Resolvers

    init() {
        schema = try! buildSchema(Source(Self.sdl, name: "tiny.graphql"))
        var resolvers = Resolvers()
        // A resolver below the root, so a field's value depends on the execution.
        resolvers.sync("Message.loud") { parent, _, _, _ in
            .string((parent.jsonValue?["content"]?.stringValue ?? "").uppercased())
        }
        self.resolvers = resolvers
    }

    func source(
        forSubscriptionField field: String, arguments: JSONObject, identity: Identity
    ) throws(GraphQLError) -> SubscriptionSource {
        guard field == "newMessage", let chat = arguments["chatId"]?.stringValue else {
            throw GraphQLError("Unknown subscription field \(field)")
        }
        return SubscriptionSource(topic: "chat:" + chat, after: arguments["after"]?.stringValue.flatMap { Int64($0) })
    }

    func eventValue(_ event: StoredEvent, forSubscriptionField field: String) -> GraphQLValue {
        var object = JSONObject()
        object.append("id", .string(String(event.id)))
        object.append("chatId", .string(String(event.topic.dropFirst("chat:".count))))
        object.append("createdAt", .string(event.createdAt))
        if case .object(let fields)? = try? JSON.parse(event.payload) {
            for (key, value) in fields { object.append(key, value) }
        }
        return .json(.object(object))
    }

    func prepare(_ query: String, _ variables: JSONObject = [:], operationName: String? = nil) throws -> PreparedSubscription {
        let document = try parseDocument(Source(query))
        let errors = validate(schema: schema, document: document)
        XCTAssert(errors.isEmpty, "\(errors)")
        return try prepareSubscription(schema: schema, document: document, operationName: operationName, variables: variables)
    }
}

/// A frame the sink received.
struct SunkFrame: Equatable {
    let connection: ConnectionKey
    let tag: UInt64
    let text: String
}

/// An in-memory sink that behaves like the transport's queue: frames wait per connection until
/// `flush`, and a connection whose waiting bytes would pass `maxQueueBytes` overflows: every
/// waiting frame plus the new one is reported dropped (from inside `write`, as the transport
/// does), and every later frame too.
final class MemorySink: FrameSink {
    var maxQueueBytes = Int.max
    weak var engine: FanoutEngine?
    /// Frames written (delivered, once flushed; all, with an unlimited queue).
    private(set) var delivered: [SunkFrame] = []
    private var waiting: [ConnectionKey: [SunkFrame]] = [:]
    private(set) var overflowed: Set<ConnectionKey> = []
    private(set) var writes = 0
    /// Flush every write at once (no queueing) unless a cap is set.
    var queues: Bool { maxQueueBytes != Int.max }

    func write(connection: ConnectionKey, byteCount: Int, tag: UInt64, fill: (UnsafeMutableRawBufferPointer) -> Void) {
        writes += 1
        var bytes = [UInt8](repeating: 0, count: byteCount)
        bytes.withUnsafeMutableBytes { fill($0) }
        let frame = SunkFrame(connection: connection, tag: tag, text: String(decoding: bytes, as: UTF8.self))
        guard queues else {
            delivered.append(frame)
            return
        }
        if overflowed.contains(connection) {
            report(connection, [frame])
            return
        }
        let queued = waiting[connection, default: []].reduce(0) { $0 + $1.text.utf8.count }
        if queued + byteCount > maxQueueBytes {
            overflowed.insert(connection)
            let dropped = waiting[connection, default: []] + [frame]
            waiting[connection] = nil
            report(connection, dropped)
            return
        }
        waiting[connection, default: []].append(frame)
    }

    /// The peer read everything waiting on `connection`.
    func flush(_ connection: ConnectionKey) {
        delivered += waiting[connection] ?? []
        waiting[connection] = nil
    }

    func flushAll() {
        for key in waiting.keys.sorted(by: { $0.rawValue < $1.rawValue }) { flush(key) }
    }

    private func report(_ connection: ConnectionKey, _ frames: [SunkFrame]) {
        let buffers = frames.map { Array($0.text.utf8) }
        var pointers: [UnsafeMutableRawBufferPointer] = []
        for bytes in buffers {
            let p = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
            p.copyBytes(from: bytes)
            pointers.append(p)
        }
        defer { pointers.forEach { $0.deallocate() } }
        let list = zip(frames, pointers).map { (tag: $0.tag, bytes: UnsafeRawBufferPointer($1)) }
        engine?.framesDropped(connection: connection, frames: list)
    }

    func frames(to connection: ConnectionKey) -> [SunkFrame] { delivered.filter { $0.connection == connection } }

    /// The event ids (tags) `connection` received for operation `id`, in order.
    func eventIDs(to connection: ConnectionKey, operation id: String) -> [Int64] {
        let prefix = #"{"id":"# + String(decoding: JSON.string(id).encoded(), as: UTF8.self) + ","
        return frames(to: connection).filter { $0.text.hasPrefix(prefix) }.map { Int64($0.tag) }
    }

    func reset() { delivered = [] }
}

/// A stand-in for the store's event log: ids in commit order over all topics.
struct FakeLog {
    private(set) var events: [StoredEvent] = []
    var nextID: Int64 = 1

    mutating func commit(topic: String, content: String) -> StoredEvent {
        let payload = JSON.object(["content": .string(content), "sender": .string("ann")]).encoded()
        let event = StoredEvent(id: nextID, topic: topic, payload: payload, createdAt: "2026-11-23T10:00:00.000Z")
        nextID += 1
        events.append(event)
        return event
    }

    /// `Store.events(topic:after:limit:)`.
    func page(topic: String, after: Int64, limit: Int) -> [StoredEvent] {
        Array(events.lazy.filter { $0.topic == topic && $0.id > after }.prefix(limit))
    }
}

func key(_ n: UInt64) -> ConnectionKey { ConnectionKey(rawValue: n) }

func makeEngine(sink: MemorySink, latestEventID: Int64 = 0) -> FanoutEngine {
    let engine = FanoutEngine(sink: sink, latestEventID: latestEventID)
    sink.engine = engine
    return engine
}
