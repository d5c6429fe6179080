/// A 48-bit Bluetooth device address, as written `C0:FF:EE:00:00:01` (most significant byte first).
public struct BluetoothAddress: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The six bytes in written order.
    public let bytes: [UInt8]

    /// Parses exactly six two-digit hex pairs separated by colons, either case. Stricter than
    /// BlueZ's `str2ba`, which silently turns malformed text into some address.
    public init?(_ text: String) {
        let pairs = text.split(separator: ":", omittingEmptySubsequences: false)
        guard pairs.count == 6 else { return nil }
        var parsed: [UInt8] = []
        for pair in pairs {
            guard pair.count == 2, pair.allSatisfy(\.isHexDigit), let byte = UInt8(pair, radix: 16) else { return nil }
            parsed.append(byte)
        }
        bytes = parsed
    }

    /// The kernel's `bdaddr_t`: the same bytes, least significant first.
    public var kernelOrder: [UInt8] { bytes.reversed() }

    public var description: String {
        bytes.map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }.joined(separator: ":")
    }
}
