/// A dead letter as an operator reads it (`switchboard dead-letters`): the letter and the
/// topic of the event it stands for.
public struct DeadLetterReport: Sendable, Hashable {
    public let letter: DeadLetter
    /// The event's topic (`chat:general`), or nil once retention has pruned the event:
    /// dead letters outlive their events on purpose.
    public let topic: String?

    public init(letter: DeadLetter, topic: String?) {
        self.letter = letter
        self.topic = topic
    }
}
