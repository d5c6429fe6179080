/// CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR.
/// Check value 0x29B1 over the ASCII bytes "123456789".
public enum CRC16 {
    // A byte-wise table keeps the decoder at a few cycles per byte; built once, at first use.
    private static let table: [UInt16] = (0..<256).map { byte in
        var crc = UInt16(byte) << 8
        for _ in 0..<8 {
            crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1
        }
        return crc
    }

    public static let initial: UInt16 = 0xFFFF

    /// Continues a running CRC over `bytes`.
    @inlinable
    public static func update<C: Collection>(_ crc: UInt16, _ bytes: C) -> UInt16 where C.Element == UInt8 {
        // Arrays and slices (every caller on the decoding path) take the loop over raw memory.
        if let result = bytes.withContiguousStorageIfAvailable({ update(crc, buffer: $0) }) { return result }
        var crc = crc
        for byte in bytes {
            crc = step(crc, byte)
        }
        return crc
    }

    @inlinable
    public static func checksum<C: Collection>(_ bytes: C) -> UInt16 where C.Element == UInt8 {
        update(initial, bytes)
    }

    /// The table is looked up once per buffer, not once per byte.
    @usableFromInline
    static func update(_ crc: UInt16, buffer: UnsafeBufferPointer<UInt8>) -> UInt16 {
        table.withUnsafeBufferPointer { t in
            var crc = crc
            for byte in buffer {
                crc = (crc << 8) ^ t[Int(UInt8(truncatingIfNeeded: crc >> 8) ^ byte)]
            }
            return crc
        }
    }

    @usableFromInline
    static func step(_ crc: UInt16, _ byte: UInt8) -> UInt16 {
        table.withUnsafeBufferPointer { t in
            (crc << 8) ^ t[Int(UInt8(truncatingIfNeeded: crc >> 8) ^ byte)]
        }
    }
}
