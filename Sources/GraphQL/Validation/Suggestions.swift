/// "Did you mean …?" hints, worded and ordered as graphql-core words and orders them.
enum Suggestions {
    static let maxSuggestions = 5

    /// ` Did you mean 'A', 'B', or 'C'?` — empty when there is nothing to suggest.
    static func didYouMean(_ suggestions: [String], subMessage: String? = nil) -> String {
        guard !suggestions.isEmpty else { return "" }
        var message = " Did you mean "
        if let subMessage { message += subMessage + " " }
        let quoted = suggestions.prefix(maxSuggestions).map { "'\($0)'" }
        return message + orList(Array(quoted)) + "?"
    }

    /// `A`, `A or B`, `A, B, or C`.
    static func orList(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return "\(items[0]) or \(items[1])"
        default: return items.dropLast().joined(separator: ", ") + ", or " + items[items.count - 1]
        }
    }

    /// The options close enough to `input` to be a likely typo, closest first, ties in
    /// natural order (`a2` before `a10`).
    static func list(_ input: String, options: [String]) -> [String] {
        let measure = LexicalDistance(input)
        let threshold = Int(Double(input.unicodeScalars.count) * 0.4) + 1
        var scored: [(String, Int)] = []
        var seen = Set<String>()
        for option in options where seen.insert(option).inserted {
            if let d = measure.distance(to: option, threshold: threshold) { scored.append((option, d)) }
        }
        scored.sort { a, b in
            if a.1 != b.1 { return a.1 < b.1 }
            return naturalLess(a.0, b.0)
        }
        return scored.map(\.0)
    }

    /// Natural sort order: runs of digits compare by their numeric value.
    static func naturalLess(_ a: String, _ b: String) -> Bool {
        let pa = naturalParts(a), pb = naturalParts(b)
        for (x, y) in zip(pa, pb) {
            switch (x, y) {
            case (.text(let s), .text(let t)):
                if s != t { return s.unicodeScalars.lexicographicallyPrecedes(t.unicodeScalars) }
            case (.number(let n, let s), .number(let m, let t)):
                if n != m { return n < m }
                if s != t { return s.unicodeScalars.lexicographicallyPrecedes(t.unicodeScalars) }
            default:
                break
            }
        }
        return pa.count < pb.count
    }

    private enum Part { case text(String), number(Double, String) }

    private static func naturalParts(_ s: String) -> [Part] {
        var parts: [Part] = []
        var current = ""
        var inDigits = false
        for ch in s.unicodeScalars {
            let isDigit = ch.properties.numericType == .decimal
            if isDigit != inDigits {
                parts.append(inDigits ? .number(Double(current) ?? 0, current) : .text(current))
                current = ""
                inDigits = isDigit
            }
            current.unicodeScalars.append(ch)
        }
        parts.append(inDigits ? .number(Double(current) ?? 0, current) : .text(current))
        return parts
    }
}

/// Damerau–Levenshtein distance (with adjacent transpositions) on lower-cased code
/// points, giving up once the distance must exceed the threshold.
struct LexicalDistance {
    private let input: String
    private let inputLower: [Unicode.Scalar]
    private let inputLowerString: String

    init(_ input: String) {
        self.input = input
        self.inputLowerString = input.lowercased()
        self.inputLower = Array(inputLowerString.unicodeScalars)
    }

    func distance(to option: String, threshold: Int) -> Int? {
        if option == input { return 0 }
        let optionLower = option.lowercased()
        // Any change of case counts as one edit.
        if optionLower == inputLowerString { return 1 }
        var a = Array(optionLower.unicodeScalars)
        var b = inputLower
        if a.count < b.count { swap(&a, &b) }
        let aLen = a.count, bLen = b.count
        if aLen - bLen > threshold { return nil }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: bLen + 1), count: 3)
        for j in 0...bLen { rows[0][j] = j }
        if aLen == 0 { return bLen <= threshold ? bLen : nil }
        for i in 1...aLen {
            let up = (i - 1) % 3, cur = i % 3
            rows[cur][0] = i
            var smallest = i
            if bLen > 0 {
                for j in 1...bLen {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var cell = min(rows[up][j] + 1, rows[cur][j - 1] + 1, rows[up][j - 1] + cost)
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        cell = min(cell, rows[(i - 2) % 3][j - 2] + 1)
                    }
                    smallest = min(smallest, cell)
                    rows[cur][j] = cell
                }
            }
            if smallest > threshold { return nil }
        }
        let d = rows[aLen % 3][bLen]
        return d <= threshold ? d : nil
    }
}
