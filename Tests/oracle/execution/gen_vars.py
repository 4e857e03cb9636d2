import json
from graphql import build_schema, parse, execute
SDL = '''
enum Color { RED GREEN BLUE }
input Inner { a: Int!, b: String = "bee" }
input Filter { color: Color, limit: Int = 10, tags: [String!], nested: Inner }
input Pick @oneOf { a: Int, b: String }
scalar Anything
type Query {
  echo(i: Int, ii: Int!, f: Float, s: String, b: Boolean, id: ID, c: Color, l: [Int!], ll: [[Int]], fi: Filter, p: Pick, j: Anything): String
}
'''
schema = build_schema(SDL)
schema.query_type.fields["echo"].resolve = lambda _r, _i, **a: json.dumps(a, separators=(",", ":"), ensure_ascii=False)
D = "$i: Int, $ii: Int!, $f: Float, $s: String, $b: Boolean, $id: ID, $c: Color, $l: [Int!], $ll: [[Int]], $fi: Filter, $p: Pick, $j: Anything"
Q = "query(" + D + ") { echo(i: $i, ii: $ii, f: $f, s: $s, b: $b, id: $id, c: $c, l: $l, ll: $ll, fi: $fi, p: $p, j: $j) }"
CASES = [
  ("valid values", {"ii": 1, "i": -2147483648, "f": 2.5, "s": "x", "b": False, "id": 12, "c": "RED", "l": [1, 2], "ll": [[1], None], "fi": {"color": "BLUE"}, "p": {"b": "x"}, "j": {"any": [1]}}),
  ("required not provided", {}),
  ("required null", {"ii": None}),
  ("int from string", {"ii": "abc"}),
  ("int too large", {"ii": 2147483648}),
  ("int from float", {"ii": 1.5}),
  ("int from integral float", {"ii": 2.0}),
  ("int from bool", {"ii": True}),
  ("float from string", {"ii": 1, "f": "1.5"}),
  ("string from int", {"ii": 1, "s": 5}),
  ("boolean from int", {"ii": 1, "b": 1}),
  ("id from float", {"ii": 1, "id": 1.5}),
  ("id from bool", {"ii": 1, "id": True}),
  ("enum unknown value", {"ii": 1, "c": "REED"}),
  ("enum non-string", {"ii": 1, "c": 1}),
  ("list of one", {"ii": 1, "l": 7}),
  ("list bad items", {"ii": 1, "l": [1, None, "a"]}),
  ("nested list", {"ii": 1, "ll": [[1, "x"], 2]}),
  ("input object not object", {"ii": 1, "fi": "str"}),
  ("input object unknown field", {"ii": 1, "fi": {"colour": "RED"}}),
  ("input object unknown field no suggestion", {"ii": 1, "fi": {"zzzzzz": 1}}),
  ("input object missing required nested", {"ii": 1, "fi": {"nested": {}}}),
  ("input object nested bad", {"ii": 1, "fi": {"nested": {"a": "x"}, "tags": [None]}}),
  ("one of two fields", {"ii": 1, "p": {"a": 1, "b": "x"}}),
  ("one of null field", {"ii": 1, "p": {"a": None}}),
  ("one of empty", {"ii": 1, "p": {}}),
  ("many errors in order", {"i": "x", "s": 1, "c": "Z"}),
  ("long string is truncated", {"ii": "x" * 300}),
]
print("    static let document = #\"" + Q + "\"#\n")
print("    /// (name, variables, expected response)")
print("    static let cases: [(String, String, String)] = [")
for name, v in CASES:
    res = execute(schema, parse(Q), None, variable_values=v)
    out = json.dumps(res.formatted, separators=(",", ":"), ensure_ascii=False).replace('{"data":null,"errors"', '{"errors"')
    print(f'        ("{name}", #"{json.dumps(v, separators=(",", ":"))}"#, #"{out}"#),')
print("    ]")
