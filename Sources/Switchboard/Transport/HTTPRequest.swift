/// An HTTP/1.1 request, handed to the handler once its whole body has arrived.
public struct HTTPRequest: Sendable {
    public var method: String
    public var path: String
    /// The query string as name=value pairs, each already percent-decoded by libwebsockets.
    public var queryItems: [(name: String, value: String)]
    /// Request headers by lowercase name (the headers libwebsockets knows by name).
    public var headers: [String: String]
    public var body: [UInt8]
    public var remoteAddress: String

    /// Public so that code outside the transport (the fuzz targets in Fuzzing/) can build requests.
    public init(
        method: String, path: String, queryItems: [(name: String, value: String)], headers: [String: String],
        body: [UInt8], remoteAddress: String
    ) {
        self.method = method
        self.path = path
        self.queryItems = queryItems
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
    public func queryValue(_ name: String) -> String? { queryItems.first { $0.name == name }?.value }
}

/// Names one request so that its response may be given later (from a `post` closure). Responding
/// to an exchange whose connection has gone, or twice, does nothing.
public struct HTTPExchange: Sendable, Hashable {
    public let connection: ConnectionID
    let serial: UInt64
}
