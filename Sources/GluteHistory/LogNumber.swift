/// Numbers as event logs write them ("-12.345", "7", at most a few decimals), read without making
/// a String; anything longer or with an exponent goes to the standard library's parser.
enum LogNumber {
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        let negative = b.first == 0x2D
        if negative { i = 1 }
        var mantissa: Int64 = 0
        var digits = 0, decimals = 0
        var seenPoint = false
        while i < b.count {
            let c = b[i]
            if c >= 0x30, c <= 0x39 {
                // A sixteenth digit could not be exact (and a nineteenth would overflow).
                guard digits < 15 else { return slow(b) }
                mantissa = mantissa * 10 + Int64(c - 0x30)
                digits += 1
                if seenPoint { decimals += 1 }
            } else if c == 0x2E, !seenPoint {
                seenPoint = true
            } else {
                return slow(b)
            }
            i += 1
        }
        // Below 2^53 the mantissa and 10^decimals are exact doubles, so the quotient is correctly
        // rounded: the same Double the standard parser gives.
        guard digits > 0, decimals <= 15, !(seenPoint && decimals == 0) else { return slow(b) }
        let value = Double(mantissa) / powers[decimals]
        return negative ? -value : value
    }

    private static let powers: [Double] = (0...15).map { k in (0..<k).reduce(1.0) { acc, _ in acc * 10 } }

    private static func slow(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        Double(String(decoding: b, as: UTF8.self))
    }
}
