import GraphQL

// The HTTP side of the one port: `/graphql` (GraphQL over HTTP), `/healthz`, `/metrics`, `/`.
// Service thread; slow work (resolvers, the store) answers later through the mailbox.
extension Server {
    public func didReceiveHTTP(_ request: HTTPRequest, exchange: HTTPExchange) {
        switch request.path {
        case "/graphql":
            handleGraphQL(request, exchange: exchange)
        case "/dev/token":
            developmentToken(request, exchange: exchange)
        case "/healthz":
            guard request.method == "GET" || request.method == "HEAD" else { return methodNotAllowed(exchange, "GET") }
            healthCheck(exchange)
        case "/metrics":
            guard request.method == "GET" || request.method == "HEAD" else { return methodNotAllowed(exchange, "GET") }
            if let fanout {
                metrics.subscriptions = fanout.index.subscriberCount
                metrics.eventsPublished = fanout.metrics.events
                metrics.deliveries = fanout.metrics.deliveries
                metrics.deadLetters = fanout.metrics.deadLetters
            }
            collectLimitMetrics()
            transport.respond(to: exchange, with: HTTPResponse(
                status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8", text: metrics.render()))
        case "/":
            guard request.method == "GET" || request.method == "HEAD" else { return methodNotAllowed(exchange, "GET") }
            transport.respond(to: exchange, with: HTTPResponse(
                status: 200, contentType: "text/html; charset=utf-8", text: application.indexPage ?? Self.placeholderPage))
        default:
            transport.respond(to: exchange, with: HTTPResponse(status: 404, text: "Not found\n"))
        }
    }

    func methodNotAllowed(_ exchange: HTTPExchange, _ allow: String) {
        transport.respond(to: exchange, with: HTTPResponse(
            status: 405, headers: [("Allow", allow)], text: "Method not allowed\n"))
    }

    /// 200 `{"status":"ok"}` when the store answers a read, else 503 with what failed.
    func healthCheck(_ exchange: HTTPExchange) {
        let transport = self.transport!
        store.latestEventID { result in
            let response: HTTPResponse
            switch result {
            case .success:
                response = HTTPResponse(status: 200, contentType: "application/json", text: #"{"status":"ok"}"#)
            case .failure(let error):
                var body: [UInt8] = []
                JSON.object(["status": .string("unavailable"), "error": .string(error.message)]).encode(into: &body)
                response = HTTPResponse(status: 503, contentType: "application/json", body: body)
            }
            transport.post { transport.respond(to: exchange, with: response) }
        }
    }

    /// GraphQL over HTTP: prepared here (document cache, negotiation, status rules), the
    /// resolvers run in a `Task`, the response comes back through the mailbox.
    func handleGraphQL(_ request: HTTPRequest, exchange: HTTPExchange) {
        // While POSTs are mutations (a backend publishing), let a sleeping writer wake while
        // this one is checked and planned. Not after a query: a writer woken for nothing polls
        // for 0.3 ms, which query traffic must not pay per request.
        let isPost = request.method == "POST"
        if isPost && lastPostWasMutation { store.expectWrite() }
        // The token first: a bad one is 401 whatever the request holds.
        guard let identity = identity(of: request, exchange: exchange) else { return }
        let prepared = http.prepare(request)
        if isPost {
            if case .execute(let operation) = prepared {
                lastPostWasMutation = operation.operationType == .mutation
            } else {
                lastPostWasMutation = false
            }
        }
        switch prepared {
        case .respond(let response):
            transport.respond(to: exchange, with: response)
        case .execute(let operation):
            let context = requestContext(identity: identity)
            let transport = self.transport!
            let work: @Sendable () async -> Void = {
                let response = await operation.execute(context: context)
                // A mutation's task ends on the service thread: its answer is queued there and
                // then, and the fan-out its resolver posted follows.
                transport.runOnServiceThread { transport.respond(to: exchange, with: response) }
            }
            startExecution(mutation: operation.operationType == .mutation, work)
        }
    }

    static let placeholderPage = """
    <!doctype html>
    <html lang="en">
    <head><meta charset="utf-8"><title>Switchboard</title></head>
    <body>
    <h1>Switchboard</h1>
    <p>A GraphQL subscription server. Subscribe over WebSocket at <code>/graphql</code>
    (subprotocol <code>graphql-transport-ws</code>); query and publish with
    <code>POST /graphql</code>.</p>
    </body>
    </html>

    """
}
