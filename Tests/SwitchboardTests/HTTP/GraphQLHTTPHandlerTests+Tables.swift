import GraphQL
import XCTest

@testable import Switchboard

/// The request tables of `GraphQLHTTPHandlerTests`, one per group of rules.
extension GraphQLHTTPHandlerTests {
    // MARK: Content negotiation

    static let negotiation: [Case] = [
        Case(
            name: "no Accept: graphql-response+json", request: F.post(#"{"query":"{ hello }"}"#), status: 200,
            contentType: gqlJSON, body: #"{"data":{"hello":"Hello, world!"}}"#),
        Case(
            name: "Accept application/json", request: F.post(#"{"query":"{ hello }"}"#, headers: acceptJSON),
            status: 200, contentType: json, body: #"{"data":{"hello":"Hello, world!"}}"#),
        Case(
            name: "Accept */*", request: F.post(#"{"query":"{ hello }"}"#, headers: ["Accept": "*/*"]), status: 200,
            contentType: gqlJSON, body: #"{"data":{"hello":"Hello, world!"}}"#),
        Case(
            name: "Accept application/*",
            request: F.post(#"{"query":"{ hello }"}"#, headers: ["Accept": "application/*"]), status: 200,
            contentType: gqlJSON, body: #"{"data":{"hello":"Hello, world!"}}"#),
        Case(
            name: "the recommended Accept, with charsets",
            request: F.post(
                #"{"query":"{ hello }"}"#,
                headers: [
                    "Accept": "application/graphql-response+json; charset=utf-8, application/json; charset=utf-8"
                ]), status: 200, contentType: gqlJSON, body: #"{"data":{"hello":"Hello, world!"}}"#),
        Case(
            name: "both accepted: the newer type (contract.md)",
            request: F.post(
                #"{"query":"{ hello }"}"#, headers: ["Accept": "application/json, application/graphql-response+json"]),
            status: 200, contentType: gqlJSON, body: #"{"data":{"hello":"Hello, world!"}}"#),
        Case(
            name: "any weight above 0 accepts the newer type",
            request: F.post(
                #"{"query":"{ hello }"}"#,
                headers: ["Accept": "application/graphql-response+json;q=0.5, application/json"]),
            status: 200, contentType: gqlJSON, body: #"{"data":{"hello":"Hello, world!"}}"#),
        Case(
            name: "a wildcard accepts the newer type",
            request: F.post(#"{"query":"{ hello }"}"#, headers: ["Accept": "application/json;q=0.9, */*;q=0.1"]),
            status: 200, contentType: gqlJSON, body: #"{"data":{"hello":"Hello, world!"}}"#),
        Case(
            name: "q=0 on the specific type excludes it despite a wildcard",
            request: F.post(#"{"query":"{ hello }"}"#, headers: ["Accept": "*/*;q=0.1, application/json;q=0"]),
            status: 200, contentType: gqlJSON, body: #"{"data":{"hello":"Hello, world!"}}"#),
        Case(
            name: "a browser's Accept",
            request: F.get(
                [("query", "{ hello }")],
                headers: ["Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"]),
            status: 200, contentType: gqlJSON, body: #"{"data":{"hello":"Hello, world!"}}"#),
        Case(
            name: "an invalid q-value skips that entry",
            request: F.post(
                #"{"query":"{ hello }"}"#,
                headers: ["Accept": "application/json;q=2, application/graphql-response+json;q=0.3"]),
            status: 200, contentType: gqlJSON, body: #"{"data":{"hello":"Hello, world!"}}"#),
        Case(
            name: "Accept parameters and case",
            request: F.post(
                #"{"query":"{ hello }"}"#, headers: ["Accept": #"Application/JSON; profile="a,b"; Q=1"#]),
            status: 200, contentType: json, body: #"{"data":{"hello":"Hello, world!"}}"#),
        Case(
            name: "neither type named: application/json (contract.md: \"otherwise\")",
            request: F.post(#"{"query":"{ hello }"}"#, headers: ["Accept": "text/html"]), status: 200,
            contentType: json, body: #"{"data":{"hello":"Hello, world!"}}"#),
        Case(
            name: "406: both excluded with q=0",
            request: F.post(
                #"{"query":"{ hello }"}"#,
                headers: ["Accept": "application/graphql-response+json;q=0, application/json;q=0"]),
            status: 406, contentType: json,
            body: #"""
                {"errors":[{"message":"None of the media types in Accept: application/graphql-response+json;q=0, application/json;q=0 can be served; accept application/graphql-response+json or application/json."}]}
                """#),
        Case(
            name: "a charset we do not write: application/json in UTF-8 (contract.md: \"otherwise\")",
            request: F.post(#"{"query":"{ hello }"}"#, headers: ["Accept": "application/json; charset=iso-8859-1"]),
            status: 200, contentType: json, body: #"{"data":{"hello":"Hello, world!"}}"#),
    ]

    // MARK: Malformed requests

    static let malformed: [Case] = [
        Case(
            name: "405: PUT", request: F.request("PUT"), status: 405, contentType: gqlJSON,
            body: #"{"errors":[{"message":"Method PUT is not allowed for GraphQL requests; use GET or POST."}]}"#,
            headers: [("Allow", "GET, POST")]),
        Case(
            name: "405: DELETE under application/json", request: F.request("DELETE", headers: acceptJSON),
            status: 405, contentType: json,
            body: #"{"errors":[{"message":"Method DELETE is not allowed for GraphQL requests; use GET or POST."}]}"#,
            headers: [("Allow", "GET, POST")]),
        Case(
            name: "405: HEAD", request: F.request("HEAD"), status: 405, contentType: gqlJSON,
            body: #"{"errors":[{"message":"Method HEAD is not allowed for GraphQL requests; use GET or POST."}]}"#,
            headers: [("Allow", "GET, POST")]),
        Case(
            name: "415: no Content-Type", request: F.post(#"{"query":"{ hello }"}"#, contentType: nil), status: 415,
            contentType: gqlJSON,
            body:
                #"{"errors":[{"message":"Missing Content-Type header; send the request body as application/json."}]}"#
        ),
        Case(
            name: "415: text/plain", request: F.post(#"{"query":"{ hello }"}"#, contentType: "text/plain"),
            status: 415, contentType: gqlJSON,
            body:
                #"{"errors":[{"message":"Unsupported Content-Type 'text/plain'; send the request body as application/json."}]}"#
        ),
        Case(
            name: "415: form-encoded",
            request: F.post("query=%7Bhello%7D", contentType: "application/x-www-form-urlencoded"), status: 415,
            contentType: gqlJSON,
            body:
                #"{"errors":[{"message":"Unsupported Content-Type 'application/x-www-form-urlencoded'; send the request body as application/json."}]}"#
        ),
        Case(
            name: "415: a charset other than UTF-8",
            request: F.post(#"{"query":"{ hello }"}"#, contentType: "application/json; charset=latin1"),
            status: 415, contentType: gqlJSON,
            body: #"{"errors":[{"message":"Unsupported charset 'latin1'; send the request body as UTF-8."}]}"#),
        Case(
            name: "Content-Type with charset and odd case is fine",
            request: F.post(#"{"query":"{ hello }"}"#, contentType: "Application/JSON;charset=\"UTF-8\""),
            status: 200, contentType: gqlJSON, body: #"{"data":{"hello":"Hello, world!"}}"#),
        Case(
            name: "400: not JSON", request: F.post("NONSENSE"), status: 400, contentType: gqlJSON,
            body: #"""
                {"errors":[{"message":"The request body is not valid JSON: Unexpected character 'N' at offset 0, expected a value."}]}
                """#),
        Case(
            name: "400: not JSON, also under application/json", request: F.post(#"{"query":"#, headers: acceptJSON),
            status: 400, contentType: json,
            body: #"""
                {"errors":[{"message":"The request body is not valid JSON: Unexpected end of input at offset 9."}]}
                """#),
        Case(
            name: "400: empty body", request: F.post(""), status: 400, contentType: gqlJSON,
            body: #"{"errors":[{"message":"The request body is not valid JSON: the body is empty."}]}"#),
        Case(
            name: "400: body an array", request: F.post(#"[{"query":"{ hello }"}]"#), status: 400,
            contentType: gqlJSON,
            body: #"{"errors":[{"message":"The request body must be a JSON object with a 'query' string."}]}"#),
        Case(
            name: "400: body a string", request: F.post(#""{ hello }""#), status: 400, contentType: gqlJSON,
            body: #"{"errors":[{"message":"The request body must be a JSON object with a 'query' string."}]}"#),
        Case(
            name: "400: no query", request: F.post(#"{"qeury":"{ hello }"}"#), status: 400, contentType: gqlJSON,
            body: #"{"errors":[{"message":"The GraphQL request has no 'query' parameter."}]}"#),
        Case(
            name: "400: query null", request: F.post(#"{"query":null}"#, headers: acceptJSON), status: 400,
            contentType: json, body: #"{"errors":[{"message":"The GraphQL request has no 'query' parameter."}]}"#),
        Case(
            name: "400: query a number", request: F.post(#"{"query":1}"#), status: 400, contentType: gqlJSON,
            body: #"{"errors":[{"message":"The 'query' parameter must be a string."}]}"#),
        Case(
            name: "400: query an object", request: F.post(#"{"query":{"a":1}}"#), status: 400, contentType: gqlJSON,
            body: #"{"errors":[{"message":"The 'query' parameter must be a string."}]}"#),
        Case(
            name: "400: query an array", request: F.post(#"{"query":["{ hello }"]}"#), status: 400,
            contentType: gqlJSON, body: #"{"errors":[{"message":"The 'query' parameter must be a string."}]}"#),
        Case(
            name: "400: operationName a number", request: F.post(#"{"query":"{ hello }","operationName":1}"#),
            status: 400, contentType: gqlJSON,
            body: #"{"errors":[{"message":"The 'operationName' parameter must be a string or null."}]}"#),
        Case(
            name: "400: variables an array",
            request: F.post(#"{"query":"query Q($i: Int!) { count(n: $i) }","variables":[7]}"#), status: 400,
            contentType: gqlJSON,
            body: #"{"errors":[{"message":"The 'variables' parameter must be a JSON object or null."}]}"#),
        Case(
            name: "400: variables a string (JSON text inside JSON)",
            request: F.post(#"{"query":"{ hello }","variables":"{}"}"#), status: 400, contentType: gqlJSON,
            body: #"{"errors":[{"message":"The 'variables' parameter must be a JSON object or null."}]}"#),
        Case(
            name: "400: extensions a number", request: F.post(#"{"query":"{ hello }","extensions":1}"#), status: 400,
            contentType: gqlJSON,
            body: #"{"errors":[{"message":"The 'extensions' parameter must be a JSON object or null."}]}"#),
        Case(
            name: "null optional parameters are absent ones",
            request: F.post(#"{"query":"{ hello }","operationName":null,"variables":null,"extensions":null}"#),
            status: 200, contentType: gqlJSON, body: #"{"data":{"hello":"Hello, world!"}}"#),
        Case(
            name: "unknown keys are ignored, extensions accepted",
            request: F.post(#"{"query":"{ hello }","extensions":{"persistedQuery":{}},"id":"x"}"#), status: 200,
            contentType: gqlJSON, body: #"{"data":{"hello":"Hello, world!"}}"#),
    ]

    // MARK: GET

    static let get: [Case] = [
        Case(
            name: "GET query", request: F.get([("query", "{ hello }")]), status: 200, contentType: gqlJSON,
            body: #"{"data":{"hello":"Hello, world!"}}"#),
        Case(
            name: "GET with variables and operationName",
            request: F.get([
                ("query", "query A { hello } query B($n: String) { hello(name: $n) }"), ("operationName", "B"),
                ("variables", #"{"n":"Ada"}"#), ("cacheBuster", "1"),
            ]), status: 200, contentType: gqlJSON, body: #"{"data":{"hello":"Hello, Ada!"}}"#),
        Case(
            name: "GET empty operationName, variables and extensions are absent",
            request: F.get([("query", "{ hello }"), ("operationName", ""), ("variables", ""), ("extensions", "")]),
            status: 200, contentType: gqlJSON, body: #"{"data":{"hello":"Hello, world!"}}"#),
        Case(
            name: "GET variables=null", request: F.get([("query", "{ hello }"), ("variables", "null")]), status: 200,
            contentType: gqlJSON, body: #"{"data":{"hello":"Hello, world!"}}"#),
        Case(
            name: "400: GET without query", request: F.get([("variables", "{}")]), status: 400, contentType: gqlJSON,
            body: #"{"errors":[{"message":"The GraphQL request has no 'query' parameter."}]}"#),
        Case(
            name: "400: GET bad variables JSON",
            request: F.get([("query", "{ hello }"), ("variables", "{n:1}")], headers: acceptJSON), status: 400,
            contentType: json,
            body: #"""
                {"errors":[{"message":"The 'variables' parameter is not valid JSON: Unexpected character 'n' at offset 1, expected a string key."}]}
                """#),
        Case(
            name: "400: GET variables not an object", request: F.get([("query", "{ hello }"), ("variables", "[1]")]),
            status: 400, contentType: gqlJSON,
            body: #"{"errors":[{"message":"The 'variables' parameter must be a JSON object or null."}]}"#),
        Case(
            name: "400: GET bad extensions JSON", request: F.get([("query", "{ hello }"), ("extensions", "{")]),
            status: 400, contentType: gqlJSON,
            body: #"""
                {"errors":[{"message":"The 'extensions' parameter is not valid JSON: Unexpected end of input at offset 1."}]}
                """#),
        Case(
            name: "400: GET query twice", request: F.get([("query", "{ hello }"), ("query", "{ fail }")]),
            status: 400, contentType: gqlJSON,
            body: #"{"errors":[{"message":"The 'query' parameter is given more than once."}]}"#),
        Case(
            name: "405: mutation over GET", request: F.get([("query", #"mutation { post(text: "x") }"#)]),
            status: 405, contentType: gqlJSON,
            body: #"""
                {"errors":[{"message":"Mutations cannot be sent with GET; use POST.","locations":[{"line":1,"column":1}]}]}
                """#, headers: [("Allow", "POST")]),
        Case(
            name: "405: mutation over GET under application/json too",
            request: F.get(
                [("query", #"query Q { hello } mutation M { post(text: "x") }"#), ("operationName", "M")],
                headers: acceptJSON), status: 405, contentType: json,
            body: #"""
                {"errors":[{"message":"Mutations cannot be sent with GET; use POST.","locations":[{"line":1,"column":19}]}]}
                """#, headers: [("Allow", "POST")]),
        Case(
            name: "GET may run the query of a document that also holds a mutation",
            request: F.get([("query", #"query Q { hello } mutation M { post(text: "x") }"#), ("operationName", "Q")]),
            status: 200, contentType: gqlJSON, body: #"{"data":{"hello":"Hello, world!"}}"#),
    ]

    // MARK: Documents, operations and variables

    static let subscriptionMessage =
        "Subscriptions are served over WebSocket at ws://localhost:4000/graphql (subprotocol graphql-transport-ws)."

    static let documents: [Case] = [
        Case(
            name: "parse failure: 400 under graphql-response+json", request: F.post(#"{"query":"{"}"#), status: 400,
            contentType: gqlJSON,
            body: #"""
                {"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":2}],"extensions":{"code":"GRAPHQL_PARSE_FAILED"}}]}
                """#),
        Case(
            name: "parse failure: 200 under application/json",
            request: F.post(#"{"query":"{"}"#, headers: acceptJSON), status: 200, contentType: json,
            body: #"""
                {"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":2}],"extensions":{"code":"GRAPHQL_PARSE_FAILED"}}]}
                """#),
        Case(
            name: "parse failure over GET", request: F.get([("query", "query {\n  hello(\n}")]), status: 400,
            contentType: gqlJSON,
            body: #"""
                {"errors":[{"message":"Syntax Error: Expected Name, found '}'.","locations":[{"line":3,"column":1}],"extensions":{"code":"GRAPHQL_PARSE_FAILED"}}]}
                """#),
        Case(
            name: "validation failure: 400 under graphql-response+json",
            request: F.post(#"{"query":"{ hello nope count }"}"#), status: 400, contentType: gqlJSON,
            body: #"""
                {"errors":[
                 {"message":"Cannot query field 'nope' on type 'Query'.","locations":[{"line":1,"column":9}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}},
                 {"message":"Argument 'Query.count(n:)' of type 'Int!' is required, but it was not provided.","locations":[{"line":1,"column":14}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}
                """#),
        Case(
            name: "validation failure: 200 under application/json",
            request: F.post(#"{"query":"{ nope }"}"#, headers: acceptJSON), status: 200, contentType: json,
            body: #"""
                {"errors":[{"message":"Cannot query field 'nope' on type 'Query'.","locations":[{"line":1,"column":3}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}
                """#),
        Case(
            name: "a mutation over GET that does not validate is a validation failure",
            request: F.get([("query", "mutation { nope }")]), status: 400, contentType: gqlJSON,
            body: #"""
                {"errors":[{"message":"Cannot query field 'nope' on type 'Mutation'.","locations":[{"line":1,"column":12}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}
                """#),
        Case(
            name: "unknown operationName: 400",
            request: F.post(#"{"query":"query A { hello }","operationName":"B"}"#), status: 400, contentType: gqlJSON,
            body: #"{"errors":[{"message":"Unknown operation named 'B'."}]}"#),
        Case(
            name: "unknown operationName: 200 under application/json",
            request: F.post(#"{"query":"query A { hello }","operationName":"B"}"#, headers: acceptJSON), status: 200,
            contentType: json, body: #"{"errors":[{"message":"Unknown operation named 'B'."}]}"#),
        Case(
            name: "ambiguous operation: 400",
            request: F.post(#"{"query":"query A { hello } query B { hello }"}"#), status: 400, contentType: gqlJSON,
            body: #"{"errors":[{"message":"Must provide operation name if query contains multiple operations."}]}"#),
        Case(
            name: "subscription over POST: 400, pointing to the socket",
            request: F.post(#"{"query":"subscription { tick }"}"#, headers: ["Host": "localhost:4000"]),
            status: 400, contentType: gqlJSON,
            body: #"{"errors":[{"message":"\#(subscriptionMessage)","locations":[{"line":1,"column":1}]}]}"#),
        Case(
            name: "subscription: 400 under application/json too",
            request: F.post(
                #"{"query":"query Q { hello }\nsubscription S { tick }","operationName":"S"}"#,
                headers: ["Host": "localhost:4000", "Accept": "application/json"]), status: 400, contentType: json,
            body: #"{"errors":[{"message":"\#(subscriptionMessage)","locations":[{"line":2,"column":1}]}]}"#),
        Case(
            name: "subscription over GET: 400",
            request: F.get([("query", "subscription { tick }")], headers: ["Host": "localhost:4000"]), status: 400,
            contentType: gqlJSON,
            body: #"{"errors":[{"message":"\#(subscriptionMessage)","locations":[{"line":1,"column":1}]}]}"#),
        Case(
            name: "variable coercion failure: 400, BAD_USER_INPUT",
            request: F.post(#"{"query":"query Q($n: Int!) { count(n: $n) }","variables":{"n":"x"}}"#), status: 400,
            contentType: gqlJSON,
            body: #"""
                {"errors":[{"message":"Variable '$n' has invalid value: Int cannot represent non-integer value: 'x'","locations":[{"line":1,"column":9}],"extensions":{"code":"BAD_USER_INPUT"}}]}
                """#),
        Case(
            name: "missing variable: 200 under application/json",
            request: F.post(#"{"query":"query Q($n: Int!) { count(n: $n) }"}"#, headers: acceptJSON), status: 200,
            contentType: json,
            body: #"""
                {"errors":[{"message":"Variable '$n' has invalid value: Expected a value of non-null type 'Int!' to be provided.","locations":[{"line":1,"column":9}],"extensions":{"code":"BAD_USER_INPUT"}}]}
                """#),
    ]

    // MARK: Execution

    static let execution: [Case] = [
        Case(
            name: "variables reach arguments",
            request: F.post(#"{"query":"query Q($n: Int!) { count(n: $n) }","variables":{"n":42}}"#), status: 200,
            contentType: gqlJSON, body: #"{"data":{"count":42}}"#),
        Case(
            name: "field error: 200 with data, path, locations and code",
            request: F.post(#"{"query":"{ hello fail }"}"#), status: 200, contentType: gqlJSON,
            body: #"""
                {"data":{"hello":"Hello, world!","fail":null},"errors":[{"message":"Not for you.","locations":[{"line":1,"column":9}],"path":["fail"],"extensions":{"code":"FORBIDDEN"}}]}
                """#),
        Case(
            name: "field error inside a list keeps the index in its path",
            request: F.post(#"{"query":"{ list { id broken } }"}"#, headers: acceptJSON), status: 200,
            contentType: json,
            body: #"""
                {"data":{"list":[{"id":"1","broken":"fine"},{"id":"2","broken":null}]},"errors":[{"message":"Item 2 is broken.","locations":[{"line":1,"column":13}],"path":["list",1,"broken"]}]}
                """#),
        Case(
            name: "a null at the root: data null, still 200",
            request: F.post(#"{"query":"{ hello failNonNull }"}"#), status: 200, contentType: gqlJSON,
            body: #"""
                {"data":null,"errors":[{"message":"Gone.","locations":[{"line":1,"column":9}],"path":["failNonNull"],"extensions":{"code":"BAD_USER_INPUT"}}]}
                """#),
        Case(
            name: "the resolvers get the RequestContext", request: F.get([("query", "{ whoami }")]), status: 200,
            contentType: gqlJSON, body: #"{"data":{"whoami":"Ada"}}"#),
        Case(
            name: "mutation over POST", request: F.post(#"{"query":"mutation { post(text: \"hi\") }"}"#),
            status: 200, contentType: gqlJSON, body: #"{"data":{"post":"posted hi"}}"#),
        Case(
            name: "introspection", request: F.post(#"{"query":"{ __type(name: \"Item\") { name kind } }"}"#),
            status: 200, contentType: gqlJSON, body: #"{"data":{"__type":{"name":"Item","kind":"OBJECT"}}}"#),
    ]
}
