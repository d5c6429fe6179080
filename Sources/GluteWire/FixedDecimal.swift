/// The one fixed-decimal number formatter of every text output (JSON and CSV samples, events,
/// orientation rows): `-0.012300` for 6 places, rounded half away from zero, without Foundation,
/// identical on every platform so that outputs are byte-for-byte reproducible.
///
/// It writes ASCII digits straight into a byte array (no `String` per number): `decode` and
/// `export` print millions of numbers a second through it.
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

    @usableFromInline static let scales: (Double, Double, Double, Double, Double, Double, Double, Double, Double, Double) =
        (1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9)

    @inlinable
    static func scale(_ places: Int) -> Double {
        withUnsafeBytes(of: scales) { $0.load(fromByteOffset: places &* 8, as: Double.self) }
    }

    /// Appends `value` with exactly `decimals` places (clamped to 0...`maxDecimals`). Values too
    /// large for the integer route (|value| * 10^decimals >= 9e18) are written as Swift's shortest
    /// representation, as are non-finite ones unless `nonFinite` is `.null`.
    @inlinable
    public static func append(_ value: Double, decimals: Int, to out: inout [UInt8], nonFinite: NonFinite = .description) {
        let places = min(max(decimals, 0), maxDecimals)
        let scaled = (abs(value) * scale(places)).rounded(.toNearestOrAwayFromZero)
        guard value.isFinite, scaled < 9.0e18 else {
            appendSlowly(value, nonFinite: nonFinite, to: &out)
            return
        }
        appendDigits(units: UInt64(scaled), places: places, negative: value < 0, to: &out)
    }

    /// `append` into a new string.
    public static func string(_ value: Double, decimals: Int, nonFinite: NonFinite = .description) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(24)
        append(value, decimals: decimals, to: &out, nonFinite: nonFinite)
        return String(decoding: out, as: UTF8.self)
    }

    /// The digits of `units / 10^places`, written backwards into a small buffer on the stack and
    /// appended in one copy.
    @inlinable
    static func appendDigits(units: UInt64, places: Int, negative: Bool, to out: inout [UInt8]) {
        // 20 digits, a point and a sign at most.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var position = 24
            var rest = units
            if places > 0 {
                for _ in 0..<places {
                    position &-= 1
                    buffer[position] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
                    rest /= 10
                }
                position &-= 1
                buffer[position] = 0x2E  // "."
            }
            repeat {
                position &-= 1
                buffer[position] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0
            if negative && units != 0 {
                position &-= 1
                buffer[position] = 0x2D  // "-"
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position..<24]))
        }
    }

    @usableFromInline
    static func appendSlowly(_ value: Double, nonFinite: NonFinite, to out: inout [UInt8]) {
        if !value.isFinite && nonFinite == .null {
            out.append(contentsOf: "null".utf8)
        } else {
            out.append(contentsOf: value.description.utf8)
        }
    }
}
