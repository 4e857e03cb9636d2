import Foundation
import GraphQL
import Switchboard

/// The order-status service as a Switchboard application: the schema from `schema.graphql`,
/// resolvers for `order`, `advanceOrder` and `setOrderStatus`, and the mapping of
/// `orderStatusChanged(orderId, after)` to the topic `order:<orderId>`.
struct OrderStatusApplication: SwitchboardApplication {
    /// Receives internal failures with their detail, for the server's log.
    typealias FailureReport = @Sendable (String) -> Void

    let schema: Schema
    let resolvers: Resolvers
    private let report: FailureReport

    init(schema: Schema, reportFailure: @escaping FailureReport) {
        self.schema = schema
        self.report = reportFailure
        let book = OrderBook()
        var resolvers = Resolvers()
        resolvers.async("Query.order") { _, arguments, context, _ in
            let request = try requestContext(context, report: reportFailure)
            let orderId = try idArgument(arguments, "id")
            let newest: [StoredEvent]
            do {
                newest = try await request.store.history(topic: orderTopic(orderId), before: nil, last: 1)
            } catch {
                reportFailure("Query.order: \(error)")
                throw OrderError.internalError
            }
            return newest.last.flatMap(OrderValue.init(event:)).map { .object($0) } ?? .null
        }
        resolvers.async("Mutation.advanceOrder") { _, arguments, context, _ in
            let request = try publisherRequest(context, field: "advanceOrder", report: reportFailure)
            let orderId = try idArgument(arguments, "orderId")
            return .object(
                try await book.change(orderId, in: request, report: reportFailure) { current throws(GraphQLError) in
                    guard let next = OrderStatus.next(after: current) else {
                        throw OrderError.badUserInput("Order \(orderId) is DELIVERED: there is no status after it.")
                    }
                    return next
                })
        }
        resolvers.async("Mutation.setOrderStatus") { _, arguments, context, _ in
            let request = try publisherRequest(context, field: "setOrderStatus", report: reportFailure)
            let orderId = try idArgument(arguments, "orderId")
            guard let wanted = arguments["status"]?.stringValue.flatMap(OrderStatus.init(rawValue:)) else {
                throw OrderError.badUserInput("status must be one of \(OrderStatus.allCases.map(\.rawValue)).")
            }
            return .object(
                try await book.change(orderId, in: request, report: reportFailure) { current throws(GraphQLError) in
                    let next = OrderStatus.next(after: current)
                    guard wanted == next else {
                        let from = current.map { "is \($0.rawValue)" } ?? "has no status yet"
                        let allowed = next.map { "only \($0.rawValue) may follow" } ?? "nothing may follow"
                        throw OrderError.badUserInput(
                            "Order \(orderId) \(from): \(allowed), not \(wanted.rawValue).")
                    }
                    return wanted
                })
        }
        // A resolver that fails with anything but a GraphQLError: generic to the client, detail to the log.
        resolvers.mapError = { error in
            reportFailure("resolver: \(error)")
            return OrderError.internalError
        }
        self.resolvers = resolvers
    }

    /// `orderStatusChanged(orderId, after)` → topic `order:<orderId>`, resuming after the
    /// event id `after`. Anyone may watch an order.
    func source(forSubscriptionField field: String, arguments: JSONObject, identity: Identity) throws(GraphQLError)
        -> SubscriptionSource
    {
        guard field == "orderStatusChanged" else {
            report("Subscription.\(field): not in the order schema")
            throw OrderError.internalError
        }
        let orderId = try idArgument(arguments, "orderId")
        var after: Int64?
        if let text = arguments["after"]?.stringValue {
            guard let id = Int64(text), id >= 0 else {
                throw OrderError.badUserInput("after must be an eventId, a decimal integer; got \(text).")
            }
            after = id
        }
        return SubscriptionSource(topic: orderTopic(orderId), after: after)
    }

    /// The `Order` one committed change of the topic sets.
    func eventValue(_ event: StoredEvent, forSubscriptionField field: String) -> GraphQLValue {
        if let order = OrderValue(event: event) { return .object(order) }
        report("event \(event.id) in \(event.topic) is not an order change")
        return .null
    }
}

/// The context the server gives every resolver.
private func requestContext(_ context: any Sendable, report: OrderStatusApplication.FailureReport) throws(GraphQLError)
    -> RequestContext
{
    guard let request = context as? RequestContext else {
        report("context is \(type(of: context)), not RequestContext")
        throw OrderError.internalError
    }
    return request
}

/// Only a backend (a `publisher` token) moves orders.
private func publisherRequest(_ context: any Sendable, field: String, report: OrderStatusApplication.FailureReport)
    throws(GraphQLError) -> RequestContext
{
    let request = try requestContext(context, report: report)
    switch request.identity.role {
    case .publisher: return request
    case .user: throw OrderError.forbidden("\(field) is for publishers only.")
    case .anonymous: throw OrderError.unauthenticated("\(field) needs a publisher's token.")
    }
}

/// A required `ID` argument; an empty one names no order.
private func idArgument(_ arguments: JSONObject, _ name: String) throws(GraphQLError) -> String {
    guard let value = arguments[name]?.stringValue, !value.isEmpty else {
        throw OrderError.badUserInput("\(name) must be a non-empty ID.")
    }
    return value
}
