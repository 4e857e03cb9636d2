#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where and when the figures were measured, for the report's header and the chart's title:
/// benchmark figures mean little without the machine and the load it carried.
struct MachineInfo {
    let date: String
    let cpu: String
    let cores: Int
    let memory: String
    let kernel: String
    /// The 1-minute load average when the run started: above the core count, others were busy.
    let loadAtStart: String

    static func current() -> MachineInfo {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let date = "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)) UTC"

        let cpuinfo = readTextFile("/proc/cpuinfo") ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { String($0.drop(while: { $0 == " " })) } ?? "unknown CPU"
        let meminfo = readTextFile("/proc/meminfo") ?? ""
        let kib = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }
            .flatMap { Double($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        var name = utsname()
        uname(&name)
        let release = withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let load = (readTextFile("/proc/loadavg") ?? "?").split(separator: " ").first.map(String.init) ?? "?"
        return MachineInfo(date: date, cpu: model, cores: Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))),
                           memory: "\(Int((kib / 1_048_576).rounded())) GiB", kernel: "Linux " + release,
                           loadAtStart: load)
    }

    /// One line: `2026-12-05 21:40 UTC · 2 cores (Intel …) · 24 GiB · Linux 6.1 · load 3.4 at start`.
    var summary: String {
        "\(date) · \(cores) cores (\(cpu)) · \(memory) · \(kernel) · load average \(loadAtStart) at start"
    }
}
