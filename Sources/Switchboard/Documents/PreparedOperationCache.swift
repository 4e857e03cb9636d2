import GraphQL

/// Prepared operations kept per schema, document text and operation name, so that a request with a
/// known document only coerces its variables: a backend posting `postMessage` with new
/// variables each time does not collect the same fields again per request.
///
/// Only reusable operations are kept (`PreparedOperation.isReusable`: no `@skip`/`@include`
/// decided by a variable); the rest are prepared per request, as without the cache.
///
/// Bounded: at most `capacity` entries; when full it starts over (the working set of a server
/// is a handful of documents, and a client cycling through more only loses the reuse).
/// Documents over `maxTextBytes` are not kept, like the `DocumentCache`'s.
///
/// Threads: like the `DocumentCache`, it belongs to the service thread and has no lock; it is
/// not `Sendable`, so Swift refuses to let it leave that thread.
public final class PreparedOperationCache {
    public let capacity: Int
    public let maxTextBytes: Int
    /// Requests answered by rebinding a kept operation.
    public private(set) var hits = 0
    /// Requests prepared afresh.
    public private(set) var misses = 0

    /// The schema by identity: the kept operation holds it, so the identifier is not reused
    /// while the entry lives.
    private struct Key: Hashable {
        let schema: ObjectIdentifier
        let text: String
        let operationName: String?
    }

    private var entries: [Key: PreparedOperation] = [:]

    public init(capacity: Int = 256, maxTextBytes: Int = DocumentCache.defaultMaxTextBytes) {
        precondition(capacity > 0, "a PreparedOperationCache needs room for at least one entry")
        self.capacity = capacity
        self.maxTextBytes = maxTextBytes
    }

    public var count: Int { entries.count }

    /// The operation `operationName` of `text` (whose parsed, valid document is `document`)
    /// prepared with `variables`; the same result and errors as `prepareOperation`.
    public func prepared(
        text: String, document: Document, operationName: String?, variables: JSONObject, schema: Schema
    ) throws(GraphQLErrors) -> PreparedOperation {
        let key = Key(schema: ObjectIdentifier(schema), text: text, operationName: operationName)
        if let kept = entries[key] {
            hits += 1
            return try kept.rebinding(variables: variables)
        }
        misses += 1
        let prepared = try prepareOperation(
            schema: schema, document: document, operationName: operationName, variables: variables)
        if prepared.isReusable, text.utf8.count <= maxTextBytes {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = prepared
        }
        return prepared
    }
}
