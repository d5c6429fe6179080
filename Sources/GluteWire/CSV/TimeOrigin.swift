/// Where stream time starts for text sources that carry their own time column.
public enum TimeOrigin: Sendable, Equatable {
    /// Keep the file's times when the first one looks like stream seconds; rebase to the first
    /// sample when it looks like an epoch time (above `epochThreshold` seconds, i.e. after
    /// 1973 as Unix time; no recording runs that long). The default.
    case automatic(epochThreshold: Double)
    /// Keep the file's times as they are (converted to seconds).
    case file
    /// Always start at zero on the first sample.
    case firstSample

    /// `automatic` with a threshold of 1e8 s.
    public static let `default` = TimeOrigin.automatic(epochThreshold: 1e8)
}

/// Turns raw time values into stream seconds, applying a `TimeOrigin` decided on the first one.
///
/// The origin is subtracted in the file's own unit before converting, so that integer epoch
/// microseconds (~1.6e15, exact in a Double) give exact differences.
struct TimeRebaser: Sendable, Equatable {
    let origin: TimeOrigin
    /// The raw value (file units) subtracted from every time; nil until the first sample, or
    /// when times are kept.
    private(set) var rawOrigin: Double?
    private var decided = false

    init(origin: TimeOrigin) {
        self.origin = origin
    }

    /// The first sample's time as given in the file, in seconds, when it was subtracted.
    func removedOffset(perSecond: Double) -> Double? { rawOrigin.map { $0 / perSecond } }

    /// `raw` in file units, `perSecond` file units per second.
    mutating func seconds(raw: Double, perSecond: Double) -> Double {
        if !decided {
            decided = true
            switch origin {
            case .file: rawOrigin = nil
            case .firstSample: rawOrigin = raw
            case .automatic(let threshold): rawOrigin = abs(raw / perSecond) > threshold ? raw : nil
            }
        }
        guard let rawOrigin else { return raw / perSecond }
        return (raw - rawOrigin) / perSecond
    }
}
