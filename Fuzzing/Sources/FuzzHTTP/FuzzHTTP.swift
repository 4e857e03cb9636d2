import Chat
import FuzzSupport
import GraphQL
import Switchboard

// Input: an HTTP request as the transport hands it over (already split and percent-decoded):
//
//     METHOD
//     name=value&name=value        (the query string; `&` and the first `=` split it)
//     Header-Name: value           (any number of lines, names lowercased like the transport's)
//                                  (an empty line)
//     body bytes…
//
// The request goes through `GraphQLHTTPHandler.prepare` (method, Accept, Content-Type, the
// parameters, the document, the operation, variables) and, when it is executable, through
// `execute` with the chat resolvers over an in-memory store; a header `x-fuzz-role: publisher`
// or `user` picks the identity (anonymous otherwise). What must hold: no trap; every response
// has a status the GraphQL-over-HTTP contract allows and a body that is a JSON object with
// `data` or a non-empty `errors` list.

let application = ChatApplication()
let allowedStatuses: Set<Int> = [200, 400, 405, 406, 415]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTP(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let request = parseRequest(fuzzBytes(data, size))
    // A fresh cache each time: a cached answer would hide the parse and validation work.
    let handler = GraphQLHTTPHandler(
        schema: application.schema, resolvers: application.resolvers, documentCache: DocumentCache(capacity: 4))
    let response: HTTPResponse
    switch handler.prepare(request) {
    case .respond(let r): response = r
    case .execute(let operation): response = execute(operation, identity: identity(request))
    }
    check(response)
    return 0
}

func parseRequest(_ bytes: [UInt8]) -> HTTPRequest {
    var lines = split(bytes, on: UInt8(ascii: "\n"))[...]
    let method = String(decoding: lines.popFirst() ?? [], as: UTF8.self)
    let queryString = lines.popFirst() ?? []
    var queryItems: [(name: String, value: String)] = []
    for item in split(queryString, on: UInt8(ascii: "&")) where !item.isEmpty {
        let text = String(decoding: item, as: UTF8.self)
        if let eq = text.firstIndex(of: "=") {
            queryItems.append((String(text[..<eq]), String(text[text.index(after: eq)...])))
        } else {
            queryItems.append((text, ""))
        }
    }
    var headers: [String: String] = [:]
    while let line = lines.popFirst(), !line.isEmpty {
        let text = String(decoding: line, as: UTF8.self)
        guard let colon = text.firstIndex(of: ":") else { continue }
        let value = text[text.index(after: colon)...].drop(while: { $0 == " " })
        headers[text[..<colon].lowercased()] = String(value)
    }
    let body = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    return HTTPRequest(
        method: method, path: "/graphql", queryItems: queryItems, headers: headers, body: body,
        remoteAddress: "127.0.0.1")
}

func identity(_ request: HTTPRequest) -> Identity {
    switch request.header("x-fuzz-role") {
    case "publisher": return Identity(role: .publisher, userID: "backend", name: "Fuzz")
    case "user": return Identity(role: .user, userID: "u1", name: "Ada")
    default: return .anonymous
    }
}

/// Runs the resolvers to the end, over a new in-memory store so inputs stay independent.
func execute(_ operation: PreparedHTTPOperation, identity: Identity) -> HTTPResponse {
    let context = RequestContext(identity: identity, store: InMemoryStore(), publish: { _ in })
    return runBlocking { await operation.execute(context: context) }
}

func check(_ response: HTTPResponse) {
    let body = String(decoding: response.body, as: UTF8.self)
    require(allowedStatuses.contains(response.status), "status \(response.status): \(body)")
    require(response.contentType.hasPrefix("application/"), "content type \(response.contentType)")
    guard case .object(let object)? = try? JSON.parse(response.body) else {
        require(false, "body is not a JSON object: \(body)")
        return
    }
    switch object["errors"] {
    case nil:
        require(object["data"] != nil, "neither data nor errors: \(body)")
    case .array(let errors)?:
        require(!errors.isEmpty, "empty errors list: \(body)")
    default:
        require(false, "errors is not a list: \(body)")
    }
}
