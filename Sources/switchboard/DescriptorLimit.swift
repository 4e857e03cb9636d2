#if canImport(Glibc)
import Glibc
#endif
import Logging

/// The process's open-descriptor limit, fitted to what `serve` needs.
///
/// libwebsockets sizes its per-descriptor tables by the soft `RLIMIT_NOFILE`, and Debian's
/// build (compiled with `_DEBUG`) scans the whole table, slot by slot, several times for every
/// connection it opens and closes. At this machine's 20,000 that is about a sixth of the cost
/// of a connection (`server.connect`: 10,001 and 10,170/s at 20,000, 12,955 and 11,531/s with
/// the limit at 2,048); under a container's usual 1,048,576 every connection would scan 50
/// times as much. A limit below what `--max-connections` needs stops the server short of it.
/// So the soft limit becomes the need: raised (as far as the hard limit allows) or lowered.
enum DescriptorLimit {
    /// Descriptors beyond the WebSockets: HTTP connections, the store's files (a database, WAL
    /// and shared-memory file per connection to it), the loop's own, standard streams.
    static let reserve = 1024

    /// What `maxConnections` WebSockets need.
    static func needed(maxConnections: Int) -> Int { maxConnections + reserve }

    /// Sets the soft limit to `needed(maxConnections:)`, up to the hard limit; says what changed.
    static func fit(maxConnections: Int, logger: Logger) {
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return }
        let need = rlim_t(needed(maxConnections: maxConnections))
        let target = min(need, limit.rlim_max)  // RLIM_INFINITY is the largest value
        guard target != limit.rlim_cur else { return }
        let previous = limit.rlim_cur
        limit.rlim_cur = target
        guard setrlimit(resource, &limit) == 0 else {
            logger.warning("cannot set the open-descriptor limit", metadata: [
                "limit": "\(previous)", "wanted": "\(target)", "errno": "\(errno)"])
            return
        }
        if target < need {
            logger.warning("the open-descriptor limit stops short of --max-connections", metadata: [
                "limit": "\(target)", "needed": "\(need)", "max_connections": "\(maxConnections)"])
        } else {
            logger.info("open-descriptor limit fitted to --max-connections", metadata: [
                "limit": "\(target)", "was": "\(previous)"])
        }
    }

    #if os(Linux)
    private static let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    private static let resource = RLIMIT_NOFILE
    #endif
}
