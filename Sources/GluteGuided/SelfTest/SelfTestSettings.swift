/// The timing of `glutebridge check`. The sensor cannot hear a keypress, so every step is a time
/// window the user follows from its prompt: the step is prompted, the user gets `gap` seconds to
/// get into position, then the step is measured over the next `hold` seconds. The belt line step
/// has no gap: it is measured over `belt` seconds from its prompt. Times are stream seconds from
/// the first sample, so a virtual sensor run faster than real time keeps the same timeline.
public struct SelfTestSettings: Sendable, Equatable {
    /// Standing relaxed for the belt line, s. Default 10 s.
    public var belt: Double
    /// From a prompt to the start of its measured hold, s. Default 5 s.
    public var gap: Double
    /// The measured hold of each leg raise and squeeze, s. Default 5 s.
    public var hold: Double
    /// The squeeze's resting tilt (or seat load) is the mean over this long before the hold
    /// starts, s (within the gap; shorter when the gap is). Default 2 s.
    public var baseline: Double
    /// After the last hold, the check listens this long for the release, so that the squeeze it
    /// ends is reported, s. Default 2 s.
    public var release: Double

    public init(belt: Double = 10, gap: Double = 5, hold: Double = 5, baseline: Double = 2, release: Double = 2) {
        self.belt = belt
        self.gap = gap
        self.hold = hold
        self.baseline = baseline
        self.release = release
    }

    /// When each step is prompted, starts being measured and ends, in seconds from the start.
    public func window(of step: SelfTestStep) -> SelfTestWindow {
        let index = SelfTestStep.allCases.firstIndex(of: step)!
        if step == .beltLine { return SelfTestWindow(prompt: 0, start: 0, end: belt) }
        let prompt = belt + Double(index - 1) * (gap + hold)
        return SelfTestWindow(prompt: prompt, start: prompt + gap, end: prompt + gap + hold)
    }

    /// When the last step ends, s from the start.
    public var total: Double { window(of: SelfTestStep.allCases.last!).end }

    /// When the check is over: the last step and the release after it, s from the start.
    public var length: Double { total + release }
}

/// One step's times, seconds from the start of the check.
public struct SelfTestWindow: Sendable, Equatable {
    /// The prompt is shown.
    public var prompt: Double
    /// The measured stretch begins (the user should be in position).
    public var start: Double
    /// The step ends and the next one is prompted.
    public var end: Double

    public init(prompt: Double, start: Double, end: Double) {
        self.prompt = prompt
        self.start = start
        self.end = end
    }
}
