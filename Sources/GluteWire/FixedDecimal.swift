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

    /// 10^places for 0...9, exact in a Double.
    @inlinable @inline(__always)
    static func scale(_ places: Int) -> Double {
        switch places {
        case 0: return 1
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        default: return 1e9
        }
    }

    /// Writes `value` with exactly `decimals` places (clamped to 0...`maxDecimals`) at `out`,
    /// which has room for `maxLength` bytes; returns the bytes written. Values too large for the
    /// integer route (|value| * 10^decimals rounds to 9e18 or more) are written as Swift's
    /// shortest representation, as are non-finite ones unless `nonFinite` is `.null`.
    @inlinable @inline(__always)
    public static func write(_ value: Double, decimals: Int, nonFinite: NonFinite = .description,
                             to out: UnsafeMutablePointer<UInt8>) -> Int {
        let places = min(max(decimals, 0), maxDecimals)
        let scaled = abs(value) * scale(places)
        // Half away from zero by integer truncation: `scaled - truncated` is exact, and the same
        // as `rounded(.toNearestOrAwayFromZero)` without a libm call. NaN and infinities fail
        // the comparison and take the slow route. Through Int64 (scaled is 0 or more and below
        // 9e18): the signed conversions are single instructions on x86-64, the unsigned ones
        // are not; the numbers are the same.
        guard scaled < 9.0e18, let truncated = Int64(checked: scaled) else { return writeSlowly(value, nonFinite: nonFinite, to: out) }
        var units = UInt64(bitPattern: truncated)
        if scaled - Double(truncated) >= 0.5 { units &+= 1 }
        guard units < 9_000_000_000_000_000_000 else { return writeSlowly(value, nonFinite: nonFinite, to: out) }
        return writeDigits(units: units, places: places, negative: value < 0, to: out)
    }

    /// The digits of `units / 10^places`: the whole part (nearly always one or two digits)
    /// and the fraction (below 10^9) apart, the fraction in 32-bit arithmetic, two digits at a
    /// time from its end.
    @inlinable @inline(__always)
    static func writeDigits(units: UInt64, places: Int, negative: Bool, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let (whole, fraction) = split(units, places: places)
        var position = 0
        if negative && units != 0 {
            out[0] = 0x2D  // "-"
            position = 1
        }
        position &+= writeWhole(whole, to: out + position)
        if places > 0 {
            out[position] = 0x2E  // "."
            writeFraction(fraction, places: places, to: out + (position &+ 1))
            position &+= 1 &+ places
        }
        return position
    }

    /// `units` divided by 10^places, and the remainder; a constant divisor per case, so each
    /// division is a multiplication.
    @inlinable @inline(__always)
    static func split(_ units: UInt64, places: Int) -> (whole: UInt64, fraction: UInt32) {
        let whole: UInt64
        switch places {
        case 0: return (units, 0)
        case 1: whole = units / 10
        case 2: whole = units / 100
        case 3: whole = units / 1_000
        case 4: whole = units / 10_000
        case 5: whole = units / 100_000
        case 6: whole = units / 1_000_000
        case 7: whole = units / 10_000_000
        case 8: whole = units / 100_000_000
        default: whole = units / 1_000_000_000
        }
        return (whole, UInt32(truncatingIfNeeded: units &- whole &* powerOfTen(places)))
    }

    /// The whole part without leading zeros (0 is "0"); returns the digits written. Always
    /// inlined (the hint alone left a call per number): up to three digits here, longer whole
    /// parts in a call.
    @inlinable @inline(always)
    static func writeWhole(_ whole: UInt64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        if whole < 10 {
            out[0] = 0x30 &+ UInt8(truncatingIfNeeded: whole)
            return 1
        }
        if whole < 100 {
            writePair(whole, at: out)
            return 2
        }
        if whole < 1000 {
            out[0] = 0x30 &+ UInt8(truncatingIfNeeded: whole / 100)
            writePair(whole % 100, at: out + 1)
            return 3
        }
        return writeLongWhole(whole, to: out)
    }

    /// A whole part of four or more digits.
    @usableFromInline @inline(never)
    static func writeLongWhole(_ whole: UInt64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let digits = digitCount(whole)
        writeLastDigits(whole, count: digits, to: out)
        return digits
    }

    /// Exactly `places` digits of `fraction` (below 10^places), leading zeros kept.
    @inlinable @inline(__always)
    static func writeFraction(_ fraction: UInt32, places: Int, to out: UnsafeMutablePointer<UInt8>) {
        writeLastDigits(fraction, count: places, to: out)
    }

    /// The last `count` decimal digits of `value`, from the end back, two at a time (the
    /// fraction's in 32-bit arithmetic, a long whole part's in 64-bit).
    @inlinable @inline(__always)
    static func writeLastDigits<T: FixedWidthInteger & UnsignedInteger>(_ value: T, count: Int,
                                                                        to out: UnsafeMutablePointer<UInt8>) {
        var position = count
        var rest = value
        while position >= 2 {
            writePair(UInt64(truncatingIfNeeded: rest % 100), at: out + (position &- 2))
            rest /= 100
            position &-= 2
        }
        if position == 1 { out[0] = 0x30 &+ UInt8(truncatingIfNeeded: rest) }
    }

    /// "00" to "99" in a row: the two digits of `n` start at `2 * n`. A literal, so that a
    /// lookup is a load from the binary's constant data (no lazy global, no bounds check).
    @inlinable
    static var digitPairs: StaticString {
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
    }

    /// Two ASCII digits of `pair` (0...99).
    @inlinable @inline(__always)
    static func writePair(_ pair: UInt64, at out: UnsafeMutablePointer<UInt8>) {
        let digits = digitPairs.utf8Start + Int(truncatingIfNeeded: pair &<< 1)
        out[0] = digits[0]
        out[1] = digits[1]
    }

    /// 10^n for n in 0...19 (10^19 is the largest power of ten below 2^64).
    @inlinable @inline(__always)
    static func powerOfTen(_ n: Int) -> UInt64 {
        switch n {
        case 0: return 1
        case 1: return 10
        case 2: return 100
        case 3: return 1_000
        case 4: return 10_000
        case 5: return 100_000
        case 6: return 1_000_000
        case 7: return 10_000_000
        case 8: return 100_000_000
        case 9: return 1_000_000_000
        case 10: return 10_000_000_000
        case 11: return 100_000_000_000
        case 12: return 1_000_000_000_000
        case 13: return 10_000_000_000_000
        case 14: return 100_000_000_000_000
        case 15: return 1_000_000_000_000_000
        case 16: return 10_000_000_000_000_000
        case 17: return 100_000_000_000_000_000
        case 18: return 1_000_000_000_000_000_000
        default: return 10_000_000_000_000_000_000
        }
    }

    /// Decimal digits of `value` (1 for 0): the bit length times log10(2) (1233 / 4096) is the
    /// count or one less, and one comparison tells which.
    @inlinable @inline(__always)
    static func digitCount(_ value: UInt64) -> Int {
        let bits = 64 &- value.leadingZeroBitCount
        let estimate = (bits &* 1233) &>> 12
        return max(1, estimate &+ (value >= powerOfTen(estimate) ? 1 : 0))
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
