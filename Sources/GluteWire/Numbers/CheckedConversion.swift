/// The one way this project turns a floating-point value into an integer.
///
/// Swift's `Int(_: Double)` traps (status 132, a backtrace) when the value is NaN, infinite or
/// outside the integer's range, and a value read from a file, an option or a device can be any
/// of those. Every conversion in Sources goes through one of these two initialisers instead
/// (`scripts/check-conversions.sh` proves it):
/// - `init?(checked:rounding:)` where a value out of range is an input error to report;
/// - `init(saturating:rounding:ifNaN:)` where the nearest representable value is the right
///   answer (a gauge column, a poll timeout, a percentage on screen).
extension FixedWidthInteger {
    /// `value` rounded by `rule`, or nil when it is NaN, infinite or outside `Self`'s range.
    @inlinable
    public init?<F: BinaryFloatingPoint>(checked value: F, rounding rule: FloatingPointRoundingRule = .towardZero) {
        if rule == .towardZero {
            // The standard conversion truncates; only its range needs checking, which keeps hot
            // paths (FixedDecimal) free of a libm call. NaN fails both comparisons.
            guard Self.truncationFits(value) else { return nil }
            self = Self(value)
            return
        }
        guard let exact = Self(exactly: value.rounded(rule)) else { return nil }
        self = exact
    }

    /// Whether `value` truncated toward zero lies in `Self.min...Self.max` (false for NaN).
    @inlinable
    static func truncationFits<F: BinaryFloatingPoint>(_ value: F) -> Bool {
        // 2^(bits) or 2^(bits-1): exact in any binary floating-point type, or infinity when too large.
        let limit = F(sign: .plus, exponent: F.Exponent(Self.bitWidth - (Self.isSigned ? 1 : 0)), significand: 1)
        guard value < limit else { return false }
        // Unsigned: anything above -1 truncates to 0 or more. Signed: -limit itself fits, and so
        // does anything above -limit - 1 (where that is representable).
        return Self.isSigned ? (value >= -limit || value > -limit - 1) : value > -1
    }

    /// `value` rounded by `rule` and clamped to `Self.min...Self.max`; NaN gives `ifNaN`.
    @inlinable
    public init<F: BinaryFloatingPoint>(saturating value: F, rounding rule: FloatingPointRoundingRule = .towardZero,
                                        ifNaN: Self = 0) {
        guard !value.isNaN else {
            self = ifNaN
            return
        }
        let rounded = value.rounded(rule)
        if let exact = Self(exactly: rounded) {
            self = exact
        } else {
            // Finite values that do not fit, and the infinities, lie beyond one end of the range.
            self = rounded < 0 ? Self.min : Self.max
        }
    }
}

extension UInt64 {
    /// `init?(checked:)` for the hottest conversion, a Double truncated toward zero (FixedDecimal:
    /// every number `decode` and `export` write). Concrete, so that it compiles to one range check
    /// and the processor's conversion; the generic form went through the standard library's
    /// generic `_convert(from:)`, 15 % of a `decode`. Same results as the generic form.
    @inlinable @inline(__always)
    public init?(checked value: Double) {
        // 2^64 is exact in a Double; NaN fails both comparisons.
        guard value > -1, value < 18_446_744_073_709_551_616.0 else { return nil }
        self.init(value)
    }
}

extension Int64 {
    /// `init?(checked:)` concrete for a Double truncated toward zero, like `UInt64`'s above: the
    /// signed conversion is one processor instruction each way on x86-64, where the unsigned one
    /// is a branch and a few more (FixedDecimal converts every number it writes, and back).
    /// Same results as the generic form.
    @inlinable @inline(__always)
    public init?(checked value: Double) {
        // -2^63 and 2^63 are exact in a Double; -2^63 itself fits; NaN fails both comparisons.
        guard value >= -9_223_372_036_854_775_808.0, value < 9_223_372_036_854_775_808.0 else { return nil }
        self.init(value)
    }
}
