import json, sys, subprocess
sys.path.insert(0, __import__("os").path.dirname(__file__))
import exec_cases as ec
lines = []
for name, q, v, root in ec.CASES:
    out = ec.run(name, q, v, root)
    var = "nil" if v is None else '#"' + json.dumps(v, separators=(",", ":")) + '"#'
    op = ec.EXTRA.get(name)
    opname = "nil" if op is None else '"' + op + '"'
    lines.append(f'        ("{name}", #"{q}"#, {var}, {opname}, #"{out}"#),')
root = json.dumps(ec.ROOT, separators=(",", ":"), ensure_ascii=False)
print('''import XCTest

@testable import GraphQL

/// Expected results come from graphql-core 3.3.2 (`execute` on the same schema, root value
/// and resolvers); regenerate them with the oracle script rather than by hand.
final class ExecutionTests: XCTestCase {
    static let sdl = #"""
''' + ec.SDL.strip("\n") + '''
"""#

    static let root = #"''' + root + '''"#

    /// (name, document, variables, operation name, expected response)
    static let cases: [(String, String, String?, String?, String)] = [
''' + "\n".join(lines) + '''
    ]
''')
