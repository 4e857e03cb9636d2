#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process for the server scenarios: spawned with its standard output and error sent
/// to files (a pipe nobody drains would stall a chatty server mid-benchmark), waited for with a
/// deadline, and killed when the deadline passes, so no run can hang the suite.
final class ChildProcess {
    let pid: pid_t
    let executable: String
    private(set) var exitStatus: Int32?

    /// Spawns `executable arguments…`; `stdoutPath`/`stderrPath` nil inherit ours.
    init(_ executable: String, _ arguments: [String], stdoutPath: String? = nil, stderrPath: String? = nil) throws {
        self.executable = executable
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdoutPath {
            posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        if let stderrPath {
            posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, executable, &actions, nil, argv, environ)
        guard rc == 0 else {
            throw BenchError("cannot start \(executable): \(String(cString: strerror(rc)))")
        }
        pid = child
        LiveChildren.add(child)
    }

    /// Whether the process has exited (reaping it if so).
    var hasExited: Bool {
        if exitStatus != nil { return true }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            record(status)
            return true
        }
        return false
    }

    /// Waits until the process exits or `seconds` pass; on timeout sends SIGKILL, reaps it and
    /// returns nil. Otherwise returns the exit code (128 + signal number if it was killed).
    @discardableResult
    func wait(seconds: Double) -> Int32? {
        let deadline = nowNanoseconds() + UInt64(seconds * 1e9)
        while !hasExited {
            if nowNanoseconds() >= deadline {
                kill(pid, SIGKILL)
                var status: Int32 = 0
                _ = waitpid(pid, &status, 0)
                record(status)
                return nil
            }
            usleep(10_000)
        }
        return exitStatus
    }

    func signal(_ number: Int32) {
        if exitStatus == nil { kill(pid, number) }
    }

    private func record(_ status: Int32) {
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
        let signalNumber = status & 0x7f
        exitStatus = signalNumber == 0 ? (status >> 8) & 0xff : 128 + signalNumber
        LiveChildren.remove(pid)
    }
}

/// Children still running, so an interrupted benchmark (Ctrl-C, `timeout`) takes its servers
/// and load generators down with it instead of leaving them bound to ports. A fixed array of
/// pids because the signal handler may only touch plain memory.
enum LiveChildren {
    static let capacity = 16
    // nonisolated(unsafe): written by the one benchmark thread, read by the signal handler,
    // which only sends kill(2) to the non-zero slots; a stale or torn pid costs nothing worse
    // than a missed kill.
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<pid_t> = {
        let p = UnsafeMutablePointer<pid_t>.allocate(capacity: capacity)
        p.initialize(repeating: 0, count: capacity)
        return p
    }()

    static func add(_ pid: pid_t) {
        for i in 0..<capacity where slots[i] == 0 {
            slots[i] = pid
            return
        }
    }

    static func remove(_ pid: pid_t) {
        for i in 0..<capacity where slots[i] == pid { slots[i] = 0 }
    }

    static func installSignalHandlers() {
        _ = slots
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number) { received in
                for i in 0..<LiveChildren.capacity where LiveChildren.slots[i] > 0 {
                    kill(LiveChildren.slots[i], SIGKILL)
                }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}

/// Figures of a running process from /proc: CPU seconds used so far (user + system) and its
/// peak resident set (VmHWM).
struct ProcessFigures {
    let cpuSeconds: Double
    let maxRSSKiB: Int

    static func read(_ pid: pid_t) -> ProcessFigures? {
        guard let stat = readTextFile("/proc/\(pid)/stat"),
              let status = readTextFile("/proc/\(pid)/status"),
              let close = stat.lastIndex(of: ")") else { return nil }
        // After "comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        var hwm = -1
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            // "VmHWM:\t   12345 kB"
            hwm = Int(line.dropFirst(6).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "") ?? -1
        }
        return ProcessFigures(cpuSeconds: (user + system) / ticks, maxRSSKiB: hwm)
    }
}

/// A TCP port on 127.0.0.1 that was free a moment ago (bind to 0, read it back, close).
func freeLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw BenchError("socket: \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let ok = withUnsafeMutablePointer(to: &address) { p in
        p.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
            bind(fd, sa, length) == 0 && getsockname(fd, sa, &length) == 0
        }
    }
    guard ok else { throw BenchError("cannot find a free port: \(String(cString: strerror(errno)))") }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// The directory holding this executable, where SwiftPM puts its sibling products.
func executableDirectory() throws -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard n > 0 else { throw BenchError("cannot read /proc/self/exe: \(String(cString: strerror(errno)))") }
    let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return String(path[..<slash])
}

func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
}
