#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GraphQL
import GraphQLTransportWS
import Switchboard

/// The fan-out's hot path without sockets: one event to 10,000 subscribers of one chat
/// (one group, one execution) into a sink that only writes into one reused buffer, beside
/// the least work any fan-out must do for the same frames: copying the same prebuilt frame
/// 10,000 times into the same sink. Both report time per delivery (deliveries/s); the ratio
/// is what the index, the per-subscriber prefix splice and the one execution cost over a
/// bare memcpy.
///
/// Allocations: run under an `LD_PRELOAD` malloc counter that exports `sb_alloc_count()`
/// (see `FanoutScenarios.allocCounterSource`) and the scenario also prints mallocs per event.
enum FanoutScenarios {
    static let subscribers = 10_000

    static let document = """
        subscription OnMessage($chatId: ID!) {
          newMessage(chatId: $chatId) { id chatId content senderName createdAt }
        }
        """

    /// A sink that discards frames after they are built: one buffer, reused.
    final class NullSink: FrameSink {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        var frames = 0
        var bytes = 0

        func write(connection: ConnectionKey, byteCount: Int, tag: UInt64, fill: (UnsafeMutableRawBufferPointer) -> Void) {
            fill(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<byteCount]))
            frames &+= 1
            bytes &+= byteCount
        }

        deinit { buffer.deallocate() }
    }

    /// The chat application's shape, enough for `newMessage`: the event's payload holds
    /// `content` and `senderName`.
    struct BenchChat: SwitchboardApplication {
        let schema: Schema
        var resolvers: Resolvers { Resolvers() }

        func source(
            forSubscriptionField field: String, arguments: JSONObject, identity: Identity
        ) throws(GraphQLError) -> SubscriptionSource {
            SubscriptionSource(topic: "chat:" + (arguments["chatId"]?.stringValue ?? ""), after: nil)
        }

        func eventValue(_ event: StoredEvent, forSubscriptionField field: String) -> GraphQLValue {
            var object: JSONObject = ["id": .string(String(event.id)), "chatId": .string("general")]
            if case .object(let fields)? = try? JSON.parse(event.payload) {
                for (key, value) in fields { object.append(key, value) }
            }
            object.append("createdAt", .string(event.createdAt))
            return .json(.object(object))
        }
    }

    static func run(seconds: Double) throws -> [ScenarioResult] {
        let schema = try buildSchema(Source(try EngineScenarios.readSchema(), name: "Schema/chat.graphql"))
        let app = BenchChat(schema: schema)
        let prepared = try prepareSubscription(
            schema: schema, document: try parseDocument(Source(document)), variables: ["chatId": .string("general")])

        let sink = NullSink()
        let engine = FanoutEngine(sink: sink)
        for n in 0..<subscribers {
            let connection = ConnectionKey(rawValue: UInt64(n))
            engine.openConnection(connection, recordID: "c\(n)")
            // Operation ids as clients send them (graphql-ws uses UUIDs).
            let id = "3f2a9c1e-8b7d-4e2f-9a61-\(String(1_000_000_000_000 + n))"
            guard engine.add(connection: connection, operationID: id, topic: "chat:general", prepared: prepared) != nil else {
                throw BenchError("fanout: could not add subscriber \(n)")
            }
        }
        let payload = JSON.object(["content": .string("Hello, everyone — the build is green."), "senderName": .string("Ann")]).encoded()
        var nextID: Int64 = 0
        func event() -> StoredEvent {
            nextID += 1
            return StoredEvent(id: nextID, topic: "chat:general", payload: payload, createdAt: "2026-11-23T10:00:00.123Z")
        }

        // Subject: one event per operation, 10,000 deliveries each.
        let mallocsBefore = allocCount()
        let probe = 20
        for _ in 0..<probe { engine.deliver(event: event(), application: app) }
        let mallocsPerEvent = allocCount().map { after in Double(after - mallocsBefore!) / Double(probe) }
        let perEvent = measure("FanoutEngine.deliver", seconds: seconds, batch: 1) {
            engine.deliver(event: event(), application: app)
        }
        guard engine.metrics.groupsExecuted == engine.metrics.events,
            engine.metrics.deliveries == engine.metrics.events * subscribers
        else { throw BenchError("fanout: expected one execution and \(subscribers) deliveries per event, got \(engine.metrics)") }

        // Baseline: the same frame, prebuilt, copied 10,000 times into the same sink.
        let frameSink = NullSink()
        var frame: [UInt8] = []
        NextFramePrefix(id: "3f2a9c1e-8b7d-4e2f-9a61-1000000000000").write(
            payload: prepared.execute(eventValue: app.eventValue(event(), forSubscriptionField: "newMessage")), into: &frame)
        let copies = measure("memcpy of a prebuilt frame", seconds: seconds, batch: 1) {
            frame.withUnsafeBytes { bytes in
                for n in 0..<subscribers {
                    frameSink.write(connection: ConnectionKey(rawValue: UInt64(n)), byteCount: bytes.count, tag: 1) { target in
                        target.baseAddress!.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
                    }
                }
            }
        }
        blackHole(frameSink.bytes)
        blackHole(sink.bytes)

        let subject = perDelivery(perEvent)
        let baseline = perDelivery(copies)
        print("fanout: one event to \(grouped(subscribers)) subscribers of one chat, frame \(frame.count) bytes")
        print("  FanoutEngine.deliver: \(formatNanos(perEvent.median)) per event, \(formatRate(subject.median)) deliveries")
        print("  memcpy baseline:      \(formatNanos(copies.median)) per event, \(formatRate(baseline.median)) deliveries")
        print("  ratio (time per delivery, subject / baseline): \(format2(subject.median / baseline.median))×")
        if let mallocsPerEvent {
            print("  mallocs per event (all \(grouped(subscribers)) deliveries): \(format2(mallocsPerEvent))")
        }
        return [ScenarioResult(name: "fanout 1×10,000 (per delivery)", subject: subject, baseline: baseline, targetNanos: nil)]
    }

    /// A per-event timing as a per-delivery one.
    static func perDelivery(_ timing: Timing) -> Timing {
        Timing(name: timing.name, samples: timing.samples.map { $0 / Double(subscribers) })
    }

    /// The malloc count from an `LD_PRELOAD`ed counter, if one is loaded.
    static func allocCount() -> UInt64? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sb_alloc_count") else { return nil }
        typealias Counter = @convention(c) () -> UInt64
        return unsafeBitCast(symbol, to: Counter.self)()
    }

    /// The counter: `cc -O2 -shared -fPIC -o /tmp/alloc_count.so alloc_count.c -ldl`, then
    /// `LD_PRELOAD=/tmp/alloc_count.so .build/release/SwitchboardBench fanout`.
    static let allocCounterSource = """
        #define _GNU_SOURCE
        #include <dlfcn.h>
        #include <stddef.h>
        #include <stdatomic.h>
        static _Atomic unsigned long long count;
        unsigned long long sb_alloc_count(void) { return count; }
        void *__libc_malloc(size_t);
        void *malloc(size_t n) { count++; return __libc_malloc(n); }
        """
}
