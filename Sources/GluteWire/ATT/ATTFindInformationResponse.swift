/// Find Information Response (0x05): (handle, type) pairs, all types 16-bit (format 0x01) or all
/// 128-bit (format 0x02). At least one pair; a list that does not divide evenly is malformed.
public struct ATTFindInformationResponse: ATTProtocolDataUnit {
    public static let opcode = ATTOpcode.findInformationResponse

    public enum Format: UInt8, Sendable {
        case uuid16 = 0x01
        case uuid128 = 0x02
        var uuidWidth: Int { self == .uuid16 ? 2 : 16 }
    }

    public struct Entry: Equatable, Sendable {
        public var handle: UInt16
        public var type: BluetoothUUID
        public init(handle: UInt16, type: BluetoothUUID) {
            self.handle = handle
            self.type = type
        }
    }

    public let format: Format
    public let entries: [Entry]

    /// Nil when the list is empty, or when a 16-bit format is asked for a type off the base UUID.
    /// 16-bit types go out in 2 bytes under `.uuid16` and in 16 under `.uuid128`.
    public init?(format: Format, entries: [Entry]) {
        guard !entries.isEmpty else { return nil }
        if format == .uuid16, entries.contains(where: { $0.type.shortValue == nil }) { return nil }
        self.format = format
        self.entries = entries.map {
            Entry(handle: $0.handle, type: format == .uuid16 ? BluetoothUUID($0.type.shortValue!) : $0.type.as128Bit)
        }
    }

    public init?(bytes: ArraySlice<UInt8>) {
        var reader = ByteReader(bytes)
        guard reader.expect(Self.opcode), let raw = reader.u8(), let format = Format(rawValue: raw) else { return nil }
        let entryLength = 2 + format.uuidWidth
        guard reader.remaining > 0, reader.remaining % entryLength == 0 else { return nil }
        var entries: [Entry] = []
        entries.reserveCapacity(reader.remaining / entryLength)
        while !reader.isAtEnd {
            guard let handle = reader.u16(),
                  let type = reader.bytes(format.uuidWidth).flatMap(BluetoothUUID.init(littleEndian:)) else { return nil }
            entries.append(Entry(handle: handle, type: type))
        }
        self.format = format
        self.entries = entries
    }

    public func encode() -> [UInt8] {
        var out: [UInt8] = [Self.opcode.rawValue, format.rawValue]
        for entry in entries {
            out.appendLittleEndian(entry.handle)
            out.append(contentsOf: entry.type.littleEndianBytes)
        }
        return out
    }
}
