#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SwitchboardBench: every scenario runs beside its baseline in the same invocation and
/// reports both and their ratio. Usage: `SwitchboardBench [--seconds S] [--full] [--json PATH] [SCENARIO-PREFIX ...]`.
/// Groups: `engine`, `store` (in-process, timed), `server` (Switchboard and BaselineServer driven
/// by LoadGenerator; a single one by name, e.g. `server.latency` or `fanout-1k`). No prefix: all.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

struct ScenarioResult {
    let name: String
    let subject: Timing
    let baseline: Timing
    /// The target for the subject's median, if the scenario has an absolute one.
    let targetNanos: Double?

    var ratio: Double { subject.median / baseline.median }
    var meetsTarget: Bool? { targetNanos.map { subject.median <= $0 } }
}

/// Writes a line to standard error (file descriptor 2: `stderr` itself is shared
/// mutable C state that strict concurrency rejects).
func printError(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

func readTextFile(_ path: String) -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buffer, 1, buffer.count, file)
        if n <= 0 { break }
        bytes.append(contentsOf: buffer[0..<n])
    }
    return String(decoding: bytes, as: UTF8.self)
}

var seconds = 1.0
var jsonPath: String?
var full = false
var filters: [String] = []
var args = CommandLine.arguments.dropFirst()
while let arg = args.popFirst() {
    switch arg {
    case "--seconds":
        guard let v = args.popFirst(), let s = Double(v), s > 0 else {
            printError("error: --seconds needs a positive number")
            exit(2)
        }
        seconds = s
    case "--json":
        guard let v = args.popFirst() else {
            printError("error: --json needs a path")
            exit(2)
        }
        jsonPath = v
    case "--full":
        // Server scenarios at the issues' full sizes (19,900 idle connections, longer runs).
        full = true
    case "-h", "--help":
        print("usage: SwitchboardBench [--seconds S] [--full] [--json PATH] [SCENARIO-PREFIX ...]")
        print("  groups: engine, store, server (server.fanout-10k, server.chats, server.latency,")
        print("  server.fanout-1k, server.latency-10k, server.idle, server.churn, server.connect)")
        exit(0)
    default:
        filters.append(arg)
    }
}

#if DEBUG
printError("warning: this is a debug build; build with -c release for meaningful figures")
#endif

var results: [ScenarioResult] = []
var serverRows: [ServerRow] = []
do {
    if filters.isEmpty || filters.contains(where: { "engine".hasPrefix($0) || $0.hasPrefix("engine") }) {
        results += try EngineScenarios.run(seconds: seconds)
    }
    if filters.isEmpty || filters.contains(where: { "store".hasPrefix($0) || $0.hasPrefix("store") }) {
        results += try StoreScenarios.run(seconds: seconds)
    }
    if filters.isEmpty || filters.contains(where: { "fanout".hasPrefix($0) || $0.hasPrefix("fanout") }) {
        results += try FanoutScenarios.run(seconds: seconds)
    }
    let serverFilters = filters.filter { f in
        "server".hasPrefix(f) || f.hasPrefix("server")
            || ServerScenarios.scenarios(full: full).contains { $0.name.hasPrefix(f) }
    }
    if filters.isEmpty || !serverFilters.isEmpty {
        serverRows = try ServerScenarios.run(filters: serverFilters, full: full).map(ServerRow.init)
    }
} catch {
    printError("error: \(error)")
    exit(1)
}

if !results.isEmpty {
print("| scenario | subject (median) | baseline (median) | ratio | target | met |")
print("| --- | --- | --- | --- | --- | --- |")
for r in results {
    // Per second as well: throughput targets (appends/s) read better that way.
    let target = r.targetNanos.map { "≤ " + formatNanos($0) + " (" + formatRate($0) + ")" } ?? "—"
    let met = r.meetsTarget.map { $0 ? "yes" : "NO" } ?? "—"
    let subject = formatNanos(r.subject.median) + " (" + formatRate(r.subject.median) + ")"
    let baseline = formatNanos(r.baseline.median) + " (" + formatRate(r.baseline.median) + ")"
    print("| \(r.name): \(r.subject.name) vs \(r.baseline.name) | \(subject) | \(baseline) | \(format2(r.ratio))× | \(target) | \(met) |")
}
}
if !serverRows.isEmpty {
    if !results.isEmpty { print("") }
    ServerRow.printMarkdown(serverRows)
}

if let jsonPath {
    var entries: [String] = []
    for r in results {
        var entry = "  {\"scenario\": \"\(r.name)\", \"subject_ns\": \(r.subject.median), \"subject_p90_ns\": \(r.subject.p90), "
        entry += "\"baseline_ns\": \(r.baseline.median), \"ratio\": \(r.ratio)"
        if let t = r.targetNanos { entry += ", \"target_ns\": \(t)" }
        entries.append(entry + "}")
    }
    // Server scenarios: one object each, with both LoadGenerator reports inside.
    entries += serverRows.map { "  " + $0.json.encodedString() }
    let out = "[\n" + entries.joined(separator: ",\n") + "\n]\n"
    guard let f = fopen(jsonPath, "w") else {
        printError("error: cannot write \(jsonPath)")
        exit(1)
    }
    fputs(out, f)
    fclose(f)
}

if serverRows.contains(where: { $0.result.failed }) {
    printError("error: a server scenario failed (see the table and the messages above); its figures do not count")
    exit(1)
}
