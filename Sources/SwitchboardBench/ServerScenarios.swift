import Switchboard
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GraphQL

/// The server scenarios of issues 4 and 6: each workload driven by LoadGenerator against
/// Switchboard (release build, a real SQLite store on disk, `--secret` set, posts carrying a
/// publisher token) and against BaselineServer (bare libwebsockets, no GraphQL, no store) in the
/// same invocation, each run on a freshly started server process, repeated and reported by the
/// median. LoadGenerator verifies every delivery; a run that is wrong or incomplete fails its
/// scenario, whatever its speed. Running them: `ServerRunner.swift`; judging: `ServerReport.swift`.
enum ServerScenarios {
    /// What a scenario's figure is, and the targets it is judged by.
    enum Metric {
        /// Deliveries per second; targets are ratios to the baseline (issue 4, issue 6).
        case deliveries(issue4Ratio: Double, issue6Ratio: Double)
        /// Publish-to-delivery latency of one subscriber: p99 under `p99Micros` (issue 4),
        /// p50 ≤ `issue6P50Micros` and p99 ≤ `p99Micros` (issue 6).
        case latency(p99Micros: Double, issue6P50Micros: Double)
        /// Latency over many subscribers: p99 at most the baseline's (issue 6 only).
        case latencyVersusBaseline
        /// Server memory per idle subscribed connection, store growth included for Switchboard.
        case idleBytes(limit: Double)
        /// Operations per second with an absolute floor (churn, connect, mutations): issue 6's targets.
        case rate(key: String, unit: String, floor: Double)
    }

    struct Scenario {
        let name: String
        let summary: String
        /// LoadGenerator's scenario word and sizing flags.
        let load: String
        let arguments: [String]
        let metric: Metric
        /// Hard bound on LoadGenerator's whole run (it exits 3 past it; we kill it a bit later).
        let timeout: Double
        /// Runs per server when `--repeats` is not given (3: the median of three tames a shared
        /// machine's noise, and all nine scenarios still fit `make bench`'s 15 minutes).
        let defaultRepeats: Int
        /// Extra `switchboard serve` flags: a workload that is a throughput test by design
        /// lifts the per-connection limit it would otherwise trip (as an operator would).
        var switchboardFlags: [String] = []
    }

    /// The scenarios in issue 6's order (the brief's numbering 1–9), all at the issue's sizes;
    /// `idleConnections` (19,900 by default, about 10 s a run) can be lowered for a quick look.
    static func scenarios(idleConnections idle: Int = 19_900) -> [Scenario] {
        let deliveries = Metric.deliveries(issue4Ratio: 0.8, issue6Ratio: 1.0)
        return [
            Scenario(name: "fanout-1k", summary: "one chat, 1,000 subscribers, 200 posts as fast as possible",
                     load: "fanout", arguments: ["--subscribers", "1000", "--posts", "200"],
                     metric: deliveries, timeout: 120, defaultRepeats: 3),
            Scenario(name: "fanout-10k", summary: "one chat, 10,000 subscribers, 50 posts as fast as possible",
                     load: "fanout", arguments: ["--subscribers", "10000", "--posts", "50"],
                     metric: deliveries, timeout: 180, defaultRepeats: 3),
            Scenario(name: "chats", summary: "100 chats × 100 subscribers, 2,000 posts from 4 keep-alive HTTP publishers",
                     load: "chats", arguments: ["--chats", "100", "--per-chat", "100", "--posts", "2000", "--publishers", "4"],
                     metric: .deliveries(issue4Ratio: 0.8, issue6Ratio: 2.0), timeout: 180, defaultRepeats: 3),
            Scenario(name: "idle", summary: "\(grouped(idle)) idle subscribed connections over 100 chats",
                     load: "idle", arguments: ["--connections", "\(idle)", "--chats", "100", "--settle", "2"],
                     metric: .idleBytes(limit: 8 * 1024), timeout: 240, defaultRepeats: 3),
            Scenario(name: "churn", summary: "subscribe + complete cycles over 100 connections, 1,000 each",
                     load: "churn", arguments: ["--connections", "100", "--cycles", "1000"],
                     metric: .rate(key: "cycles_per_sec", unit: "cycles/s", floor: 30_000), timeout: 120, defaultRepeats: 3,
                     // Each connection sends ~2,000 messages a second, 20× serve's default rate limit.
                     switchboardFlags: ["--max-messages-per-second", "0"]),
            Scenario(name: "connect", summary: "connect + init + ack + close, 50 workers for 5 s",
                     load: "connect", arguments: ["--workers", "50", "--seconds", "5"],
                     metric: .rate(key: "connects_per_sec", unit: "connects/s", floor: 10_000), timeout: 60, defaultRepeats: 3),
            Scenario(name: "latency", summary: "one subscriber, 100 posts/s, 1,000 posts",
                     load: "latency", arguments: ["--subscribers", "1", "--rate", "100", "--posts", "1000"],
                     metric: .latency(p99Micros: 1000, issue6P50Micros: 300), timeout: 60, defaultRepeats: 3),
            Scenario(name: "latency-10k", summary: "one chat, 10,000 subscribers, 4 posts/s, 40 posts",
                     load: "latency", arguments: ["--subscribers", "10000", "--rate", "4", "--posts", "40"],
                     metric: .latencyVersusBaseline, timeout: 180, defaultRepeats: 3),
            Scenario(name: "mutations", summary: "postMessage over HTTP, no subscribers, 16 keep-alive connections, 40,000 posts",
                     load: "mutations", arguments: ["--publishers", "16", "--posts", "40000"],
                     metric: .rate(key: "mutations_per_sec", unit: "mutations/s", floor: 20_000), timeout: 90, defaultRepeats: 3),
        ]
    }

    /// The scenarios a filter names: `server` (or a prefix of it) all of them; `NAME` or
    /// `server.NAME` exactly that one (`latency` is not `latency-10k`); otherwise every name
    /// starting with it (`fanout` both fan-outs).
    static func select(_ all: [Scenario], filters: [String]) -> [Scenario] {
        if filters.isEmpty { return all }
        return all.filter { s in
            filters.contains { f in
                let g = f.hasPrefix("server.") ? String(f.dropFirst("server.".count)) : f
                if "server".hasPrefix(f) || g.isEmpty { return true }
                if all.contains(where: { $0.name == g }) { return s.name == g }
                return s.name.hasPrefix(g)
            }
        }
    }

    /// One server's run of one scenario.
    struct Run {
        let server: Server
        /// LoadGenerator's JSON line, when it printed one.
        let report: JSON?
        let exitCode: Int32?
        /// Why the run does not count, or nil when it verified.
        let failure: String?
        /// Whole life of the server process up to SIGTERM (setup and warm-up included).
        let serverCPUSeconds: Double
        /// Peak resident set of the server process (VmHWM) just before it was stopped.
        let serverMaxRSSKiB: Int
        let wallSeconds: Double

        func number(_ key: String) -> Double? { report?[key].flatMap(ServerScenarios.number) }
        func latency(_ key: String) -> Double? { report?["latency_us"]?[key].flatMap(ServerScenarios.number) }
        /// CPU seconds of the measured phase (utime + stime from /proc/PID/stat before and after),
        /// as LoadGenerator read them.
        var measuredCPUSeconds: Double? { number("server_cpu_seconds") }
    }

    enum Server: String {
        case switchboard = "Switchboard"
        case baseline = "baseline"
    }

    /// Every run of one scenario, on both servers.
    struct Result {
        let scenario: Scenario
        let switchboard: [Run]
        let baseline: [Run]
        /// A scenario fails when any run of it failed: a wrong delivery is a bug, not noise.
        var failed: Bool { (switchboard + baseline).contains { $0.failure != nil } }
        func runs(_ server: Server) -> [Run] { server == .switchboard ? switchboard : baseline }
    }

    static func number(_ value: JSON) -> Double? {
        switch value {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
}

/// The median of the values present (the lower middle for an even count), nil when none is.
func medianOf(_ values: [Double?]) -> Double? {
    let present = values.compactMap { $0 }.sorted()
    return present.isEmpty ? nil : present[(present.count - 1) / 2]
}
