import GraphQL

/// The parameters of a GraphQL-over-HTTP request (the specification's "Request Parameters"),
/// read from a POST body or a GET query string. `null` for an optional parameter is the same
/// as leaving it out.
public struct GraphQLHTTPRequest: Sendable, Hashable {
/// The HTTP method: a mutation over GET is refused (405).
    public enum Method: String, Sendable, Hashable {
        case get = "GET"
        case post = "POST"
    }

    public var method: Method
    /// The document text; it need not parse to make the request well-formed.
    public var query: String
    public var operationName: String?
    public var variables: JSONObject
    public var extensions: JSONObject

    public init(
        method: Method, query: String, operationName: String? = nil, variables: JSONObject = [:],
        extensions: JSONObject = [:]
    ) {
        self.method = method
        self.query = query
        self.operationName = operationName
        self.variables = variables
        self.extensions = extensions
    }

    /// Reads the parameters of `request`. The method must already be GET or POST.
    ///
    /// - POST: `Content-Type: application/json` (any case, parameters allowed, `charset` UTF-8
    ///   when given); the body one JSON object with `query` (string), `operationName`
    ///   (string|null), `variables` and `extensions` (object|null). Other keys are reserved for
    ///   the specification's future and ignored.
    /// - GET: `query`, `operationName` (the empty string means none), `variables` and
    ///   `extensions` as JSON text (empty means none) in the query string, already
    ///   percent-decoded by the transport.
    public static func parse(_ request: HTTPRequest) -> Result<GraphQLHTTPRequest, GraphQLHTTPRequestError> {
        switch request.method.uppercased() {
        case "POST": return parsePOST(request)
        case "GET": return parseGET(request)
        default: return .failure(.methodNotAllowed(request.method))
        }
    }

    static func parsePOST(_ request: HTTPRequest) -> Result<GraphQLHTTPRequest, GraphQLHTTPRequestError> {
        guard let contentType = request.header("content-type"),
            contentType.contains(where: { !$0.isWhitespace })
        else { return .failure(.unsupportedMediaType(nil)) }
        let (mediaType, charset) = ContentNegotiation.parseContentType(contentType)
        guard mediaType == "application/json" else { return .failure(.unsupportedMediaType(mediaType)) }
        if let charset, charset != "utf-8", charset != "utf8" { return .failure(.unsupportedCharset(charset)) }

        let body: JSON
        do {
            body = try JSON.parse(request.body)
        } catch {
            let reason = request.body.isEmpty ? "the body is empty" : error.message
            return .failure(.bodyNotJSON(reason))
        }
        guard case .object(let object) = body else { return .failure(.bodyNotObject) }

        let query: String
        switch object["query"] {
        case nil, .null?: return .failure(.missingQuery)
        case .string(let s)?: query = s
        default: return .failure(.queryNotString)
        }
        let operationName: String?
        switch object["operationName"] {
        case nil, .null?: operationName = nil
        case .string(let s)?: operationName = s
        default: return .failure(.operationNameNotString)
        }
        let variables: JSONObject
        switch object["variables"] {
        case nil, .null?: variables = [:]
        case .object(let o)?: variables = o
        default: return .failure(.variablesNotObject)
        }
        let extensions: JSONObject
        switch object["extensions"] {
        case nil, .null?: extensions = [:]
        case .object(let o)?: extensions = o
        default: return .failure(.extensionsNotObject)
        }
        return .success(
            GraphQLHTTPRequest(
                method: .post, query: query, operationName: operationName, variables: variables,
                extensions: extensions))
    }

    static func parseGET(_ request: HTTPRequest) -> Result<GraphQLHTTPRequest, GraphQLHTTPRequestError> {
        var values: [String: String] = [:]
        for item in request.queryItems {
            switch item.name {
            case "query", "operationName", "variables", "extensions":
                if values[item.name] != nil { return .failure(.repeatedParameter(item.name)) }
                values[item.name] = item.value
            default:
                continue  // other parameters are not ours (e.g. a cache-buster)
            }
        }
        guard let query = values["query"] else { return .failure(.missingQuery) }
        let operationName = values["operationName"].flatMap { $0.isEmpty ? nil : $0 }
        var variables: JSONObject = [:]
        var extensions: JSONObject = [:]
        for (name, notObject) in [
            ("variables", GraphQLHTTPRequestError.variablesNotObject), ("extensions", .extensionsNotObject),
        ] {
            guard let text = values[name], text.contains(where: { !$0.isWhitespace }) else { continue }
            let value: JSON
            do {
                value = try JSON.parse(text)
            } catch {
                return .failure(.parameterNotJSON(name: name, reason: error.message))
            }
            switch value {
            case .null: continue
            case .object(let o): if name == "variables" { variables = o } else { extensions = o }
            default: return .failure(notObject)
            }
        }
        return .success(
            GraphQLHTTPRequest(
                method: .get, query: query, operationName: operationName, variables: variables, extensions: extensions))
    }
}
