/// Runs a task's jobs on the transport's service thread, through the mailbox.
///
/// A mutation's task prefers it (`startExecution`): when the writer has committed, the
/// resolver's continuation goes from the writer thread straight into the mailbox, instead of
/// first waking a cooperative-pool thread that then posts the fan-out and the response. One
/// thread hop less between the commit and the delivery; under load every hop is a chance to
/// wait for a core. What runs here is a mutation's short tail (building its result); nothing in
/// it touches SQLite (the store answers through callbacks).
final class ServiceThreadExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked Sendable: the only state is the transport, whose `post` is thread-safe.
    private let transport: WebSocketServer

    init(transport: WebSocketServer) { self.transport = transport }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        transport.post { [self] in job.runSynchronously(on: asUnownedTaskExecutor()) }
    }
}
