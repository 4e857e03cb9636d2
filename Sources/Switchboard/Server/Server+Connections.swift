import GraphQL
import GraphQLTransportWS

// The transport's WebSocket callbacks: each turns into input for the connection's state
// machine, whose actions `Session+Operations.swift` carries out. Service thread.
extension Server {
    public func didOpen(_ connection: Connection, upgrade: UpgradeRequest) -> UpgradeDecision {
        let session = Session(
            connection: connection, recordID: "\(recordPrefix)-\(connection.id.rawValue)", upgrade: upgrade,
            configuration: machineConfiguration)
        connection.userData = session
        metrics.connections += 1
        if upgrade.subprotocol == nil {
            // Accepted without a subprotocol header, then closed 4406 (protocol.md, "Handshake").
            let negotiation = Subprotocol.negotiate(upgrade.offeredSubprotocols.joined(separator: ","))
            if case .reject(legacyOffered: true) = negotiation {
                log("\(upgrade.remoteAddress): \(Subprotocol.legacyLogMessage)")
            }
            run(session.machine.close(.subprotocolNotAcceptable), for: session)
            return .accept
        }
        transport.schedule(connection, after: Double(configuration.initTimeoutMilliseconds) / 1000,
                           token: SessionTimer.initTimeout)
        return .accept
    }

    public func didReceiveText(_ connection: Connection, _ bytes: UnsafeRawBufferPointer) {
        guard let session = connection.userData as? Session else { return }
        run(session.machine.receive(.text(Array(bytes))), for: session)
    }

    public func didReceiveBinary(_ connection: Connection) {
        guard let session = connection.userData as? Session else { return }
        run(session.machine.receive(.binary), for: session)
    }

    public func didFire(_ connection: Connection, token: UInt64) {
        guard let session = connection.userData as? Session else { return }
        switch token {
        case SessionTimer.initTimeout: run(session.machine.receive(.initTimeoutFired), for: session)
        case SessionTimer.tokenExpiry: run(session.machine.receive(.tokenExpired), for: session)
        default: break
        }
    }

    public func didClose(_ connection: Connection, code: UInt16, reason: String) {
        metrics.recordClose(code: code)
        metrics.connections -= 1
        guard let session = connection.userData as? Session else { return }
        session.gone = true
        // Stops every live operation (the fan-out entries go; their rows go with the connection's).
        run(session.machine.transportClosed(), for: session)
        for (operationID, _) in session.subscriptions {
            if fanout.remove(connection: connection.id, operationID: operationID) { metrics.subscriptions -= 1 }
        }
        session.subscriptions.removeAll()
        if session.connectionRowQueued {
            let recordID = session.recordID
            store.deleteConnection(id: recordID) { [log] result in
                if case .failure(let error) = result { log("error: removing connection \(recordID): \(error)") }
            }
        }
        connection.userData = nil
    }

    public func didDropFrames(_ connection: Connection, _ frames: DroppedFrames) {
        guard let session = connection.userData as? Session else { return }
        let now = StoreClock.now()
        var letters: [DeadLetter] = []
        for frame in frames.frames {
            // Tag 0: the server's own frames (acks, results, errors); only events are letters.
            guard frame.tag != 0, frame.tag <= UInt64(Int64.max),
                  let operationID = operationID(ofNextFrame: frame.bytes) else { continue }
            letters.append(DeadLetter(
                eventId: Int64(frame.tag), connectionId: session.recordID, subscriptionId: operationID,
                reason: "slow consumer: more than \(configuration.maxQueueBytes) bytes queued (closed 1013)",
                createdAt: now))
        }
        guard !letters.isEmpty else { return }
        metrics.deadLetters += letters.count
        let count = letters.count
        store.appendDeadLetters(letters) { [log] result in
            if case .failure(let error) = result { log("error: recording \(count) dead letters: \(error)") }
        }
    }

    public func didStop() {
        watch?.cancel()
    }
}

/// The operation id of a `next` frame (`{"id":"<JSON string>","type":"next",…`), or nil.
func operationID(ofNextFrame bytes: UnsafeRawBufferPointer) -> String? {
    let opening = Array(#"{"id":""#.utf8)
    guard bytes.count > opening.count, bytes.starts(with: opening) else { return nil }
    var i = opening.count
    var escaped = false
    while i < bytes.count {
        let b = bytes[i]
        if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { break }
        i += 1
    }
    guard i < bytes.count else { return nil }
    return (try? JSON.parse(Array(bytes[(opening.count - 1)...i])))?.stringValue
}
