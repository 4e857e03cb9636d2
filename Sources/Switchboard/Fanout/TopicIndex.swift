import GraphQL
import GraphQLTransportWS

/// The live index of subscriptions the fan-out reads: topic → groups → subscribers.
///
/// A group is every subscriber of one topic holding the same `PreparedSubscription` object
/// (the same document text, operation name and variables, from `PreparedSubscriptionCache`):
/// an event is executed once per group and its payload bytes shared by the group's frames.
///
/// Storage is flat arrays of slots addressed by `Int32`, with free lists, so adding and
/// removing are O(1): each subscriber knows its position in its group's and its
/// connection's member lists (back-pointers), and leaves them by swap-remove. Slots are
/// reused; a `SubscriberHandle` carries the slot's generation so a stale handle (a backlog
/// page arriving after its subscriber ended) is recognised and ignored.
///
/// Confined to the service thread (it lives inside `FanoutEngine`); not `Sendable`.
public struct TopicIndex {
    var subscribers: [SubscriberSlot] = []
    var freeSubscribers: [Int32] = []
    var groups: [GroupSlot] = []
    var freeGroups: [Int32] = []
    /// Topic → its groups (positions kept in `GroupSlot.indexInTopic`).
    var topics: [String: [Int32]] = [:]
    var groupByKey: [GroupKey: Int32] = [:]
    var connections: [ConnectionKey: ConnectionEntry] = [:]
    var byOperation: [SubscriberKey: Int32] = [:]

    public init() {}

    // MARK: Reading

    /// Live subscribers, over all topics.
    public var subscriberCount: Int { byOperation.count }
    /// Groups, over all topics.
    public var groupCount: Int { groupByKey.count }
    /// Open connections.
    public var connectionCount: Int { connections.count }

    /// Groups of `topic` (0 when nobody listens).
    public func groupCount(topic: String) -> Int { topics[topic]?.count ?? 0 }

    /// Subscribers of `topic`, over its groups.
    public func subscriberCount(topic: String) -> Int {
        topics[topic]?.reduce(0) { $0 + groups[Int($1)].members.count } ?? 0
    }

    /// The subscriber with this operation id on this connection, if it is live.
    public func handle(connection: ConnectionKey, operationID: String) -> SubscriberHandle? {
        guard let slot = byOperation[SubscriberKey(connection: connection, operationID: operationID)] else { return nil }
        return SubscriberHandle(slot: slot, generation: subscribers[Int(slot)].generation)
    }

    /// The operation ids of a connection's live subscribers (any order).
    public func operationIDs(connection: ConnectionKey) -> [String] {
        connections[connection]?.subscribers.map { subscribers[Int($0)].operationID } ?? []
    }

    /// Where the subscriber is, or nil for a handle whose subscriber has left.
    public func info(_ handle: SubscriberHandle) -> SubscriberInfo? {
        guard let slot = live(handle) else { return nil }
        let s = subscribers[Int(slot)]
        return SubscriberInfo(
            connection: s.connection, operationID: s.operationID, topic: groups[Int(s.group)].topic,
            lastDeliveredEventID: s.lastDelivered, isCatchingUp: s.phase == .catchingUp)
    }

    /// The slot of a live handle.
    func live(_ handle: SubscriberHandle) -> Int32? {
        let i = Int(handle.slot)
        guard i >= 0, i < subscribers.count, subscribers[i].inUse, subscribers[i].generation == handle.generation
        else { return nil }
        return handle.slot
    }

    // MARK: Adding

    // MARK: Connections

    /// Registers an acknowledged connection and its id in the store (`connections.id`,
    /// which dead letters name). Subscribers can be added once it is open. Opening an open
    /// connection again changes nothing.
    /// `endpoint` is the sink's object for it (`FrameSink.endpoint(for:)`), kept with each of
    /// its subscribers.
    public mutating func openConnection(_ connection: ConnectionKey, recordID: String, endpoint: AnyObject? = nil) {
        if connections[connection] == nil {
            connections[connection] = ConnectionEntry(recordID: recordID, endpoint: endpoint)
        }
    }

    /// The store id given to `openConnection`, while the connection is open.
    public func recordID(of connection: ConnectionKey) -> String? { connections[connection]?.recordID }

    /// Forgets the connection and removes every subscriber it still has (socket gone,
    /// keepalive lost, shutdown); empty the second time.
    public mutating func closeConnection(_ connection: ConnectionKey) -> [RemovedSubscriber] {
        guard let entry = connections[connection] else { return [] }
        var removed: [RemovedSubscriber] = []
        removed.reserveCapacity(entry.subscribers.count)
        // Each removal swap-removes from the connection's list; take from the end.
        while let slot = connections[connection]?.subscribers.last {
            removed.append(removeSlot(slot))
        }
        connections[connection] = nil
        return removed
    }

    // MARK: Adding

    /// Adds a subscriber, live from `lastDelivered` (events with a larger id reach it).
    /// nil when the connection is not open, or already has a subscriber with this operation
    /// id (the protocol answers that with 4409 before it gets here).
    public mutating func add(
        connection: ConnectionKey, operationID: String, topic: String,
        prepared: PreparedSubscription, lastDelivered: Int64
    ) -> SubscriberHandle? {
        let key = SubscriberKey(connection: connection, operationID: operationID)
        guard let overflowed = connections[connection]?.overflowed, byOperation[key] == nil else { return nil }

        let group = groupFor(topic: topic, prepared: prepared)
        let slot = takeSubscriberSlot()
        let s = Int(slot)
        subscribers[s].inUse = true
        subscribers[s].connection = connection
        let endpoint = connections[connection]?.endpoint
        subscribers[s].endpoint = endpoint
        subscribers[s].endpointAddress = endpoint.map { UnsafeRawPointer(Unmanaged.passUnretained($0).toOpaque()) }
        subscribers[s].prefix = NextFramePrefix(id: operationID)
        subscribers[s].group = group
        subscribers[s].indexInGroup = Int32(groups[Int(group)].members.count)
        subscribers[s].indexInConnection = Int32(connections[connection]?.subscribers.count ?? 0)
        subscribers[s].lastDelivered = lastDelivered
        subscribers[s].phase = overflowed ? .dropped : .live
        groups[Int(group)].members.append(slot)
        connections[connection]?.subscribers.append(slot)  // in place: the list is not copied
        byOperation[key] = slot
        return SubscriberHandle(slot: slot, generation: subscribers[s].generation)
    }

    private mutating func groupFor(topic: String, prepared: PreparedSubscription) -> Int32 {
        let key = GroupKey(topic: topic, prepared: ObjectIdentifier(prepared))
        if let g = groupByKey[key] { return g }
        let g: Int32
        if let free = freeGroups.popLast() {
            g = free
        } else {
            g = Int32(groups.count)
            groups.append(GroupSlot())
        }
        let position = Int32(topics[topic]?.count ?? 0)
        groups[Int(g)] = GroupSlot(prepared: prepared, topic: topic, indexInTopic: position, members: [])
        topics[topic, default: []].append(g)
        groupByKey[key] = g
        return g
    }

    private mutating func takeSubscriberSlot() -> Int32 {
        if let free = freeSubscribers.popLast() { return free }
        subscribers.append(SubscriberSlot())
        return Int32(subscribers.count - 1)
    }

    // MARK: Removing (each subscriber exactly once)

    /// Removes one subscriber; nil if it was not there (already removed, or never added), so
    /// a second removal of the same operation does nothing and says so.
    public mutating func remove(connection: ConnectionKey, operationID: String) -> RemovedSubscriber? {
        guard let slot = byOperation[SubscriberKey(connection: connection, operationID: operationID)] else { return nil }
        return removeSlot(slot)
    }

    /// Removes the subscriber behind `handle`, if it is still there.
    public mutating func remove(_ handle: SubscriberHandle) -> RemovedSubscriber? {
        guard let slot = live(handle) else { return nil }
        return removeSlot(slot)
    }

    private mutating func removeSlot(_ slot: Int32) -> RemovedSubscriber {
        let s = Int(slot)
        let sub = subscribers[s]
        let g = Int(sub.group)
        let topic = groups[g].topic

        // Leave the group (swap-remove, fixing the moved member's back-pointer).
        let moved = groups[g].members.removeLastSwapping(at: Int(sub.indexInGroup))
        if let moved { subscribers[Int(moved)].indexInGroup = sub.indexInGroup }
        if groups[g].members.isEmpty { removeGroup(Int32(g)) }

        // Leave the connection.
        if let moved = connections[sub.connection]?.subscribers.removeLastSwapping(at: Int(sub.indexInConnection)) {
            subscribers[Int(moved)].indexInConnection = sub.indexInConnection
        }

        byOperation[SubscriberKey(connection: sub.connection, operationID: sub.operationID)] = nil
        let removed = RemovedSubscriber(
            handle: SubscriberHandle(slot: slot, generation: sub.generation), connection: sub.connection,
            operationID: sub.operationID, topic: topic)
        // Free the slot; the new generation makes outstanding handles stale.
        subscribers[s] = SubscriberSlot(generation: sub.generation &+ 1)
        freeSubscribers.append(slot)
        return removed
    }

    private mutating func removeGroup(_ g: Int32) {
        let group = groups[Int(g)]
        if let moved = topics[group.topic]?.removeLastSwapping(at: Int(group.indexInTopic)) {
            groups[Int(moved)].indexInTopic = group.indexInTopic
        }
        if topics[group.topic]?.isEmpty == true { topics[group.topic] = nil }
        if let prepared = group.prepared {
            groupByKey[GroupKey(topic: group.topic, prepared: ObjectIdentifier(prepared))] = nil
        }
        groups[Int(g)] = GroupSlot()
        freeGroups.append(g)
    }
}

/// Names one subscriber across turns of the service thread (the backlog reader's results
/// come back later). Stale once the subscriber is removed, even if its slot is reused.
public struct SubscriberHandle: Hashable, Sendable {
    let slot: Int32
    let generation: UInt32
}

/// A subscriber as `TopicIndex.info` reports it.
public struct SubscriberInfo: Hashable, Sendable {
    public let connection: ConnectionKey
    public let operationID: String
    public let topic: String
    /// The last event id sent to it (or the `after:` it resumes from).
    public let lastDeliveredEventID: Int64
    public let isCatchingUp: Bool
}

/// What a removal took out: enough for the server to delete the store row.
public struct RemovedSubscriber: Hashable, Sendable {
    public let handle: SubscriberHandle
    public let connection: ConnectionKey
    public let operationID: String
    public let topic: String
}

enum SubscriberPhase: UInt8 {
    /// Live events go out as they come.
    case live
    /// Resuming with `after:`: live events are held while the backlog goes out.
    case catchingUp
    /// Its connection overflowed: nothing more goes out; events become dead letters.
    case dropped
}

/// A live event held for a catching-up subscriber: its id and the group's payload bytes
/// (shared, not copied).
struct HeldEvent {
    let id: Int64
    let payload: [UInt8]
}

struct SubscriberSlot {
    var generation: UInt32 = 0
    var inUse = false
    var connection = ConnectionKey(rawValue: 0)
    /// The sink's object for `connection` (see `FrameSink.endpoint(for:)`).
    var endpoint: AnyObject?
    /// `endpoint`'s address, to prefetch without retaining it (a retain would wait for the
    /// very line the prefetch asks for).
    var endpointAddress: UnsafeRawPointer?
    var prefix = NextFramePrefix.empty
    var group: Int32 = -1
    var indexInGroup: Int32 = -1
    var indexInConnection: Int32 = -1
    /// The largest event id sent (or the resume point): smaller or equal ids never go out.
    var lastDelivered: Int64 = 0
    var phase = SubscriberPhase.live
    var held: [HeldEvent] = []

    var operationID: String { prefix.id }
}

struct GroupSlot {
    var prepared: PreparedSubscription?
    var topic = ""
    var indexInTopic: Int32 = -1
    var members: [Int32] = []
}

struct GroupKey: Hashable {
    let topic: String
    let prepared: ObjectIdentifier
}

struct SubscriberKey: Hashable {
    let connection: ConnectionKey
    let operationID: String
}

struct ConnectionEntry {
    /// The connection's id in the store (`connections.id`), for dead letters.
    let recordID: String
    let endpoint: AnyObject?
    var subscribers: [Int32] = []
    var overflowed = false

    init(recordID: String, endpoint: AnyObject?) {
        self.recordID = recordID
        self.endpoint = endpoint
    }
}

extension NextFramePrefix {
    /// The placeholder in a free slot (never written out).
    static let empty = NextFramePrefix(id: "")
}

extension Array {
    /// Removes the element at `index` by moving the last one into its place; returns the
    /// moved element (nil when the removed one was last), whose back-pointer must change.
    @discardableResult
    mutating func removeLastSwapping(at index: Int) -> Element? {
        let last = count - 1
        if index == last {
            removeLast()
            return nil
        }
        swapAt(index, last)
        removeLast()
        return self[index]
    }
}
