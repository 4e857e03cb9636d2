/// Pairs of things (by integer identity) where the order matters, each marked as
/// compared under mutual exclusivity or not. A pair compared as not mutually exclusive
/// answers both questions; one compared as mutually exclusive only that one.
struct OrderedPairSet {
    private struct Pair: Hashable {
        let a: Int
        let b: Int
    }

    private var data: [Pair: Bool] = [:]

    func has(_ a: Int, _ b: Int, mutuallyExclusive: Bool) -> Bool {
        guard let stored = data[Pair(a: a, b: b)] else { return false }
        return mutuallyExclusive ? true : stored == false
    }

    mutating func add(_ a: Int, _ b: Int, mutuallyExclusive: Bool) {
        data[Pair(a: a, b: b)] = mutuallyExclusive
    }
}

/// Pairs where the order does not matter.
struct PairSet {
    private var ordered = OrderedPairSet()

    func has(_ a: Int, _ b: Int, mutuallyExclusive: Bool) -> Bool {
        ordered.has(a, b, mutuallyExclusive: mutuallyExclusive) || ordered.has(b, a, mutuallyExclusive: mutuallyExclusive)
    }

    mutating func add(_ a: Int, _ b: Int, mutuallyExclusive: Bool) {
        ordered.add(a, b, mutuallyExclusive: mutuallyExclusive)
    }
}
