import GluteWire

/// The micro:bit accelerometer data characteristic: x, y, z as int16 little-endian milli-g,
/// one value per accelerometer period, taken from the sensor's samples by decimation (the
/// nearest sample at or after each period boundary). Periods shorter than the sensor's sample
/// interval give one value per sample.
public struct MicrobitNotificationSource: Sendable {
    /// The period in force, in ms: always one of `MicrobitGATT.supportedPeriods`.
    public private(set) var period: UInt16
    private var nextDue: Double?

    public init(period: UInt16 = 20) {
        self.period = Self.nearestSupported(period)
    }

    /// The supported period nearest to `requested` (the shorter one on a tie), as the micro:bit
    /// firmware chooses.
    public static func nearestSupported(_ requested: UInt16) -> UInt16 {
        let periods = MicrobitGATT.supportedPeriods
        var best = periods[0]
        for candidate in periods where abs(Int(candidate) - Int(requested)) < abs(Int(best) - Int(requested)) {
            best = candidate
        }
        return best
    }

    /// Applies a period the client wrote; returns the one chosen.
    public mutating func setPeriod(_ requested: UInt16) -> UInt16 {
        period = Self.nearestSupported(requested)
        return period
    }

    /// The value of one reading: the accelerometer in milli-g, saturating at the int16 range.
    public static func value(of sample: IMUSample) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(6)
        for component in [sample.accel.x, sample.accel.y, sample.accel.z] {
            let milli = Int16(saturating: component * 1000, rounding: .toNearestOrAwayFromZero)
            let bits = UInt16(bitPattern: milli)
            out.append(UInt8(truncatingIfNeeded: bits))
            out.append(UInt8(truncatingIfNeeded: bits >> 8))
        }
        return out
    }

    /// A reading, when the sample falls due. Readings are taken whether or not the client
    /// listens: the data characteristic is readable too.
    public mutating func consume(_ sample: Sample) -> GATTTimedValue? {
        guard case .imu(let imu) = sample else { return nil }
        let step = Double(period) / 1000
        // Half a microsecond of slack absorbs the rounding of sample times.
        if let due = nextDue, imu.time + 5e-7 < due { return nil }
        let due = nextDue ?? imu.time
        // Catch up without a burst when the sensor skipped ahead (never with the virtual sensor).
        nextDue = max(due + step, imu.time + step / 2)
        return GATTTimedValue(time: imu.time, value: Self.value(of: imu))
    }
}
