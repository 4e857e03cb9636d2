/// A complete HTTP response: status, headers, body. `Content-Length` and keep-alive are handled by
/// the transport.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var contentType: String
    /// Extra headers (name without the colon, e.g. `("Cache-Control", "no-store")`).
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, contentType: String = "text/plain; charset=utf-8",
                headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.contentType = contentType
        self.headers = headers
        self.body = body
    }

    public init(status: Int, contentType: String = "text/plain; charset=utf-8",
                headers: [(name: String, value: String)] = [], text: String) {
        self.init(status: status, contentType: contentType, headers: headers, body: Array(text.utf8))
    }
}
