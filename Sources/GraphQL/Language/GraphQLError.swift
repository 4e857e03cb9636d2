/// One GraphQL error as the specification's "Errors" section shapes it: a message,
/// the places in the document it is about, the response path for execution errors,
/// and `extensions` (where Switchboard puts `code`).
public struct GraphQLError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var locations: [SourceLocation]
    public var path: [PathComponent]?
    public var extensions: [(String, JSON)]

    public init(
        _ message: String,
        locations: [SourceLocation] = [],
        path: [PathComponent]? = nil,
        extensions: [(String, JSON)] = []
    ) {
        self.message = message
        self.locations = locations
        self.path = path
        self.extensions = extensions
    }

    /// An error about nodes of `source`: their start offsets become locations.
    public init(_ message: String, source: Source?, nodes: [Location], path: [PathComponent]? = nil) {
        self.message = message
        if let source {
            self.locations = nodes.map { source.location(of: $0.start) }
        } else {
            self.locations = []
        }
        self.path = path
        self.extensions = []
    }

    /// `extensions.code`, the machine-readable kind of the error.
    public var code: String? {
        get {
            for (k, v) in extensions where k == "code" {
                if case .string(let s) = v { return s }
            }
            return nil
        }
        set {
            extensions.removeAll { $0.0 == "code" }
            if let newValue { extensions.insert(("code", .string(newValue)), at: 0) }
        }
    }

    public func withCode(_ code: String) -> GraphQLError {
        var copy = self
        copy.code = code
        return copy
    }

    public var description: String {
        if let first = locations.first { return "\(first): \(message)" }
        return message
    }

    public static func == (lhs: GraphQLError, rhs: GraphQLError) -> Bool {
        lhs.message == rhs.message && lhs.locations == rhs.locations && lhs.path == rhs.path
            && lhs.extensions.elementsEqual(rhs.extensions, by: { $0.0 == $1.0 && $0.1 == $1.1 })
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(message)
        hasher.combine(locations)
    }
}

/// One step of a response path: a field's response key or a list index.
public enum PathComponent: Sendable, Hashable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let k): return k
        case .index(let i): return String(i)
        }
    }
}
