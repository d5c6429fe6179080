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

    // Two bytes at a time: after `x = crc ^ (b0 << 8 | b1)`, the CRC is
    // `pairTable[x >> 8] ^ table[x & 0xFF]` (the register is linear in x), half the dependent
    // lookups of the byte-wise loop.
    private static let pairTable: [UInt16] = (0..<256).map { high in
        (table[high] << 8) ^ table[Int(table[high] >> 8)]
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

    /// The tables are looked up once per buffer, not once per byte.
    @usableFromInline
    static func update(_ crc: UInt16, buffer: UnsafeBufferPointer<UInt8>) -> UInt16 {
        table.withUnsafeBufferPointer { t in
            pairTable.withUnsafeBufferPointer { pairs in
                var crc = crc
                var index = 0
                while index &+ 2 <= buffer.count {
                    let x = crc ^ (UInt16(buffer[index]) << 8 | UInt16(buffer[index &+ 1]))
                    crc = pairs[Int(x >> 8)] ^ t[Int(x & 0xFF)]
                    index &+= 2
                }
                if index < buffer.count {
                    crc = (crc << 8) ^ t[Int(UInt8(truncatingIfNeeded: crc >> 8) ^ buffer[index])]
                }
                return crc
            }
        }
    }

    @usableFromInline
    static func step(_ crc: UInt16, _ byte: UInt8) -> UInt16 {
        table.withUnsafeBufferPointer { t in
            (crc << 8) ^ t[Int(UInt8(truncatingIfNeeded: crc >> 8) ^ byte)]
        }
    }
}
