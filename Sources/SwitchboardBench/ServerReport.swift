import Switchboard
import GraphQL

/// How the server scenarios are judged and shown: one row per scenario with the median of
/// Switchboard's runs, the median of the baseline's, their ratio (Switchboard ÷ baseline), the
/// target the issue-4 note reports (issue 6's where issue 4 sets none) and issue 6's target.
struct ServerRow {
    let result: ServerScenarios.Result
    /// Median headline figure of each side (nil when a run failed or lacks the key).
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

    /// A run's headline figure: what the scenario is judged by.
    static func headline(_ run: ServerScenarios.Run, metric: ServerScenarios.Metric) -> Double? {
        switch metric {
        case .deliveries: return run.number("deliveries_per_sec")
        case .latency, .latencyVersusBaseline: return run.latency("p99")
        case .idleBytes:
            return run.number("bytes_per_connection_with_store") ?? run.number("bytes_per_connection")
        case .rate(let key, _, _): return run.number(key)
        }
    }

    /// The median over a side's runs of one figure; nil when any of its runs failed.
    func median(_ server: ServerScenarios.Server, _ figure: (ServerScenarios.Run) -> Double?) -> Double? {
        let runs = result.runs(server)
        if runs.isEmpty || runs.contains(where: { $0.failure != nil }) { return nil }
        return medianOf(runs.map(figure))
    }

    /// (max − min) ÷ median of the headline over a side's runs, nil for a single run.
    func spread(_ server: ServerScenarios.Server) -> Double? {
        let values = result.runs(server).compactMap { Self.headline($0, metric: result.scenario.metric) }
        guard values.count > 1, let m = medianOf(values), m > 0,
              let lo = values.min(), let hi = values.max() else { return nil }
        return (hi - lo) / m
    }

    init(_ result: ServerScenarios.Result) {
        self.result = result
        let metric = result.scenario.metric
        func side(_ server: ServerScenarios.Server) -> Double? {
            let runs = result.runs(server)
            if runs.isEmpty || runs.contains(where: { $0.failure != nil }) { return nil }
            return medianOf(runs.map { Self.headline($0, metric: metric) })
        }
        let s = side(.switchboard), b = side(.baseline)
        switchboardValue = s
        baselineValue = b
        let ratio = s.flatMap { s in b.flatMap { $0 > 0 ? s / $0 : nil } }
        switch metric {
        case .deliveries(let r4, let r6):
            metricName = "deliveries/s (higher is better)"
            target = "≥ \(format2(r4))× baseline"
            met = ratio.map { $0 >= r4 }
            issue6Target = "≥ \(format2(r6))× baseline"
            issue6Met = ratio.map { $0 >= r6 }
        case .latency(let p99, let p50):
            metricName = "publish→delivery latency, p99 (lower is better)"
            target = "p99 < \(formatMicros(p99))"
            met = s.map { $0 < p99 }
            issue6Target = "p50 ≤ \(formatMicros(p50)), p99 ≤ \(formatMicros(p99))"
            let sbP50 = result.switchboard.contains { $0.failure != nil }
                ? nil : medianOf(result.switchboard.map { $0.latency("p50") })
            issue6Met = s.flatMap { s in sbP50.map { $0 <= p50 && s <= p99 } }
        case .latencyVersusBaseline:
            metricName = "publish→delivery latency, p99 (lower is better)"
            target = "—"
            met = nil
            issue6Target = "p99 ≤ baseline's"
            issue6Met = ratio.map { $0 <= 1 }
        case .idleBytes(let limit):
            metricName = "bytes per idle connection (lower is better)"
            target = "≤ \(formatBytes(limit)) (issue 6)"
            met = s.map { $0 <= limit }
            issue6Target = "≤ \(formatBytes(limit)), store rows included"
            issue6Met = met
        case .rate(_, let unit, let floor):
            metricName = "\(unit) (higher is better)"
            target = "≥ \(grouped(Int(floor)))/s (issue 6)"
            met = s.map { $0 >= floor }
            issue6Target = "≥ \(grouped(Int(floor)))/s with the store"
            issue6Met = met
        }
    }

    /// A side's figure as a table cell.
    func cell(_ server: ServerScenarios.Server, value: Double?) -> String {
        let runs = result.runs(server)
        let failures = runs.filter { $0.failure != nil }.count
        if failures > 0 { return "**FAILED** (\(failures) of \(runs.count) runs)" }
        guard let value else { return "?" }
        switch result.scenario.metric {
        case .deliveries, .rate:
            return grouped(Int(value.rounded())) + "/s"
        case .latency, .latencyVersusBaseline:
            let p50 = median(server) { $0.latency("p50") }.map(formatMicros) ?? "?"
            let max = median(server) { $0.latency("max") }.map(formatMicros) ?? "?"
            return "p50 \(p50) · p99 \(formatMicros(value)) · max \(max)"
        case .idleBytes:
            if server == .switchboard, let rss = median(server, { $0.number("bytes_per_connection") }),
               let store = median(server, Self.storeBytesPerConnection) {
                return "\(formatBytes(value)) (RSS \(formatBytes(rss)) + store \(formatBytes(store)))"
            }
            return formatBytes(value)
        }
    }

    /// The store file's growth (with its WAL) per subscribed connection during an idle run.
    static func storeBytesPerConnection(_ run: ServerScenarios.Run) -> Double? {
        guard let before = run.number("store_bytes_before"), let after = run.number("store_bytes_after"),
              let n = run.number("subscribed"), n > 0 else { return nil }
        return (after - before) / n
    }

    static func yesNo(_ met: Bool?, failed: Bool) -> String {
        if failed { return "NO (run failed)" }
        return met.map { $0 ? "yes" : "NO" } ?? "—"
    }

    static func spreadText(_ s: Double?) -> String { s.map { "±" + format2($0 * 50) + " %" } ?? "1 run" }

    var markdownRow: String {
        let name = "server.\(result.scenario.name)"
        let ratioText = ratio.map { format2($0) + "×" } ?? "—"
        let runs = "\(result.switchboard.count) · \(Self.spreadText(spread(.switchboard))) / \(Self.spreadText(spread(.baseline)))"
        return "| \(name) | \(metricName) | \(cell(.switchboard, value: switchboardValue)) | "
            + "\(cell(.baseline, value: baselineValue)) | \(ratioText) | \(target) | "
            + "\(Self.yesNo(met, failed: result.failed)) | \(issue6Target) | \(Self.yesNo(issue6Met, failed: result.failed)) | \(runs) |"
    }

    /// The two Markdown tables: figures and verdicts, then the servers' CPU and memory.
    static func markdown(_ rows: [ServerRow]) -> [String] {
        var lines = [
            "| scenario | figure | Switchboard (median) | baseline (median) | ratio (S ÷ B) | target | met | issue 6 target | met (6) | runs · spread S / B |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        lines += rows.map(\.markdownRow)
        lines += [
            "",
            "| scenario | server | server CPU s (measured phase) | server CPU s (whole process) | server peak RSS (VmHWM) | wall s per run |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for row in rows {
            for server in [ServerScenarios.Server.switchboard, .baseline] {
                let measured = row.median(server) { $0.measuredCPUSeconds }.map(format2) ?? "—"
                let total = row.median(server) { $0.serverCPUSeconds >= 0 ? $0.serverCPUSeconds : nil }.map(format2) ?? "?"
                let rss = row.median(server) { $0.serverMaxRSSKiB >= 0 ? Double($0.serverMaxRSSKiB) * 1024 : nil }.map(formatBytes) ?? "?"
                let wall = row.median(server) { $0.wallSeconds }.map(format2) ?? "?"
                lines.append("| server.\(row.result.scenario.name) | \(server.rawValue) | \(measured) | \(total) | \(rss) | \(wall) |")
            }
        }
        return lines
    }

    /// One JSON object per scenario: the verdicts, the medians, and every run's LoadGenerator
    /// report verbatim.
    var json: JSON {
        func side(_ server: ServerScenarios.Server, _ value: Double?) -> JSON {
            var o = JSONObject()
            o.append("value", value.map(JSON.double) ?? .null)
            for p in ["p50", "p90", "p99", "max"] {
                if let v = median(server, { $0.latency(p) }) { o.append("latency_\(p)_us", .double(v)) }
            }
            o.append("server_cpu_seconds_measured", median(server) { $0.measuredCPUSeconds }.map(JSON.double) ?? .null)
            o.append("server_cpu_seconds_total", median(server) { $0.serverCPUSeconds >= 0 ? $0.serverCPUSeconds : nil }.map(JSON.double) ?? .null)
            o.append("server_peak_rss_kb", median(server) { $0.serverMaxRSSKiB >= 0 ? Double($0.serverMaxRSSKiB) : nil }.map(JSON.double) ?? .null)
            o.append("spread", spread(server).map(JSON.double) ?? .null)
            o.append("runs", .array(result.runs(server).map { run in
                var r = JSONObject()
                r.append("value", Self.headline(run, metric: result.scenario.metric).map(JSON.double) ?? .null)
                r.append("failure", run.failure.map(JSON.string) ?? .null)
                r.append("server_cpu_seconds_total", .double(run.serverCPUSeconds))
                r.append("server_max_rss_kb", .int(run.serverMaxRSSKiB))
                r.append("wall_seconds", .double(run.wallSeconds))
                r.append("load_generator_exit", run.exitCode.map { .int(Int($0)) } ?? .null)
                r.append("load_generator", run.report ?? .null)
                return .object(r)
            }))
            return .object(o)
        }
        var o = JSONObject()
        o.append("scenario", .string("server.\(result.scenario.name)"))
        o.append("summary", .string(result.scenario.summary))
        o.append("figure", .string(metricName))
        o.append("switchboard", side(.switchboard, switchboardValue))
        o.append("baseline", side(.baseline, baselineValue))
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
