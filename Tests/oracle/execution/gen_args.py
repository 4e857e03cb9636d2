import json
from graphql import build_schema, parse, execute
SDL = '''
enum Color { RED GREEN BLUE }
input Inner { a: Int!, b: String = "bee" }
input Pick @oneOf { a: Int, b: String }
type Query { echo(i: Int, ii: Int!, c: Color, l: [Int!], in: Inner, p: Pick, f: Float, id: ID, b: Boolean, s: String): String }
'''
schema = build_schema(SDL)
schema.query_type.fields["echo"].resolve = lambda _r, _i, **a: json.dumps(a, separators=(",", ":"), ensure_ascii=False)
CASES = [
  ("int too large", "{ echo(ii: 2147483648) }", None),
  ("int from float", "{ echo(ii: 1.5) }", None),
  ("enum unknown", "{ echo(ii: 1, c: REED) }", None),
  ("enum from string", '{ echo(ii: 1, c: "RED") }', None),
  ("null for non-null", "{ echo(ii: null) }", None),
  ("list item null", "{ echo(ii: 1, l: [1, null]) }", None),
  ("input object missing field", "{ echo(ii: 1, in: {b: \"x\"}) }", None),
  ("input object unknown field", "{ echo(ii: 1, in: {a: 1, c: 2}) }", None),
  ("input object not object", "{ echo(ii: 1, in: 3) }", None),
  ("one of two", '{ echo(ii: 1, p: {a: 1, b: "x"}) }', None),
  ("one of null", "{ echo(ii: 1, p: {a: null}) }", None),
  ("one of variable missing", "query($v: Int) { echo(ii: 1, p: {a: $v}) }", {}),
  ("required variable missing", "query($v: Int) { echo(ii: $v) }", {}),
  ("required variable null", "query($v: Int) { echo(ii: $v) }", {"v": None}),
  ("float from string", '{ echo(ii: 1, f: "1") }', None),
  ("id from float", "{ echo(ii: 1, id: 1.5) }", None),
  ("boolean from int", "{ echo(ii: 1, b: 1) }", None),
  ("string from enum", "{ echo(ii: 1, s: RED) }", None),
]
print("    /// (name, document, variables, expected response) — arguments coerced without validation.")
print("    static let argumentCases: [(String, String, String?, String)] = [")
for name, q, v in CASES:
    res = execute(schema, parse(q), None, variable_values=v)
    out = json.dumps(res.formatted, separators=(",", ":"), ensure_ascii=False)
    var = "nil" if v is None else '#"' + json.dumps(v) + '"#'
    print(f'        ("{name}", #"{q}"#, {var}, #"{out}"#),')
print("    ]")
