import GraphQL

/// Why an HTTP request could not become a GraphQL request: each case knows its status code,
/// the headers that go with it and a message that says what was wrong. The body is always
/// GraphQL-shaped, `{"errors":[{"message":…}]}`, so a client that reads `errors` learns why.
public enum GraphQLHTTPRequestError: Error, Sendable, Hashable {
    /// Neither GET nor POST: 405 with `Allow: GET, POST`.
    case methodNotAllowed(String)
    /// `Accept` allows neither of our media types: 406.
    case notAcceptable(String)
    /// POST without `Content-Type`, or one we do not read: 415.
    case unsupportedMediaType(String?)
    /// POST with `Content-Type: application/json; charset=X` where X is not UTF-8: 415.
    case unsupportedCharset(String)
    /// The body is not JSON.
    case bodyNotJSON(String)
    /// The body is JSON but not an object.
    case bodyNotObject
    /// No `query`, or `"query": null`.
    case missingQuery
    case queryNotString
    case operationNameNotString
    case variablesNotObject
    case extensionsNotObject
    /// GET `variables=` / `extensions=` that is not JSON.
    case parameterNotJSON(name: String, reason: String)
    /// A GET parameter given twice.
    case repeatedParameter(String)

    public var status: Int {
        switch self {
        case .methodNotAllowed: return 405
        case .notAcceptable: return 406
        case .unsupportedMediaType, .unsupportedCharset: return 415
        default: return 400
        }
    }

    public var headers: [(name: String, value: String)] {
        if case .methodNotAllowed = self { return [("Allow", "GET, POST")] }
        return []
    }

    public var message: String {
        switch self {
        case .methodNotAllowed(let method):
            return "Method \(method) is not allowed for GraphQL requests; use GET or POST."
        case .notAcceptable(let accept):
            return
                "None of the media types in Accept: \(accept) can be served; accept application/graphql-response+json or application/json."
        case .unsupportedMediaType(nil):
            return "Missing Content-Type header; send the request body as application/json."
        case .unsupportedMediaType(let type?):
            return "Unsupported Content-Type '\(type)'; send the request body as application/json."
        case .unsupportedCharset(let charset):
            return "Unsupported charset '\(charset)'; send the request body as UTF-8."
        case .bodyNotJSON(let reason):
            return "The request body is not valid JSON: \(reason)."
        case .bodyNotObject:
            return "The request body must be a JSON object with a 'query' string."
        case .missingQuery:
            return "The GraphQL request has no 'query' parameter."
        case .queryNotString:
            return "The 'query' parameter must be a string."
        case .operationNameNotString:
            return "The 'operationName' parameter must be a string or null."
        case .variablesNotObject:
            return "The 'variables' parameter must be a JSON object or null."
        case .extensionsNotObject:
            return "The 'extensions' parameter must be a JSON object or null."
        case .parameterNotJSON(let name, let reason):
            return "The '\(name)' parameter is not valid JSON: \(reason)."
        case .repeatedParameter(let name):
            return "The '\(name)' parameter is given more than once."
        }
    }
}

extension HTTPResponse {
    /// `{"errors":[…]}` with the given status, in `mediaType`.
    static func graphQLErrors(
        _ errors: [GraphQLError], status: Int, mediaType: GraphQLMediaType,
        headers: [(name: String, value: String)] = []
    ) -> HTTPResponse {
        var body: [UInt8] = Array(#"{"errors":"#.utf8)
        encodeErrors(errors, into: &body)
        body.append(UInt8(ascii: "}"))
        return HTTPResponse(status: status, contentType: mediaType.contentType, headers: headers, body: body)
    }

    /// The response to a request that is not a well-formed GraphQL-over-HTTP request. In the
    /// negotiated media type when there is one (JSON when `Accept` is what failed).
    static func requestError(_ error: GraphQLHTTPRequestError, mediaType: GraphQLMediaType?) -> HTTPResponse {
        graphQLErrors(
            [GraphQLError(error.message)], status: error.status, mediaType: mediaType ?? .json, headers: error.headers)
    }
}
