import Switchboard
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GraphQL

/// The server scenarios of issues 4 and 6: each workload driven by LoadGenerator against
/// Switchboard (release build, a real SQLite store on disk) and against BaselineServer (bare
/// libwebsockets, no GraphQL, no store) in the same invocation, each run on a freshly started
/// server process. LoadGenerator verifies every delivery; a run that is wrong or incomplete
/// fails its scenario, whatever its speed.
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
        /// Operations per second with an absolute floor (churn, connect): issue 6's targets.
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
    }

    /// The scenarios in the order they run: issue 4's first, then the rest of issue 6's table.
    /// Every scenario runs at the issues' sizes except `idle`: 5,000 connections by default,
    /// issue 6's 19,900 with `full` (its setup alone takes a while, twice). The default set
    /// takes about 2½ minutes here.
    static func scenarios(full: Bool) -> [Scenario] {
        let deliveries = Metric.deliveries(issue4Ratio: 0.8, issue6Ratio: 1.0)
        let idle = full ? 19_900 : 5_000
        return [
            Scenario(name: "fanout-10k", summary: "one chat, 10,000 subscribers, 50 posts as fast as possible",
                     load: "fanout", arguments: ["--subscribers", "10000", "--posts", "50"],
                     metric: deliveries, timeout: 180),
            Scenario(name: "chats", summary: "100 chats × 100 subscribers, 2,000 posts from 4 keep-alive HTTP publishers",
                     load: "chats", arguments: ["--chats", "100", "--per-chat", "100", "--posts", "2000", "--publishers", "4"],
                     metric: .deliveries(issue4Ratio: 0.8, issue6Ratio: 2.0), timeout: 180),
            Scenario(name: "latency", summary: "one subscriber, 100 posts/s, 1,000 posts",
                     load: "latency", arguments: ["--subscribers", "1", "--rate", "100", "--posts", "1000"],
                     metric: .latency(p99Micros: 1000, issue6P50Micros: 300), timeout: 60),
            Scenario(name: "fanout-1k", summary: "one chat, 1,000 subscribers, 200 posts as fast as possible",
                     load: "fanout", arguments: ["--subscribers", "1000", "--posts", "200"],
                     metric: deliveries, timeout: 120),
            Scenario(name: "latency-10k", summary: "one chat, 10,000 subscribers, 4 posts/s, 40 posts",
                     load: "latency", arguments: ["--subscribers", "10000", "--rate", "4", "--posts", "40"],
                     metric: .latencyVersusBaseline, timeout: 180),
            Scenario(name: "idle", summary: "\(grouped(idle)) idle subscribed connections over 100 chats",
                     load: "idle", arguments: ["--connections", "\(idle)", "--chats", "100", "--settle", "2"],
                     metric: .idleBytes(limit: 8 * 1024), timeout: 240),
            Scenario(name: "churn", summary: "subscribe + complete cycles over 100 connections, 1,000 each",
                     load: "churn", arguments: ["--connections", "100", "--cycles", "1000"],
                     metric: .rate(key: "cycles_per_sec", unit: "cycles/s", floor: 30_000), timeout: 120),
            Scenario(name: "connect", summary: "connect + init + ack + close, 50 workers for 10 s",
                     load: "connect", arguments: ["--workers", "50", "--seconds", "10"],
                     metric: .rate(key: "connects_per_sec", unit: "connects/s", floor: 10_000), timeout: 60),
        ]
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
        let serverMaxRSSKiB: Int
        let wallSeconds: Double

        func number(_ key: String) -> Double? { report?[key].flatMap(ServerScenarios.number) }
        func latency(_ key: String) -> Double? { report?["latency_us"]?[key].flatMap(ServerScenarios.number) }
        /// CPU seconds of the measured phase, as LoadGenerator read them.
        var measuredCPUSeconds: Double? { number("server_cpu_seconds") }
    }

    enum Server: String {
        case switchboard = "Switchboard"
        case baseline = "baseline"
    }

    struct Result {
        let scenario: Scenario
        let switchboard: Run
        let baseline: Run
        var failed: Bool { switchboard.failure != nil || baseline.failure != nil }
    }

    struct Binaries {
        let switchboard: String
        let baseline: String
        let loadGenerator: String

        /// Sibling products of this executable in the same build directory.
        static func next(to directory: String) throws -> Binaries {
            let b = Binaries(switchboard: directory + "/switchboard", baseline: directory + "/BaselineServer",
                             loadGenerator: directory + "/LoadGenerator")
            for path in [b.switchboard, b.baseline, b.loadGenerator] where access(path, X_OK) != 0 {
                throw BenchError("\(path) is missing: build every product first (swift build -c release)")
            }
            return b
        }
    }

    /// Runs the scenarios whose name matches a filter (all when `filters` is empty), each
    /// against both servers, printing progress on standard error.
    static func run(filters: [String], full: Bool) throws -> [Result] {
        let binaries = try Binaries.next(to: try executableDirectory())
        let chosen = select(scenarios(full: full), filters: filters)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        LiveChildren.installSignalHandlers()
        var results: [Result] = []
        for scenario in chosen {
            printError("== server.\(scenario.name): \(scenario.summary)")
            let scratch = directory.file(scenario.name)
            mkdir(scratch, 0o755)
            let baseline = runOnce(scenario, server: .baseline, binaries: binaries, scratch: scratch)
            let switchboard = runOnce(scenario, server: .switchboard, binaries: binaries, scratch: scratch)
            for run in [baseline, switchboard] {
                if let failure = run.failure {
                    printError("** server.\(scenario.name) against \(run.server.rawValue) FAILED: \(failure)")
                }
            }
            results.append(Result(scenario: scenario, switchboard: switchboard, baseline: baseline))
        }
        return results
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

    /// Starts a fresh server, drives it with LoadGenerator, reads its figures and stops it.
    static func runOnce(_ scenario: Scenario, server: Server, binaries: Binaries, scratch: String) -> Run {
        let started = nowNanoseconds()
        let prefix = scratch + "/" + server.rawValue
        let serverLog = prefix + "-server.log"
        let storePath = scratch + "/store.sqlite"
        func failed(_ why: String, report: JSON? = nil, exitCode: Int32? = nil, figures: ProcessFigures? = nil) -> Run {
            Run(server: server, report: report, exitCode: exitCode, failure: why,
                serverCPUSeconds: figures?.cpuSeconds ?? -1, serverMaxRSSKiB: figures?.maxRSSKiB ?? -1,
                wallSeconds: Double(nowNanoseconds() - started) / 1e9)
        }

        // Switchboard picks its own port (--port 0) and names it in its banner; the baseline
        // prints whatever port it was given, so it gets one that was free a moment ago.
        let process: ChildProcess
        do {
            switch server {
            case .switchboard:
                process = try ChildProcess(binaries.switchboard,
                                           ["serve", "--host", "127.0.0.1", "--port", "0", "--db", storePath],
                                           stderrPath: serverLog)
            case .baseline:
                process = try ChildProcess(binaries.baseline,
                                           ["--host", "127.0.0.1", "--port", "\(try freeLoopbackPort())"],
                                           stderrPath: serverLog)
            }
        } catch {
            return failed("\(error)")
        }
        defer { stop(process, log: serverLog) }

        guard let target = waitForBanner(process, log: serverLog, seconds: 20) else {
            let log = readTextFile(serverLog) ?? ""
            return failed("\(server.rawValue) did not print `listening on ws://…/graphql` within 20 s; its log: \(log.suffix(2000))")
        }
        printError("   \(server.rawValue) (pid \(process.pid)) listening on \(target)")

        var arguments = [scenario.load, "--target", target, "--server-pid", "\(process.pid)",
                         "--timeout", "\(Int(scenario.timeout))"] + scenario.arguments
        if server == .switchboard, case .idleBytes = scenario.metric {
            arguments += ["--store-path", storePath]
        }
        let reportPath = prefix + "-load.json"
        let exitCode: Int32?
        do {
            // LoadGenerator's human line goes straight to our standard error: it is the progress.
            let load = try ChildProcess(binaries.loadGenerator, arguments, stdoutPath: reportPath)
            exitCode = load.wait(seconds: scenario.timeout + 15)
        } catch {
            return failed("\(error)")
        }
        let figures = ProcessFigures.read(process.pid)
        let text = readTextFile(reportPath) ?? ""
        let line = text.split(separator: "\n").last.map(String.init) ?? ""
        let report = try? JSON.parse(line)

        if process.hasExited {
            return failed("\(server.rawValue) exited (status \(process.exitStatus ?? -1)) during the run; "
                          + "its log: \((readTextFile(serverLog) ?? "").suffix(2000))",
                          report: report, exitCode: exitCode, figures: figures)
        }
        guard let exitCode else {
            return failed("LoadGenerator did not finish within \(Int(scenario.timeout + 15)) s and was killed",
                          report: report, figures: figures)
        }
        guard let report else {
            return failed("LoadGenerator exited \(exitCode) without a JSON line (stdout: \(text.prefix(500)))",
                          exitCode: exitCode, figures: figures)
        }
        if let problem = verificationProblem(report, exitCode: exitCode, scenario: scenario) {
            return failed(problem, report: report, exitCode: exitCode, figures: figures)
        }
        return Run(server: server, report: report, exitCode: exitCode, failure: nil,
                   serverCPUSeconds: figures?.cpuSeconds ?? -1, serverMaxRSSKiB: figures?.maxRSSKiB ?? -1,
                   wallSeconds: Double(nowNanoseconds() - started) / 1e9)
    }

    /// Why a LoadGenerator report must not count: a non-zero exit, `ok` false, or any delivery
    /// missing, duplicated or misrouted (checked here too, not only trusted from `ok`).
    static func verificationProblem(_ report: JSON, exitCode: Int32, scenario: Scenario) -> String? {
        var problems: [String] = []
        switch exitCode {
        case 0: break
        case 1: problems.append("LoadGenerator exit 1 (deliveries wrong or missing)")
        case 2: problems.append("LoadGenerator exit 2 (usage or setup error)")
        case 3: problems.append("LoadGenerator exit 3 (hard timeout)")
        default: problems.append("LoadGenerator exit \(exitCode)")
        }
        if report["ok"] != .bool(true) { problems.append("ok is not true") }
        for key in ["missing", "duplicates", "misrouted", "unexpected_messages", "http_failed",
                    "final_duplicates", "connection_failures", "closed_unexpectedly", "error_messages", "wrong_id"] {
            if let n = report[key].flatMap(number), n != 0 { problems.append("\(key) \(Int(n))") }
        }
        if let expected = report["final_expected"].flatMap(number),
           let received = report["final_received"].flatMap(number), expected != received {
            problems.append("final post reached \(Int(received))/\(Int(expected))")
        }
        if let connections = report["connections"].flatMap(number),
           let subscribed = report["subscribed"].flatMap(number), connections != subscribed {
            problems.append("only \(Int(subscribed))/\(Int(connections)) connections subscribed")
        }
        if report["timed_out"] == .bool(true) { problems.append("measured phase timed out") }
        if let error = report["error"]?.stringValue { problems.append(error) }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    /// Polls the server's log for its `listening on ws://…/graphql` line and returns the URL.
    static func waitForBanner(_ process: ChildProcess, log: String, seconds: Double) -> String? {
        let deadline = nowNanoseconds() + UInt64(seconds * 1e9)
        while nowNanoseconds() < deadline {
            if let text = readTextFile(log) {
                for line in text.split(separator: "\n") {
                    guard let start = line.range(of: "listening on ws://") else { continue }
                    let url = line[line.index(start.lowerBound, offsetBy: "listening on ".count)...]
                    return String(url.split(separator: " ").first ?? url)
                }
            }
            if process.hasExited { return nil }
            usleep(20_000)
        }
        return nil
    }

    /// SIGTERM, then up to 15 s for a clean exit (Switchboard closes every socket with 1001
    /// and removes its rows), then SIGKILL.
    static func stop(_ process: ChildProcess, log: String) {
        guard !process.hasExited else { return }
        process.signal(SIGTERM)
        let status = process.wait(seconds: 15)
        if status == nil {
            printError("warning: \(process.executable) ignored SIGTERM for 15 s and was killed")
        } else if let status, status != 0 {
            printError("warning: \(process.executable) exited \(status) after SIGTERM; its log: \((readTextFile(log) ?? "").suffix(1000))")
        }
    }

    static func number(_ value: JSON) -> Double? {
        switch value {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
}
