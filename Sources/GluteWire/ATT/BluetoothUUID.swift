/// A Bluetooth UUID, held as its full 128-bit value. A 16-bit UUID stands for
/// 0000xxxx-0000-1000-8000-00805F9B34FB (the Bluetooth base UUID).
///
/// Equality and hashing use all 128 bits, never a shortened form: WitMotion's service
/// 0000ffe5-0000-1000-8000-00805f9a34fb differs from the base only in byte 10 and must not match
/// the 16-bit 0xFFE5. The width the UUID had on the wire (2 or 16 bytes) is kept apart from the
/// value so that a decoded PDU re-encodes to its own bytes; it plays no part in equality.
public struct BluetoothUUID: Hashable, Sendable, CustomStringConvertible {
    /// Bytes 0-7 of the UUID in its written (big-endian) order.
    public let high: UInt64
    /// Bytes 8-15 of the UUID in its written (big-endian) order.
    public let low: UInt64
    /// 2 or 16: the width used when encoding.
    public let wireWidth: Int

    static let baseHighMask: UInt64 = 0xFFFF_0000_FFFF_FFFF
    static let baseHigh: UInt64 = 0x0000_0000_0000_1000
    static let baseLow: UInt64 = 0x8000_0080_5F9B_34FB

    /// A 16-bit UUID on the Bluetooth base.
    public init(_ short: UInt16) {
        high = Self.baseHigh | UInt64(short) << 32
        low = Self.baseLow
        wireWidth = 2
    }

    /// A 128-bit UUID from its two halves in written order.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
        wireWidth = 16
    }

    /// Decodes a UUID as ATT sends it: 2 or 16 bytes, least significant byte first.
    public init?(littleEndian bytes: ArraySlice<UInt8>) {
        let b = Array(bytes)
        switch b.count {
        case 2:
            self.init(UInt16(b[0]) | UInt16(b[1]) << 8)
        case 16:
            var high: UInt64 = 0, low: UInt64 = 0
            for i in 0..<8 {
                low |= UInt64(b[i]) << (8 * UInt64(i))
                high |= UInt64(b[i + 8]) << (8 * UInt64(i))
            }
            self.init(high: high, low: low)
        default:
            return nil
        }
    }

    /// Parses "180F" / "0x180F" (16-bit) or the 36-character form
    /// "0000ffe5-0000-1000-8000-00805f9a34fb" (any case).
    public init?(_ text: String) {
        var digits = Substring(text)
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") { digits = digits.dropFirst(2) }
        if digits.count == 4 {
            guard let short = UInt16(digits, radix: 16), digits.allSatisfy(\.isHexDigit) else { return nil }
            self.init(short)
            return
        }
        let chars = Array(text.utf8)
        guard chars.count == 36 else { return nil }
        var hex: [UInt8] = []
        for (index, c) in chars.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard c == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard let value = Self.hexValue(c) else { return nil }
            hex.append(value)
        }
        var high: UInt64 = 0, low: UInt64 = 0
        for i in 0..<16 { high = high << 4 | UInt64(hex[i]) }
        for i in 16..<32 { low = low << 4 | UInt64(hex[i]) }
        self.init(high: high, low: low)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The 16-bit value when the UUID lies on the Bluetooth base (all other 112 bits match).
    public var shortValue: UInt16? {
        guard low == Self.baseLow, high & Self.baseHighMask == Self.baseHigh else { return nil }
        return UInt16(truncatingIfNeeded: high >> 32)
    }

    /// The bytes as ATT sends them, least significant first, in `wireWidth` bytes. A 128-bit value
    /// off the base can only go out in 16 bytes, whatever `wireWidth` says.
    public var littleEndianBytes: [UInt8] {
        if wireWidth == 2, let short = shortValue {
            return [UInt8(truncatingIfNeeded: short), UInt8(truncatingIfNeeded: short >> 8)]
        }
        var out: [UInt8] = []
        out.reserveCapacity(16)
        for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: low >> (8 * UInt64(i)))) }
        for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: high >> (8 * UInt64(i)))) }
        return out
    }

    /// The same value marked for 16-byte encoding.
    public var as128Bit: BluetoothUUID { BluetoothUUID(high: high, low: low) }

    public static func == (a: BluetoothUUID, b: BluetoothUUID) -> Bool { a.high == b.high && a.low == b.low }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(high)
        hasher.combine(low)
    }

    /// The 36-character lower-case form, always in full (no 16-bit shorthand).
    public var description: String {
        let digits = Self.hex(high, 16) + Self.hex(low, 16)
        let chars = Array(digits)
        return String(chars[0..<8]) + "-" + String(chars[8..<12]) + "-" + String(chars[12..<16]) + "-"
            + String(chars[16..<20]) + "-" + String(chars[20..<32])
    }

    private static func hex(_ value: UInt64, _ width: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: width - text.count) + text
    }
}
