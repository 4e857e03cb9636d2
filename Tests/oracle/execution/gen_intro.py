import json
from graphql import build_schema, graphql_sync
s = build_schema(open(__import__("os").path.join(__import__("os").path.dirname(__file__), "intro2.graphql")).read())
Q = '''{
  __schema { description queryType { name } mutationType { name } directives { name isRepeatable locations args { name defaultValue } } }
  url: __type(name: "Url") { kind name description specifiedByURL }
  e: __type(name: "E") { enumValues { name isDeprecated deprecationReason } all: enumValues(includeDeprecated: true) { name isDeprecated deprecationReason } }
  i: __type(name: "I") { kind isOneOf inputFields { name } all: inputFields(includeDeprecated: true) { name isDeprecated deprecationReason } }
  j: __type(name: "J") { isOneOf inputFields { name defaultValue type { kind name ofType { kind name } } } }
  obj: __type(name: "Obj") { isOneOf interfaces { name } possibleTypes { name } fields { name } all: fields(includeDeprecated: true) { name isDeprecated deprecationReason args { name } allArgs: args(includeDeprecated: true) { name isDeprecated defaultValue } } }
  named: __type(name: "Named") { kind possibleTypes { name } fields { name } }
  u: __type(name: "U") { kind possibleTypes { name } fields { name } interfaces { name } }
  missing: __type(name: "Nope") { name }
  __typename
}'''
r = graphql_sync(s, Q)
print(json.dumps({"query": Q, "expected": json.dumps(r.formatted, separators=(",",":"), ensure_ascii=False)}))
