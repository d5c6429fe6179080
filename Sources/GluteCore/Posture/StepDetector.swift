/// Steps from peaks of the smoothed vertical acceleration, and walking from their cadence.
///
/// Keeps the last few step times in a fixed ring allocated once, so the per-sample path does not
/// allocate.
struct StepDetector: Sendable {
    private var ring: [Double]
    private var next = 0
    private var stored = 0
    private var previous = 0.0
    private var rising = false
    private(set) var lastStep = -Double.infinity

    init(capacity: Int = 16) {
        ring = Array(repeating: -Double.infinity, count: max(capacity, 2))
    }

    /// Feeds the smoothed vertical acceleration; returns true on the sample that completes a step.
    mutating func update(time: Double, vertical: Double, threshold: Double, minInterval: Double) -> Bool {
        defer { previous = vertical }
        let wasRising = rising
        rising = vertical > previous
        guard wasRising && !rising && previous > threshold && time - lastStep >= minInterval else { return false }
        lastStep = time
        ring[next] = time
        next = (next + 1) % ring.count
        stored = min(stored + 1, ring.count)
        return true
    }

    /// The earliest of the steps within `window` before `time`, and how many there are.
    func recentSteps(before time: Double, window: Double) -> (count: Int, first: Double) {
        var count = 0
        var first = Double.infinity
        for t in ring where t >= time - window {
            count += 1
            first = min(first, t)
        }
        return (count, first)
    }
}
