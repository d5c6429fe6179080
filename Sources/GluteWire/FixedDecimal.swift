/// The one fixed-decimal number formatter of every text output (JSON and CSV samples, events,
/// orientation rows): `-0.012300` for 6 places, rounded half away from zero, without Foundation,
/// identical on every platform so that outputs are byte-for-byte reproducible.
///
/// It writes ASCII digits straight to memory (no `String` per number): `decode` and `export`
/// print millions of numbers a second through it, by way of `TextBuffer`.
public enum FixedDecimal {
    /// What a NaN or an infinity becomes.
    public enum NonFinite: Sendable {
        /// `null`, for JSON.
        case null
        /// Swift's own text (`nan`, `inf`, `-inf`), for CSV.
        case description
    }

    /// The most decimal places; 10^places must stay below 2^64 with room for the whole part.
    public static let maxDecimals = 9
    /// The most bytes one number takes: 19 digits, a point and a sign, or Swift's shortest
    /// representation of a Double (at most 24 characters, `-1.7976931348623157e+308`).
    public static let maxLength = 32

    @usableFromInline static let scales: (Double, Double, Double, Double, Double, Double, Double, Double, Double, Double) =
        (1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9)

    /// Writes `value` with exactly `decimals` places (clamped to 0...`maxDecimals`) at `out`,
    /// which has room for `maxLength` bytes; returns the bytes written. Values too large for the
    /// integer route (|value| * 10^decimals rounds to 9e18 or more) are written as Swift's
    /// shortest representation, as are non-finite ones unless `nonFinite` is `.null`.
    @inlinable
    public static func write(_ value: Double, decimals: Int, nonFinite: NonFinite = .description,
                             to out: UnsafeMutablePointer<UInt8>) -> Int {
        let places = min(max(decimals, 0), maxDecimals)
        let scale = withUnsafeBytes(of: scales) { $0.load(fromByteOffset: places &* 8, as: Double.self) }
        let scaled = abs(value) * scale
        // Half away from zero by integer truncation: `scaled - units` is exact, and the same
        // as `rounded(.toNearestOrAwayFromZero)` without a libm call. NaN and infinities fail
        // the comparison and take the slow route.
        guard scaled < 9.0e18 else { return writeSlowly(value, nonFinite: nonFinite, to: out) }
        var units = UInt64(scaled)
        if scaled - Double(units) >= 0.5 { units &+= 1 }
        guard units < 9_000_000_000_000_000_000 else { return writeSlowly(value, nonFinite: nonFinite, to: out) }
        return writeDigits(units: units, places: places, negative: value < 0, to: out)
    }

    /// The digits of `units / 10^places`: formed backwards in a small buffer, then copied.
    @inlinable
    static func writeDigits(units: UInt64, places: Int, negative: Bool, to out: UnsafeMutablePointer<UInt8>) -> Int {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
            var position = 24
            var rest = units
            if places > 0 {
                for _ in 0..<places {
                    position &-= 1
                    digits[position] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
                    rest /= 10
                }
                position &-= 1
                digits[position] = 0x2E  // "."
            }
            repeat {
                position &-= 1
                digits[position] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0
            if negative && units != 0 {
                position &-= 1
                digits[position] = 0x2D  // "-"
            }
            let length = 24 &- position
            out.update(from: digits.baseAddress! + position, count: length)
            return length
        }
    }

    @usableFromInline
    static func writeSlowly(_ value: Double, nonFinite: NonFinite, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let text = !value.isFinite && nonFinite == .null ? "null" : value.description
        var length = 0
        for byte in text.utf8.prefix(maxLength) {
            out[length] = byte
            length += 1
        }
        return length
    }

    /// `value` as a string, formatted as `write` does.
    public static func string(_ value: Double, decimals: Int, nonFinite: NonFinite = .description) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxLength) { buffer in
            let length = write(value, decimals: decimals, nonFinite: nonFinite, to: buffer.baseAddress!)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<length]), as: UTF8.self)
        }
    }
}
