/// Choosing the WebSocket subprotocol from the upgrade's `Sec-WebSocket-Protocol`.
public enum Subprotocol {
    /// The protocol Switchboard speaks.
    public static let graphqlTransportWS = "graphql-transport-ws"
    /// subscriptions-transport-ws, which Switchboard does not speak.
    public static let legacyGraphQLWS = "graphql-ws"

    /// The outcome of negotiation.
    public enum Negotiation: Sendable, Hashable {
        /// Answer the upgrade with this subprotocol.
        case accept(String)
        /// Accept the upgrade without a subprotocol header, then close with 4406
        /// `Subprotocol not acceptable`. `legacyOffered`: the client offered `graphql-ws`;
        /// log `legacyLogMessage`.
        case reject(legacyOffered: Bool)

        /// The subprotocol to answer with, if any.
        public var accepted: String? {
            if case .accept(let p) = self { return p }
            return nil
        }

        /// The close for a rejected upgrade: 4406 `Subprotocol not acceptable`.
        public var close: (code: CloseCode, reason: String)? {
            guard case .reject = self else { return nil }
            return (.subprotocolNotAcceptable, CloseCode.subprotocolNotAcceptable.defaultReason)
        }
    }

    /// The line to log when a client offered only the legacy protocol.
    public static let legacyLogMessage =
        "client offered the legacy subprotocol graphql-ws (subscriptions-transport-ws), which is not spoken; closing with 4406"

    /// Picks `graphql-transport-ws` if it is offered anywhere in `header` (a comma-separated
    /// list; spaces and tabs around each entry are ignored; names compare exactly). `header`
    /// is nil when the request had no `Sec-WebSocket-Protocol`; several header lines may be
    /// passed joined with commas.
    public static func negotiate(_ header: String?) -> Negotiation {
        guard let header else { return .reject(legacyOffered: false) }
        var legacy = false
        for entry in header.split(separator: ",", omittingEmptySubsequences: true) {
            let name = trim(entry)
            if name == graphqlTransportWS { return .accept(graphqlTransportWS) }
            if name == legacyGraphQLWS { legacy = true }
        }
        return .reject(legacyOffered: legacy)
    }

    private static func trim(_ s: Substring) -> Substring {
        var s = s
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return s
    }
}
