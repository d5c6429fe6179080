/// Prolonged sitting from the confirmed posture, with bouts as `SittingBoutTracker` defines them.
/// `sitting.prolonged` fires at bout start + limit and every repeat interval after, while sitting;
/// `sitting.break` fires once an upright spell has lasted `breakMin`, with the bout's length.
public struct SittingBoutDetector: Sendable {
    public let settings: SittingSettings
    private var bouts = SittingBoutTracker()
    private var nextAlert = Double.infinity

    public init(settings: SittingSettings) {
        self.settings = settings
    }

    public var boutStart: Double? { bouts.boutStart }

    /// The current bout's length at `time`, or 0 outside a bout.
    public func boutLength(at time: Double) -> Double {
        bouts.length(at: time)
    }

    /// Feeds the confirmed posture (and when it began) at each sample.
    public mutating func update(time: Double, posture: Posture?, since: Double, emit: (Event) -> Void) {
        guard let posture else { return }
        let wasInBout = bouts.boutStart != nil
        bouts.follow(posture, since: since)
        switch posture {
        case .sitting:
            if !wasInBout { nextAlert = since + settings.limit }
            if let start = bouts.boutStart, time >= nextAlert {
                emit(Event(time: time, kind: .sittingProlonged(since: start, duration: time - start, limit: settings.limit)))
                while nextAlert <= time { nextAlert += max(settings.repeatInterval, 1e-3) }
            }
        case .standing, .walking:
            if let upright = bouts.uprightSince, let bout = bouts.breakReached(at: time, breakMin: settings.breakMin) {
                emit(Event(time: time, kind: .sittingBreak(bout: bout.length, breakLength: time - upright)))
                nextAlert = .infinity
            }
        case .lying:
            break
        }
    }
}
