/// Parses ASCII decimal numbers (`-12`, `0.5`, `.5`, `1.5e-3`) straight from line bytes.
///
/// Text decoders run once per sample, so the common case must not build a `String`: a number
/// with at most 19 significant digits whose value is an integer up to 2^53 scaled by a power of
/// ten up to 10^22 is exact in `Double` arithmetic (Clinger's fast path). Anything else falls
/// back to the standard library's correctly rounded conversion through a reused scratch string,
/// so every accepted number is the nearest `Double` to its text.
struct DecimalParser: Sendable {
    private var scratch: String

    init() {
        scratch = String()
        scratch.reserveCapacity(64)
    }

    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The number in `bytes[start..<end]`, or nil when the text is not a plain decimal number
    /// or does not fit a finite `Double`. No surrounding spaces, no `nan`, no `inf`, no hex.
    mutating func parse(_ bytes: [UInt8], from start: Int, to end: Int) -> Double? {
        var i = start
        guard i < end else { return nil }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var digits = SignificantDigits()
        digits.scan(bytes, &i, end, afterPoint: false)
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            digits.scan(bytes, &i, end, afterPoint: true)
        }
        guard digits.sawDigit else { return nil }
        if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            guard let exponent = Self.scanExponent(bytes, &i, end) else { return nil }
            digits.decimalExponent += exponent
        }
        guard i == end else { return nil }

        if digits.mantissa == 0 { return negative ? -0.0 : 0.0 }
        if !digits.droppedNonZero, let value = Self.exactValue(digits.mantissa, timesTenTo: digits.decimalExponent) {
            return negative ? -value : value
        }
        return slowParse(bytes, from: start, to: end)
    }

    /// The digits of a number as they are read: up to 19 significant ones exactly in `mantissa`,
    /// the value being `mantissa * 10^decimalExponent`; further ones only move the exponent and
    /// mark the value inexact (`droppedNonZero`).
    private struct SignificantDigits {
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var decimalExponent = 0
        var droppedNonZero = false
        var sawDigit = false

        /// A run of digits, before the point or after it; advances `i` past them. A kept digit
        /// after the point divides by ten; a dropped one before it multiplies by ten.
        @inline(__always)
        mutating func scan(_ bytes: [UInt8], _ i: inout Int, _ end: Int, afterPoint: Bool) {
            while i < end, let d = DecimalParser.digit(bytes[i]) {
                sawDigit = true
                if significantDigits < 19 {
                    if mantissa != 0 || d != 0 {
                        mantissa = mantissa &* 10 &+ UInt64(d)
                        significantDigits += 1
                    }
                    if afterPoint { decimalExponent -= 1 }
                } else {
                    if !afterPoint { decimalExponent += 1 }
                    if d != 0 { droppedNonZero = true }
                }
                i += 1
            }
        }
    }

    /// The signed exponent after an `e`/`E` (at `i`), advancing `i` past it; nil when it has no
    /// digits.
    @inline(__always)
    private static func scanExponent(_ bytes: [UInt8], _ i: inout Int, _ end: Int) -> Int? {
        var exponentNegative = false
        if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            exponentNegative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var exponent = 0
        var sawExponentDigit = false
        while i < end, let d = digit(bytes[i]) {
            sawExponentDigit = true
            // Saturate: anything this large is out of Double's range either way.
            if exponent < 100_000 { exponent = exponent * 10 + d }
            i += 1
        }
        guard sawExponentDigit else { return nil }
        return exponentNegative ? -exponent : exponent
    }

    /// Clinger's fast path: `mantissa * 10^exponent` when both factors are exact in `Double`, so
    /// that one rounding gives the nearest value; nil otherwise. `mantissa` is not 0.
    @inline(__always)
    private static func exactValue(_ mantissa: UInt64, timesTenTo exponent: Int) -> Double? {
        var mantissa = mantissa, decimalExponent = exponent
        while mantissa % 10 == 0 {
            mantissa /= 10
            decimalExponent += 1
        }
        guard mantissa <= (1 << 53), decimalExponent >= -22, decimalExponent <= 22 else { return nil }
        let m = Double(mantissa)
        return decimalExponent < 0
            ? m / exactPowersOfTen[-decimalExponent]
            : m * exactPowersOfTen[decimalExponent]
    }

    /// The standard library's conversion; the grammar was already checked above.
    private mutating func slowParse(_ bytes: [UInt8], from start: Int, to end: Int) -> Double? {
        scratch.removeAll(keepingCapacity: true)
        for index in start..<end {
            scratch.unicodeScalars.append(Unicode.Scalar(bytes[index]))
        }
        guard let value = Double(scratch), value.isFinite else { return nil }
        return value
    }

    @inline(__always)
    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
