import GluteSession
import GluteWire
import Synchronization

/// Feeds the self-test from the reader thread and ends the session when it is over.
public final class SelfTestObserver: GuidedObserver {
    private let state: Mutex<SelfTestRun>
    private let session = Mutex<LiveSession?>(nil)

    public init(_ run: SelfTestRun) { state = Mutex(run) }

    public func attach(_ session: LiveSession) { self.session.withLock { $0 = session } }
    /// Breaks the session -> options -> observer -> session cycle.
    public func detach() { session.withLock { $0 = nil } }

    public func observe(_ sample: Sample) {
        let ended = state.withLock { run -> Bool in
            guard !run.finished else { return false }
            run.feed(sample)
            return run.finished
        }
        if ended { session.withLock { $0 }?.requestStop() }
    }

    public var run: SelfTestRun { state.withLock { $0 } }
}
