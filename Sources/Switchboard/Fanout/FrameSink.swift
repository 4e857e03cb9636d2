import GraphQL

// Where fanned-out frames go. The fan-out knows nothing of sockets: the server plugs in an
// adapter over `WebSocketServer.send(_:byteCount:tag:fill:)`, tests an in-memory sink.

/// A connection as the fan-out names it. The server uses its transport's `ConnectionID`
/// (`ConnectionKey(connection.id)`); tests pick any numbers.
public struct ConnectionKey: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }
    public init(_ id: ConnectionID) { self.rawValue = id.rawValue }
    public var description: String { "conn#\(rawValue)" }
}

/// Accepts whole text frames for a connection's outbound queue.
///
/// `write` must call `fill` at most once, synchronously, with a buffer of exactly
/// `byteCount` bytes (the transport's queue memory: the frame is built in place, no
/// intermediate copy). A sink that drops a frame (queue over its limit) reports it back
/// through `FanoutEngine.framesDropped(connection:frames:)` with the same `tag`; it may do
/// so from inside `write` (the transport does), which the engine allows.
///
/// Tags of fan-out frames (see `FanoutTag`): the event id, which is ≥ 1. Tag 0 is never
/// used by the fan-out, so the server's own frames (`connection_ack`, `complete`, `error`,
/// pongs, query results) go with tag 0 and are ignored when dropped. The subscription id
/// is not in the tag: it is read back from the dropped frame's own first bytes
/// (`{"id":"<id>",…`), so a frame still maps to the right operation even if its
/// subscription ended (and its id was reused) before the drop was reported.
public protocol FrameSink: AnyObject {
    func write(connection: ConnectionKey, byteCount: Int, tag: UInt64, fill: (UnsafeMutableRawBufferPointer) -> Void)

    /// The sink's own object for `connection` (the transport's connection), or nil. Asked once
    /// when the connection opens; the index keeps it with each of the connection's subscribers
    /// and gives it back to `write(endpoint:…)` and `prefetch(endpoint:)`, so a fan-out to
    /// 10,000 sockets looks none of them up. Writing to an endpoint whose connection has gone
    /// must do nothing, as writing to an unknown key does.
    func endpoint(for connection: ConnectionKey) -> AnyObject?

    /// `write(connection:…)` to the connection behind `endpoint` (from `endpoint(for:)`).
    func write(endpoint: AnyObject, connection: ConnectionKey, byteCount: Int, tag: UInt64,
               fill: (UnsafeMutableRawBufferPointer) -> Void)

    /// A hint, nothing more: a frame for `endpoint` follows soon. The fan-out gives it a few
    /// subscribers ahead, so the memory that write touches is on its way while it builds the
    /// frames before.
    func prefetch(endpoint: AnyObject)
}

extension FrameSink {
    public func endpoint(for connection: ConnectionKey) -> AnyObject? { nil }

    public func write(endpoint: AnyObject, connection: ConnectionKey, byteCount: Int, tag: UInt64,
                      fill: (UnsafeMutableRawBufferPointer) -> Void) {
        write(connection: connection, byteCount: byteCount, tag: tag, fill: fill)
    }

    public func prefetch(endpoint: AnyObject) {}
}

/// What a fan-out frame's tag means.
public enum FanoutTag {
    /// The tag of the `next` frame that carries event `eventID`.
    @inline(__always)
    public static func tag(eventID: Int64) -> UInt64 { UInt64(eventID) }

    /// The event a dropped frame carried, or nil for a frame that is not the fan-out's (tag 0).
    public static func eventID(ofTag tag: UInt64) -> Int64? {
        tag == 0 || tag > UInt64(Int64.max) ? nil : Int64(tag)
    }

    /// The operation id of a `next` frame, read from its first bytes
    /// (`{"id":"<JSON-escaped id>","type":"next",…`, as `NextFramePrefix` writes them).
    /// nil when the bytes do not start that way.
    public static func operationID(ofFrame bytes: UnsafeRawBufferPointer) -> String? {
        let opening = Array(#"{"id":""#.utf8)
        guard bytes.count > opening.count, bytes.starts(with: opening) else { return nil }
        // The string token runs from the opening quote to the first quote not escaped.
        let start = opening.count - 1
        var i = start + 1
        var escaped = false
        while i < bytes.count {
            let b = bytes[i]
            if escaped {
                escaped = false
            } else if b == UInt8(ascii: "\\") {
                escaped = true
            } else if b == UInt8(ascii: "\"") {
                break
            }
            i += 1
        }
        guard i < bytes.count else { return nil }
        let token = Array(bytes[start...i])
        return (try? JSON.parse(token))?.stringValue
    }
}
