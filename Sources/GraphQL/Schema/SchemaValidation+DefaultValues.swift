// validate_schema's checks of default values: each default can be coerced to its type
// (with the one literal coercion validation and execution use), and no input object
// field's default leads, through the defaults of the fields it leaves out, back to
// itself (graphql-core's InputObjectDefaultValueCircularRefsValidator).

/// What the search for default-value cycles remembers across input objects.
struct DefaultValueCycleSearch {
    /// Fields whose defaults have been followed, so each is followed once.
    var visited: Set<String> = []
    /// The fields whose defaults are being followed, with their defaults' locations.
    var path: [(label: String, node: Location?)] = []
    /// Each field on `path`: its position there, counted from 1.
    var pathIndex: [String: Int] = [:]
}

extension SchemaValidator {
    /// Reports every problem coercing the default of an argument or input field
    /// (`label` is `Type.field(arg:)`, `@directive(arg:)` or `Input.field`), located at the
    /// offending literal. A type that is no input type has been reported already.
    mutating func validateDefaultValue(_ value: InputValueInfo, _ label: String) {
        guard let defaultValue = value.defaultValue, isInputType(value.type) else { return }
        for problem in validateInputLiteral(defaultValue, value.type, schema: draft) {
            report(problem.message(for: label, invalid: "default value"), [problem.loc])
        }
    }

    /// Follows the defaults an empty value of `io` would be filled in with.
    mutating func validateDefaultValueCycles(_ io: InputObjectType) {
        followDefaults(given: [:], of: io)
    }

    private mutating func followDefaults(_ value: Value, of io: InputObjectType) {
        switch value {
        case .list(let items, _):
            for item in items { followDefaults(item, of: io) }
        case .object(let fields, _):
            var given: [String: Value] = [:]
            for field in fields { given[field.name.value] = field.value }
            followDefaults(given: given, of: io)
        default:
            return  // only objects are filled in with defaults
        }
    }

    /// Fields given a value are followed into it; the others get their default.
    private mutating func followDefaults(given: [String: Value], of io: InputObjectType) {
        for field in io.fields {
            guard case .inputObject(let fieldType)? = draft.type(named: field.type.namedType) else { continue }
            if let value = given[field.name] {
                followDefaults(value, of: fieldType)
            } else {
                followDefault(of: field, in: io, fieldType)
            }
        }
    }

    private mutating func followDefault(of field: InputValueInfo, in io: InputObjectType, _ fieldType: InputObjectType) {
        guard let defaultValue = field.defaultValue else { return }
        let label = "\(io.name).\(field.name)"
        if let cycleIndex = defaultValueCycles.pathIndex[label] {
            let path = defaultValueCycles.path
            let via = cycleIndex < path.count
                ? " via the default values of: " + path[cycleIndex...].map(\.label).joined(separator: ", ") : ""
            report(
                "Invalid circular reference. The default value of Input Object field \(label) references itself\(via).",
                path[(cycleIndex - 1)...].map(\.node))
            return
        }
        guard defaultValueCycles.visited.insert(label).inserted else { return }
        defaultValueCycles.path.append((label, draft.inputFieldNodes[io.name]?[field.name]?.defaultValue?.loc))
        defaultValueCycles.pathIndex[label] = defaultValueCycles.path.count
        followDefaults(defaultValue, of: fieldType)
        defaultValueCycles.path.removeLast()
        defaultValueCycles.pathIndex[label] = nil
    }
}
