import Switchboard
import GraphQL

/// How the server scenarios are judged and shown: one row per scenario with Switchboard's
/// figure, the baseline's, their ratio (Switchboard ÷ baseline, whichever way is better), the
/// target the issue-4 note reports (issue 6's where issue 4 sets none) and issue 6's target.
struct ServerRow {
    let result: ServerScenarios.Result
    /// Headline figure of each side (nil when that run failed or lacks the key).
    let switchboardValue: Double?
    let baselineValue: Double?
    let metricName: String
    let target: String
    let met: Bool?
    let issue6Target: String
    let issue6Met: Bool?

    var ratio: Double? {
        guard let s = switchboardValue, let b = baselineValue, b > 0 else { return nil }
        return s / b
    }

    init(_ result: ServerScenarios.Result) {
        self.result = result
        let sb = result.switchboard.failure == nil ? result.switchboard : nil
        let base = result.baseline.failure == nil ? result.baseline : nil
        switch result.scenario.metric {
        case .deliveries(let r4, let r6):
            metricName = "deliveries/s (higher is better)"
            switchboardValue = sb?.number("deliveries_per_sec")
            baselineValue = base?.number("deliveries_per_sec")
            let s = sb?.number("deliveries_per_sec"), b = base?.number("deliveries_per_sec")
            let ratio = s.flatMap { s in b.map { s / $0 } }
            target = "≥ \(format2(r4))× baseline"
            met = ratio.map { $0 >= r4 }
            issue6Target = "≥ \(format2(r6))× baseline"
            issue6Met = ratio.map { $0 >= r6 }
        case .latency(let p99, let p50):
            metricName = "publish→delivery latency, p99 (lower is better)"
            switchboardValue = sb?.latency("p99")
            baselineValue = base?.latency("p99")
            target = "p99 < \(formatMicros(p99))"
            met = sb?.latency("p99").map { $0 < p99 }
            issue6Target = "p50 ≤ \(formatMicros(p50)), p99 ≤ \(formatMicros(p99))"
            let s = sb?.latency("p99"), p50Value = sb?.latency("p50")
            issue6Met = s.flatMap { s in p50Value.map { $0 <= p50 && s <= p99 } }
        case .latencyVersusBaseline:
            metricName = "publish→delivery latency, p99 (lower is better)"
            switchboardValue = sb?.latency("p99")
            baselineValue = base?.latency("p99")
            target = "—"
            met = nil
            issue6Target = "p99 ≤ baseline's"
            let s = sb?.latency("p99"), b = base?.latency("p99")
            issue6Met = s.flatMap { s in b.map { s <= $0 } }
        case .idleBytes(let limit):
            metricName = "bytes per idle connection (lower is better)"
            switchboardValue = sb.flatMap { $0.number("bytes_per_connection_with_store") ?? $0.number("bytes_per_connection") }
            baselineValue = base?.number("bytes_per_connection")
            target = "≤ \(formatBytes(limit)) (issue 6)"
            met = (sb.flatMap { $0.number("bytes_per_connection_with_store") ?? $0.number("bytes_per_connection") }).map { $0 <= limit }
            issue6Target = "≤ \(formatBytes(limit)), store rows included"
            issue6Met = met
        case .rate(let key, let unit, let floor):
            metricName = "\(unit) (higher is better)"
            switchboardValue = sb?.number(key)
            baselineValue = base?.number(key)
            target = "≥ \(grouped(Int(floor)))/s (issue 6)"
            met = sb?.number(key).map { $0 >= floor }
            issue6Target = "≥ \(grouped(Int(floor)))/s with the store"
            issue6Met = met
        }
    }

    /// A run's figure as a table cell.
    func cell(_ run: ServerScenarios.Run, value: Double?) -> String {
        if run.failure != nil { return "**FAILED**" }
        guard let value else { return "?" }
        switch result.scenario.metric {
        case .deliveries, .rate:
            return grouped(Int(value.rounded())) + "/s"
        case .latency, .latencyVersusBaseline:
            let p50 = run.latency("p50").map(formatMicros) ?? "?"
            let max = run.latency("max").map(formatMicros) ?? "?"
            return "p50 \(p50) · p99 \(formatMicros(value)) · max \(max)"
        case .idleBytes:
            if run.server == .switchboard, let rss = run.number("bytes_per_connection"),
               let before = run.number("store_bytes_before"), let after = run.number("store_bytes_after"),
               let n = run.number("subscribed"), n > 0 {
                return "\(formatBytes(value)) (RSS \(formatBytes(rss)) + store \(formatBytes((after - before) / n)))"
            }
            return formatBytes(value)
        }
    }

    static func yesNo(_ met: Bool?, failed: Bool) -> String {
        if failed { return "NO (run failed)" }
        return met.map { $0 ? "yes" : "NO" } ?? "—"
    }

    var markdownRow: String {
        let name = "server.\(result.scenario.name)"
        let ratioText = ratio.map { format2($0) + "×" } ?? "—"
        return "| \(name) | \(metricName) | \(cell(result.switchboard, value: switchboardValue)) | "
            + "\(cell(result.baseline, value: baselineValue)) | \(ratioText) | \(target) | "
            + "\(Self.yesNo(met, failed: result.failed)) | \(issue6Target) | \(Self.yesNo(issue6Met, failed: result.failed)) |"
    }

    static func printMarkdown(_ rows: [ServerRow]) {
        print("| scenario | figure | Switchboard | baseline | ratio (S ÷ B) | target | met | issue 6 target | met (6) |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for row in rows { print(row.markdownRow) }
        print("")
        print("| scenario | server | server CPU s (measured phase) | server CPU s (whole process) | server max RSS | wall s |")
        print("| --- | --- | --- | --- | --- | --- |")
        for row in rows {
            for run in [row.result.switchboard, row.result.baseline] {
                let measured = run.measuredCPUSeconds.map(format2) ?? "—"
                let total = run.serverCPUSeconds >= 0 ? format2(run.serverCPUSeconds) : "?"
                let rss = run.serverMaxRSSKiB >= 0 ? formatBytes(Double(run.serverMaxRSSKiB) * 1024) : "?"
                print("| server.\(row.result.scenario.name) | \(run.server.rawValue) | \(measured) | \(total) | \(rss) | \(format2(run.wallSeconds)) |")
            }
        }
    }

    /// One JSON object per scenario: the verdicts plus both LoadGenerator reports verbatim.
    var json: JSON {
        func side(_ run: ServerScenarios.Run, _ value: Double?) -> JSON {
            var o = JSONObject()
            o.append("value", value.map(JSON.double) ?? .null)
            o.append("failure", run.failure.map(JSON.string) ?? .null)
            o.append("server_cpu_seconds_total", .double(run.serverCPUSeconds))
            o.append("server_max_rss_kb", .int(run.serverMaxRSSKiB))
            o.append("wall_seconds", .double(run.wallSeconds))
            o.append("load_generator_exit", run.exitCode.map { .int(Int($0)) } ?? .null)
            o.append("load_generator", run.report ?? .null)
            return .object(o)
        }
        var o = JSONObject()
        o.append("scenario", .string("server.\(result.scenario.name)"))
        o.append("summary", .string(result.scenario.summary))
        o.append("figure", .string(metricName))
        o.append("switchboard", side(result.switchboard, switchboardValue))
        o.append("baseline", side(result.baseline, baselineValue))
        o.append("ratio", ratio.map(JSON.double) ?? .null)
        o.append("target", .string(target))
        o.append("met", result.failed ? .bool(false) : met.map(JSON.bool) ?? .null)
        o.append("issue6_target", .string(issue6Target))
        o.append("issue6_met", result.failed ? .bool(false) : issue6Met.map(JSON.bool) ?? .null)
        return .object(o)
    }
}

func formatMicros(_ us: Double) -> String {
    us >= 1000 ? format2(us / 1000) + " ms" : "\(Int(us.rounded())) µs"
}

func formatBytes(_ bytes: Double) -> String {
    if bytes >= 1024 * 1024 { return format2(bytes / (1024 * 1024)) + " MiB" }
    if bytes >= 1024 { return format2(bytes / 1024) + " KiB" }
    return "\(Int(bytes.rounded())) B"
}
