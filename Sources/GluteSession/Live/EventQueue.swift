import GluteDevices
import GluteLog
import Synchronization

/// The bounded hand-over from the reader thread to the sink thread. The reader never waits: when
/// the sinks fall behind by `capacity` events, the oldest are dropped and counted, and the sink
/// thread reports the count. A slow sink can cost events on screen, never samples or the capture.
public final class EventQueue: Sendable {
    public let capacity: Int
    private let state = Mutex<(events: [TimedEvent], dropped: Int)>(([], 0))
    private let wake: WakeUp

    public init(capacity: Int = 10_000) throws(SystemError) {
        self.capacity = capacity
        wake = try WakeUp()
    }

    /// Readable while events are waiting.
    public var pollDescriptor: Int32 { wake.pollDescriptor }

    public func push(_ event: TimedEvent) {
        state.withLock { s in
            if s.events.count >= capacity {
                s.events.removeFirst()
                s.dropped += 1
            }
            s.events.append(event)
        }
        wake.signal()
    }

    /// Everything waiting, and how many were dropped since the last call.
    public func drain() -> (events: [TimedEvent], dropped: Int) {
        wake.reset()
        return state.withLock { s in
            defer { s.events.removeAll(keepingCapacity: true); s.dropped = 0 }
            return (s.events, s.dropped)
        }
    }
}
