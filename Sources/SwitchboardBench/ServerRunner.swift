import Switchboard
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GraphQL

/// How the server scenarios are run: per repeat, a fresh baseline then a fresh Switchboard (on a
/// fresh store), so both see the same moment of a shared machine's load as nearly as possible.
extension ServerScenarios {
    struct Binaries {
        let switchboard: String
        let baseline: String
        let loadGenerator: String

        /// Sibling products of this executable in the same build directory; `switchboard`
        /// replaces the server under test (another branch's build, say).
        static func next(to directory: String, switchboard: String? = nil) throws -> Binaries {
            let b = Binaries(switchboard: switchboard ?? directory + "/switchboard", baseline: directory + "/BaselineServer",
                             loadGenerator: directory + "/LoadGenerator")
            for path in [b.switchboard, b.baseline, b.loadGenerator] where access(path, X_OK) != 0 {
                throw BenchError("\(path) is missing: build every product first (swift build -c release)")
            }
            return b
        }
    }

    /// What every run of this invocation shares.
    struct Setup {
        let binaries: Binaries
        let identity: BenchIdentity
        /// Runs per server for every scenario; nil: each scenario's default.
        let repeats: Int?
    }

    /// Runs the scenarios whose name matches a filter (all when `filters` is empty), each
    /// against both servers, printing progress on standard error.
    static func run(filters: [String], idleConnections: Int, repeats: Int?, switchboard: String? = nil) throws -> (results: [Result], identity: BenchIdentity) {
        raiseDescriptorLimit()
        let binaries = try Binaries.next(to: try executableDirectory(), switchboard: switchboard)
        let chosen = select(scenarios(idleConnections: idleConnections), filters: filters)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        LiveChildren.installSignalHandlers()
        let identity = BenchIdentity.make(switchboard: binaries.switchboard, scratch: directory.file("token"))
        printError(identity.note)
        let setup = Setup(binaries: binaries, identity: identity, repeats: repeats)
        var results: [Result] = []
        for scenario in chosen {
            let n = repeats ?? scenario.defaultRepeats
            printError("== server.\(scenario.name): \(scenario.summary) (\(n) run\(n == 1 ? "" : "s") each)")
            var switchboard: [Run] = [], baseline: [Run] = []
            for i in 0..<n {
                let scratch = directory.file("\(scenario.name)-\(i)")
                mkdir(scratch, 0o755)
                baseline.append(runOnce(scenario, server: .baseline, setup: setup, scratch: scratch))
                switchboard.append(runOnce(scenario, server: .switchboard, setup: setup, scratch: scratch))
                for run in [baseline[i], switchboard[i]] {
                    if let failure = run.failure {
                        printError("** server.\(scenario.name) run \(i + 1) against \(run.server.rawValue) FAILED: \(failure)")
                    }
                }
                // The store of a finished run is not needed; a 19,900-connection one is large.
                _ = unlink(scratch + "/store.sqlite")
                _ = unlink(scratch + "/store.sqlite-wal")
                _ = unlink(scratch + "/store.sqlite-shm")
            }
            results.append(Result(scenario: scenario, switchboard: switchboard, baseline: baseline))
        }
        return (results, identity)
    }

    /// Servers and the load generator need one descriptor per connection (19,900 in `idle`):
    /// lift the soft limit to the hard one; children inherit it.
    static func raiseDescriptorLimit() {
        var limit = rlimit()
        #if canImport(Glibc)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        if getrlimit(resource, &limit) == 0, limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            _ = setrlimit(resource, &limit)
        }
        if getrlimit(resource, &limit) == 0, limit.rlim_cur < 20_000 {
            printError("note: the descriptor limit is \(limit.rlim_cur) (hard \(limit.rlim_max)); the 19,900-connection idle run needs 20,000")
        }
    }

    /// Starts a fresh server, drives it with LoadGenerator, reads its figures and stops it.
    static func runOnce(_ scenario: Scenario, server: Server, setup: Setup, scratch: String) -> Run {
        let binaries = setup.binaries
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
                                           ["serve", "--host", "127.0.0.1", "--port", "0", "--db", storePath,
                                            "--secret", setup.identity.secret] + scenario.switchboardFlags,
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
        // Both servers get the same bytes: the baseline ignores the header, Switchboard checks it.
        if let token = setup.identity.token { arguments += ["--token", token] }
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
        if let problem = verificationProblem(report, exitCode: exitCode) {
            return failed(problem, report: report, exitCode: exitCode, figures: figures)
        }
        return Run(server: server, report: report, exitCode: exitCode, failure: nil,
                   serverCPUSeconds: figures?.cpuSeconds ?? -1, serverMaxRSSKiB: figures?.maxRSSKiB ?? -1,
                   wallSeconds: Double(nowNanoseconds() - started) / 1e9)
    }

    /// Why a LoadGenerator report must not count: a non-zero exit, `ok` false, or any delivery
    /// missing, duplicated or misrouted (checked here too, not only trusted from `ok`).
    static func verificationProblem(_ report: JSON, exitCode: Int32) -> String? {
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
        if let posts = report["posts"].flatMap(number), let answered = report["answered"].flatMap(number),
           posts != answered {
            problems.append("only \(Int(answered))/\(Int(posts)) mutations answered")
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
}
