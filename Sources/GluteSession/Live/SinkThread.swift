import Foundation
import GluteDevices

/// The sink thread: waits for events (or a tick), hands them to the sinks in order.
final class SinkThread: @unchecked Sendable {
    // Safe: `sinks` is handed over at init (`sending`) and from `start()` on is touched only by
    // the sink thread; the owner only signals `stopWake` and joins through `done`.
    private let queue: EventQueue
    private let session: LiveSession
    private var sinks: [any SessionSink]
    private let tickInterval: Double?
    private let stopWake: WakeUp
    private let done: WakeUp

    init(queue: EventQueue, session: LiveSession, sinks: sending [any SessionSink], tickInterval: Double?) throws(SystemError) {
        self.queue = queue
        self.session = session
        self.sinks = sinks
        self.tickInterval = tickInterval
        stopWake = try WakeUp()
        done = try WakeUp()
    }

    func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "sinks"
        thread.start()
    }

    private func loop() {
        var dropped = 0
        var stopping = false
        while true {
            let ready = waitReadable([queue.pollDescriptor, stopWake.pollDescriptor], timeout: tickInterval)
            if ready == stopWake.pollDescriptor { stopping = true }
            let batch = queue.drain()
            dropped += batch.dropped
            if !batch.events.isEmpty || tickInterval != nil || stopping {
                let status = session.drainStatus(dropped: dropped)
                for event in batch.events {
                    for sink in sinks { sink.handle(event, status: status) }
                }
                if stopping {
                    for sink in sinks { sink.finish(status) }
                    done.signal()
                    return
                }
                for sink in sinks { sink.tick(status) }
            }
        }
    }

    func stopAndJoin() {
        stopWake.signal()
        _ = waitReadable([done.pollDescriptor], timeout: nil)
    }
}
