/// Numbers as people type them on a command line or in a config file: decimal digits, an optional
/// sign, point and exponent. `Double(String)` also takes hexadecimal (`0x10` is 16, `0x1p4` too),
/// `nan`, `inf` and `infinity`, none of which anybody means by a tilt limit or a speed.
public enum DecimalText {
    /// The value of `text` if it is a plain decimal number, else nil. No surrounding whitespace.
    public static func double(_ text: some StringProtocol) -> Double? {
        guard !text.isEmpty,
              text.utf8.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || "+-.eE".utf8.contains($0) }),
              text.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Double(String(text))
    }
}
