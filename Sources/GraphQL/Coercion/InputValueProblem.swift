// What input coercion reports: the problems found in a value, with where they are, for
// the callers to word as their own errors (graphql-core's `on_error(error, path)`).

/// One problem found while coercing an input value: a message and where inside the value.
struct InputValueProblem {
    var message: String
    var path: [PathComponent]
    /// The literal the problem is about (input from a document). nil for JSON input, and
    /// for a list or object literal where a scalar or enum is expected: graphql-core
    /// rebuilds those without their variables, and without a location.
    var loc: Location? = nil
}

extension InputValueProblem {
    /// `Argument 'a' has invalid value at .b[1]: …`: the problem as graphql-core words it
    /// for the value (or `default value`) of an argument, variable or input field.
    func message(for subject: String, invalid what: String = "value") -> String {
        var at = ""
        if !path.isEmpty {
            at = " at "
            for p in path {
                switch p {
                case .key(let k): at += "." + k
                case .index(let i): at += "[\(i)]"
                }
            }
        }
        return "\(subject) has invalid \(what)\(at): \(message)"
    }
}

/// The @oneOf message, for literals and JSON values alike.
func oneOfMessage(_ typeName: String) -> String {
    "Within OneOf Input Object type '\(typeName)', exactly one field must be specified, and the value for that field must be non-null."
}
