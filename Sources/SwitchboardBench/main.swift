#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SwitchboardBench: every scenario runs beside its baseline in the same invocation and
/// reports both and their ratio. Usage: `SwitchboardBench [--seconds S] [--json PATH] [SCENARIO-PREFIX ...]`.
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
    case "-h", "--help":
        print("usage: SwitchboardBench [--seconds S] [--json PATH] [SCENARIO-PREFIX ...]")
        exit(0)
    default:
        filters.append(arg)
    }
}

#if DEBUG
printError("warning: this is a debug build; build with -c release for meaningful figures")
#endif

var results: [ScenarioResult] = []
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
} catch {
    printError("error: \(error)")
    exit(1)
}

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

if let jsonPath {
    var out = "[\n"
    for (i, r) in results.enumerated() {
        out += "  {\"scenario\": \"\(r.name)\", \"subject_ns\": \(r.subject.median), \"subject_p90_ns\": \(r.subject.p90), "
        out += "\"baseline_ns\": \(r.baseline.median), \"ratio\": \(r.ratio)"
        if let t = r.targetNanos { out += ", \"target_ns\": \(t)" }
        out += "}" + (i + 1 < results.count ? ",\n" : "\n")
    }
    out += "]\n"
    guard let f = fopen(jsonPath, "w") else {
        printError("error: cannot write \(jsonPath)")
        exit(1)
    }
    fputs(out, f)
    fclose(f)
}
