import GraphQL

// Resume (`after:`): the backlog from the store, then live events, with no gap and no
// duplicate at the seam, while new events keep arriving.
//
// The sequence (the reading loop is the server's; everything here runs on the service thread):
//
//     let h = engine.add(connection: c, operationID: id, topic: t, prepared: p)!
//     engine.beginCatchUp(h, after: n)                  // same turn as `add`
//     read(after: n)
//     func read(after: Int64) {                          // on the service thread
//         store.events(topic: t, after: after, limit: L) { result in   // a reader thread
//             server.post {                              // back on the service thread
//                 guard case .success(let page) = result else { /* error the operation */ return }
//                 switch engine.deliverBacklog(h, events: page, isLastPage: page.count < L, application: app) {
//                 case .readMore(let next): read(after: next)
//                 case .caughtUp, .stopped: break
//                 }
//             }
//         }
//     }
//
// Why there is no gap: every event of the topic fanned out after `add` is held (in id order)
// while catching up; every event fanned out before it was committed before it, so the
// backlog reads (issued after `add`) see it. The store hands out ids in commit order, so a
// page is a gap-free run of the topic's committed events. Why no duplicate: an event goes
// out only with an id above the subscriber's last one, whichever path brings it.
// The seam: once a page reaches the first held id, the rest of the backlog is what is held,
// so the engine flushes the held events and goes live without reading further.

/// What the server does after `deliverBacklog`.
public enum BacklogProgress: Hashable, Sendable {
    /// Read the next page: events of the topic after this id.
    case readMore(after: Int64)
    /// The backlog is out and the subscriber is live; stop reading.
    case caughtUp
    /// The subscriber is gone (removed, or its connection overflowed); stop reading.
    case stopped
}

extension FanoutEngine {
    /// Starts a resume from event `after`: the subscriber (just added, nothing sent yet)
    /// holds live events until `finishCatchUp`. False for a stale handle.
    @discardableResult
    public func beginCatchUp(_ handle: SubscriberHandle, after: Int64) -> Bool {
        precondition(!writing, "FanoutEngine.beginCatchUp called from inside FrameSink.write")
        guard let slot = index.live(handle) else { return false }
        let s = Int(slot)
        if index.subscribers[s].phase == .live { index.subscribers[s].phase = .catchingUp }
        index.subscribers[s].lastDelivered = after
        return true
    }

    /// Sends one page of the backlog (events of the topic after the last sent, oldest
    /// first), each executed for this subscriber. With `isLastPage` (the page came back
    /// shorter than asked), or once the page reaches the held live events, the held events
    /// follow and the subscriber is live.
    public func deliverBacklog(
        _ handle: SubscriberHandle, events: [StoredEvent], isLastPage: Bool,
        application: some SwitchboardApplication
    ) -> BacklogProgress {
        precondition(!writing, "FanoutEngine.deliverBacklog called from inside FrameSink.write")
        guard let slot = index.live(handle) else { return .stopped }
        let s = Int(slot)
        switch index.subscribers[s].phase {
        case .dropped: return .stopped
        case .live: return .caughtUp
        case .catchingUp: break
        }
        let prepared = index.groups[Int(index.subscribers[s].group)].prepared!
        let resolvers = application.resolvers
        var reachedHeld = false
        writing = true
        for event in events {
            guard event.id > index.subscribers[s].lastDelivered else {
                metrics.duplicatesSkipped += 1
                continue
            }
            if let firstHeld = index.subscribers[s].held.first?.id, event.id >= firstHeld {
                reachedHeld = true
                break
            }
            let payload = prepared.execute(
                eventValue: application.eventValue(event, forSubscriptionField: prepared.rootFieldName),
                context: executionContext, resolvers: resolvers)
            metrics.backlogExecutions += 1
            index.writeFrame(sink: sink, slot: s, payload: payload, tag: FanoutTag.tag(eventID: event.id))
            index.subscribers[s].lastDelivered = event.id
            metrics.deliveries += 1
        }
        writing = false
        settleDrops()
        // A drop while writing may have ended this subscriber's sending.
        guard index.live(handle) != nil, index.subscribers[s].phase == .catchingUp else { return .stopped }
        if isLastPage || reachedHeld {
            finishCatchUp(handle)
            return index.subscribers[s].phase == .live ? .caughtUp : .stopped
        }
        return .readMore(after: index.subscribers[s].lastDelivered)
    }

    /// Ends the resume: the held live events with ids above the last sent go out, in order,
    /// and the subscriber is live. Returns how many went out (0 for a stale handle, or one
    /// not catching up).
    @discardableResult
    public func finishCatchUp(_ handle: SubscriberHandle) -> Int {
        precondition(!writing, "FanoutEngine.finishCatchUp called from inside FrameSink.write")
        guard let slot = index.live(handle), index.subscribers[Int(slot)].phase == .catchingUp else { return 0 }
        let s = Int(slot)
        let held = index.subscribers[s].held
        index.subscribers[s].held = []
        index.subscribers[s].phase = .live
        var sent = 0
        writing = true
        for event in held where event.id > index.subscribers[s].lastDelivered {
            index.writeFrame(sink: sink, slot: s, payload: event.payload, tag: FanoutTag.tag(eventID: event.id))
            index.subscribers[s].lastDelivered = event.id
            sent += 1
        }
        writing = false
        metrics.deliveries += sent
        settleDrops()
        return sent
    }
}
