/// Fragment Spreads Must Not Form Cycles (spec §5.5.2.2).
///
/// `Cannot spread fragment 'A' within itself.` or `Cannot spread fragment 'A' within
/// itself via 'B', 'C'.`, located at every spread of the cycle. Every cycle is reported
/// once, found by one depth-first search over all fragments in definition order (an
/// explicit stack, so long chains cannot exhaust the call stack).
final class NoFragmentCyclesRule: ValidationRule {
    override class var visits: VisitKinds { [.fragmentDefinition, .operation] }

    /// Fragments already searched from: each is explored once.
    private var visited = Set<String>()
    /// The spreads leading from the search's start to the fragment being explored.
    private var spreadPath: [FragmentSpread] = []
    /// For each fragment on the path, where its spreads start in `spreadPath`.
    private var pathIndexByName: [String: Int] = [:]

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .fragmentDefinition(let fragment):
            detectCycles(from: fragment)
            return .skip
        case .operation:
            return .skip
        default:
            return .proceed
        }
    }

    private struct Frame {
        let name: String
        let spreads: [FragmentSpread]
        var next = 0
    }

    private func detectCycles(from start: FragmentDefinition) {
        var frames: [Frame] = []
        func push(_ fragment: FragmentDefinition) -> Bool {
            let name = fragment.name.value
            guard visited.insert(name).inserted else { return false }
            let spreads = context.fragmentSpreads(in: fragment.selectionSet)
            guard !spreads.isEmpty else { return false }
            pathIndexByName[name] = spreadPath.count
            frames.append(Frame(name: name, spreads: spreads))
            return true
        }
        guard push(start) else { return }
        while !frames.isEmpty {
            let top = frames.count - 1
            guard frames[top].next < frames[top].spreads.count else {
                // Done with this fragment: back to the spread that led here.
                pathIndexByName[frames[top].name] = nil
                frames.removeLast()
                if !frames.isEmpty { spreadPath.removeLast() }
                continue
            }
            let spread = frames[top].spreads[frames[top].next]
            frames[top].next += 1
            let name = spread.name.value
            spreadPath.append(spread)
            if let cycleIndex = pathIndexByName[name] {
                let cycle = spreadPath[cycleIndex...]
                let via = cycle.dropLast().map { "'\($0.name.value)'" }.joined(separator: ", ")
                context.report(
                    "Cannot spread fragment '\(name)' within itself" + (via.isEmpty ? "." : " via \(via)."),
                    nodes: cycle.map(\.loc))
                spreadPath.removeLast()
            } else if let fragment = context.fragment(named: name), push(fragment) {
                continue
            } else {
                spreadPath.removeLast()
            }
        }
    }
}
