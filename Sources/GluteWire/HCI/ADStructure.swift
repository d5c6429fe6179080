/// One AD structure of advertising or scan response data: length (type + data), type, data.
public struct ADStructure: Sendable, Equatable {
    public var type: ADType
    /// At most 254 bytes, so that the length byte can count it and the type.
    public var data: [UInt8]

    public init(type: ADType, data: [UInt8]) {
        self.type = type
        self.data = data
    }

    /// The structure's bytes: length, type, data (cut at 254 bytes).
    public var encoded: [UInt8] {
        let body = data.prefix(254)
        return [UInt8(body.count + 1), type.rawValue] + body
    }

    /// The structures back to back, as advertising data.
    public static func encode(_ structures: [ADStructure]) -> [UInt8] {
        structures.flatMap(\.encoded)
    }

    /// A list of 16-bit service UUIDs, least significant byte first.
    public static func services16(_ values: [UInt16], complete: Bool = true) -> ADStructure {
        ADStructure(type: complete ? .completeServices16 : .incompleteServices16,
                    data: values.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    }

    /// A list of 128-bit service UUIDs in their over-the-air (little-endian) order.
    public static func services128(_ uuids: [BluetoothUUID], complete: Bool = true) -> ADStructure {
        ADStructure(type: complete ? .completeServices128 : .incompleteServices128, data: uuids.flatMap(\.as128Bit.littleEndianBytes))
    }

    /// A local name in UTF-8.
    public static func localName(_ name: String, complete: Bool = true) -> ADStructure {
        ADStructure(type: complete ? .completeLocalName : .shortenedLocalName, data: Array(name.utf8))
    }

    /// Manufacturer specific data: the company identifier little-endian, then the bytes.
    public static func manufacturer(_ companyID: UInt16, _ bytes: [UInt8]) -> ADStructure {
        ADStructure(type: .manufacturerSpecificData, data: [UInt8(companyID & 0xFF), UInt8(companyID >> 8)] + bytes)
    }
}
