import GraphQL
import GraphQLTransportWS

// TEMPORARY: the fan-out the server drives until `FanoutEngine` (branch `fanout`) lands; then
// this file goes and `Server.fanout` becomes the engine. Same shape as that engine's API:
// add / remove / removeConnection / publish / catch-up, groups of identical subscriptions
// executed once.

/// Service thread only.
final class InterimFanout {
    struct Subscriber {
        let connection: ConnectionID
        let recordID: String
        let prefix: NextFramePrefix
        var lastDelivered: Int64
        var catchingUp: Bool
        var held: [(id: Int64, payload: [UInt8])] = []
    }

    struct GroupKey: Hashable {
        let topic: String
        let query: String
        let operationName: String?
        let variables: JSONObject
    }

    final class Group {
        let prepared: PreparedSubscription
        var members: [String: Subscriber] = [:]  // key: "\(connection)/\(operationID)"
        init(prepared: PreparedSubscription) { self.prepared = prepared }
    }

    var groups: [GroupKey: Group] = [:]
    var topics: [String: Set<GroupKey>] = [:]
    var keyOf: [String: GroupKey] = [:]

    /// Writes one frame (the transport's `send`).
    let write: (ConnectionID, NextFramePrefix, [UInt8], Int64) -> Bool
    let execute: (PreparedSubscription, StoredEvent) -> [UInt8]

    init(write: @escaping (ConnectionID, NextFramePrefix, [UInt8], Int64) -> Bool,
         execute: @escaping (PreparedSubscription, StoredEvent) -> [UInt8]) {
        self.write = write
        self.execute = execute
    }

    static func memberKey(_ c: ConnectionID, _ op: String) -> String { "\(c.rawValue)/\(op)" }

    var subscriberCount: Int { keyOf.count }

    func add(connection: ConnectionID, recordID: String, operationID: String, topic: String,
             query: String, operationName: String?, variables: JSONObject,
             prepared: PreparedSubscription, lastDelivered: Int64, catchingUp: Bool) {
        let key = GroupKey(topic: topic, query: query, operationName: operationName, variables: variables)
        let group = groups[key] ?? Group(prepared: prepared)
        groups[key] = group
        topics[topic, default: []].insert(key)
        let member = Self.memberKey(connection, operationID)
        group.members[member] = Subscriber(
            connection: connection, recordID: recordID, prefix: NextFramePrefix(id: operationID),
            lastDelivered: lastDelivered, catchingUp: catchingUp)
        keyOf[member] = key
    }

    @discardableResult
    func remove(connection: ConnectionID, operationID: String) -> Bool {
        let member = Self.memberKey(connection, operationID)
        guard let key = keyOf.removeValue(forKey: member), let group = groups[key] else { return false }
        group.members[member] = nil
        if group.members.isEmpty {
            groups[key] = nil
            topics[key.topic]?.remove(key)
            if topics[key.topic]?.isEmpty == true { topics[key.topic] = nil }
        }
        return true
    }

    /// One committed event to every subscriber of its topic; returns frames queued.
    func publish(_ event: StoredEvent) -> Int {
        guard let keys = topics[event.topic] else { return 0 }
        var delivered = 0
        for key in keys {
            guard let group = groups[key] else { continue }
            let payload = execute(group.prepared, event)
            for (member, var sub) in group.members where event.id > sub.lastDelivered {
                if sub.catchingUp {
                    sub.held.append((event.id, payload))
                } else if write(sub.connection, sub.prefix, payload, event.id) {
                    sub.lastDelivered = event.id
                    delivered += 1
                }
                group.members[member] = sub
            }
        }
        return delivered
    }

    /// A page of backlog for a catching-up subscriber; false when it is gone.
    func deliverBacklog(connection: ConnectionID, operationID: String, events: [StoredEvent]) -> Int? {
        let member = Self.memberKey(connection, operationID)
        guard let key = keyOf[member], let group = groups[key], var sub = group.members[member] else { return nil }
        var delivered = 0
        for event in events where event.id > sub.lastDelivered {
            if write(sub.connection, sub.prefix, execute(group.prepared, event), event.id) { delivered += 1 }
            sub.lastDelivered = event.id
        }
        group.members[member] = sub
        return delivered
    }

    /// The backlog is done: held live events with larger ids go out, then it is live.
    func finishCatchUp(connection: ConnectionID, operationID: String) -> Int {
        let member = Self.memberKey(connection, operationID)
        guard let key = keyOf[member], let group = groups[key], var sub = group.members[member] else { return 0 }
        var delivered = 0
        for held in sub.held where held.id > sub.lastDelivered {
            if write(sub.connection, sub.prefix, held.payload, held.id) { delivered += 1 }
            sub.lastDelivered = held.id
        }
        sub.held = []
        sub.catchingUp = false
        group.members[member] = sub
        return delivered
    }

    func lastDelivered(connection: ConnectionID, operationID: String) -> Int64? {
        let member = Self.memberKey(connection, operationID)
        guard let key = keyOf[member] else { return nil }
        return groups[key]?.members[member]?.lastDelivered
    }
}
