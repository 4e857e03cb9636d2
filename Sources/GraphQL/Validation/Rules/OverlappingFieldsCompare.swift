// Comparing collected fields and fragments for OverlappingFieldsCanBeMergedRule.

extension OverlappingFieldsCanBeMergedRule {
    /// Counts one level of recursion, aborting past the limit.
    private func descend() throws(WorkExhausted) {
        state.depth += 1
        if state.depth > OverlappingFieldsState.maxRecursionDepth { throw WorkExhausted() }
    }

    /// Conflicts between a collection of fields and a fragment, and the fragments it
    /// spreads in turn.
    func collectConflictsBetweenFieldsAndFragment(
        _ conflicts: inout [Conflict], _ mutuallyExclusive: Bool, _ collected: CollectedFields, _ spread: ResolvedSpread
    ) throws(WorkExhausted) {
        try state.spend(1)
        if collected.isEmpty { return }
        if state.comparedFieldsAndFragments.has(collected.id, spread.fragmentID, mutuallyExclusive: mutuallyExclusive) {
            return
        }
        state.comparedFieldsAndFragments.add(collected.id, spread.fragmentID, mutuallyExclusive: mutuallyExclusive)
        guard let fragment = spread.definition else { return }
        let fragmentFields = collectFragmentFields(fragment)
        let referenced = try fragmentSpreads(of: fragmentFields)
        if collected === fragmentFields { return }
        try descend()
        defer { state.depth -= 1 }
        try collectConflictsBetween(&conflicts, mutuallyExclusive, collected, fragmentFields)
        for other in referenced {
            try collectConflictsBetweenFieldsAndFragment(&conflicts, mutuallyExclusive, collected, other)
        }
    }

    /// Conflicts between two fragments, and the fragments they spread.
    func collectConflictsBetweenFragments(
        _ conflicts: inout [Conflict], _ mutuallyExclusive: Bool, _ spread1: ResolvedSpread, _ spread2: ResolvedSpread
    ) throws(WorkExhausted) {
        try state.spend(2)
        let id1 = spread1.fragmentID, id2 = spread2.fragmentID
        if id1 == id2 { return }
        if state.comparedFragments.has(id1, id2, mutuallyExclusive: mutuallyExclusive) { return }
        state.comparedFragments.add(id1, id2, mutuallyExclusive: mutuallyExclusive)
        guard let fragment1 = spread1.definition, let fragment2 = spread2.definition else { return }
        let fields1 = collectFragmentFields(fragment1)
        let referenced1 = try fragmentSpreads(of: fields1)
        let fields2 = collectFragmentFields(fragment2)
        let referenced2 = try fragmentSpreads(of: fields2)
        try descend()
        defer { state.depth -= 1 }
        try collectConflictsBetween(&conflicts, mutuallyExclusive, fields1, fields2)
        for other in referenced2 {
            try collectConflictsBetweenFragments(&conflicts, mutuallyExclusive, spread1, other)
        }
        for other in referenced1 {
            try collectConflictsBetweenFragments(&conflicts, mutuallyExclusive, other, spread2)
        }
    }

    /// Conflicts between the sub-selections of two fields with the same response name.
    private func findConflictsBetweenSubSelectionSets(
        _ mutuallyExclusive: Bool, _ parentType1: NamedType?, _ selectionSet1: SelectionSet,
        _ parentType2: NamedType?, _ selectionSet2: SelectionSet
    ) throws(WorkExhausted) -> [Conflict] {
        var conflicts: [Conflict] = []
        let collected1 = collectFields(parentType1, selectionSet1)
        let spreads1 = try fragmentSpreads(of: collected1)
        let collected2 = collectFields(parentType2, selectionSet2)
        let spreads2 = try fragmentSpreads(of: collected2)
        try collectConflictsBetween(&conflicts, mutuallyExclusive, collected1, collected2)
        for spread2 in spreads2 {
            try collectConflictsBetweenFieldsAndFragment(&conflicts, mutuallyExclusive, collected1, spread2)
        }
        for spread1 in spreads1 {
            try collectConflictsBetweenFieldsAndFragment(&conflicts, mutuallyExclusive, collected2, spread1)
        }
        for spread1 in spreads1 {
            for spread2 in spreads2 {
                try collectConflictsBetweenFragments(&conflicts, mutuallyExclusive, spread1, spread2)
            }
        }
        return conflicts
    }

    /// Conflicts among the fields of one collection that share a response name.
    func collectConflictsWithin(_ conflicts: inout [Conflict], _ collected: CollectedFields) throws(WorkExhausted) {
        for name in collected.responseNames {
            let fields = collected.fieldsByName[name]!
            guard fields.count > 1 else { continue }
            for i in fields.indices {
                for j in (i + 1)..<fields.count {
                    if let conflict = try findConflict(false, name, fields[i], fields[j]) {
                        conflicts.append(conflict)
                    }
                }
            }
        }
    }

    /// Conflicts between two collections (each already checked within itself).
    private func collectConflictsBetween(
        _ conflicts: inout [Conflict], _ mutuallyExclusive: Bool, _ collected1: CollectedFields,
        _ collected2: CollectedFields
    ) throws(WorkExhausted) {
        if collected1.isEmpty || collected2.isEmpty { return }
        for (name, fields1, fields2) in try overlappingFields(collected1, collected2) {
            for field1 in fields1 {
                for field2 in fields2 {
                    if let conflict = try findConflict(mutuallyExclusive, name, field1, field2) {
                        conflicts.append(conflict)
                    }
                }
            }
        }
    }

    /// Whether two fields with the same response name conflict, sub-fields included.
    private func findConflict(
        _ parentsMutuallyExclusive: Bool, _ responseName: String, _ details1: FieldDetails, _ details2: FieldDetails
    ) throws(WorkExhausted) -> Conflict? {
        let node1 = details1.node, node2 = details2.node
        // Fields on two different object types can never both be selected.
        var mutuallyExclusive = parentsMutuallyExclusive
        if !mutuallyExclusive, details1.parentType?.name != details2.parentType?.name,
           case .object? = details1.parentType, case .object? = details2.parentType {
            mutuallyExclusive = true
        }
        let type1 = details1.definition?.type
        let type2 = details2.definition?.type
        try state.spend(2)
        if details1.isSimpleLeaf && details2.isSimpleLeaf && type1 == type2 && node1.name.value == node2.name.value {
            return nil
        }
        if !mutuallyExclusive {
            let name1 = node1.name.value, name2 = node2.name.value
            if name1 != name2 {
                return Conflict(
                    responseName: responseName,
                    reason: "'\(abbreviate(name1))' and '\(abbreviate(name2))' are different fields",
                    fields1: [node1], fields2: [node2])
            }
            if try !sameArguments(node1.arguments, node2.arguments) {
                return Conflict(
                    responseName: responseName, reason: "they have differing arguments", fields1: [node1],
                    fields2: [node2])
            }
        }
        if details1.streamDirective != nil || details2.streamDirective != nil {
            var reason = "they have overlapping stream directives"
            if let stream1 = details1.streamDirective, let stream2 = details2.streamDirective,
               try sameArguments(stream1.arguments, stream2.arguments) {
                reason += ". See https://github.com/graphql/defer-stream-wg/discussions/100"
            }
            return Conflict(responseName: responseName, reason: reason, fields1: [node1], fields2: [node2])
        }
        if let type1, let type2, try typesConflict(type1, type2) {
            return Conflict(
                responseName: responseName, reason: "they return conflicting types '\(type1)' and '\(type2)'",
                fields1: [node1], fields2: [node2])
        }
        if let selectionSet1 = node1.selectionSet, let selectionSet2 = node2.selectionSet {
            try descend()
            defer { state.depth -= 1 }
            let schema = context.schema
            let subConflicts = try findConflictsBetweenSubSelectionSets(
                mutuallyExclusive, type1.flatMap { schema.namedType(of: $0) }, selectionSet1,
                type2.flatMap { schema.namedType(of: $0) }, selectionSet2)
            return subfieldConflicts(subConflicts, responseName, node1, node2)
        }
        return nil
    }

    /// Two types conflict when no value could have both: lists and non-null must
    /// match, and leaf types must be the same. Composite types are compared field by
    /// field instead.
    private func typesConflict(_ type1: TypeReference, _ type2: TypeReference) throws(WorkExhausted) -> Bool {
        if type1 == type2 { return false }
        try state.spend(1)
        switch (type1, type2) {
        case (.list(let item1), .list(let item2)): return try typesConflict(item1, item2)
        case (.list, _), (_, .list): return true
        case (.nonNull(let inner1), .nonNull(let inner2)): return try typesConflict(inner1, inner2)
        case (.nonNull, _), (_, .nonNull): return true
        case (.named(let name1), .named(let name2)):
            let schema = context.schema
            if schema.type(named: name1)?.isLeaf == true || schema.type(named: name2)?.isLeaf == true {
                return name1 != name2
            }
            return false
        }
    }

    /// Same argument names and values (written the same way), in any order.
    private func sameArguments(_ arguments1: [Argument], _ arguments2: [Argument]) throws(WorkExhausted) -> Bool {
        if arguments1.isEmpty { return arguments2.isEmpty }
        if arguments2.count != arguments1.count { return false }
        var values2: [String: Value] = [:]
        for argument in arguments2 { values2[argument.name.value] = argument.value }
        for argument in arguments1 {
            try state.spend(1)
            guard let value2 = values2[argument.name.value] else { return false }
            if comparisonKey(argument.value) != comparisonKey(value2) { return false }
        }
        return true
    }

    /// A canonical text of a value: kinds tagged, strings escaped (block strings apart),
    /// object fields ordered by name.
    private func comparisonKey(_ value: Value) -> String {
        if let cached = state.valueKeys[value.loc.start] { return cached }
        var key = ""
        appendKey(value, to: &key)
        state.valueKeys[value.loc.start] = key
        return key
    }

    private func appendKey(_ value: Value, to key: inout String) {
        switch value {
        case .variable(let v): key += "$" + v.name.value
        case .int(let text, _): key += "i" + text
        case .float(let text, _): key += "f" + text
        case .string(let s, let block, _): key += (block ? "b" : "s") + printString(s)
        case .boolean(let b, _): key += b ? "true" : "false"
        case .null: key += "null"
        case .enumValue(let name, _): key += "e" + name
        case .list(let items, _):
            key += "["
            for (i, item) in items.enumerated() {
                if i > 0 { key += "," }
                appendKey(item, to: &key)
            }
            key += "]"
        case .object(let fields, _):
            // Stable, by code point, as Python's sorted().
            let ordered = fields.enumerated().sorted { a, b in
                let (x, y) = (a.element.name.value, b.element.name.value)
                if x != y { return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) }
                return a.offset < b.offset
            }
            key += "{"
            for (i, entry) in ordered.enumerated() {
                if i > 0 { key += "," }
                key += entry.element.name.value + ":"
                appendKey(entry.element.value, to: &key)
            }
            key += "}"
        }
    }

    /// One conflict standing for the conflicts between the sub-fields of two fields.
    private func subfieldConflicts(_ conflicts: [Conflict], _ responseName: String, _ node1: Field, _ node2: Field)
        -> Conflict?
    {
        guard !conflicts.isEmpty else { return nil }
        var message = ""
        var length = 0
        for conflict in conflicts {
            let part = (message.isEmpty ? "" : " and ")
                + "subfields '\(abbreviate(conflict.responseName))' conflict because \(conflict.reason)"
            message += part
            length += part.unicodeScalars.count
            if length > OverlappingFieldsState.maxConflictDetailLength { break }
        }
        return Conflict(
            responseName: responseName, reason: abbreviate(message),
            fields1: conflictNodes(node1, conflicts.map(\.fields1)),
            fields2: conflictNodes(node2, conflicts.map(\.fields2)))
    }

    /// The field and the last fields of each sub-conflict, at most 20 in all.
    private func conflictNodes(_ node: Field, _ conflictFields: [[Field]]) -> [Field] {
        var nodes = [node]
        for fields in conflictFields {
            let remaining = OverlappingFieldsState.maxConflictNodes - nodes.count
            nodes += fields.suffix(remaining)
            if nodes.count == OverlappingFieldsState.maxConflictNodes { break }
        }
        return nodes
    }
}
