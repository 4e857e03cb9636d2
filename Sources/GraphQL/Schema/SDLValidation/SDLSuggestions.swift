/// "Did you mean …?" hints worded and ordered as graphql-core's `suggestion_list` and
/// `did_you_mean` produce them: options within a lexical distance of 40% of the input,
/// closest first, ties in natural sort order, at most five.
enum SDLSuggestions {
    static func list(_ input: String, options: [String]) -> [String] {
        let inputScalars = Array(input.lowercased().unicodeScalars)
        let threshold = Int(Double(input.unicodeScalars.count) * 0.4) + 1
        var distances: [String: Int] = [:]
        for option in options where distances[option] == nil {
            if let d = distance(input, inputScalars, option, threshold: threshold) {
                distances[option] = d
            }
        }
        return distances.keys.sorted { a, b in
            let da = distances[a]!, db = distances[b]!
            if da != db { return da < db }
            return naturalLess(a, b)
        }
    }

    /// ` Did you mean 'A', 'B', or 'C'?`, or nothing without suggestions.
    static func didYouMean(_ suggestions: [String]) -> String {
        guard !suggestions.isEmpty else { return "" }
        let quoted = suggestions.prefix(5).map { "'\($0)'" }
        let list: String
        switch quoted.count {
        case 1: list = quoted[0]
        case 2: list = "\(quoted[0]) or \(quoted[1])"
        default: list = quoted.dropLast().joined(separator: ", ") + ", or " + quoted.last!
        }
        return " Did you mean \(list)?"
    }

    /// Damerau-Levenshtein distance (adjacent swaps count once); a case change alone is 1.
    private static func distance(
        _ input: String, _ inputLower: [Unicode.Scalar], _ option: String, threshold: Int
    ) -> Int? {
        if input == option { return 0 }
        let optionLower = Array(option.lowercased().unicodeScalars)
        if optionLower == inputLower { return 1 }
        var a = optionLower, b = inputLower
        if a.count < b.count { swap(&a, &b) }
        if a.count - b.count > threshold { return nil }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: 3)
        for j in 0...b.count { rows[0][j] = j }
        if a.isEmpty { return b.count <= threshold ? b.count : nil }
        for i in 1...a.count {
            var smallest = i
            rows[i % 3][0] = i
            if b.count > 0 {
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var cell = min(rows[(i - 1) % 3][j] + 1, rows[i % 3][j - 1] + 1, rows[(i - 1) % 3][j - 1] + cost)
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        cell = min(cell, rows[(i - 2) % 3][j - 2] + 1)
                    }
                    smallest = min(smallest, cell)
                    rows[i % 3][j] = cell
                }
            }
            if smallest > threshold { return nil }
        }
        let d = rows[a.count % 3][b.count]
        return d <= threshold ? d : nil
    }

    /// Natural order: runs of digits compare as numbers.
    private static func naturalLess(_ a: String, _ b: String) -> Bool {
        let pa = parts(a), pb = parts(b)
        for (x, y) in zip(pa, pb) {
            switch (x, y) {
            case (.number(let m, let ms), .number(let n, let ns)):
                if m != n { return m < n }
                if ms != ns { return ms < ns }
            case (.text(let s), .text(let t)):
                if s != t { return s.unicodeScalars.lexicographicallyPrecedes(t.unicodeScalars) }
            case (.text, .number): return false
            case (.number, .text): return true
            }
        }
        return pa.count < pb.count
    }

    private enum Part { case text(String), number(Int, String) }

    private static func parts(_ s: String) -> [Part] {
        // Python's re.split on (\d+) always starts with a (possibly empty) text part.
        var result: [Part] = []
        var current = ""
        var inDigits = false
        for ch in s {
            let isDigit = ch.isASCII && ch.isNumber
            if isDigit != inDigits {
                result.append(inDigits ? .number(Int(current) ?? 0, current) : .text(current))
                current = ""
                inDigits = isDigit
            }
            current.append(ch)
        }
        result.append(inDigits ? .number(Int(current) ?? 0, current) : .text(current))
        return result
    }
}
