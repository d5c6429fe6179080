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

    // Eight bytes at a time ("slicing by 8"): the register is linear in the bytes, so after
    // `x = crc ^ (b0 << 8 | b1)` the CRC over b0...b7 is the XOR of each byte's own contribution,
    // `slices[k][byte]` being `byte` followed by k zero bytes (k = 1 is `table`):
    // slices[8][x >> 8] ^ slices[7][x & 0xFF] ^ slices[6][b2] ^ ... ^ slices[1][b7].
    // Stored flat, slice k at (k - 1) * 256; a quarter of the byte-wise loop's dependent steps.
    private static let slices: [UInt16] = {
        var flat = table
        for k in 1..<8 {
            for byte in 0..<256 {
                let previous = flat[(k - 1) * 256 + byte]
                flat.append((previous << 8) ^ table[Int(previous >> 8)])
            }
        }
        return flat
    }()

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
        slices.withUnsafeBufferPointer { s in
            var crc = crc
            var index = 0
            @inline(__always) func slice(_ k: Int, _ byte: UInt8) -> UInt16 { s[(k &- 1) &* 256 &+ Int(byte)] }
            while index &+ 8 <= buffer.count {
                let x = crc ^ (UInt16(buffer[index]) << 8 | UInt16(buffer[index &+ 1]))
                crc = slice(8, UInt8(truncatingIfNeeded: x >> 8)) ^ slice(7, UInt8(truncatingIfNeeded: x))
                    ^ slice(6, buffer[index &+ 2]) ^ slice(5, buffer[index &+ 3])
                    ^ slice(4, buffer[index &+ 4]) ^ slice(3, buffer[index &+ 5])
                    ^ slice(2, buffer[index &+ 6]) ^ slice(1, buffer[index &+ 7])
                index &+= 8
            }
            while index < buffer.count {
                crc = (crc << 8) ^ s[Int(UInt8(truncatingIfNeeded: crc >> 8) ^ buffer[index])]
                index &+= 1
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
