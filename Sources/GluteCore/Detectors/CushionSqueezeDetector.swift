/// Glute squeezes on a pressure cushion: the load under a buttock (rear cells, x < 0) rises above
/// its resting level; the side is whichever rear half rose by at least `cushionRise` (both when both
/// did). Strength is the larger relative rise divided by `cushionFullScale`, clipped to 0...1. Only
/// while the cushion is occupied; the resting levels follow the load only outside squeezes.
public struct CushionSqueezeDetector: Sendable {
    public let settings: SqueezeSettings
    private let isLeftRear: [Bool]
    private let isRightRear: [Bool]
    private var baseLeft = 0.0
    private var baseRight = 0.0
    private var hasBaseline = false
    private var lastTime: Double?
    private var weights = SmoothingWeightCache()
    private var start: Double?
    private var peakLeft = 0.0
    private var peakRight = 0.0
    /// The floor under the resting level, Pa, so an unloaded side cannot make huge relative rises.
    private let minimumBase = 200.0

    public init(settings: SqueezeSettings) {
        self.settings = settings
        isLeftRear = settings.layout.cells.map { $0.x < 0 && $0.y > 0 }
        isRightRear = settings.layout.cells.map { $0.x < 0 && $0.y < 0 }
    }

    public var isHolding: Bool { start != nil }

    /// Feeds one pressure sample; `occupied` from the posture's cushion occupancy.
    public mutating func update(time: Double, cells: [Double], occupied: Bool) -> SqueezeHold? {
        let dt = lastTime.map { min(max(time - $0, 0), 1) } ?? 0
        lastTime = time
        guard occupied else {
            start = nil
            hasBaseline = false
            return nil
        }
        var left = 0.0, right = 0.0
        let n = min(cells.count, isLeftRear.count)
        for i in 0..<n {
            if isLeftRear[i] { left += cells[i] } else if isRightRear[i] { right += cells[i] }
        }
        guard hasBaseline else {
            baseLeft = left
            baseRight = right
            hasBaseline = true
            return nil
        }
        let riseLeft = (left - baseLeft) / max(baseLeft, minimumBase)
        let riseRight = (right - baseRight) / max(baseRight, minimumBase)
        if let begun = start {
            peakLeft = max(peakLeft, riseLeft)
            peakRight = max(peakRight, riseRight)
            if time - begun > settings.maxHold {
                start = nil
                baseLeft = left
                baseRight = right
            } else if riseLeft < settings.cushionRelease && riseRight < settings.cushionRelease {
                start = nil
                if time - begun >= settings.minHold {
                    let leftFired = peakLeft >= settings.cushionRise
                    let rightFired = peakRight >= settings.cushionRise
                    let side: Side = leftFired && rightFired ? .both : leftFired ? .left : rightFired ? .right : .unknown
                    let strength = min(1, max(0, max(peakLeft, peakRight) / settings.cushionFullScale))
                    return SqueezeHold(start: begun, end: time, side: side, strength: strength, source: .cushion)
                }
            }
            return nil
        }
        if riseLeft >= settings.cushionRise || riseRight >= settings.cushionRise {
            start = time
            peakLeft = riseLeft
            peakRight = riseRight
            return nil
        }
        let w = weights.weight(dt: dt, tau: settings.cushionBaselineTau)
        baseLeft += (left - baseLeft) * w
        baseRight += (right - baseRight) * w
        return nil
    }
}
