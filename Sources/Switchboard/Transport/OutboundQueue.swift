import CLibWebSockets

/// One connection's frames waiting to be written, in one contiguous buffer that is reused.
///
/// Each frame is a 16-byte header (length, tag) followed by its payload. The header doubles as
/// the `LWS_PRE` headroom `lws_write` needs in front of the payload: by the time the frame is
/// written its header has been read, so lws may scribble over it. Appending costs no allocation
/// once the buffer has grown to the connection's usual backlog; an emptied queue rewinds to the
/// start, and a buffer grown past `shrinkThreshold` is given back when it empties.
struct OutboundQueue {
    static let headerSize: Int = {
        let pre = Int(sb_lws_pre())
        return max(16, (pre + 7) & ~7)
    }()
    static let shrinkThreshold = 256 * 1024
    static let minimumCapacity = 256

    private var storage: UnsafeMutableRawPointer?
    private var capacity = 0
    private var head = 0
    private var tail = 0
    /// Payload bytes waiting (headers not counted): what `maxQueueBytes` limits.
    private(set) var queuedBytes = 0
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }
    var storageForReading: UnsafeMutableRawPointer? { storage }
    var headOffset: Int { head }

    /// Where the next frame's header goes, when the buffer has room there for a frame of
    /// `byteCount` bytes (nil: the next append grows or slides the buffer first).
    func nextFrameAddress(byteCount: Int) -> UnsafeMutableRawPointer? {
        guard let storage, capacity - tail >= Self.headerSize + byteCount else { return nil }
        return storage + tail
    }

    /// Reserves a frame of `byteCount` bytes tagged `tag` and lets `fill` write its payload.
    mutating func append(byteCount: Int, tag: UInt64, fill: (UnsafeMutableRawBufferPointer) -> Void) {
        let frameSize = Self.headerSize + ((byteCount + 7) & ~7)
        if capacity - tail < frameSize { makeRoom(for: frameSize) }
        let base = storage! + tail
        base.storeBytes(of: UInt64(byteCount), as: UInt64.self)
        base.storeBytes(of: tag, toByteOffset: 8, as: UInt64.self)
        fill(UnsafeMutableRawBufferPointer(start: base + Self.headerSize, count: byteCount))
        tail += frameSize
        queuedBytes += byteCount
        count += 1
    }

    /// The oldest frame: payload (with writable headroom before it), length and tag.
    func first() -> (payload: UnsafeMutableRawPointer, length: Int, tag: UInt64)? {
        guard count > 0, let storage else { return nil }
        let base = storage + head
        let length = Int(base.load(as: UInt64.self))
        let tag = base.load(fromByteOffset: 8, as: UInt64.self)
        return (base + Self.headerSize, length, tag)
    }

    /// Drops the oldest frame. `length` is the one `first()` returned: `lws_write` may have
    /// overwritten the header since (it builds the frame header in that headroom).
    mutating func removeFirst(length: Int) {
        guard count > 0 else { return }
        head += Self.headerSize + ((length + 7) & ~7)
        queuedBytes -= length
        count -= 1
        if count == 0 { rewind() }
    }

    /// Drops every frame, showing each (tag, bytes) to `body` first.
    mutating func removeAll(reporting body: ((UInt64, UnsafeRawBufferPointer) -> Void)? = nil) {
        if let body, let storage {
            var offset = head
            for _ in 0..<count {
                let base = storage + offset
                let length = Int(base.load(as: UInt64.self))
                let tag = base.load(fromByteOffset: 8, as: UInt64.self)
                body(tag, UnsafeRawBufferPointer(start: base + Self.headerSize, count: length))
                offset += Self.headerSize + ((length + 7) & ~7)
            }
        }
        count = 0
        queuedBytes = 0
        rewind()
    }

    /// Gives the buffer back when nothing is queued (the keepalive sweep, for connections that
    /// went quiet: the next frame allocates again, once).
    mutating func releaseIfEmpty() {
        if count == 0 && storage != nil { deallocate() }
    }

    mutating func deallocate() {
        storage?.deallocate()
        storage = nil
        capacity = 0
        head = 0
        tail = 0
        count = 0
        queuedBytes = 0
    }

    private mutating func rewind() {
        head = 0
        tail = 0
        if capacity > Self.shrinkThreshold {
            storage?.deallocate()
            storage = nil
            capacity = 0
        }
    }

    private mutating func makeRoom(for frameSize: Int) {
        let live = tail - head
        if head > 0 && capacity - live >= frameSize && live <= capacity / 2 {
            // Enough room once the written frames are gone: slide the live ones to the front.
            if live > 0 { (storage! ).copyMemory(from: storage! + head, byteCount: live) }
            head = 0
            tail = live
            return
        }
        // Start at the frame's size, not a page: an idle connection keeps what its first frames
        // (the ack, a few `next`s) needed.
        var newCapacity = max(capacity * 2, Self.minimumCapacity)
        while newCapacity - live < frameSize { newCapacity *= 2 }
        let newStorage = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        if let storage {
            if live > 0 { newStorage.copyMemory(from: storage + head, byteCount: live) }
            storage.deallocate()
        }
        storage = newStorage
        capacity = newCapacity
        head = 0
        tail = live
    }
}

extension OutboundQueue {
    /// Visits each queued frame (tag, payload) without removing it.
    func forEachFrame(_ body: (UInt64, UnsafeRawBufferPointer) -> Void) {
        forEachFrame(while: { tag, payload in
            body(tag, payload)
            return true
        })
    }

    /// Visits the queued frames (tag, payload) oldest first, without removing them, while
    /// `body` returns true.
    func forEachFrame(while body: (UInt64, UnsafeRawBufferPointer) -> Bool) {
        guard let storage = storageForReading else { return }
        var offset = headOffset
        for _ in 0..<count {
            let base = storage + offset
            let length = Int(base.load(as: UInt64.self))
            let tag = base.load(fromByteOffset: 8, as: UInt64.self)
            guard body(tag, UnsafeRawBufferPointer(start: base + Self.headerSize, count: length)) else { return }
            offset += Self.headerSize + ((length + 7) & ~7)
        }
    }
}

/// The header of a WebSocket frame a server sends (RFC 6455 section 5.2): FIN set, opcode
/// text, no mask, the length in 7, 7+16 or 7+64 bits.
enum WebSocketFrameHeader {
    static func size(payloadLength: Int) -> Int {
        payloadLength < 126 ? 2 : payloadLength < 65_536 ? 4 : 10
    }

    /// Writes the header of a text frame of `payloadLength` bytes at `at`; returns its size.
    static func write(payloadLength: Int, at: UnsafeMutableRawPointer) -> Int {
        let bytes = at.assumingMemoryBound(to: UInt8.self)
        bytes[0] = 0x81
        if payloadLength < 126 {
            bytes[1] = UInt8(payloadLength)
            return 2
        }
        if payloadLength < 65_536 {
            bytes[1] = 126
            bytes[2] = UInt8(payloadLength >> 8)
            bytes[3] = UInt8(payloadLength & 0xff)
            return 4
        }
        bytes[1] = 127
        let length = UInt64(payloadLength)
        for index in 0..<8 { bytes[2 + index] = UInt8((length >> (56 - 8 * UInt64(index))) & 0xff) }
        return 10
    }
}
