import GraphQL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SwitchboardBench: every scenario runs beside its baseline in the same invocation and
/// reports both and their ratio. Usage: `SwitchboardBench [--seconds S] [--idle-connections N] [--repeats N]
/// [--json PATH] [--markdown PATH] [--chart PATH] [SCENARIO-PREFIX ...]`.
/// Groups: `engine`, `store`, `fanout` (in-process, timed), `server` (Switchboard and
/// BaselineServer driven by LoadGenerator; a single one by name, e.g. `server.latency` or
/// `fanout-1k`). No prefix: all.
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
var markdownPath: String?
var chartPath: String?
var idleConnections = 19_900
var repeats: Int?
var switchboardPath: String?
var filters: [String] = []
var args = CommandLine.arguments.dropFirst()
@MainActor func value(of flag: String) -> String {
    guard let v = args.popFirst() else {
        printError("error: \(flag) needs a value")
        exit(2)
    }
    return v
}
while let arg = args.popFirst() {
    switch arg {
    case "--seconds":
        guard let s = Double(value(of: arg)), s > 0 else {
            printError("error: --seconds needs a positive number")
            exit(2)
        }
        seconds = s
    case "--repeats":
        guard let n = Int(value(of: arg)), n > 0 else {
            printError("error: --repeats needs a positive whole number")
            exit(2)
        }
        repeats = n
    case "--json": jsonPath = value(of: arg)
    case "--switchboard": switchboardPath = value(of: arg)
    case "--markdown": markdownPath = value(of: arg)
    case "--chart": chartPath = value(of: arg)
    case "--full":
        // Kept for old command lines: the full 19,900 idle connections are the default now.
        idleConnections = 19_900
    case "--idle-connections":
        guard let n = Int(value(of: arg)), n > 0, n <= 19_900 else {
            printError("error: --idle-connections needs a whole number from 1 to 19,900 (the descriptor limit is 20,000)")
            exit(2)
        }
        idleConnections = n
    case "-h", "--help":
        print("usage: SwitchboardBench [--seconds S] [--idle-connections N] [--repeats N] [--json PATH] [--markdown PATH]")
        print("                        [--chart PATH] [SCENARIO-PREFIX ...]")
        print("  groups: machine (thread wake-up cost), engine, store, fanout (in-process), server (server.fanout-1k, server.fanout-10k,")
        print("  server.chats, server.idle, server.churn, server.connect, server.latency, server.latency-10k,")
        print("  server.mutations). --repeats N runs every server scenario N times per server (default: 3")
        print("  for the short ones, 1 for those that set up 10,000+ connections) and reports the median.")
        print("  --switchboard PATH: the server binary under test (default: the one beside this program).")
        print("  --idle-connections N: the idle scenario with N connections instead of 19,900 (--full: 19,900).")
        exit(0)
    default:
        filters.append(arg)
    }
}

#if DEBUG
printError("warning: this is a debug build; build with -c release for meaningful figures")
#endif

let machine = MachineInfo.current()
printError("machine: \(machine.summary)")
var results: [ScenarioResult] = []
var serverRows: [ServerRow] = []
var identityNote: String?
do {
    if filters.isEmpty || filters.contains(where: { "machine".hasPrefix($0) || $0.hasPrefix("machine") }) {
        results += try MachineScenarios.run()
    }
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
            || ServerScenarios.scenarios().contains { $0.name.hasPrefix(f) }
    }
    if filters.isEmpty || !serverFilters.isEmpty {
        let server = try ServerScenarios.run(filters: serverFilters, idleConnections: idleConnections, repeats: repeats, switchboard: switchboardPath)
        serverRows = server.results.map(ServerRow.init)
        identityNote = server.identity.note
    }
} catch {
    printError("error: \(error)")
    exit(1)
}

var markdown: [String] = []
if !results.isEmpty {
    markdown += ["| scenario | subject (median) | baseline (median) | ratio | target | met |", "| --- | --- | --- | --- | --- | --- |"]
    for r in results {
        // Per second as well: throughput targets (appends/s) read better that way.
        let target = r.targetNanos.map { "≤ " + formatNanos($0) + " (" + formatRate($0) + ")" } ?? "—"
        let met = r.meetsTarget.map { $0 ? "yes" : "NO" } ?? "—"
        let subject = formatNanos(r.subject.median) + " (" + formatRate(r.subject.median) + ")"
        let baseline = formatNanos(r.baseline.median) + " (" + formatRate(r.baseline.median) + ")"
        markdown.append("| \(r.name): \(r.subject.name) vs \(r.baseline.name) | \(subject) | \(baseline) | \(format2(r.ratio))× | \(target) | \(met) |")
    }
}
if !serverRows.isEmpty {
    if !markdown.isEmpty { markdown.append("") }
    markdown += ServerRow.markdown(serverRows)
}
let command = (["SwitchboardBench"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
var header = ["Measured \(machine.summary).", "Command: `\(command)`."]
if let identityNote { header.append(identityNote + ".") }
for line in markdown { print(line) }
for line in header { print(""); print(line) }

func writeFile(_ path: String, _ text: String) {
    guard let f = fopen(path, "w") else {
        printError("error: cannot write \(path)")
        exit(1)
    }
    fputs(text, f)
    fclose(f)
}

if let markdownPath {
    writeFile(markdownPath, "# Switchboard benchmark results\n\n" + header.joined(separator: "\n") + "\n\n"
              + markdown.joined(separator: "\n") + "\n")
}

if let chartPath {
    let subtitle = "\(machine.date) · \(machine.cores) cores, \(machine.memory), shared machine (load \(machine.loadAtStart) at start) · "
        + "median of \(repeats ?? 3) run\(repeats == 1 ? "" : "s")"
        + " · release build, SQLite store on disk"
    // The identity note, short: the long one names the reason.
    let note = identityNote.map { $0.hasPrefix("identity: tokens not yet enforced")
        ? "Switchboard with --secret; posts without a token (this build has no `switchboard token` yet)"
        : "Switchboard with --secret; posts carry a publisher token" } ?? ""
    writeFile(chartPath, BenchChart.svg(serverRows, title: "Switchboard vs a bare libwebsockets server",
                                        subtitle: subtitle, note: note))
}

if let jsonPath {
    var entries: [JSON] = []
    for r in results {
        var entry = JSONObject()
        entry.append("scenario", .string(r.name))
        entry.append("subject_ns", .double(r.subject.median))
        entry.append("subject_p90_ns", .double(r.subject.p90))
        entry.append("baseline_ns", .double(r.baseline.median))
        entry.append("ratio", .double(r.ratio))
        if let t = r.targetNanos { entry.append("target_ns", .double(t)) }
        entries.append(.object(entry))
    }
    // Server scenarios: one object each, with every LoadGenerator report inside.
    entries += serverRows.map(\.json)
    var document = JSONObject()
    document.append("date", .string(machine.date))
    document.append("machine", .string(machine.summary))
    document.append("command", .string(command))
    document.append("identity", identityNote.map(JSON.string) ?? .null)
    document.append("results", .array(entries))
    writeFile(jsonPath, JSON.object(document).encodedString() + "\n")
}

if serverRows.contains(where: { $0.result.failed }) {
    printError("error: a server scenario failed (see the table and the messages above); its figures do not count")
    exit(1)
}
