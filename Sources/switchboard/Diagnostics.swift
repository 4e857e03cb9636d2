#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GraphQL

/// Output in the compiler style editors and CI annotators understand:
/// `FILE:LINE:COLUMN: error: MESSAGE`, or `FILE: error: MESSAGE` for an error with no location.
/// An error with several locations is printed at its first: that is where a person starts.
struct Diagnostics {
    private(set) var output: [UInt8] = []
    private(set) var errorCount = 0

    mutating func report(_ error: GraphQLError, file: String) {
        if let location = error.locations.first {
            report("\(file):\(location.line):\(location.column): error: \(error.message)")
        } else {
            report("\(file): error: \(error.message)")
        }
    }

    mutating func report(_ message: String, file: String) {
        report("\(file): error: \(message)")
    }

    private mutating func report(_ line: String) {
        errorCount += 1
        output.append(contentsOf: line.utf8)
        output.append(UInt8(ascii: "\n"))
    }

    /// Writes what was reported to standard output and forgets it, so a long run over many
    /// documents streams instead of holding every message.
    mutating func flush() {
        writeToStandardOutput(output)
        output.removeAll(keepingCapacity: true)
    }
}

/// Writes all of `bytes` to file descriptor 1, retrying short writes and interruptions.
func writeToStandardOutput(_ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        if written < 0 {
            if errno == EINTR { continue }
            return  // Standard output is gone (a closed pipe): nobody is left to tell.
        }
        offset += written
    }
}

/// A file read failed; `reason` is the system's wording (`No such file or directory`).
struct FileReadError: Error {
    let reason: String
}

/// Reads a whole file as bytes. POSIX rather than Foundation so the error names the
/// system's reason, and so invalid UTF-8 reaches the lexer untouched.
func readFile(atPath path: String) throws(FileReadError) -> [UInt8] {
    let fd = open(path, O_RDONLY)
    if fd < 0 { throw FileReadError(reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var info = stat()
    if fstat(fd, &info) == 0, info.st_size > 0 {
        bytes.reserveCapacity(Int(info.st_size))
    }
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EINTR { continue }
            throw FileReadError(reason: String(cString: strerror(errno)))
        }
        if count == 0 { return bytes }
        bytes.append(contentsOf: chunk[0..<count])
    }
}

/// Reads and builds a schema file, reporting what goes wrong under the file's path.
/// Returns nil when the schema cannot be used.
func loadSchema(atPath path: String, into diagnostics: inout Diagnostics) -> Schema? {
    let bytes: [UInt8]
    do {
        bytes = try readFile(atPath: path)
    } catch {
        diagnostics.report("cannot read file: \(error.reason)", file: path)
        return nil
    }
    do {
        return try buildSchema(Source(bytes: bytes, name: path))
    } catch {
        for schemaError in error.errors { diagnostics.report(schemaError, file: path) }
        return nil
    }
}
