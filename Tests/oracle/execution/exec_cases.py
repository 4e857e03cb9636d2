import json, sys
from graphql import build_schema, parse, execute, GraphQLError

SDL = '''
interface Node { id: ID! }
type User implements Node { id: ID!, name: String, friends: [User!], bestFriend: User, nn: String! }
type Post implements Node { id: ID!, title: String! }
union SearchResult = User | Post
enum Color { RED GREEN BLUE }
input Filter { color: Color, limit: Int = 10, tags: [String!], nested: Inner }
input Inner { a: Int!, b: String = "bee" }
input Pick @oneOf { a: Int, b: String }
scalar Anything
type Query {
  i: Int
  f: Float
  s: String
  b: Boolean
  id: ID
  color: Color
  nn: Int!
  user: User
  users: [User]
  strictUsers: [User!]!
  node: Node
  search: [SearchResult!]
  ints: [Int]
  strictInts: [Int!]
  any: Anything
  echo(x: Int, y: Int! = 1, s: String = "def", l: [Int], f: Filter, p: Pick, c: Color, id: ID, j: Anything, fl: Float, b: Boolean): String
  asyncEcho(x: Int, s: String = "def"): String
  fail: String
  failNonNull: String!
  failPlain: String
}
type Mutation { add(n: Int!): Int! }
'''
schema = build_schema(SDL)

def echo(_root, _info, **args):
    return json.dumps(args, separators=(",", ":"), ensure_ascii=False)

class PlainError(Exception):
    def __str__(self): return "plain failure"

def fail(*_a, **_k):
    raise GraphQLError("boom", extensions={"code": "X"})

def fail_plain(*_a, **_k):
    raise PlainError()

schema.query_type.fields["echo"].resolve = echo
schema.query_type.fields["asyncEcho"].resolve = echo
schema.query_type.fields["fail"].resolve = fail
schema.query_type.fields["failNonNull"].resolve = fail
schema.query_type.fields["failPlain"].resolve = fail_plain
total = {"v": 0}
def add(_r, _i, n):
    total["v"] += n
    return total["v"]
schema.mutation_type.fields["add"].resolve = add

ROOT = {
  "i": 7, "f": 2.5, "s": "hé\"llo", "b": True, "id": 42, "color": "GREEN", "nn": None,
  "user": {"id": "u1", "name": "Ann", "nn": "x", "friends": [{"id": "u2", "name": "Bob", "nn": "y"}, {"id": "u3", "name": None, "nn": None}], "bestFriend": {"id": "u2", "name": "Bob", "nn": "y"}},
  "users": [{"id": "u1", "name": "Ann", "nn": "x"}, None, {"id": "u4", "nn": None}],
  "strictUsers": [{"id": "u1", "nn": None}],
  "node": {"__typename": "Post", "id": "p1", "title": "Hi"},
  "search": [{"__typename": "User", "id": "u1", "name": "Ann"}, {"__typename": "Post", "id": "p1", "title": "T"}],
  "ints": [1, "x", 3], "strictInts": [1, None], "any": {"deep": [1, {"x": None}]},
}

CASES = [
  ("scalars", "{ i f s b id color }", None, ROOT),
  ("aliases and typename", "{ a: i b: i __typename t: __typename }", None, ROOT),
  ("nested objects", "{ user { id name bestFriend { name } friends { id name } } }", None, ROOT),
  ("merged fields", "{ user { id } user { name friends { id } friends { name } } }", None, ROOT),
  ("fragments", "query { user { ...F ... on User { nn } } } fragment F on User { id ... { name } }", None, ROOT),
  ("skip and include", "query($t: Boolean!, $f: Boolean = false) { a: i @skip(if: $t) b: i @include(if: $t) c: i @include(if: $f) d: i @skip(if: false) @include(if: true) e: i @skip(if: true) @include(if: true) }", {"t": True}, ROOT),
  ("skip on fragments", "query($t: Boolean!) { ...F @skip(if: $t) ... on Query @include(if: $t) { s } } fragment F on Query { i }", {"t": True}, ROOT),
  ("non-null root field null", "{ i nn }", None, ROOT),
  ("non-null bubbles to nullable parent", "{ user { friends { id nn } } i }", None, ROOT),
  ("non-null list item", "{ strictInts }", None, ROOT),
  ("non-null in non-null list bubbles to root", "{ strictUsers { id nn } s }", None, ROOT),
  ("nullable list items", "{ users { id nn } }", None, ROOT),
  ("list item serialization error", "{ ints }", None, ROOT),
  ("interface", "{ node { __typename id ... on Post { title } ... on User { name } } }", None, ROOT),
  ("union list", "{ search { __typename ... on User { id name } ... on Post { title } } }", None, ROOT),
  ("custom scalar pass-through", "{ any }", None, ROOT),
  ("resolver GraphQLError", "{ i fail s }", None, ROOT),
  ("resolver error in non-null field", "{ i failNonNull }", None, ROOT),
  ("resolver plain error", "{ failPlain }", None, ROOT),
  ("arguments defaults", "{ echo }", None, ROOT),
  ("arguments literals", '{ echo(x: 3, y: 4, s: "q", l: [1, 2], f: {color: RED, tags: "t", nested: {a: 1}}, p: {b: "x"}, c: BLUE, id: 5, j: {k: [1, "2", null]}, b: true) }', None, ROOT),
  ("list of one from literal", "{ echo(l: 5) }", None, ROOT),
  ("explicit null argument", "{ echo(x: null, s: null) }", None, ROOT),
  ("variables into arguments", "query($x: Int, $s: String, $f: Filter, $l: [Int], $p: Pick) { echo(x: $x, s: $s, f: $f, l: $l, p: $p) }", {"x": 9, "f": {"tags": ["a", "b"], "nested": {"a": 2, "b": None}}, "l": 3, "p": {"a": 1}}, ROOT),
  ("absent variable uses argument default", "query($s: String, $y: Int) { echo(s: $s, y: $y) }", {}, ROOT),
  ("variable default", "query($s: String = \"vd\", $x: Int = 11) { echo(s: $s, x: $x) }", {}, ROOT),
  ("variable explicit null", "query($s: String = \"vd\") { echo(s: $s) }", {"s": None}, ROOT),
  ("variable inside list and object", "query($a: Int, $b: Int) { echo(l: [$a, $b, 3], f: {nested: {a: 1}, limit: $b}) }", {"a": 1}, ROOT),
  ("async resolver", "{ asyncEcho(x: 1) i }", None, ROOT),
  ("mutation serial", "mutation { a: add(n: 1) b: add(n: 2) c: add(n: 3) }", None, {}),
  ("named operation", "query A { i } query B { s }", None, ROOT),
  ("unknown field is skipped", "{ i }", None, ROOT),
]
EXTRA = {"named operation": "B"}

def run(name, q, v, root):
    total["v"] = 0
    import asyncio
    res = execute(schema, parse(q), root, variable_values=v, operation_name=EXTRA.get(name))
    if asyncio.iscoroutine(res):
        res = asyncio.run(res)
    return json.dumps(res.formatted, separators=(",", ":"), ensure_ascii=False)

def swift_str(s):
    return '#"' + s + '"#' if '"#' not in s else None

if __name__ == "__main__":
  for name, q, v, root in CASES:
    out = run(name, q, v, root)
    print(json.dumps({"name": name, "query": q, "variables": v, "root": root, "expected": out}, ensure_ascii=False))
