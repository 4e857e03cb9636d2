import GraphQL

// GraphQL over HTTP (the GraphQL-over-HTTP specification, and contract.md's "Endpoints"), free
// of any transport: an `HTTPRequest` in, an `HTTPResponse` out.
//
// Two steps, because they run on different threads:
// 1. `prepare` (synchronous, on the service thread): method, `Accept`, `Content-Type`, the
//    parameters, the document from the `DocumentCache` (which is the service thread's, without
//    a lock), the operation, the method/operation-type rules and variable coercion. Every
//    request that cannot be executed is answered here, without a `Task`.
// 2. `PreparedHTTPOperation.execute(context:)` (async, `Sendable`, any thread): runs the
//    resolvers and shapes the response. The server starts it in a `Task` and posts the
//    response back to the service thread (`WebSocketServer.post { respond(to:with:) }`).
//
// A body over `--max-body-bytes` never reaches this layer: the transport answers 413 itself.
// `Authorization` (401 for a bad token) belongs to the identity layer, which builds the
// `RequestContext` before step 2.

/// What `GraphQLHTTPHandler.prepare` decided: answer now, or execute.
public enum HTTPPreparation: Sendable {
    /// The request is answered without executing anything (malformed, not acceptable, a
    /// document that does not parse or validate, a mutation over GET, a subscription…).
    case respond(HTTPResponse)
    /// A query or mutation ready to execute.
    case execute(PreparedHTTPOperation)
}

/// Answers GraphQL-over-HTTP requests for one schema.
///
/// Not `Sendable`: it reads and fills the `DocumentCache`, which belongs to the service thread.
/// The server calls `prepare` there and hands the `PreparedHTTPOperation` (which is `Sendable`)
/// to a `Task`; Swift 6 refuses to capture the handler itself in that `Task`, which keeps the
/// cache on its thread.
public final class GraphQLHTTPHandler {
    public let schema: Schema
    public let resolvers: Resolvers
    public let documentCache: DocumentCache
    /// Operations kept per document and operation name: a known request only coerces its
    /// variables. The service thread's, like the document cache.
    public let operationCache = PreparedOperationCache()
    /// `ws` or `wss`: the scheme of the WebSocket endpoint a subscription over HTTP is sent to.
    public let webSocketScheme: String

    public init(schema: Schema, resolvers: Resolvers, documentCache: DocumentCache, webSocketScheme: String = "ws") {
        self.schema = schema
        self.resolvers = resolvers
        self.documentCache = documentCache
        self.webSocketScheme = webSocketScheme
    }

    /// Prepares and executes `request`: `prepare` then `execute`.
    ///
    /// `prepare` touches the `DocumentCache`, so call this only on the thread that owns the cache
    /// (tests, tools). The server calls `prepare` on its service thread and
    /// `PreparedHTTPOperation.execute(context:)` in a `Task`.
    public func handle(_ request: HTTPRequest, context: RequestContext) async -> HTTPResponse {
        switch prepare(request) {
        case .respond(let response): return response
        case .execute(let operation): return await operation.execute(context: context)
        }
    }

    /// Everything that does not need the resolvers, synchronously. Call it on the thread that
    /// owns the `DocumentCache` (the service thread).
    public func prepare(_ request: HTTPRequest) -> HTTPPreparation {
        // The method first (405 names what is allowed whatever the client accepts), then Accept:
        // every later answer is written in the negotiated media type.
        let method = request.method.uppercased()
        let accept = request.header("accept")
        let mediaType = negotiate(accept: accept)
        guard method == "GET" || method == "POST" else {
            return .respond(.requestError(.methodNotAllowed(request.method), mediaType: mediaType))
        }
        guard let mediaType else {
            return .respond(.requestError(.notAcceptable(accept ?? ""), mediaType: nil))
        }
        let parameters: GraphQLHTTPRequest
        switch GraphQLHTTPRequest.parse(request) {
        case .success(let p): parameters = p
        case .failure(let error): return .respond(.requestError(error, mediaType: mediaType))
        }
        return prepare(parameters, mediaType: mediaType, host: request.header("host"))
    }

    /// `ContentNegotiation.negotiate`, remembered per `Accept` value: clients send the same few,
    /// and parsing one was 13% of the service thread's time per HTTP mutation.
    func negotiate(accept: String?) -> GraphQLMediaType? {
        guard let accept else { return ContentNegotiation.negotiate(accept: nil) }
        if let known = negotiated[accept] { return known.mediaType }
        let mediaType = ContentNegotiation.negotiate(accept: accept)
        if negotiated.count >= Self.negotiatedLimit { negotiated.removeAll(keepingCapacity: true) }
        negotiated[accept] = Negotiated(mediaType: mediaType)
        return mediaType
    }

    private struct Negotiated { let mediaType: GraphQLMediaType? }
    private var negotiated: [String: Negotiated] = [:]
    private static let negotiatedLimit = 64

    /// The GraphQL half of `prepare`, for parameters already read.
    public func prepare(_ request: GraphQLHTTPRequest, mediaType: GraphQLMediaType, host: String? = nil)
        -> HTTPPreparation
    {
        // A well-formed request the server will not execute: 400 under
        // application/graphql-response+json, 200 under application/json (the specification's
        // "Document parsing failure", "Document validation failure", "Operation cannot be
        // determined", "Variable coercion failure").
        func notExecuted(_ errors: [GraphQLError]) -> HTTPPreparation {
            .respond(.graphQLErrors(errors, status: mediaType.requestErrorStatus, mediaType: mediaType))
        }

        let document: Document
        switch documentCache.document(for: request.query, schema: schema) {
        case .valid(let d): document = d
        case .invalid(let errors, _): return notExecuted(errors)
        }

        let operation: OperationDefinition
        do {
            operation = try selectOperation(document: document, operationName: request.operationName)
        } catch {
            return notExecuted(error.errors)
        }

        switch operation.operation {
        case .mutation where request.method == .get:
            // GET is safe: the specification says 405 whatever the media type.
            let error = GraphQLError(
                "Mutations cannot be sent with GET; use POST.", source: document.source, nodes: [operation.loc])
            return .respond(.graphQLErrors([error], status: 405, mediaType: mediaType, headers: [("Allow", "POST")]))
        case .subscription:
            // contract.md: 400 under either media type, pointing to the socket.
            let error = GraphQLError(
                "Subscriptions are served over WebSocket at \(webSocketURL(host: host)) (subprotocol graphql-transport-ws).",
                source: document.source, nodes: [operation.loc])
            return .respond(.graphQLErrors([error], status: 400, mediaType: mediaType))
        default:
            break
        }

        let prepared: PreparedOperation
        do {
            prepared = try operationCache.prepared(
                text: request.query, document: document, operationName: request.operationName,
                variables: request.variables, schema: schema)
        } catch {
            // Variable coercion: the client's input is at fault.
            return notExecuted(error.errors.map { $0.code == nil ? $0.withCode("BAD_USER_INPUT") : $0 })
        }
        return .execute(
            PreparedHTTPOperation(request: request, operation: prepared, mediaType: mediaType, resolvers: resolvers))
    }

    /// `ws://<Host>/graphql`, or `ws://HOST:PORT/graphql` when the request named no host.
    func webSocketURL(host: String?) -> String {
        let host = host.flatMap { $0.isEmpty ? nil : $0 } ?? "HOST:PORT"
        return "\(webSocketScheme)://\(host)/graphql"
    }
}

/// A query or mutation whose parameters, document, operation and variables are all good:
/// what is left is running the resolvers. `Sendable`, so the server can execute it in a `Task`.
public struct PreparedHTTPOperation: Sendable {
    public let request: GraphQLHTTPRequest
    public let operation: PreparedOperation
    public let mediaType: GraphQLMediaType
    public let resolvers: Resolvers

    public var operationType: OperationType { operation.operationType }

    /// Runs the resolvers with `context` (the `RequestContext` every resolver receives) and
    /// shapes the response: `{"data":…,"errors"?:…}`, 200 (field errors keep their `path`,
    /// `locations` and `extensions.code`).
    public func execute(context: RequestContext) async -> HTTPResponse {
        let result = await operation.execute(rootValue: .null, context: context, resolvers: resolvers)
        return HTTPResponse.graphQLResult(result, mediaType: mediaType)
    }
}

extension GraphQLMediaType {
    /// The status of a well-formed request that produced no `data`.
    var requestErrorStatus: Int { self == .graphQLResponseJSON ? 400 : 200 }
}

extension HTTPResponse {
    /// An execution result: 200 when it has `data` (even `null`, even with field errors);
    /// without `data`, a request error: 400 under application/graphql-response+json.
    static func graphQLResult(_ result: ExecutionResult, mediaType: GraphQLMediaType) -> HTTPResponse {
        HTTPResponse(
            status: result.hasData ? 200 : mediaType.requestErrorStatus, contentType: mediaType.contentType,
            body: result.encoded())
    }
}
