import CLibWebSockets

/// Asks for the first two cache lines of the object at `address`: where a Swift object's
/// header and first stored properties are (the hot fields of `Connection` are kept within
/// them). A hint: it never faults and never waits.
@inline(__always)
func prefetchObjectHead(_ address: UnsafeRawPointer) {
    sb_prefetch_for_write(address)
    sb_prefetch_for_write(address + 64)
}

/// Asks for the `byteCount` bytes from `address` (each cache line they touch), ahead of a write.
@inline(__always)
func prefetchForWrite(_ address: UnsafeRawPointer, byteCount: Int) {
    var offset = 0
    while offset < byteCount {
        sb_prefetch_for_write(address + offset)
        offset += 64
    }
    sb_prefetch_for_write(address + (byteCount - 1))
}
