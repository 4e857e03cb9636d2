#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits (at most `timeout` seconds) until something other than `SIG_IGN` handles each of
/// `signals`.
///
/// `serve` ignores SIGINT/SIGTERM and then lets libdispatch signal sources take them;
/// libdispatch installs its handler asynchronously, on its manager thread, some time after
/// `resume()`. A signal sent in between is dropped (seen under load: a SIGTERM right after the
/// `listening on` line never stopped the server). Waiting here, before the ready line, closes
/// that window.
func waitUntilSignalsAreHandled(_ signals: [Int32], timeout: Double = 2) {
    let deadline = timeout * 1000
    var waited = 0.0
    for number in signals {
        while waited < deadline {
            var current = sigaction()
            sigaction(number, nil, &current)
            #if canImport(Glibc)
            let handler = unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
            #else
            let handler = unsafeBitCast(current.__sigaction_u.__sa_handler, to: Int.self)
            #endif
            if handler != unsafeBitCast(SIG_IGN, to: Int.self) { break }
            usleep(1000)
            waited += 1
        }
    }
}
