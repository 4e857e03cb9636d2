// The conformance checks (StoreConformance) against InMemoryStore: one test per check,
// so a failure names the behaviour. Keep in step with `StoreConformance.allChecks`.

import XCTest

@testable import Switchboard

final class InMemoryStoreConformanceTests: XCTestCase {
    let conformance = StoreConformance { InMemoryStore() }

    func testAppendAssignsIncreasingIDsFromOne() async throws { try await conformance.appendAssignsIncreasingIDsFromOne() }
    func testCompletionsRunAfterCommitNeverInsideTheCall() async throws { try await conformance.completionsRunAfterCommitNeverInsideTheCall() }
    func testCompletionMayCallTheStoreAgain() async throws { try await conformance.completionMayCallTheStoreAgain() }
    func testBacklogPageIsStrictlyAfterInIDOrder() async throws { try await conformance.backlogPageIsStrictlyAfterInIDOrder() }
    func testBacklogPagesThrough10000EventsWithoutGap() async throws { try await conformance.backlogPagesThrough10000EventsWithoutGap() }
    func testBacklogPagedWhileAppendingHasNoGap() async throws { try await conformance.backlogPagedWhileAppendingHasNoGap() }
    func testHistoryIsTheNewestBeforeOldestFirst() async throws { try await conformance.historyIsTheNewestBeforeOldestFirst() }
    func testLatestEventIDFollowsAppends() async throws { try await conformance.latestEventIDFollowsAppends() }
    func testConnectionsInsertLookUpDelete() async throws { try await conformance.connectionsInsertLookUpDelete() }
    func testSubscriptionsInsertLookUpDelete() async throws { try await conformance.subscriptionsInsertLookUpDelete() }
    func testDeletingAConnectionRemovesItsSubscriptions() async throws { try await conformance.deletingAConnectionRemovesItsSubscriptions() }
    func testDuplicateSubscriptionFailsAloneAsConstraint() async throws { try await conformance.duplicateSubscriptionFailsAloneAsConstraint() }
    func testDeadLettersAppendAndList() async throws { try await conformance.deadLettersAppendAndList() }
    func testRecentDeadLettersNewestFirstWithTopic() async throws { try await conformance.recentDeadLettersNewestFirstWithTopic() }
    func testSettingsRoundTripAndOverwrite() async throws { try await conformance.settingsRoundTripAndOverwrite() }
    func testInsertSettingIfAbsentKeepsTheFirstValue() async throws { try await conformance.insertSettingIfAbsentKeepsTheFirstValue() }
    func testWatchDeliversEveryEventOnceInOrder() async throws { try await conformance.watchDeliversEveryEventOnceInOrder() }
    func testWatchStartsAfterTheGivenID() async throws { try await conformance.watchStartsAfterTheGivenID() }
    func testWatchStopsWhenCancelled() async throws { try await conformance.watchStopsWhenCancelled() }
    func testCloseFinishesQueuedWritesThenFailsEveryCall() async throws { try await conformance.closeFinishesQueuedWritesThenFailsEveryCall() }
    func testCallsAfterCloseFailOutsideTheCall() async throws { try await conformance.callsAfterCloseFailOutsideTheCall() }

    /// The list above and `allChecks` name the same checks.
    func testListsEveryCheck() {
        XCTAssertEqual(StoreConformance.allChecks.count, 20)
    }
}
