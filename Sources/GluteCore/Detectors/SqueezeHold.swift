/// A finished squeeze hold, as both squeeze detectors report it to the exercise coach.
public struct SqueezeHold: Sendable, Equatable {
    public var start: Double
    public var end: Double
    public var side: Side
    public var strength: Double
    public var source: SensorSource

    public init(start: Double, end: Double, side: Side, strength: Double, source: SensorSource) {
        self.start = start
        self.end = end
        self.side = side
        self.strength = strength
        self.source = source
    }

    public var duration: Double { end - start }

    var event: Event {
        Event(time: end, kind: .squeeze(start: start, duration: duration, side: side, strength: strength, source: source))
    }
}
