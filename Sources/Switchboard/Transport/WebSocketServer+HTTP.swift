import CLibWebSockets

extension WebSocketServer {
    // MARK: - Public API (service thread)

    /// Answers the request named by `exchange`. Does nothing if its connection has gone or it was
    /// already answered.
    public func respond(to exchange: HTTPExchange, with response: HTTPResponse) {
        assertOnServiceThread()
        guard let connection = connections[exchange.connection], connection.kind == .http,
              connection.httpSerial == exchange.serial, connection.httpAwaitingResponse,
              let wsi = connection.wsi else { return }
        connection.httpAwaitingResponse = false
        connection.httpResponse = response
        lws_callback_on_writable(wsi)
    }

    // MARK: - Upgrade

    static let methodTokens: [(lws_token_indexes, String)] = [
        (WSI_TOKEN_GET_URI, "GET"), (WSI_TOKEN_POST_URI, "POST"), (WSI_TOKEN_PUT_URI, "PUT"),
        (WSI_TOKEN_PATCH_URI, "PATCH"), (WSI_TOKEN_DELETE_URI, "DELETE"),
        (WSI_TOKEN_OPTIONS_URI, "OPTIONS"), (WSI_TOKEN_HEAD_URI, "HEAD"),
    ]

    /// `LWS_CALLBACK_HTTP_CONFIRM_UPGRADE`: the headers are still here. Refuse (404, 503, the
    /// handler's status) by answering ourselves and returning 1, or accept by returning 0.
    ///
    /// Subprotocols: lws 4.1 binds the first offered name it has a protocol for and fails the
    /// handshake when it has none; it echoes the bound protocol's name when the client sent the
    /// header and the name is not empty. So when the client offers names but not ours, protocol
    /// [2] is renamed to the first offered token (tokenized as lws does) so that lws binds it,
    /// and blanked again in FILTER_PROTOCOL_CONNECTION — before the handshake is written — so the
    /// answer carries no `Sec-WebSocket-Protocol`. All of it runs within this one callback chain
    /// on the service thread.
    func confirmUpgrade(_ wsi: OpaquePointer, _ input: UnsafeMutableRawPointer?) -> Int32 {
        wildcardName?[0] = 0
        guard let input, String(cString: input.assumingMemoryBound(to: CChar.self)).lowercased() == "websocket" else {
            return 0
        }
        let connection = connectionRecord(for: wsi)
        let path = copyHeader(wsi, WSI_TOKEN_GET_URI) ?? ""
        if stopping { return refuse(wsi, 503) }
        if path != configuration.webSocketPath { return refuse(wsi, 404) }
        if webSocketCount >= configuration.maxConnections {
            handler.didEnforceLimit(.connections)
            return refuse(wsi, 503, headers: "retry-after: \(Self.connectionsRetryAfterSeconds)\r\n",
                          body: "Too many connections (the server allows \(configuration.maxConnections)); try again later\n")
        }

        let headers = collectHeaders(wsi)
        let offered = (headers["sec-websocket-protocol"] ?? "")
            .split(separator: ",")
            .map(trimmingOptionalWhitespace)
            .filter { !$0.isEmpty }
        let subprotocol = offered.contains(configuration.subprotocol) ? configuration.subprotocol : nil
        let upgrade = UpgradeRequest(path: path, queryItems: queryItems(wsi), headers: headers,
                                     offeredSubprotocols: offered, subprotocol: subprotocol,
                                     remoteAddress: connection.remoteAddress)

        connection.kind = .webSocket
        connection.state = .upgrading
        connection.subprotocol = subprotocol
        webSocketCount += 1
        switch handler.didOpen(connection, upgrade: upgrade) {
        case .accept:
            break
        case let .reject(status):
            connection.kind = .http
            connection.subprotocol = nil
            connection.outbound.removeAll()
            cancelAllTimers(connection)
            webSocketCount -= 1
            return refuse(wsi, status)
        }
        if subprotocol == nil && lws_hdr_total_length(wsi, WSI_TOKEN_PROTOCOL) > 0, let wildcardName {
            _ = sb_first_offered_protocol(wsi, wildcardName, Int32(Self.wildcardNameCapacity))
        }
        return 0
    }

    /// What a 503 for `maxConnections` tells the client to wait: long enough not to hammer a
    /// full server, short enough that a freed slot is soon used.
    static let connectionsRetryAfterSeconds = 5

    /// Answers a refused upgrade ourselves: lws_return_http_status() labels it HTTP/1.0 here,
    /// which WebSocket clients reject as "not a valid HTTP response". `headers` are extra
    /// header lines, each ending in CRLF.
    private func refuse(_ wsi: OpaquePointer, _ status: Int, headers: String = "", body: String? = nil) -> Int32 {
        let body = body ?? "\(status) \(Self.reasonPhrase(status))\n"
        let text = "HTTP/1.1 \(status) \(Self.reasonPhrase(status))\r\ncontent-type: text/plain; charset=utf-8\r\n"
            + headers + "content-length: \(body.utf8.count)\r\nconnection: close\r\n\r\n" + body
        let bytes = Array(text.utf8)
        let pre = Int(sb_lws_pre())
        let base = scratch.reserve(pre + bytes.count)
        let start = (base + pre).assumingMemoryBound(to: UInt8.self)
        start.update(from: bytes, count: bytes.count)
        if lws_write(wsi, start, bytes.count, LWS_WRITE_HTTP_HEADERS) != bytes.count { return -1 }
        return 1
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 411: "Length Required"
        case 429: "Too Many Requests"
        case 503: "Service Unavailable"
        default: "Error"
        }
    }

    // MARK: - Requests

    func httpRequestHeaders(_ wsi: OpaquePointer) -> Int32 {
        let connection = connectionRecord(for: wsi)
        var method = "GET", path = ""
        for (token, name) in Self.methodTokens {
            let length = Int(lws_hdr_total_length(wsi, token))
            if length > 0 {
                method = name
                path = copyHeader(wsi, token, length: length) ?? ""
                break
            }
        }
        let headers = collectHeaders(wsi)
        nextHTTPSerial += 1
        connection.httpSerial = nextHTTPSerial
        connection.httpAwaitingResponse = false
        connection.httpResponse = nil
        connection.httpBodyOverflow = false
        let request = HTTPRequest(method: method, path: path, queryItems: queryItems(wsi), headers: headers,
                                  body: [], remoteAddress: connection.remoteAddress)
        let contentLength = Int(headers["content-length"] ?? "") ?? 0
        let chunked = headers["transfer-encoding"]?.lowercased().contains("chunked") ?? false
        if chunked {
            // lws 4.1 never completes a chunked request body: refuse it and drop the connection
            // (the chunks would otherwise be read as the next request).
            nextHTTPSerial += 1
            connection.httpSerial = nextHTTPSerial
            connection.httpAwaitingResponse = true
            connection.httpCloseAfterResponse = true
            respond(to: HTTPExchange(connection: connection.id, serial: connection.httpSerial),
                    with: HTTPResponse(status: 411, headers: [("Connection", "close")], text: "Content-Length required\n"))
            return 0
        }
        if contentLength > 0 {
            connection.httpRequest = request
            connection.httpBodyOverflow = contentLength > configuration.maxBodyBytes
            if !connection.httpBodyOverflow { connection.httpRequest!.body.reserveCapacity(contentLength) }
            return 0
        }
        dispatch(connection, request)
        return 0
    }

    func httpBody(_ wsi: OpaquePointer, _ input: UnsafeMutableRawPointer?, _ length: Int) -> Int32 {
        guard let connection = connection(of: wsi), connection.httpRequest != nil else { return 0 }
        if connection.httpBodyOverflow { return 0 }
        if connection.httpRequest!.body.count + length > configuration.maxBodyBytes {
            connection.httpBodyOverflow = true
            connection.httpRequest!.body = []
            return 0
        }
        if length > 0, let input {
            connection.httpRequest!.body.append(contentsOf: UnsafeRawBufferPointer(start: input, count: length))
        }
        return 0
    }

    func httpBodyComplete(_ wsi: OpaquePointer) -> Int32 {
        guard let connection = connection(of: wsi), let request = connection.httpRequest else { return 0 }
        connection.httpRequest = nil
        dispatch(connection, request)
        return 0
    }

    private func dispatch(_ connection: Connection, _ request: HTTPRequest) {
        connection.httpAwaitingResponse = true
        let exchange = HTTPExchange(connection: connection.id, serial: connection.httpSerial)
        if connection.httpBodyOverflow {
            handler.didEnforceLimit(.bodyBytes)
            respond(to: exchange, with: HTTPResponse(
                status: 413, text: "Request body too large: the limit is \(configuration.maxBodyBytes) bytes\n"))
        } else if stopping {
            respond(to: exchange, with: HTTPResponse(status: 503, text: "Shutting down\n"))
        } else {
            handler.didReceiveHTTP(request, exchange: exchange)
        }
    }

    /// Writes the pending response, headers and body in one write (one segment, one wake-up
    /// of the client instead of two), then goes back to keep-alive. The connection speaks
    /// HTTP/1.1 only (ALPN offers nothing else), where a response is plain bytes on the
    /// socket, so the headers lws builds and the body can share one raw write.
    func httpWritable(_ wsi: OpaquePointer) -> Int32 {
        guard let connection = connection(of: wsi), let response = connection.httpResponse else { return 0 }
        connection.httpResponse = nil
        let pre = Int(sb_lws_pre())
        var headerRoom = 512 + response.contentType.utf8.count
        for header in response.headers { headerRoom += header.name.utf8.count + header.value.utf8.count + 8 }
        let base = scratch.reserve(pre + headerRoom + response.body.count)
        let start = (base + pre).assumingMemoryBound(to: UInt8.self)
        let end = start + headerRoom
        var p: UnsafeMutablePointer<UInt8>? = start
        if lws_add_http_common_headers(wsi, UInt32(response.status), response.contentType,
                                       lws_filepos_t(response.body.count), &p, end) != 0 { return -1 }
        for header in response.headers {
            let name = header.name.lowercased() + ":"
            var value = Array(header.value.utf8)
            if lws_add_http_header_by_name(wsi, name, &value, Int32(value.count), &p, end) != 0 { return -1 }
        }
        if lws_finalize_http_header(wsi, &p, end) != 0 { return -1 }
        guard var cursor = p else { return -1 }
        response.body.withUnsafeBytes { body in
            if let source = body.baseAddress {
                cursor.update(from: source.assumingMemoryBound(to: UInt8.self), count: body.count)
                cursor += body.count
            }
        }
        let length = cursor - start
        if lws_write(wsi, start, length, LWS_WRITE_HTTP_HEADERS) != length { return -1 }
        if connection.httpCloseAfterResponse { return -1 }
        return lws_http_transaction_completed(wsi) != 0 ? -1 : 0
    }
}

/// `s` without the spaces and tabs (RFC 9110 OWS) around it, cut on the UTF-8 bytes.
/// (Foundation's `trimmingCharacters(in: .whitespaces)` was 8% of the service thread's time per
/// connect + init + close.)
private func trimmingOptionalWhitespace(_ s: Substring) -> String {
    let bytes = s.utf8
    guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
          let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
    return String(decoding: bytes[first...last], as: UTF8.self)
}
