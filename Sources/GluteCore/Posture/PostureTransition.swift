/// A sit-to-stand or stand-to-sit movement that the IMU classifier recognised, before the
/// minimum posture duration is applied. `start` and `end` bound the movement episode.
public struct PostureTransition: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case sitToStand = "sit_to_stand"
        case standToSit = "stand_to_sit"
    }

    public var kind: Kind
    public var start: Double
    public var end: Double
    /// Vertical acceleration swing (max - min) during the episode, g.
    public var swing: Double

    public init(kind: Kind, start: Double, end: Double, swing: Double) {
        self.kind = kind
        self.start = start
        self.end = end
        self.swing = swing
    }
}
