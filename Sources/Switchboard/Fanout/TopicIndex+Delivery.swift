import GraphQL

// The hot loop: one event to one group. It runs as a mutating method of the index so the
// whole loop is a single (statically checked) access to the index's arrays, instead of a
// dynamically checked class-property access per subscriber. The sink may call back into the
// engine from inside `write` (a dropped frame); the engine then only records the drop in its
// own properties, never touching the index until the loop is over.

/// What one delivery did, added to the engine's metrics afterwards.
struct DeliveryCounts {
    var deliveries = 0
    var executions = 0
    var held = 0
    var duplicates = 0
}

/// An event a subscriber of an overflowed connection did not get (becomes a dead letter).
struct UndeliveredEvent {
    let connection: ConnectionKey
    let operationID: String
    let eventID: Int64
}

extension TopicIndex {
    /// Sends event `eventID` to every member of group `g` that has not seen it; `execute`
    /// builds the payload, at most once, and only if some member needs it.
    mutating func fanOut(
        group g: Int32, eventID: Int64, sink: any FrameSink,
        execute: (PreparedSubscription) -> [UInt8],
        counts: inout DeliveryCounts, undelivered: inout [UndeliveredEvent]
    ) {
        var payload: [UInt8] = []
        var executed = false
        let tag = FanoutTag.tag(eventID: eventID)
        let memberCount = groups[Int(g)].members.count
        var i = 0
        while i < memberCount {
            prefetch(group: g, position: i, memberCount: memberCount, sink: sink)
            let s = Int(groups[Int(g)].members[i])
            i += 1
            if eventID <= subscribers[s].lastDelivered {
                counts.duplicates += 1
                continue
            }
            switch subscribers[s].phase {
            case .live:
                if !executed {
                    payload = execute(groups[Int(g)].prepared!)
                    executed = true
                    counts.executions += 1
                }
                writeFrame(sink: sink, slot: s, payload: payload, tag: tag)
                subscribers[s].lastDelivered = eventID
                counts.deliveries += 1
            case .catchingUp:
                // Held with the group's bytes (shared): the backlog goes first, then these.
                if !executed {
                    payload = execute(groups[Int(g)].prepared!)
                    executed = true
                    counts.executions += 1
                }
                subscribers[s].held.append(HeldEvent(id: eventID, payload: payload))
                counts.held += 1
            case .dropped:
                undelivered.append(UndeliveredEvent(
                    connection: subscribers[s].connection, operationID: subscribers[s].operationID, eventID: eventID))
                subscribers[s].lastDelivered = eventID
            }
        }
    }

    /// How far ahead of the frame being written the loop asks for memory, in subscribers:
    /// the endpoint object's lines at the far distance, then (once those have arrived) what the
    /// sink will write into at the near one. Queuing one frame takes well under the time one
    /// wait on memory does, so each of a large group's connections is otherwise a stall.
    static let prefetchFar = 16
    static let prefetchNear = 8

    @inline(__always)
    func prefetch(group g: Int32, position i: Int, memberCount: Int, sink: any FrameSink) {
        if i + Self.prefetchFar < memberCount {
            let far = Int(groups[Int(g)].members[i + Self.prefetchFar])
            if let address = subscribers[far].endpointAddress { prefetchObjectHead(address) }
        }
        if i + Self.prefetchNear < memberCount {
            let near = Int(groups[Int(g)].members[i + Self.prefetchNear])
            if let endpoint = subscribers[near].endpoint { sink.prefetch(endpoint: endpoint) }
        }
    }

    /// Writes `prefix + payload + "}"` for subscriber `s` straight into the sink's buffer.
    @inline(__always)
    func writeFrame(sink: any FrameSink, slot s: Int, payload: [UInt8], tag: UInt64) {
        let prefix = subscribers[s].prefix.bytes
        let total = prefix.count + payload.count + 1
        let fill = { (buffer: UnsafeMutableRawBufferPointer) in
            guard let base = buffer.baseAddress, buffer.count == total else { return }
            prefix.withUnsafeBytes { base.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            payload.withUnsafeBytes { (base + prefix.count).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            base.storeBytes(of: UInt8(ascii: "}"), toByteOffset: total - 1, as: UInt8.self)
        }
        if let endpoint = subscribers[s].endpoint {
            sink.write(endpoint: endpoint, connection: subscribers[s].connection, byteCount: total, tag: tag, fill: fill)
        } else {
            sink.write(connection: subscribers[s].connection, byteCount: total, tag: tag, fill: fill)
        }
    }

    /// Marks a connection overflowed: its subscribers send nothing more, and the live events
    /// they were holding while catching up are reported undelivered.
    mutating func markOverflowed(_ connection: ConnectionKey, undelivered: inout [UndeliveredEvent]) {
        guard connections[connection] != nil, connections[connection]?.overflowed == false else { return }
        connections[connection]?.overflowed = true
        for slot in connections[connection]?.subscribers ?? [] {
            let s = Int(slot)
            for event in subscribers[s].held where event.id > subscribers[s].lastDelivered {
                undelivered.append(UndeliveredEvent(
                    connection: connection, operationID: subscribers[s].operationID, eventID: event.id))
            }
            if let last = subscribers[s].held.last?.id, last > subscribers[s].lastDelivered {
                subscribers[s].lastDelivered = last
            }
            subscribers[s].held = []
            subscribers[s].phase = .dropped
        }
    }
}
