// The event log of InMemoryStore: a plain value, guarded by the store's lock.
//
// Events are kept twice, in id order: once for the whole log (`events(after:)`, watching)
// and once per topic (backlog, history), so every read is a binary search plus a slice.
// The payload arrays are shared copy-on-write, so the second copy costs references only.

struct InMemoryEventLog {
    private struct Entry {
        let event: StoredEvent
        /// When it was committed, for age-based retention.
        let milliseconds: Int64
    }

    private var all: [Entry] = []
    private var byTopic: [String: [Entry]] = [:]

    /// The largest id ever assigned. Ids continue from here after pruning, so an id is
    /// never reused, as SQLite's AUTOINCREMENT promises.
    private(set) var lastAssignedID: Int64 = 0

    var count: Int { all.count }

    /// Assigns the next ids in order and stores the events.
    mutating func append(_ events: [NewEvent], milliseconds: Int64, createdAt: String) -> [StoredEvent] {
        var stored: [StoredEvent] = []
        stored.reserveCapacity(events.count)
        for new in events {
            lastAssignedID += 1
            let event = StoredEvent(id: lastAssignedID, topic: new.topic, payload: new.payload, createdAt: createdAt)
            let entry = Entry(event: event, milliseconds: milliseconds)
            all.append(entry)
            byTopic[new.topic, default: []].append(entry)
            stored.append(event)
        }
        return stored
    }

    /// Up to `limit` events (of `topic`, or of all when nil) with an id greater than `after`.
    func events(topic: String?, after: Int64, limit: Int) -> [StoredEvent] {
        guard limit > 0 else { return [] }
        let entries = topic.map { byTopic[$0] ?? [] } ?? all
        let start = Self.firstIndex(in: entries, withIDAbove: after)
        let end = min(entries.count, start + limit)
        return entries[start..<end].map(\.event)
    }

    /// The newest `last` events of `topic` with an id below `before` (any when nil), oldest first.
    func history(topic: String, before: Int64?, last: Int) -> [StoredEvent] {
        guard last > 0, let entries = byTopic[topic] else { return [] }
        // Ids are integers, so "below before" is "not above before - 1".
        let end = before.map { $0 == .min ? 0 : Self.firstIndex(in: entries, withIDAbove: $0 - 1) } ?? entries.count
        let start = max(0, end - last)
        return entries[start..<end].map(\.event)
    }

    /// Removes events older than `olderThan` (milliseconds) and, per topic, all but the
    /// newest `keepPerTopic`. Returns how many were removed.
    mutating func prune(olderThan cutoff: Int64?, keepPerTopic: Int?) -> Int {
        var removed = Set<Int64>()
        for (_, entries) in byTopic {
            if let cutoff {
                for entry in entries where entry.milliseconds < cutoff { removed.insert(entry.event.id) }
            }
            if let keep = keepPerTopic, entries.count > max(keep, 0) {
                for entry in entries.dropLast(max(keep, 0)) { removed.insert(entry.event.id) }
            }
        }
        guard !removed.isEmpty else { return 0 }
        all.removeAll { removed.contains($0.event.id) }
        for topic in Array(byTopic.keys) {
            byTopic[topic]!.removeAll { removed.contains($0.event.id) }
            if byTopic[topic]!.isEmpty { byTopic[topic] = nil }
        }
        return removed.count
    }

    /// The index of the first entry whose id is greater than `id` (entries are in id order).
    private static func firstIndex(in entries: [Entry], withIDAbove id: Int64) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].event.id <= id { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
