#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Server {
    /// Serves until SIGINT or SIGTERM, then shuts down gracefully: the life of a server
    /// process, for an executable that serves its own ``SwitchboardApplication``.
    ///
    /// Starts the server (throwing what ``start()`` throws, after closing the store), calls
    /// `onListening` once it accepts connections, and returns after a signal has closed every
    /// socket with 1001 `Going away` and the store is closed. SIGINT and SIGTERM are taken by a
    /// plain handler (`StopSignals`) that only asks the service thread to stop; SIGPIPE is
    /// ignored, as a peer that goes away must not end the process.
    ///
    /// - Parameters:
    ///   - shutdownTimeout: how long to wait for the sockets to close after the signal.
    ///   - onListening: called on the calling thread once the server accepts.
    public func serveUntilSignalled(shutdownTimeout: Double = 4.5, onListening: () -> Void = {}) throws {
        signal(SIGPIPE, SIG_IGN)
        StopSignals.install(stopping: self)
        do {
            try start()
        } catch {
            store.close()
            throw error
        }
        onListening()
        waitUntilStopped(timeout: shutdownTimeout)
    }
}
