// Input objects that can never be given a finite value: a non-null field cycle, or a
// @oneOf object all of whose fields lead into one (the spec's
// InputObjectHasUnbreakableCycle), reported once per cycle as graphql-core does.

extension SchemaValidator {
    private struct CycleState {
        var targets: [(field: String, target: String)] = []
        var dependents: [String] = []
        var unresolved = 0
        var finite = false
    }

    mutating func validateInputObjectCycles() {
        var order: [String] = []
        var objects: [String: InputObjectType] = [:]
        for name in draft.typeNames {
            if case .inputObject(let io) = draft.type(named: name), draft.typeNodes[name] != nil {
                order.append(name)
                objects[name] = io
            }
        }
        var states: [String: CycleState] = [:]
        for name in order { states[name] = CycleState() }

        var finiteQueue: [String] = []
        func markFinite(_ name: String) {
            if !states[name]!.finite {
                states[name]!.finite = true
                finiteQueue.append(name)
            }
        }
        for name in order {
            let io = objects[name]!
            for field in io.fields {
                guard let target = finiteTarget(io, field.type), states[target] != nil else { continue }
                states[name]!.targets.append((field.name, target))
                states[target]!.dependents.append(name)
            }
            if io.isOneOf {
                if io.fields.isEmpty || states[name]!.targets.count < io.fields.count { markFinite(name) }
            } else {
                states[name]!.unresolved = states[name]!.targets.count
                if states[name]!.targets.isEmpty { markFinite(name) }
            }
        }
        while let next = finiteQueue.popLast() {
            for dependent in states[next]!.dependents where !states[dependent]!.finite {
                if objects[dependent]!.isOneOf {
                    markFinite(dependent)
                    continue
                }
                states[dependent]!.unresolved -= 1
                if states[dependent]!.unresolved == 0 { markFinite(dependent) }
            }
        }

        var visited = Set<String>()
        var path: [(label: String, node: Location?)] = []
        var pathIndex: [String: Int] = [:]
        func reportCycles(_ name: String) {
            guard visited.insert(name).inserted else { return }
            pathIndex[name] = path.count
            for (field, target) in states[name]!.targets where !states[target]!.finite {
                let cycleIndex = pathIndex[target]
                path.append(("\(name).\(field)", draft.inputFieldNodes[name]?[field]?.loc))
                if let cycleIndex {
                    let cycle = path[cycleIndex...]
                    report(
                        "Input Object \(target) cannot be provided a finite value because it references itself "
                            + "through fields: \(cycle.map(\.label).joined(separator: ", ")).",
                        cycle.map(\.node))
                } else {
                    reportCycles(target)
                }
                path.removeLast()
            }
            pathIndex[name] = nil
        }
        for name in order where !states[name]!.finite {
            reportCycles(name)
        }
    }

    /// The input object a field needs a finite value of: a non-null input object field,
    /// or any input object field of a @oneOf object.
    private func finiteTarget(_ io: InputObjectType, _ type: TypeReference) -> String? {
        if io.isOneOf {
            if case .named(let n) = type, case .inputObject = draft.type(named: n) { return n }
            return nil
        }
        if case .nonNull(.named(let n)) = type, case .inputObject = draft.type(named: n) { return n }
        return nil
    }
}
