/// Field Selections (spec §5.3.1): every selected field is defined on the type it is
/// selected on, or is a meta field (`__typename` anywhere, `__schema` and `__type` on
/// the query root type).
///
/// `Cannot query field 'x' on type 'T'.`, located at the field, followed by
/// ` Did you mean to use an inline fragment on 'A' or 'B'?` when types below an
/// abstract parent define the field, otherwise by ` Did you mean 'y'?` for similar
/// field names. Fields whose parent type is unknown are not reported.
final class FieldsOnCorrectTypeRule: ValidationRule {
    override class var visits: VisitKinds { [.field] }

    override func enter(_ node: VisitNode) -> VisitResult {
        guard case .field(let field) = node, let parent = context.typeInfo.parentType,
              context.typeInfo.fieldDef == nil
        else { return .proceed }
        let name = field.name.value
        var suggestion = Suggestions.didYouMean(
            suggestedTypeNames(on: parent, field: name), subMessage: "to use an inline fragment on")
        if suggestion.isEmpty {
            suggestion = Suggestions.didYouMean(suggestedFieldNames(on: parent, field: name))
        }
        context.report("Cannot query field '\(name)' on type '\(parent.name)'.\(suggestion)", field.loc)
        return .proceed
    }

    /// The object types and interfaces below an abstract parent that define the field:
    /// those referenced most often first, then super types before their subtypes, then
    /// by name, sorted as graphql-core sorts them.
    private func suggestedTypeNames(on parent: NamedType, field name: String) -> [String] {
        let schema = context.schema
        let possible: [String]
        switch parent {
        case .union(let union): possible = union.types
        case .interface(let interface): possible = schema.implementations(of: interface.name).objects
        default: return []
        }
        var suggested: [NamedType] = []
        var usageCount: [String: Int] = [:]
        for typeName in possible {
            guard case .object(let object)? = schema.type(named: typeName), object.field(name) != nil else { continue }
            if usageCount[object.name] == nil { suggested.append(.object(object)) }
            usageCount[object.name] = 1
            for interfaceName in object.interfaces {
                guard case .interface(let interface)? = schema.type(named: interfaceName),
                      interface.field(name) != nil
                else { continue }
                if usageCount[interface.name] == nil { suggested.append(.interface(interface)) }
                usageCount[interface.name, default: 0] += 1
            }
        }
        let sorted = PythonSort.sorted(suggested) { a, b in
            let countDiff = usageCount[b.name, default: 0] - usageCount[a.name, default: 0]
            if countDiff != 0 { return countDiff }
            if case .interface = a, schema.isSubType(a.name, b.name) { return -1 }
            if case .interface = b, schema.isSubType(b.name, a.name) { return 1 }
            if Suggestions.naturalLess(b.name, a.name) { return 1 }
            if Suggestions.naturalLess(a.name, b.name) { return -1 }
            return 0
        }
        return sorted.map(\.name)
    }

    /// Similar field names of an object or interface parent (unions define no fields).
    private func suggestedFieldNames(on parent: NamedType, field name: String) -> [String] {
        switch parent {
        case .object, .interface: return Suggestions.list(name, options: parent.fields.map(\.name))
        default: return []
        }
    }
}

/// Sorting with a three-way comparator exactly as CPython's `sorted` does for short
/// lists (a natural run, then binary insertion), so that comparators which are not a
/// strict total order still give graphql-core's answer.
enum PythonSort {
    static func sorted<T>(_ items: [T], by compare: (T, T) -> Int) -> [T] {
        var a = items
        let n = a.count
        guard n > 1 else { return a }
        // The leading run: strictly descending runs are reversed, ascending ones kept.
        var run = 2
        if compare(a[1], a[0]) < 0 {
            while run < n && compare(a[run], a[run - 1]) < 0 { run += 1 }
            a[0..<run].reverse()
        } else {
            while run < n && !(compare(a[run], a[run - 1]) < 0) { run += 1 }
        }
        // Binary insertion of the rest (CPython's `binarysort`; lists this short never
        // reach timsort's merging).
        for start in run..<n {
            let pivot = a[start]
            var lo = 0, hi = start
            while lo < hi {
                let mid = lo + (hi - lo) / 2
                if compare(pivot, a[mid]) < 0 { hi = mid } else { lo = mid + 1 }
            }
            if lo < start {
                a.remove(at: start)
                a.insert(pivot, at: lo)
            }
        }
        return a
    }
}
