import GraphQL
import GraphQLTransportWS

// Carrying out the state machine's actions (protocol.md), on the service thread.
extension Server {
    typealias Action = ConnectionStateMachine.Action

    /// Carries out `actions` in order. An action may produce more (authentication answers at
    /// once; a failing operation reports back), which run in turn.
    func run(_ actions: [Action], for session: Session) {
        for action in actions {
            switch action {
            case .send(let message):
                if case .error(let operation, let errors) = message {
                    logRejected(session, operation: operation, errors: errors)
                }
                transport.send(session.connection, message.encoded())
            case .close(let code, let reason):
                transport.close(session.connection, code: code.rawValue, reason: reason)
            case .authenticate(let payload):
                authenticate(session, payload: payload)
            case .startOperation(let handle, let payload):
                startOperation(session, handle, payload)
            case .stopOperation(let handle):
                stopOperation(session, handle)
            }
        }
    }

    // MARK: - connection_init (checked in Server+Identity.swift)

    /// Acknowledges a connection whose `connection_init` was accepted as `identity`.
    func acknowledge(_ session: Session, as identity: Identity, payload: JSONObject?) {
        session.identity = identity
        // The row is queued before the ack (not committed: the writer keeps order, so the
        // subscriptions rows that follow land after it).
        session.connectionRowQueued = true
        let record = ConnectionRecord(
            id: session.recordID, userId: identity.role == .anonymous ? nil : identity.userID,
            remoteAddress: session.connection.remoteAddress, connectedAt: StoreClock.now(),
            initPayload: redactedInitPayload(payload))
        let id = session.connection.id
        fanout.openConnection(ConnectionKey(id), recordID: session.recordID)
        store.insertConnection(record) { [self] result in
            if case .failure(let error) = result {
                transport.post { self.fail(id, "writing the connection row \(record.id): \(error)") }
            }
        }
        run(session.machine.authenticated(.accepted(ackPayload: nil)), for: session)
    }

    /// An unexpected failure: 4500 with a generic reason for the client, the details in the log.
    func fail(_ id: ConnectionID, _ detail: String) {
        logger.error("internal failure; closing 4500", metadata: ["id": .stringConvertible(id.rawValue), "detail": .string(detail)])
        guard let session = session(id) else { return }
        run(session.machine.close(.internalServerError), for: session)
    }

    // MARK: - subscribe

    func startOperation(_ session: Session, _ handle: OperationHandle, _ payload: SubscribePayload) {
        let schema = application.schema
        let document: Document
        switch documents.document(for: payload.query, schema: schema) {
        case .valid(let d): document = d
        case .invalid(let errors, _):
            run(session.machine.operationFailed(handle, errors: errors), for: session)
            return
        }
        guard let operation = findOperation(document, name: payload.operationName) else {
            run(session.machine.operationFailed(handle, errors: [GraphQLError("Unable to identify operation")]), for: session)
            return
        }
        if operation.operation == .subscription {
            startSubscription(session, handle, payload, document)
        } else {
            startSingleResult(session, handle, payload, document)
        }
    }

    /// A query or mutation: executed in a `Task` (resolvers may wait for the store); the result
    /// comes back through the mailbox and goes out only if the operation is still live.
    func startSingleResult(_ session: Session, _ handle: OperationHandle, _ payload: SubscribePayload, _ document: Document) {
        let prepared: PreparedOperation
        do {
            // The operation cache is the HTTP handler's: one per schema, on this thread.
            prepared = try http.operationCache.prepared(
                text: payload.query, document: document, operationName: payload.operationName,
                variables: payload.variables ?? [:], schema: application.schema)
        } catch {
            // Variable coercion: a result with errors, then complete.
            logRejected(session, operation: handle.id, errors: error.errors)
            finishSingleResult(session, handle, ExecutionResult.requestErrors(error.errors).encoded())
            return
        }
        session.machine.operationActivated(handle)
        let context = requestContext(identity: session.identity)
        let resolvers = application.resolvers
        let id = session.connection.id
        startExecution(mutation: prepared.operationType == .mutation) { [self] in
            let result = await prepared.execute(context: context, resolvers: resolvers)
            let bytes = result.encoded()
            transport.post {
                guard let session = self.session(id) else { return }
                self.finishSingleResult(session, handle, bytes)
            }
        }
    }

    /// Runs a query's or mutation's execution in a `Task`. A mutation starts at once on the
    /// service thread (`Task.immediate`): its synchronous part (argument checks, queueing the
    /// append) is short and never touches SQLite, and the append reaches the writer without
    /// first waking a thread of the cooperative pool — one hop less before delivery. After the
    /// commit it continues on the service thread too (`ServiceThreadExecutor`): another hop less.
    /// Queries may compute at length without suspending (introspection), so they start on the pool.
    func startExecution(mutation: Bool, _ work: @escaping @Sendable () async -> Void) {
        if mutation {
            Task.immediate(executorPreference: serviceExecutor) { await work() }
        } else {
            Task { await work() }
        }
    }

    func finishSingleResult(_ session: Session, _ handle: OperationHandle, _ payload: [UInt8]) {
        guard session.machine.isLive(handle) else { return }
        transport.send(session.connection, ServerMessage.next(id: handle.id, payload: payload).encoded())
        run(session.machine.operationEnded(handle), for: session)
    }

    /// A subscription: prepared once per document, operation name and variables (identical
    /// subscriptions share one execution per event), mapped to a topic by the application,
    /// entered in the fan-out and (through the writer) the store; with `after:` the backlog
    /// goes first.
    func startSubscription(_ session: Session, _ handle: OperationHandle, _ payload: SubscribePayload, _ document: Document) {
        let variables = payload.variables ?? [:]
        let key = PreparedSubscriptionCache.Key(document: payload.query, operationName: payload.operationName, variables: variables)
        let prepared: PreparedSubscription
        do {
            let schema = application.schema
            prepared = try preparedSubscriptions.prepared(for: key) { () throws(GraphQLErrors) in
                try prepareSubscription(schema: schema, document: document, operationName: payload.operationName, variables: variables)
            }
        } catch {
            logRejected(session, operation: handle.id, errors: error.errors)
            finishSingleResult(session, handle, ExecutionResult.requestErrors(error.errors).encoded())
            return
        }
        let source: SubscriptionSource
        do {
            source = try application.source(
                forSubscriptionField: prepared.rootFieldName, arguments: prepared.arguments, identity: session.identity)
        } catch {
            // Refused by the application (authorization, a bad argument): an `error` message,
            // with the root field's response path as graphql-js gives it.
            var located = error
            if located.path == nil { located.path = [.key(prepared.responseKey)] }
            run(session.machine.operationFailed(handle, errors: [located]), for: session)
            return
        }
        let connectionID = session.connection.id
        guard let subscriber = fanout.add(
            connection: ConnectionKey(connectionID), operationID: handle.id, topic: source.topic, prepared: prepared)
        else {
            fail(connectionID, "the fan-out refused subscription \(handle) (connection not open or id in use)")
            return
        }
        session.subscriptions[handle.id] = handle
        store.insertSubscription(SubscriptionRecord(
            connectionId: session.recordID, id: handle.id, topic: source.topic, query: payload.query,
            variables: JSON.object(variables).encodedString(), operationName: payload.operationName,
            createdAt: StoreClock.now()), completion: nil)
        session.machine.operationActivated(handle)
        if let after = source.after {
            fanout.beginCatchUp(subscriber, after: after)
            readBacklog(subscriber, connectionID, topic: source.topic, after: after)
        }
    }

    /// Resume: one page of stored events after `after`, then the next, until the engine says
    /// the subscriber has caught up with its held live events (or is gone).
    func readBacklog(_ subscriber: SubscriberHandle, _ id: ConnectionID, topic: String, after: Int64) {
        let limit = 500
        store.events(topic: topic, after: after, limit: limit) { [self] result in
            transport.post {
                switch result {
                case .success(let events):
                    let progress = self.fanout.deliverBacklog(
                        subscriber, events: events, isLastPage: events.count < limit, application: self.application)
                    self.flushDeadLetters()
                    if case .readMore(let next) = progress { self.readBacklog(subscriber, id, topic: topic, after: next) }
                case .failure(let error):
                    self.fail(id, "reading the backlog of \(topic) after \(after): \(error)")
                }
            }
        }
    }

    // MARK: - complete, error, close

    /// Stops an operation: a subscription leaves the fan-out and its row is deleted (once: the
    /// machine stops each operation once, and `subscriptions` forgets it here). A query's
    /// `Task` result is dropped when it arrives (`isLive`).
    func stopOperation(_ session: Session, _ handle: OperationHandle) {
        guard session.subscriptions[handle.id] == handle else { return }
        session.subscriptions[handle.id] = nil
        fanout.remove(connection: ConnectionKey(session.connection.id), operationID: handle.id)
        // After the socket is gone the connection row's deletion takes this row with it.
        if !session.gone {
            store.deleteSubscription(connectionId: session.recordID, id: handle.id, completion: nil)
        }
    }
}

/// The operation a request names (GetOperation): the one called `name`, or the only one.
func findOperation(_ document: Document, name: String?) -> OperationDefinition? {
    var found: OperationDefinition?
    for definition in document.definitions {
        guard case .operation(let op) = definition else { continue }
        if let name {
            if op.name?.value == name { return op }
        } else {
            if found != nil { return nil }
            found = op
        }
    }
    return found
}
