extension Sequence where Element == Name {
    /// The names given more than once, each with the locations of all its occurrences, in
    /// the order the names first occur: what graphql-core's uniqueness rules report (they
    /// group with `group_by`, which keeps first-occurrence order).
    func repeatedNames() -> [(name: String, locations: [Location])] {
        var order: [String] = []
        var locations: [String: [Location]] = [:]
        for name in self {
            if locations[name.value] == nil { order.append(name.value) }
            locations[name.value, default: []].append(name.loc)
        }
        return order.compactMap { name in
            let locs = locations[name]!
            return locs.count > 1 ? (name, locs) : nil
        }
    }
}
