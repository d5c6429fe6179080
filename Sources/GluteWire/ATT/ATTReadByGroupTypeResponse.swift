/// Read By Group Type Response (0x11): a length byte, then entries of exactly that length, each a
/// handle, an end group handle and a value of length - 4 bytes (for primary service discovery, the
/// service UUID in 2 or 16 bytes). Length below 4, no entries, or an uneven list is malformed.
public struct ATTReadByGroupTypeResponse: ATTProtocolDataUnit {
    public static let opcode = ATTOpcode.readByGroupTypeResponse

    public struct Entry: Equatable, Sendable {
        public var handle: UInt16
        public var endGroupHandle: UInt16
        public var value: [UInt8]
        public init(handle: UInt16, endGroupHandle: UInt16, value: [UInt8]) {
            self.handle = handle
            self.endGroupHandle = endGroupHandle
            self.value = value
        }
        /// An entry whose value is a UUID (a service declaration).
        public init(handle: UInt16, endGroupHandle: UInt16, uuid: BluetoothUUID) {
            self.init(handle: handle, endGroupHandle: endGroupHandle, value: uuid.littleEndianBytes)
        }
        /// The value read as a UUID, when it is 2 or 16 bytes long.
        public var uuid: BluetoothUUID? { BluetoothUUID(littleEndian: value[...]) }
    }

    public let entries: [Entry]

    /// Nil unless there is at least one entry, all values have the same length, and an entry fits
    /// the one-byte length field.
    public init?(entries: [Entry]) {
        guard let first = entries.first, first.value.count <= 251,
              entries.allSatisfy({ $0.value.count == first.value.count }) else { return nil }
        self.entries = entries
    }

    public init?(bytes: ArraySlice<UInt8>) {
        var reader = ByteReader(bytes)
        guard reader.expect(Self.opcode), let length = reader.u8().map(Int.init), length >= 4,
              reader.remaining > 0, reader.remaining % length == 0 else { return nil }
        var entries: [Entry] = []
        entries.reserveCapacity(reader.remaining / length)
        while !reader.isAtEnd {
            guard let handle = reader.u16(), let end = reader.u16(),
                  let value = reader.bytes(length - 4) else { return nil }
            entries.append(Entry(handle: handle, endGroupHandle: end, value: Array(value)))
        }
        self.entries = entries
    }

    public func encode() -> [UInt8] {
        let valueLength = entries.first?.value.count ?? 0
        var out: [UInt8] = [Self.opcode.rawValue, UInt8(truncatingIfNeeded: 4 + valueLength)]
        for entry in entries {
            out.appendLittleEndian(entry.handle)
            out.appendLittleEndian(entry.endGroupHandle)
            out.append(contentsOf: entry.value)
        }
        return out
    }
}
