/// Sitting bouts from the confirmed posture. A bout starts when sitting begins and lasts until an
/// upright break of at least `breakMin`; shorter interruptions and lying stay inside the bout.
/// `sitting.prolonged` fires at bout start + limit and every repeat interval after, while sitting;
/// `sitting.break` fires once the break has lasted `breakMin`, with the bout's length.
public struct SittingBoutDetector: Sendable {
    public let settings: SittingSettings
    public private(set) var boutStart: Double?
    private var uprightSince: Double?
    private var nextAlert = Double.infinity

    public init(settings: SittingSettings) {
        self.settings = settings
    }

    /// The current bout's length at `time`, or 0 outside a bout.
    public func boutLength(at time: Double) -> Double {
        boutStart.map { max(0, time - $0) } ?? 0
    }

    /// Feeds the confirmed posture (and when it began) at each sample.
    public mutating func update(time: Double, posture: Posture?, since: Double, emit: (Event) -> Void) {
        guard let posture else { return }
        switch posture {
        case .sitting:
            uprightSince = nil
            if boutStart == nil {
                boutStart = since
                nextAlert = since + settings.limit
            }
            if let start = boutStart, time >= nextAlert {
                emit(Event(time: time, kind: .sittingProlonged(since: start, duration: time - start, limit: settings.limit)))
                while nextAlert <= time { nextAlert += max(settings.repeatInterval, 1e-3) }
            }
        case .standing, .walking:
            if uprightSince == nil { uprightSince = since }
            if let start = boutStart, let upright = uprightSince, time - upright >= settings.breakMin {
                emit(Event(time: time, kind: .sittingBreak(bout: max(0, upright - start), breakLength: time - upright)))
                boutStart = nil
                nextAlert = .infinity
            }
        case .lying:
            uprightSince = nil
        }
    }
}
