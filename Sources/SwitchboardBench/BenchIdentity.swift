#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Identity as users run it: Switchboard gets `--secret`, and the load generator's HTTP posts
/// carry a publisher token minted by the binary under test (`switchboard token`), so the
/// signature check is part of every measured mutation. WebSocket subscribers stay anonymous
/// (they may read without a token). When the binary has no `token` subcommand yet, posts go
/// without a token and the report says so.
struct BenchIdentity {
    let secret: String
    /// The publisher token, or nil when it could not be minted.
    let token: String?
    /// One line for the report: what identity the runs had.
    let note: String

    static func make(switchboard: String, scratch: String) -> BenchIdentity {
        var bytes = [UInt8](repeating: 0, count: 24)
        if getentropy(&bytes, bytes.count) != 0 {
            var seed = UInt64(nowNanoseconds())
            for i in bytes.indices {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                bytes[i] = UInt8(truncatingIfNeeded: seed >> 33)
            }
        }
        let secret = "bench-" + bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        let out = scratch + "-stdout", err = scratch + "-stderr"
        defer { _ = unlink(out); _ = unlink(err) }
        var why = ""
        do {
            let child = try ChildProcess(switchboard, ["token", "--sub", "bench", "--role", "publisher", "--secret", secret],
                                         stdoutPath: out, stderrPath: err)
            let status = child.wait(seconds: 20)
            let text = (readTextFile(out) ?? "").split(whereSeparator: { $0 == "\n" || $0 == " " }).last.map(String.init) ?? ""
            // A JWT: three base64url parts.
            if status == 0, text.split(separator: ".", omittingEmptySubsequences: false).count == 3 {
                return BenchIdentity(secret: secret, token: text,
                                     note: "identity: Switchboard runs with --secret; HTTP posts carry a publisher token from `switchboard token`")
            }
            why = "`switchboard token` exited \(status.map(String.init) ?? "on timeout"): "
                + (readTextFile(err) ?? "").split(separator: "\n").prefix(1).joined()
        } catch {
            why = "\(error)"
        }
        return BenchIdentity(secret: secret, token: nil,
                             note: "identity: tokens not yet enforced (no token could be minted: \(why)); "
                                 + "Switchboard runs with --secret, posts carry no token")
    }
}
