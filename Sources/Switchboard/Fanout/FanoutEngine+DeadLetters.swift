import GraphQL

// Dead letters: what a subscriber did not receive because its connection's outbound queue
// overflowed (the transport closes it with 1013 and reports every frame it drops).
//
// Mapping: a fan-out frame's tag is its event id (`FanoutTag`); the subscription id is read
// from the frame's own prefix. Frames tagged 0 are the server's own and are ignored. After an
// overflow the connection's subscribers send nothing more: the live events they were holding
// while catching up, and every later event of their topics until the connection is closed,
// become dead letters too. Backlog pages not yet read are not: they were never queued, and
// the client resumes them with `after:` after reconnecting (1013 means "try again").

extension FanoutEngine {
    /// The sink (the server's `didDropFrames`) reports frames `connection` will never deliver
    /// and that it is being closed. May be called from inside `FrameSink.write`.
    public func framesDropped(connection: ConnectionKey, frames: [(tag: UInt64, bytes: UnsafeRawBufferPointer)]) {
        for frame in frames {
            guard let eventID = FanoutTag.eventID(ofTag: frame.tag),
                let operationID = FanoutTag.operationID(ofFrame: frame.bytes)
            else { continue }
            deferredDrops.append(UndeliveredEvent(connection: connection, operationID: operationID, eventID: eventID))
        }
        deferredOverflows.append(connection)
        if !writing { settleDrops() }
    }

    /// Dead letters recorded since the last call, oldest first, for `Store.appendDeadLetters`.
    public func takeDeadLetters() -> [DeadLetter] {
        defer { pendingDeadLetters = [] }
        return pendingDeadLetters
    }

    /// Dead letters waiting for `takeDeadLetters`.
    public var pendingDeadLetterCount: Int { pendingDeadLetters.count }

    /// Turns the drops recorded while writing into dead letters and stops the overflowed
    /// connections' subscribers. Runs once the index is free again.
    func settleDrops() {
        guard !deferredDrops.isEmpty || !deferredOverflows.isEmpty else { return }
        var undelivered = deferredDrops
        deferredDrops = []
        for connection in deferredOverflows {
            if index.connections[connection]?.overflowed == false { metrics.overflows += 1 }
            index.markOverflowed(connection, undelivered: &undelivered)
        }
        deferredOverflows = []
        guard !undelivered.isEmpty else { return }
        let now = StoreClock.now()
        for event in undelivered {
            pendingDeadLetters.append(DeadLetter(
                eventId: event.eventID,
                connectionId: index.recordID(of: event.connection) ?? String(event.connection.rawValue),
                subscriptionId: event.operationID, reason: deadLetterReason, createdAt: now))
        }
        metrics.deadLetters += undelivered.count
    }
}
