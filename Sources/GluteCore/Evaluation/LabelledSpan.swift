/// One labelled stretch of a reference recording: `activity` from `start` to `end`, stream seconds.
public struct LabelledSpan: Sendable, Equatable {
    public var start: Double
    public var end: Double
    public var activity: String

    public init(start: Double, end: Double, activity: String) {
        self.start = start
        self.end = end
        self.activity = activity
    }

    public var duration: Double { end - start }
}
