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
        session.rateLimiter = rateLimiter()
        metrics.connections += 1
        logOpened(session)
        if upgrade.subprotocol == nil {
            // Accepted without a subprotocol header, then closed 4406 (protocol.md, "Handshake").
            let negotiation = Subprotocol.negotiate(upgrade.offeredSubprotocols.joined(separator: ","))
            if case .reject(legacyOffered: true) = negotiation {
                logger.notice("\(Subprotocol.legacyLogMessage)", metadata: [
                    "id": .stringConvertible(connection.id.rawValue), "remote": .string(upgrade.remoteAddress)])
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
        guard admitMessage(session, bytes) else { return }
        let refused = session.machine.refusedOverLimit
        run(session.machine.receive(.text(Array(bytes))), for: session)
        if session.machine.refusedOverLimit != refused { metrics.recordLimitRejection(.subscriptions) }
    }

    public func didReceiveBinary(_ connection: Connection) {
        guard let session = connection.userData as? Session else { return }
        run(session.machine.receive(.binary), for: session)
    }

    public func didFire(_ connection: Connection, token: UInt64) {
        guard let session = connection.userData as? Session else { return }
        switch token {
        case SessionTimer.initTimeout: run(session.machine.receive(.initTimeoutFired), for: session)
        case SessionTimer.tokenExpiry: tokenExpired(session)
        default: break
        }
    }

    public func didClose(_ connection: Connection, code: UInt16, reason: String) {
        metrics.recordClose(code: code)
        metrics.connections -= 1
        flushDeadLetterLog(force: true)
        logClosed(connection, code: code, reason: reason, session: connection.userData as? Session)
        guard let session = connection.userData as? Session else { return }
        session.gone = true
        releaseUserSlot(session)
        // Stops every live operation (the fan-out entries go; their rows go with the connection's).
        run(session.machine.transportClosed(), for: session)
        fanout?.closeConnection(ConnectionKey(connection.id))
        session.subscriptions.removeAll()
        if session.connectionRowQueued {
            let recordID = session.recordID
            store.deleteConnection(id: recordID) { [logger] result in
                if case .failure(let error) = result {
                    logger.error("removing the connection row failed", metadata: ["record": .string(recordID), "error": "\(error)"])
                }
            }
        }
        connection.userData = nil
    }

    public func didDropFrames(_ connection: Connection, _ frames: DroppedFrames) {
        // May come from inside the fan-out's write; the engine defers its bookkeeping then.
        fanout?.framesDropped(connection: ConnectionKey(connection.id), frames: frames.frames)
        flushDeadLetters()
    }
}

