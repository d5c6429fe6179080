/// Unwraps the device's 32-bit microsecond clock into seconds that keep growing.
///
/// The device clock wraps every 2^32 us (about 71.6 minutes). A raw value more than half a wrap
/// below the last one is a wrap forward; a raw value more than half a wrap above it is a late frame
/// from before the last wrap. Anything else is taken at face value, so frames of different types
/// may arrive slightly out of time order without breaking the clock.
public struct DeviceClock: Sendable, Equatable {
    private var last: UInt32?
    private var epoch: Int64 = 0

    public init() {}

    public mutating func seconds(for raw: UInt32) -> Double {
        Double(micros(for: raw)) / 1_000_000
    }

    public mutating func micros(for raw: UInt32) -> Int64 {
        let half: UInt32 = 1 << 31
        guard let previous = last else {
            last = raw
            return Int64(raw)
        }
        if raw < previous && previous - raw > half {
            epoch += 1 << 32
            last = raw
            return epoch + Int64(raw)
        }
        if raw > previous && raw - previous > half {
            return epoch - (1 << 32) + Int64(raw)
        }
        if raw > previous { last = raw }
        return epoch + Int64(raw)
    }
}
