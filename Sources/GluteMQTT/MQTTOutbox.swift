/// The order QoS 1 events leave in, whatever the link does. Oldest first:
///
/// 1. `retry`: sent but not acknowledged when the link dropped (sent again: a broker that did get
///    them sees a duplicate, with the same payload and so the same `seq`);
/// 2. the on-disk `spool`: everything that arrived while the link was down, or while more than
///    `memoryLimit` waited;
/// 3. `recent`: in memory, arrived while the link was up.
///
/// An event is added at the end of 3, or, when the link is down or 3 is full, 3 is moved to the end
/// of 2 and the event follows it there: so the three stay in order. Not thread-safe: `MQTTClient`
/// locks around it.
final class MQTTOutbox {
    private var retry: [String] = []
    private let spool: MQTTSpool?
    private var recent: [String] = []
    let memoryLimit: Int
    /// Handed to libmosquitto, waiting for PUBACK: message id -> (send order, payload).
    private var inFlight: [Int32: (order: Int, payload: String)] = [:]
    private var sendOrder = 0
    /// Events refused because the spool was full (or could not be written).
    private(set) var dropped = 0
    /// The first spool error, if any (reported once by the client).
    private(set) var spoolError: String?

    init(spool: MQTTSpool?, memoryLimit: Int) {
        self.spool = spool
        self.memoryLimit = memoryLimit
    }

    var inFlightCount: Int { inFlight.count }
    var spooled: Int { spool?.count ?? 0 }
    /// Everything not yet acknowledged by the broker.
    var waiting: Int { retry.count + spooled + recent.count + inFlight.count }
    var spoolPath: String? { spool?.path }

    /// Returns false when the event was dropped (spool full).
    @discardableResult
    func add(_ payload: String, linkUp: Bool) -> Bool {
        if linkUp, recent.count < memoryLimit { recent.append(payload); return true }
        guard let spool else {
            // No spool: memory only, bounded.
            guard recent.count < memoryLimit else { dropped += 1; return false }
            recent.append(payload)
            return true
        }
        let batch = recent + [payload]
        recent.removeAll(keepingCapacity: true)
        let admitted: Int
        do { admitted = try spool.append(batch) } catch {
            spoolError = spoolError ?? error.description
            admitted = 0
        }
        dropped += batch.count - admitted
        return admitted == batch.count
    }

    /// Up to `max` payloads to send next, oldest first.
    func next(_ max: Int) -> [String] {
        var batch: [String] = []
        if !retry.isEmpty {
            batch = Array(retry.prefix(max))
            retry.removeFirst(batch.count)
        }
        if batch.count < max, let spool, !spool.isEmpty {
            do { batch += try spool.take(max - batch.count) } catch { spoolError = spoolError ?? error.description }
        }
        // Memory only after the spool is empty: its events are newer.
        if batch.count < max, spool?.isEmpty ?? true, !recent.isEmpty {
            let n = min(max - batch.count, recent.count)
            batch += recent.prefix(n)
            recent.removeFirst(n)
        }
        return batch
    }

    func sent(_ payload: String, id: Int32) {
        inFlight[id] = (sendOrder, payload)
        sendOrder += 1
    }

    /// A PUBACK: true when it was one of ours.
    @discardableResult
    func acknowledged(_ id: Int32) -> Bool { inFlight.removeValue(forKey: id) != nil }

    /// The link dropped: what was in flight goes first again, in its order.
    func linkLost() {
        retry = unacknowledged() + retry
        inFlight.removeAll()
    }

    /// At the end of a run: everything not acknowledged goes to the spool, in order, for the next
    /// run to send. Returns how many wait there (0 without a spool: then they are lost).
    func persist() -> Int {
        let front = unacknowledged() + retry
        inFlight.removeAll()
        retry.removeAll()
        guard let spool else { dropped += front.count + recent.count; recent.removeAll(); return 0 }
        do {
            try spool.persist(front: front)
            let tail = recent
            recent.removeAll()
            let admitted = try spool.append(tail)
            dropped += tail.count - admitted
        } catch {
            spoolError = spoolError ?? error.description
        }
        spool.close()
        return spool.count
    }

    private func unacknowledged() -> [String] {
        inFlight.values.sorted { $0.order < $1.order }.map(\.payload)
    }
}
