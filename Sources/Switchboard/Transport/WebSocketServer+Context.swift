import CLibWebSockets
import Foundation

/// The one C callback for every protocol: finds the server from the context's user pointer.
func transportCallback(_ wsi: OpaquePointer?, _ reason: lws_callback_reasons, _ user: UnsafeMutableRawPointer?,
                       _ input: UnsafeMutableRawPointer?, _ length: Int) -> Int32 {
    guard let wsi, let context = lws_get_context(wsi), let raw = lws_context_user(context) else { return 0 }
    let server = Unmanaged<WebSocketServer>.fromOpaque(raw).takeUnretainedValue()
    return server.handle(wsi, reason, input, length)
}

extension WebSocketServer {
    /// The service thread's shared buffer (`pt_serv_buf_size`), also the most one send() takes.
    static let serviceBufferSize = 32 * 1024
    /// Each WebSocket's own receive buffer: a subscribe message fits whole.
    static let webSocketRxBufferSize = 1024

    /// Context and vhost: one listening port for HTTP/1.1 and WebSocket, TLS when configured.
    ///
    /// Protocols: [0] plain HTTP (also bound by an upgrade that offers no subprotocol: lws then
    /// answers without a `Sec-WebSocket-Protocol` header), [1] the configured subprotocol, [2] a
    /// protocol whose name is rewritten per upgrade (see `confirmUpgrade`).
    func createContext() -> OpaquePointer? {
        lws_set_log_level(configuration.libwebsocketsLogLevel, nil)

        let protocols = UnsafeMutablePointer<lws_protocols>.allocate(capacity: 4)
        protocols.initialize(repeating: lws_protocols(), count: 4)
        let wildcard = UnsafeMutablePointer<CChar>.allocate(capacity: Self.wildcardNameCapacity)
        wildcard.initialize(repeating: 0, count: Self.wildcardNameCapacity)
        protocols[0].name = UnsafePointer(cString("switchboard-http"))
        protocols[0].callback = transportCallback
        protocols[1].name = UnsafePointer(cString(configuration.subprotocol))
        protocols[1].callback = transportCallback
        protocols[2].name = UnsafePointer(wildcard)
        protocols[2].callback = transportCallback
        // Every WebSocket gets an rx buffer of rx_buffer_size (0: pt_serv_buf_size, 32 KiB) for
        // its whole life; most of an idle connection's memory was that buffer (its first and last
        // pages resident). Messages larger than the buffer arrive in pieces and are reassembled
        // (webSocketReceive). The send limit stays what it was (tx_packet_size 0 would tie it to
        // the rx size).
        for index in 1...2 {
            protocols[index].rx_buffer_size = Self.webSocketRxBufferSize
            protocols[index].tx_packet_size = Self.serviceBufferSize
        }
        self.protocols = protocols
        self.wildcardName = wildcard

        var info = lws_context_creation_info()
        info.port = Int32(configuration.port)
        let host = configuration.host
        if !(host.isEmpty || host == "0.0.0.0" || host == "::" || host == "*") {
            info.iface = UnsafePointer(cString(host))
        }
        info.protocols = UnsafePointer(protocols)
        info.user = Unmanaged.passUnretained(self).toOpaque()
        info.vhost_name = UnsafePointer(cString("default"))
        info.pt_serv_buf_size = UInt32(Self.serviceBufferSize)
        info.count_threads = 1
        info.alpn = UnsafePointer(cString("http/1.1"))
        // lws' validity (idle/ping) timer off for every connection: with a policy it re-sorts a
        // per-connection timer on every frame, and without one lws falls back to a default
        // policy of its own. An explicit all-zero policy (no hangup time) makes
        // `lws_validity_confirmed` return at once. Keepalive is ours: WebSocketServer+Keepalive.
        let policy = UnsafeMutablePointer<lws_retry_bo_t>.allocate(capacity: 1)
        policy.initialize(to: lws_retry_bo_t(
            retry_ms_table: nil, retry_ms_table_count: 0, conceal_count: 0,
            secs_since_valid_ping: 0, secs_since_valid_hangup: 0, jitter_percent: 0))
        retryPolicy = policy
        info.retry_and_idle_policy = UnsafePointer(policy)
        if let cert = configuration.tlsCertificatePath, let key = configuration.tlsKeyPath {
            info.options |= UInt64(LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT)
            info.ssl_cert_filepath = UnsafePointer(cString(cert))
            info.ssl_private_key_filepath = UnsafePointer(cString(key))
        }

        info.options |= eventLoopOptions()
        if usesEventLibrary { info.signal_cb = transportEventLibrarySignal }

        let signals = savedSignalDispositions()
        savedSignals = signals
        let created = lws_create_context(&info)
        restoreSignalDispositions(signals)
        guard let context = created else { return nil }
        if let vhost = lws_get_vhost_by_name(context, "default") {
            let port = Int(lws_get_vhost_listen_port(vhost))
            if port <= 0 {
                lws_context_destroy(context)
                return nil
            }
            listenPort = port
        }
        return context
    }

    /// A C string that lives as long as the server.
    func cString(_ s: String) -> UnsafeMutablePointer<CChar> {
        let p = strdup(s)!
        cStrings.append(p)
        return p
    }

    /// Dispatches one libwebsockets callback. Service thread.
    func handle(_ wsi: OpaquePointer, _ reason: lws_callback_reasons,
                _ input: UnsafeMutableRawPointer?, _ length: Int) -> Int32 {
        switch reason {
        case LWS_CALLBACK_SERVER_WRITEABLE:
            return webSocketWritable(wsi)
        case LWS_CALLBACK_RECEIVE:
            return webSocketReceive(wsi, input, length)
        case LWS_CALLBACK_RECEIVE_PONG:
            // Only pongs with a payload get here (lws 4.1 swallows empty ones); ours carry one.
            if let connection = connection(of: wsi) { heard(connection) }
            return 0
        case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
            awaitAnnouncedWork()
            // lws tells each protocol of the vhost (three here, from its own copy of the table,
            // whose names are ours); the pacer takes its turn once, with the first.
            if lws_get_protocol(wsi)?.pointee.name == protocols?[0].name, pacerWakePending || mailbox.hasWork {
                pacerTurn()
            }
            if mailbox.drain(), let context { lws_cancel_service(context) }
            checkStopFlag()
            return 0
        case LWS_CALLBACK_HTTP_CONFIRM_UPGRADE:
            return confirmUpgrade(wsi, input)
        case LWS_CALLBACK_FILTER_PROTOCOL_CONNECTION:
            // The protocol is bound; blank the rewritten name so the handshake answers without a
            // Sec-WebSocket-Protocol header (lws echoes only a non-empty name).
            wildcardName?[0] = 0
            return 0
        case LWS_CALLBACK_ESTABLISHED:
            webSocketEstablished(wsi)
            return 0
        case LWS_CALLBACK_WS_PEER_INITIATED_CLOSE:
            webSocketPeerClosing(wsi, input, length)
            return 0
        case LWS_CALLBACK_CLOSED:
            if let connection = connection(of: wsi) { reportClosed(connection) }
            return 0
        case LWS_CALLBACK_HTTP:
            return httpRequestHeaders(wsi)
        case LWS_CALLBACK_HTTP_BODY:
            return httpBody(wsi, input, length)
        case LWS_CALLBACK_HTTP_BODY_COMPLETION:
            return httpBodyComplete(wsi)
        case LWS_CALLBACK_HTTP_WRITEABLE:
            return httpWritable(wsi)
        case LWS_CALLBACK_CLOSED_HTTP:
            if let connection = connection(of: wsi) { connection.httpRequest = nil; connection.httpResponse = nil }
            return 0
        case LWS_CALLBACK_WSI_DESTROY:
            wsiDestroyed(wsi)
            return 0
        default:
            return 0
        }
    }

    // MARK: - Connection records

    func connection(of wsi: OpaquePointer) -> Connection? {
        guard let raw = lws_get_opaque_user_data(wsi) else { return nil }
        return Unmanaged<Connection>.fromOpaque(raw).takeUnretainedValue()
    }

    /// The record for `wsi`, made on its first HTTP request or upgrade; held until WSI_DESTROY.
    func connectionRecord(for wsi: OpaquePointer) -> Connection {
        if let existing = connection(of: wsi) { return existing }
        var name = [CChar](repeating: 0, count: 64)
        let address: String
        if let p = lws_get_peer_simple(wsi, &name, name.count) {
            let peer = String(cString: p)
            // A dual-stack listener reports IPv4 peers as IPv4-mapped IPv6.
            address = peer.hasPrefix("::ffff:") && peer.contains(".") ? String(peer.dropFirst(7)) : peer
        } else {
            address = ""
        }
        nextConnectionID += 1
        let connection = Connection(id: ConnectionID(rawValue: nextConnectionID), wsi: wsi, remoteAddress: address)
        lws_set_opaque_user_data(wsi, Unmanaged.passRetained(connection).toOpaque())
        connections[connection.id] = connection
        return connection
    }

    func wsiDestroyed(_ wsi: OpaquePointer) {
        guard let raw = lws_get_opaque_user_data(wsi) else { return }
        let connection = Unmanaged<Connection>.fromOpaque(raw).takeUnretainedValue()
        connectionGone(connection)
        lws_set_opaque_user_data(wsi, nil)
        Unmanaged<Connection>.fromOpaque(raw).release()
    }

    /// The socket is gone for good: report it (once) and forget it.
    func connectionGone(_ connection: Connection) {
        reportClosed(connection)
        connection.wsi = nil
        connection.httpRequest = nil
        connection.httpResponse = nil
        connections.removeValue(forKey: connection.id)
    }

    /// Request headers by lowercase name: every header lws parses by name.
    func collectHeaders(_ wsi: OpaquePointer) -> [String: String] {
        var headers: [String: String] = [:]
        for (index, name) in headerTokens {
            let length = Int(lws_hdr_total_length(wsi, index))
            if length <= 0 { continue }
            if let value = copyHeader(wsi, index, length: length) { headers[name] = value }
        }
        return headers
    }

    func copyHeader(_ wsi: OpaquePointer, _ index: lws_token_indexes, length: Int? = nil) -> String? {
        let length = length ?? Int(lws_hdr_total_length(wsi, index))
        if length <= 0 { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 2) { buffer in
            let n = lws_hdr_copy(wsi, buffer.baseAddress, Int32(length + 2), index)
            guard n >= 0 else { return nil }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: Int(n)), as: UTF8.self)
        }
    }

    /// The `?a=b&c=d` arguments: lws splits them at `&` and percent-decodes each.
    func queryItems(_ wsi: OpaquePointer) -> [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        let total = Int(lws_hdr_total_length(wsi, WSI_TOKEN_HTTP_URI_ARGS))
        if total <= 0 { return items }
        var buffer = [CChar](repeating: 0, count: total + 2)
        var index: Int32 = 0
        while true {
            let n = lws_hdr_copy_fragment(wsi, &buffer, Int32(buffer.count), WSI_TOKEN_HTTP_URI_ARGS, index)
            if n < 0 { break }
            let fragment = buffer.withUnsafeBytes { String(decoding: $0.prefix(Int(n)), as: UTF8.self) }
            if let eq = fragment.firstIndex(of: "=") {
                items.append((String(fragment[..<eq]), String(fragment[fragment.index(after: eq)...])))
            } else if !fragment.isEmpty {
                items.append((fragment, ""))
            }
            index += 1
        }
        return items
    }

    static func knownHeaderTokens() -> [(index: lws_token_indexes, name: String)] {
        var tokens: [(index: lws_token_indexes, name: String)] = []
        for raw in 0..<_WSI_TOKEN_CLIENT_SENT_PROTOCOLS.rawValue {
            let index = lws_token_indexes(rawValue: raw)
            guard let cName = lws_token_to_string(index) else { continue }
            let name = String(cString: cName)
            guard name.hasSuffix(":"), !name.hasPrefix(":") else { continue }
            tokens.append((index, String(name.dropLast()).lowercased()))
        }
        return tokens
    }
}
