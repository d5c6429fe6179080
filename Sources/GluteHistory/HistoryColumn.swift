import GluteCore
import GluteWire

/// The figures a history row shows, in order, with how each is written.
public enum HistoryColumn: String, Sendable, CaseIterable {
    case worn, sitting, bouts, longest, breaks, alerts, tilt, squeezes, sets

    /// The `history --json` field.
    public var jsonName: String {
        switch self {
        case .worn: return "worn_s"
        case .sitting: return "sitting_s"
        case .bouts: return "bouts"
        case .longest: return "longest_bout_s"
        case .breaks: return "breaks"
        case .alerts: return "prolonged_alerts"
        case .tilt: return "tilt_s"
        case .squeezes: return "squeezes"
        case .sets: return "exercise_sets"
        }
    }

    public var isDuration: Bool { [.worn, .sitting, .longest, .tilt].contains(self) }

    public func value(_ day: DayFigures) -> Double {
        switch self {
        case .worn: return day.wornSeconds
        case .sitting: return day.sittingSeconds
        case .bouts: return Double(day.boutCount)
        case .longest: return day.longestBout
        case .breaks: return Double(day.breaks)
        case .alerts: return Double(day.prolongedAlerts)
        case .tilt: return day.tiltSeconds
        case .squeezes: return Double(day.squeezes)
        case .sets: return Double(day.exerciseSets)
        }
    }

    /// The value for people: "5h12m" for durations, "3" for counts, "2.5" for a mean count.
    public func text(_ value: Double) -> String {
        if isDuration { return DurationText.format(value) }
        if value == value.rounded(), let whole = Int(checked: value) { return String(whole) }
        return String(Double(Int(saturating: value * 10, rounding: .toNearestOrAwayFromZero)) / 10)
    }
}
