/// Read By Type Response (0x09): a length byte, then entries of exactly that length, each a handle
/// and a value of length - 2 bytes. Length below 2 (no room for the handle), no entries, or a list
/// that does not divide evenly is malformed.
public struct ATTReadByTypeResponse: ATTProtocolDataUnit {
    public static let opcode = ATTOpcode.readByTypeResponse

    public struct Entry: Equatable, Sendable {
        public var handle: UInt16
        public var value: [UInt8]
        public init(handle: UInt16, value: [UInt8]) {
            self.handle = handle
            self.value = value
        }
    }

    public let entries: [Entry]

    /// Nil unless there is at least one entry, all values have the same length, and an entry fits
    /// the one-byte length field.
    public init?(entries: [Entry]) {
        guard let first = entries.first, first.value.count <= 253,
              entries.allSatisfy({ $0.value.count == first.value.count }) else { return nil }
        self.entries = entries
    }

    public init?(bytes: ArraySlice<UInt8>) {
        var reader = ByteReader(bytes)
        guard reader.expect(Self.opcode), let length = reader.u8().map(Int.init), length >= 2,
              reader.remaining > 0, reader.remaining % length == 0 else { return nil }
        var entries: [Entry] = []
        entries.reserveCapacity(reader.remaining / length)
        while !reader.isAtEnd {
            guard let handle = reader.u16(), let value = reader.bytes(length - 2) else { return nil }
            entries.append(Entry(handle: handle, value: Array(value)))
        }
        self.entries = entries
    }

    public func encode() -> [UInt8] {
        let valueLength = entries.first?.value.count ?? 0
        var out: [UInt8] = [Self.opcode.rawValue, UInt8(truncatingIfNeeded: 2 + valueLength)]
        for entry in entries {
            out.appendLittleEndian(entry.handle)
            out.append(contentsOf: entry.value)
        }
        return out
    }
}
