import Glibc
import Synchronization

/// Independent pieces of work on a bounded number of threads, their results handed back in input
/// order: the output of a parallel run is the output of a serial one.
///
/// `forEach` starts up to `workers` threads that take items in input order; the calling thread
/// receives each result in `inOrder` as soon as it and every earlier one are done, so results
/// finished early wait only for the ones before them, not for the whole batch. Workers do not wait
/// for the receiver: behind a slow early item, later results are held in memory until it is done.
public enum ParallelWork {
    /// The cores online (`sysconf(_SC_NPROCESSORS_ONLN)`), at least 1. Swift's Glibc module does
    /// not expose `sched_getaffinity`, so a narrower affinity mask (`taskset`) is not seen: more
    /// workers than allowed cores only take turns.
    public static var activeCores: Int {
        max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    /// Runs `work` on every item on up to `workers` threads (at most one per item) and calls
    /// `inOrder(index, result)` on the calling thread for each item in input order.
    ///
    /// When `inOrder` throws, no further item is started, the running ones are waited for, and the
    /// error is rethrown. With one worker or one item, or when the system has no descriptor left
    /// for the batch's wake-up, the work runs on the calling thread, one item after another.
    public static func forEach<Item: Sendable, Output: Sendable>(
        _ items: [Item], workers: Int = activeCores,
        _ work: @escaping @Sendable (Item) -> Output,
        inOrder: (Int, Output) throws -> Void
    ) rethrows {
        let threads = min(max(1, workers), items.count)
        guard threads > 1, let batch = try? Batch(items: items, work: work) else {
            for (index, item) in items.enumerated() { try inOrder(index, work(item)) }
            return
        }
        var started: [pthread_t] = []
        defer {
            batch.cancel()
            for thread in started { pthread_join(thread, nil) }
        }
        for _ in 0..<threads {
            guard let thread = startThread({ batch.runWorker() }) else { break }
            started.append(thread)
        }
        // No thread at all (the system refused): the work is still done, here.
        if started.isEmpty { batch.runWorker() }
        for index in items.indices {
            try inOrder(index, batch.waitForResult(index))
        }
    }

    /// A new joinable thread running `body`, or nil when the system refuses one.
    private static func startThread(_ body: @escaping @Sendable () -> Void) -> pthread_t? {
        let box = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { pointer in
            Unmanaged<ThreadBody>.fromOpaque(pointer!).takeRetainedValue().body()
            return nil
        }, box)
        if status != 0 {
            Unmanaged<ThreadBody>.fromOpaque(box).release()
            return nil
        }
        return thread
    }
}

private final class ThreadBody: Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}

/// The items, the next one to take, and the results not yet handed back.
private final class Batch<Item: Sendable, Output: Sendable>: Sendable {
    private struct State: ~Copyable {
        var next = 0
        var cancelled = false
        var results: [Output?]
    }

    private let items: [Item]
    private let work: @Sendable (Item) -> Output
    private let state: Mutex<State>
    /// Signalled by a worker each time it stores a result; the calling thread waits on it.
    private let finished: WakeUp

    init(items: [Item], work: @escaping @Sendable (Item) -> Output) throws(SystemError) {
        self.items = items
        self.work = work
        state = Mutex(State(results: Array(repeating: nil, count: items.count)))
        finished = try WakeUp()
    }

    /// Takes items until none is left (or the batch was cancelled), storing each result.
    func runWorker() {
        while let index = take() {
            let output = work(items[index])
            state.withLock { $0.results[index] = output }
            finished.signal()
        }
    }

    private func take() -> Int? {
        state.withLock { state in
            guard !state.cancelled, state.next < items.count else { return nil }
            defer { state.next += 1 }
            return state.next
        }
    }

    /// Blocks until item `index` is done and hands its result over (its slot is emptied, so a
    /// large result is freed as soon as the caller is done with it).
    func waitForResult(_ index: Int) -> Output {
        while true {
            // Reset before looking: a result stored after the look leaves the signal pending.
            finished.reset()
            if let output = state.withLock({ $0.results[index].take() }) { return output }
            _ = waitReadable([finished.pollDescriptor], timeout: nil)
        }
    }

    func cancel() {
        state.withLock { $0.cancelled = true }
    }
}
