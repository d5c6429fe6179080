/// A body posture, as reported by `posture` events. Raw values are the event's field values.
public enum Posture: String, Sendable, Equatable, CaseIterable {
    case sitting
    case standing
    case walking
    case lying

    /// Standing or walking: the postures that count as a break from sitting.
    public var isUpright: Bool { self == .standing || self == .walking }
}
