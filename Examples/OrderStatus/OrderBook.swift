import GraphQL
import Switchboard

/// Applies status changes one order at a time, so that two mutations racing on the same order
/// cannot both move it from PLACED to PREPARING.
///
/// The log is the truth; this actor remembers, per order, the status the last accepted change
/// set (committed or about to be), so that the check and the claim happen with no suspension
/// in between. It assumes this process is the only writer of `order:` topics.
actor OrderBook {
    /// nil value: the order has no status yet. A missing key: not read from the store yet.
    private var statuses: [String: OrderStatus?] = [:]

    /// Moves `orderId` to the status `choose` picks from its current one (it throws when the
    /// move is not allowed), appends the change, hands it to the fan-out and returns it.
    func change(
        _ orderId: String, in request: RequestContext, report: @escaping OrderStatusApplication.FailureReport,
        choose: @Sendable (OrderStatus?) throws(GraphQLError) -> OrderStatus
    ) async throws(GraphQLError) -> OrderValue {
        let current = try await status(of: orderId, store: request.store, report: report)
        let target = try choose(current)
        statuses[orderId] = target  // claimed before the append suspends this call
        let committed: StoredEvent
        do {
            committed = try await request.store.append(OrderChange(orderId: orderId, status: target).newEvent)
        } catch {
            // What is committed is unknown to us now: forget it and read the log next time.
            statuses.removeValue(forKey: orderId)
            report("Mutation on order \(orderId): \(error)")
            throw OrderError.internalError
        }
        request.publish([committed])
        guard let value = OrderValue(event: committed) else { throw OrderError.internalError }
        return value
    }

    /// The status as this actor knows it, reading the newest event of the order's topic the
    /// first time.
    private func status(of orderId: String, store: any Store, report: OrderStatusApplication.FailureReport)
        async throws(GraphQLError) -> OrderStatus?
    {
        if let known = statuses[orderId] { return known }
        let newest: StoredEvent?
        do {
            newest = try await store.history(topic: orderTopic(orderId), before: nil, last: 1).last
        } catch {
            report("Reading order \(orderId): \(error)")
            throw OrderError.internalError
        }
        // Another call may have claimed a status while this one waited for the read: it wins.
        if let known = statuses[orderId] { return known }
        let status = newest.flatMap(OrderValue.init(event:))?.change.status
        statuses[orderId] = .some(status)
        return status
    }
}
