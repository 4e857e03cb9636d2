/// Visits fragments so that each comes after every fragment it spreads: for each root in
/// `roots`, a depth-first walk over `spreads` (the names each known fragment spreads; a
/// name without an entry is an unknown fragment and is not followed), calling `visit` once per fragment when its walk is done. A spread
/// that closes a cycle is not followed, so the fragment it names may be visited before
/// the one spreading it (NoFragmentCyclesRule reports the cycle). Iterative: chains of
/// fragments may be long.
func visitFragmentsInPostOrder(roots: [String], spreads: [String: [String]], _ visit: (String) -> Void) {
    var done = Set<String>()
    for root in roots where !done.contains(root) && spreads[root] != nil {
        var path: [(name: String, next: Int)] = [(root, 0)]
        var onPath: Set<String> = [root]
        while let top = path.last {
            let names = spreads[top.name]!
            var i = top.next
            var descended = false
            while i < names.count {
                let name = names[i]
                i += 1
                if spreads[name] != nil && !done.contains(name) && !onPath.contains(name) {
                    path[path.count - 1].next = i
                    path.append((name, 0))
                    onPath.insert(name)
                    descended = true
                    break
                }
            }
            if !descended {
                path.removeLast()
                onPath.remove(top.name)
                done.insert(top.name)
                visit(top.name)
            }
        }
    }
}
