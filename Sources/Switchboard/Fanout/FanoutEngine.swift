import GraphQL

/// The fan-out on the service thread: the topic index, delivery of committed events
/// (executed once per group, one frame per subscriber through the `FrameSink`), resume
/// (`FanoutEngine+CatchUp.swift`) and dead letters (`FanoutEngine+DeadLetters.swift`).
///
/// Threading: confined to the service thread; not `Sendable`. Reach it from other threads
/// (the store writer, the backlog reader, the watcher) with `WebSocketServer.post`.
///
/// Order: `deliver` must be called in event id order (the writer reports commits in order;
/// events from the store's watch are merged in id order). Each subscriber gets every event
/// of its topic with an id above the last it was sent, once: an id at or below that is
/// skipped (a duplicate from the watch, or an event the backlog already sent).
///
/// Re-entrancy: the sink may call `framesDropped` from inside `write`; that is recorded and
/// settled when the delivery returns. Nothing else may be called from inside `write`.
public final class FanoutEngine {
    public internal(set) var index = TopicIndex()
    public let sink: any FrameSink
    /// The counters /metrics reports.
    public internal(set) var metrics = FanoutMetrics()
    /// The largest event id given to `deliver` (or the starting point): a new subscriber
    /// without `after:` is live from here.
    public private(set) var latestEventID: Int64
    /// The `context` subscription executions receive (resolvers below the root field).
    let executionContext: any Sendable
    /// Why dead letters were written (`dead_letters.reason`).
    public let deadLetterReason: String

    /// Set while frames are being written; `framesDropped` then defers its work.
    var writing = false
    var deferredDrops: [UndeliveredEvent] = []
    var deferredOverflows: [ConnectionKey] = []
    /// Dead letters not yet taken by the server (`takeDeadLetters()`).
    var pendingDeadLetters: [DeadLetter] = []

    /// - Parameters:
    ///   - sink: where frames go and how a slow connection is closed (the transport).
    ///   - latestEventID: the store's latest id at startup; live subscribers start above it.
    ///   - context: what subscription executions receive as their resolver `context`.
    ///   - deadLetterReason: the `reason` recorded for events dropped with an over-full queue.
    public init(
        sink: any FrameSink, latestEventID: Int64 = 0, context: any Sendable = (),
        deadLetterReason: String = "outbound queue over its limit; closed with 1013"
    ) {
        self.sink = sink
        self.latestEventID = latestEventID
        self.executionContext = context
        self.deadLetterReason = deadLetterReason
    }

    // MARK: Connections and subscribers

    /// Registers an acknowledged connection with its store id (see `TopicIndex.openConnection`).
    public func openConnection(_ connection: ConnectionKey, recordID: String) {
        precondition(!writing, "FanoutEngine.openConnection called from inside FrameSink.write")
        index.openConnection(connection, recordID: recordID, endpoint: sink.endpoint(for: connection))
    }

    /// Forgets a connection and its subscribers, each exactly once (empty the second time).
    @discardableResult
    public func closeConnection(_ connection: ConnectionKey) -> [RemovedSubscriber] {
        precondition(!writing, "FanoutEngine.closeConnection called from inside FrameSink.write")
        let removed = index.closeConnection(connection)
        metrics.subscribersRemoved += removed.count
        return removed
    }

    /// Adds a live subscriber: it receives events with ids above `latestEventID`. For
    /// `after:`, call `beginCatchUp` right after, in the same turn of the service thread.
    /// nil when the connection is not open or already uses this operation id.
    public func add(
        connection: ConnectionKey, operationID: String, topic: String, prepared: PreparedSubscription
    ) -> SubscriberHandle? {
        precondition(!writing, "FanoutEngine.add called from inside FrameSink.write")
        let handle = index.add(
            connection: connection, operationID: operationID, topic: topic, prepared: prepared,
            lastDelivered: latestEventID)
        if handle != nil { metrics.subscribersAdded += 1 }
        return handle
    }

    /// Removes one subscriber (`complete`, `error`, server-side end); nil if it was not there,
    /// so a second removal is harmless and visible.
    @discardableResult
    public func remove(connection: ConnectionKey, operationID: String) -> RemovedSubscriber? {
        precondition(!writing, "FanoutEngine.remove called from inside FrameSink.write")
        let removed = index.remove(connection: connection, operationID: operationID)
        if removed != nil { metrics.subscribersRemoved += 1 }
        return removed
    }

    // MARK: Delivery

    /// Fans one committed event out to its topic: each group executes it once
    /// (`prepared.execute(eventValue: application.eventValue(event, forSubscriptionField:))`)
    /// and each member gets `prefix + payload + "}"` through the sink, tagged with the event id.
    public func deliver(event: StoredEvent, application: some SwitchboardApplication) {
        precondition(!writing, "FanoutEngine.deliver called from inside FrameSink.write")
        if event.id > latestEventID { latestEventID = event.id }
        metrics.events += 1
        guard let groupList = index.topics[event.topic] else { return }

        let context = executionContext
        let resolvers = application.resolvers
        var counts = DeliveryCounts()
        var undelivered: [UndeliveredEvent] = []
        writing = true
        // Groups cannot come or go while writing (nothing may add or remove from inside
        // `write`), so the topic's list taken above stays right.
        for g in groupList {
            index.fanOut(
                group: g, eventID: event.id, sink: sink,
                execute: { prepared in
                    prepared.execute(
                        eventValue: application.eventValue(event, forSubscriptionField: prepared.rootFieldName),
                        context: context, resolvers: resolvers)
                },
                counts: &counts, undelivered: &undelivered)
        }
        writing = false
        metrics.add(counts)
        if counts.deliveries > 0 || counts.held > 0 { metrics.eventsFannedOut += 1 }
        if !undelivered.isEmpty { deferredDrops.append(contentsOf: undelivered) }
        settleDrops()
    }
}

/// Plain counters for /metrics; they only grow.
public struct FanoutMetrics: Sendable, Hashable {
    /// Events given to `deliver`.
    public var events = 0
    /// Events that reached (or were held for) at least one subscriber.
    public var eventsFannedOut = 0
    /// Frames handed to the sink: live events, backlog, and held events flushed.
    public var deliveries = 0
    /// Live executions (one per group per event).
    public var groupsExecuted = 0
    /// Executions for a single resuming subscriber's backlog.
    public var backlogExecutions = 0
    /// Live events held while their subscriber caught up.
    public var eventsHeld = 0
    /// Events skipped for a subscriber that already had them (id at or below its last).
    public var duplicatesSkipped = 0
    public var deadLetters = 0
    public var subscribersAdded = 0
    public var subscribersRemoved = 0
    /// Connections closed for overflowing their queue.
    public var overflows = 0

    mutating func add(_ counts: DeliveryCounts) {
        deliveries += counts.deliveries
        groupsExecuted += counts.executions
        eventsHeld += counts.held
        duplicatesSkipped += counts.duplicates
    }
}
