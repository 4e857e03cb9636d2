import GraphQL

/// Parsed and validated GraphQL documents keyed by their text and the schema they were
/// validated against, so a thousand clients sending the same subscription (or the same
/// query over HTTP) parse and validate it once.
///
/// Bounded: at most `capacity` entries, least recently used evicted first. A text longer
/// than `maxTextBytes` is parsed and validated every time and never stored, so one client
/// sending megabyte-sized documents cannot make the cache hold a gigabyte.
///
/// Failures are cached too (parse errors with `GRAPHQL_PARSE_FAILED`, validation errors with
/// `GRAPHQL_VALIDATION_FAILED`): a client retrying a broken document costs a lookup.
///
/// `documentLimits` (`--max-depth`, `--max-fields`) are checked with the specification's rules.
/// They are fixed for the cache's life and the same for every caller, so an entry keyed by
/// the text alone stays right.
///
/// Threads: not thread-safe and deliberately without a lock. The server owns one cache on
/// its service thread and calls it only there: from the WebSocket handler when a `subscribe`
/// arrives, and from `GraphQLHTTPHandler.prepare`, which the server also calls on the service
/// thread before it hands the prepared operation to a `Task`. The class is not `Sendable`, so
/// Swift 6 refuses to capture it in a `Task` or send it to another thread.
public final class DocumentCache {
    /// Most entries kept.
    public let capacity: Int
    /// Longest document text (UTF-8 bytes) that is stored; longer ones are not cached.
    public let maxTextBytes: Int
    public let parseLimits: ParseLimits
    /// The server's bounds on operations, checked by `DocumentLimits.rules`.
    public let documentLimits: DocumentLimits

    /// Look-ups answered from the cache.
    public private(set) var hits = 0
    /// Look-ups that parsed and validated (including uncacheable long texts).
    public private(set) var misses = 0
    /// Entries dropped to make room.
    public private(set) var evictions = 0
    /// Look-ups (hits included: each is a refused request) whose document exceeded a limit,
    /// by the limit's name (`depth`, `fields`).
    public private(set) var limitRejections: [String: Int] = [:]

    private var slots: [Slot] = []
    private var index: [Key: Int] = [:]
    /// Free slot numbers left by removals, reused before the array grows.
    private var free: [Int] = []
    /// Most recently used slot, and least recently used (the next to evict); -1 when empty.
    private var head = -1
    private var tail = -1

    public static let defaultCapacity = 1_000
    public static let defaultMaxTextBytes = 64 * 1024

    public init(
        capacity: Int = DocumentCache.defaultCapacity, maxTextBytes: Int = DocumentCache.defaultMaxTextBytes,
        parseLimits: ParseLimits = .default, documentLimits: DocumentLimits = .none
    ) {
        precondition(capacity > 0, "a DocumentCache needs room for at least one entry")
        self.capacity = capacity
        self.maxTextBytes = maxTextBytes
        self.parseLimits = parseLimits
        self.documentLimits = documentLimits
        slots.reserveCapacity(min(capacity, 1_024))
    }

    /// Entries stored now.
    public var count: Int { index.count }

    /// The document for `text`, parsed and validated against `schema`: from the cache when
    /// it is there (and then marked most recently used), else parsed, validated and stored.
    public func document(for text: String, schema: Schema) -> CachedDocument {
        let key = Key(schema: ObjectIdentifier(schema), text: text)
        if let slot = index[key] {
            hits += 1
            moveToFront(slot)
            countLimitRejections(slots[slot].value)
            return slots[slot].value
        }
        misses += 1
        let value = Self.parseAndValidate(text, schema: schema, limits: parseLimits, documentLimits: documentLimits)
        if text.utf8.count <= maxTextBytes { insert(key, value, schema: schema) }
        countLimitRejections(value)
        return value
    }

    /// Counts each limit a refused document exceeded, once per look-up.
    private func countLimitRejections(_ value: CachedDocument) {
        guard case .invalid(let errors, .validation) = value else { return }
        var counted: [String] = []
        for error in errors {
            guard let limit = error.exceededDocumentLimit, !counted.contains(limit) else { continue }
            counted.append(limit)
            limitRejections[limit, default: 0] += 1
        }
    }

    /// Whether `text` is cached for `schema`, without counting a hit or touching its recency.
    public func contains(_ text: String, schema: Schema) -> Bool {
        index[Key(schema: ObjectIdentifier(schema), text: text)] != nil
    }

    /// Drops every entry (counters are kept).
    public func removeAll() {
        slots.removeAll(keepingCapacity: true)
        index.removeAll(keepingCapacity: true)
        free.removeAll()
        head = -1
        tail = -1
    }

    /// Parses and validates without a cache: what a miss does.
    public static func parseAndValidate(
        _ text: String, schema: Schema, limits: ParseLimits = .default, documentLimits: DocumentLimits = .none
    ) -> CachedDocument {
        let document: Document
        do {
            document = try parseDocument(Source(text), limits: limits)
        } catch {
            return .invalid([error.withCode("GRAPHQL_PARSE_FAILED")], kind: .parse)
        }
        let errors = documentLimits == .none
            ? validate(schema: schema, document: document)
            : validate(schema: schema, document: document, rules: specifiedRules + DocumentLimits.rules,
                       limits: documentLimits)
        if !errors.isEmpty {
            return .invalid(errors.map { $0.withCode("GRAPHQL_VALIDATION_FAILED") }, kind: .validation)
        }
        return .valid(document)
    }

    // MARK: - The LRU list (slot numbers linked through `prev`/`next`)

    /// The schema is part of the key by identity. Each entry keeps its schema alive (`Slot.schema`),
    /// so while an entry exists no other schema can take over its `ObjectIdentifier`.
    private struct Key: Hashable {
        let schema: ObjectIdentifier
        let text: String
    }

    private struct Slot {
        var key: Key
        var value: CachedDocument
        var schema: Schema
        var prev: Int
        var next: Int
    }

    private func insert(_ key: Key, _ value: CachedDocument, schema: Schema) {
        if index.count >= capacity { evictLeastRecentlyUsed() }
        let slot = Slot(key: key, value: value, schema: schema, prev: -1, next: head)
        let n: Int
        if let reused = free.popLast() {
            n = reused
            slots[n] = slot
        } else {
            n = slots.count
            slots.append(slot)
        }
        if head >= 0 { slots[head].prev = n }
        head = n
        if tail < 0 { tail = n }
        index[key] = n
    }

    private func evictLeastRecentlyUsed() {
        let victim = tail
        guard victim >= 0 else { return }
        unlink(victim)
        index.removeValue(forKey: slots[victim].key)
        // Release the document and schema now rather than when the slot is reused.
        slots[victim].value = .invalid([], kind: .parse)
        free.append(victim)
        evictions += 1
    }

    private func moveToFront(_ n: Int) {
        guard n != head else { return }
        unlink(n)
        slots[n].prev = -1
        slots[n].next = head
        if head >= 0 { slots[head].prev = n }
        head = n
        if tail < 0 { tail = n }
    }

    private func unlink(_ n: Int) {
        let p = slots[n].prev
        let x = slots[n].next
        if p >= 0 { slots[p].next = x } else { head = x }
        if x >= 0 { slots[x].prev = p } else { tail = p }
        slots[n].prev = -1
        slots[n].next = -1
    }
}

/// A document as the cache holds it: ready to execute, or the errors that make it unusable.
public enum CachedDocument: Sendable {
    /// Parsed and valid against the schema.
    case valid(Document)
    /// Did not parse (one error, `GRAPHQL_PARSE_FAILED`) or did not validate (every error,
    /// `GRAPHQL_VALIDATION_FAILED`), with locations.
    case invalid([GraphQLError], kind: Failure)

    public enum Failure: Sendable, Hashable {
        case parse
        case validation
    }

    public var document: Document? {
        if case .valid(let d) = self { return d }
        return nil
    }

    public var errors: [GraphQLError] {
        if case .invalid(let e, _) = self { return e }
        return []
    }
}
