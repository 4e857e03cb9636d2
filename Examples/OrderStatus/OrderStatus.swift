import GraphQL
import Switchboard

/// `enum OrderStatus` of `schema.graphql`, with the one rule of the service: an order moves
/// PLACED → PREPARING → OUT_FOR_DELIVERY → DELIVERED, one step at a time.
enum OrderStatus: String, CaseIterable, Sendable {
    case placed = "PLACED"
    case preparing = "PREPARING"
    case outForDelivery = "OUT_FOR_DELIVERY"
    case delivered = "DELIVERED"

    /// The status after `current`; nil for an order with no status yet gives PLACED, and
    /// DELIVERED has none.
    static func next(after current: OrderStatus?) -> OrderStatus? {
        guard let current else { return .placed }
        let all = allCases
        let index = all.firstIndex(of: current)!
        return all.index(after: index) < all.endIndex ? all[all.index(after: index)] : nil
    }
}

/// The topic of one order in the event log: `order:<id>`. Every status change is one event
/// there, so `orderStatusChanged(orderId, after)` is a subscription to that topic, and the
/// order's current status is the topic's newest event.
func orderTopic(_ orderId: String) -> String { "order:" + orderId }

/// One status change as an event payload: `{"orderId":…,"status":…}`.
struct OrderChange: Sendable, Hashable {
    let orderId: String
    let status: OrderStatus

    var newEvent: NewEvent {
        var object = JSONObject()
        object.append("orderId", .string(orderId))
        object.append("status", .string(status.rawValue))
        return NewEvent(topic: orderTopic(orderId), payload: JSON.object(object).encoded())
    }

    /// Reads a stored payload back; nil when it is not an order change.
    init?(payload: [UInt8]) {
        guard let object = try? JSON.parse(payload),
            let orderId = object["orderId"]?.stringValue,
            let status = object["status"]?.stringValue.flatMap(OrderStatus.init(rawValue:))
        else { return nil }
        self.init(orderId: orderId, status: status)
    }

    init(orderId: String, status: OrderStatus) {
        self.orderId = orderId
        self.status = status
    }
}

/// `type Order`: one committed status change, read field by field by the default resolver.
struct OrderValue: GraphQLObjectValue, Sendable {
    let change: OrderChange
    let eventId: Int64
    let updatedAt: String

    /// The order an event of an `order:` topic holds; nil when the payload is not one.
    init?(event: StoredEvent) {
        guard let change = OrderChange(payload: event.payload) else { return nil }
        self.change = change
        self.eventId = event.id
        self.updatedAt = event.createdAt
    }

    func fieldValue(_ name: String) -> GraphQLValue {
        switch name {
        case "id": return .string(change.orderId)
        case "status": return .string(change.status.rawValue)
        case "updatedAt": return .string(updatedAt)
        case "eventId": return .string(String(eventId))
        default: return .null
        }
    }

    var graphQLTypeName: String? { "Order" }
}
