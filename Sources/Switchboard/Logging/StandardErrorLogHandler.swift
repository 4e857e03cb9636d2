#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging

/// Switchboard's `LogHandler`: one line per record on standard error, in `LogFormat`.
///
/// Built for the service thread: no lock and no queue. The line is formatted on the caller's
/// thread and handed to the kernel with one `write(2)`; concurrent writers (the service
/// thread, the store's completions) therefore never interleave within a line of up to
/// `PIPE_BUF` (4 KiB) bytes on a pipe. Levels below `logLevel` cost one comparison in
/// `Logger`: neither the message nor the metadata is built.
public struct StandardErrorLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public let formatter: LogLineFormatter
    /// Where lines go: standard error unless a test captures them.
    let output: @Sendable ([UInt8]) -> Void

    public init(format: LogFormat = .text, level: Logger.Level = .info, metadataProvider: Logger.MetadataProvider? = nil) {
        self.init(format: format, level: level, metadataProvider: metadataProvider, output: { writeToStandardError($0) })
    }

    /// With `output` in place of standard error (tests).
    public init(format: LogFormat, level: Logger.Level, metadataProvider: Logger.MetadataProvider? = nil,
                output: @escaping @Sendable ([UInt8]) -> Void) {
        self.logLevel = level
        self.formatter = LogLineFormatter(format: format)
        self.metadataProvider = metadataProvider
        self.output = output
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        // The record's own metadata wins over the provider's, which wins over the logger's.
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let own = event.metadata { merged.merge(own) { $1 } }
        if let error = event.error, merged["error"] == nil { merged["error"] = .string("\(error)") }
        output(formatter.line(
            timestamp: StoreClock.now(), level: event.level, message: event.message.description, metadata: merged))
    }

    /// A `Logger` with this handler.
    public static func logger(label: String = "switchboard", format: LogFormat = .text, level: Logger.Level = .info) -> Logger {
        Logger(label: label) { _ in StandardErrorLogHandler(format: format, level: level) }
    }
}

/// Writes every byte to file descriptor 2, retrying short writes and interruptions; gives up
/// silently when standard error is gone (there is nowhere left to report that).
public func writeToStandardError(_ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        if written < 0 {
            if errno == EINTR { continue }
            return
        }
        offset += written
    }
}
