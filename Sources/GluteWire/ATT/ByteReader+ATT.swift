extension ByteReader {
    /// Reads the opcode byte and checks it is the expected one.
    mutating func expect(_ opcode: ATTOpcode) -> Bool { u8() == opcode.rawValue }
}

extension Array where Element == UInt8 {
    mutating func appendLittleEndian(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }
}
