import Glibc
import Synchronization
import Testing
@testable import GluteDevices

@Suite struct ParallelWorkTests {
    /// The first item waits until every other one has finished, so it finishes last whatever the
    /// scheduler does; the results still come back in input order.
    @Test func handsResultsBackInInputOrderWhenLaterItemsFinishFirst() throws {
        let items = Array(0..<6)
        let finishOrder = Mutex<[Int]>([])
        var received: [(index: Int, value: Int)] = []
        try ParallelWork.forEach(items, workers: 2, { item in
            if item == 0 {
                let deadline = monotonicNow() + 10
                while finishOrder.withLock({ $0.count }) < items.count - 1, monotonicNow() < deadline { usleep(1000) }
            }
            finishOrder.withLock { $0.append(item) }
            return item * 10
        }) { index, value in
            received.append((index, value))
        }
        // The setup did what it is meant to: the first item finished last.
        #expect(finishOrder.withLock { $0 } == [1, 2, 3, 4, 5, 0])
        #expect(received.map(\.index) == items)
        #expect(received.map(\.value) == items.map { $0 * 10 })
    }

    @Test func runsEveryItemOnceOnSeveralThreads() throws {
        let runs = Mutex<[Int: Int]>([:])
        let threads = Mutex<Set<pthread_t>>([])
        var sum = 0
        try ParallelWork.forEach(Array(0..<200), workers: 4, { item in
            runs.withLock { $0[item, default: 0] += 1 }
            threads.withLock { _ = $0.insert(pthread_self()) }
            usleep(1000)
            return item
        }) { _, value in sum += value }
        #expect(runs.withLock { $0 } == Dictionary(uniqueKeysWithValues: (0..<200).map { ($0, 1) }))
        #expect(sum == (0..<200).reduce(0, +))
        #expect(threads.withLock { $0.count } > 1)
    }

    @Test func oneWorkerRunsOnTheCallingThreadInOrder() throws {
        let caller = pthread_self()
        var order: [Int] = []
        try ParallelWork.forEach(Array(0..<5), workers: 1, { item in
            (item, pthread_equal(pthread_self(), caller) != 0)
        }) { index, result in
            #expect(result.1)
            order.append(result.0)
            #expect(index == result.0)
        }
        #expect(order == Array(0..<5))
    }

    /// A failure while taking results stops the batch: no new item starts, and the error comes out.
    @Test func aThrowingReceiverStopsStartingItems() {
        struct Stop: Error {}
        let started = Atomic<Int>(0)
        #expect(throws: Stop.self) {
            try ParallelWork.forEach(Array(0..<1000), workers: 2, { item in
                started.add(1, ordering: .relaxed)
                usleep(1000)
                return item
            }) { index, _ in
                if index == 1 { throw Stop() }
            }
        }
        // Half a second of work in all: the receiver threw long before the workers got through it.
        #expect(started.load(ordering: .relaxed) < 1000)
    }

    @Test func noItemsIsNoWork() throws {
        var calls = 0
        try ParallelWork.forEach([Int](), workers: 4, { $0 }) { _, _ in calls += 1 }
        #expect(calls == 0)
    }
}

private func monotonicNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
