/// The virtual sensor's scripted sessions. DOCS PENDING
public enum Scenario: String, CaseIterable, Sendable {
    case deskDay = "desk-day"
    case standing
    case tilt
    case sitting
    case squeezes
    case singleLeg = "single-leg"
    case cushion

    /// Whether the scenario has a seat cushion by default (settings may override).
    public var hasCushionByDefault: Bool {
        switch self {
        case .deskDay, .sitting, .cushion: return true
        case .standing, .tilt, .squeezes, .singleLeg: return false
        }
    }
}
