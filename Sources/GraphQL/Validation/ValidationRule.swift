/// One validation rule of the specification's "Validation" section.
///
/// All rules walk the document together in one pass (graphql-js's parallel visitor),
/// sharing one `TypeInfo` through the context. A rule overrides `enter` and `leave` and
/// switches on the nodes it cares about; it reports errors through `context.report`.
/// Rules are classes because most keep state across the walk (names seen so far, …).
open class ValidationRule {
    /// Strong, not `unowned`: the context never points back at its rules, so there is no
    /// cycle to break, and an `unowned` reference paid reference counting on every read.
    public let context: ValidationContext

    public required init(context: ValidationContext) {
        self.context = context
    }

    /// The kinds of node this rule's `enter` and `leave` look at; the walk calls it for
    /// those only. The default, every kind, is always correct; a narrower set is faster.
    open class var visits: VisitKinds { .all }

    /// Called when the walk enters a node; `.skip` stops this rule below it.
    open func enter(_ node: VisitNode) -> VisitResult { .proceed }

    /// Called when the walk leaves a node (not for nodes this rule skipped).
    open func leave(_ node: VisitNode) {}
}
