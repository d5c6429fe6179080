/// The AD structures of one advertisement or scan response, with the fields a scan shows.
///
/// Parsing never fails: a zero length ends the data (the rest is padding); a structure whose
/// length runs past the end is dropped and `isTruncated` set; a field of a known type with a
/// malformed body (an odd byte in a 16-bit UUID list, manufacturer data without a company id)
/// keeps what is whole and ignores the rest. Unknown types stay in `structures`.
public struct AdvertisingData: Sendable, Equatable {
    /// Every well-formed structure, in order.
    public var structures: [ADStructure] = []
    /// A structure's length ran past the end of the data.
    public var isTruncated = false

    /// The Flags byte (bit 0 LE Limited Discoverable, bit 1 LE General Discoverable, bit 2 BR/EDR
    /// not supported).
    public var flags: UInt8?
    /// Advertised service UUIDs (16-, 32- and 128-bit lists, complete or not), each once, in order.
    public var services: [BluetoothUUID] = []
    /// The complete local name, else the shortened one.
    public var localName: String?
    /// Whether `localName` is the complete name.
    public var isNameComplete = false
    /// TX Power Level, dBm.
    public var txPower: Int8?
    public var manufacturerData: [ManufacturerData] = []
    public var serviceData: [ServiceData] = []

    public init() {}

    /// Parses advertising or scan response data.
    public init(bytes: ArraySlice<UInt8>) {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let length = Int(bytes[index])
            if length == 0 { break }
            let end = index + 1 + length
            guard end <= bytes.endIndex else {
                isTruncated = true
                break
            }
            let structure = ADStructure(type: ADType(rawValue: bytes[index + 1]), data: Array(bytes[(index + 2)..<end]))
            structures.append(structure)
            apply(structure)
            index = end
        }
    }

    public init(bytes: [UInt8]) { self.init(bytes: bytes[...]) }

    /// Adds the fields of `other` (a scan response to this advertisement): lists are merged
    /// without duplicates; a complete name replaces a shortened one, never the reverse.
    public mutating func merge(_ other: AdvertisingData) {
        for structure in other.structures {
            structures.append(structure)
            apply(structure)
        }
        isTruncated = isTruncated || other.isTruncated
    }

    private mutating func apply(_ structure: ADStructure) {
        let data = structure.data
        switch structure.type {
        case .flags:
            if let first = data.first { flags = first }
        case .incompleteServices16, .completeServices16:
            addServices(data, width: 2)
        case .incompleteServices32, .completeServices32:
            addServices(data, width: 4)
        case .incompleteServices128, .completeServices128:
            addServices(data, width: 16)
        case .shortenedLocalName:
            if !isNameComplete { localName = Self.name(data) }
        case .completeLocalName:
            localName = Self.name(data)
            isNameComplete = true
        case .txPowerLevel:
            if let first = data.first { txPower = Int8(bitPattern: first) }
        case .serviceData16, .serviceData32, .serviceData128:
            let width = structure.type == .serviceData16 ? 2 : structure.type == .serviceData32 ? 4 : 16
            guard data.count >= width, let uuid = Self.uuid(data[0..<width]) else { return }
            let entry = ServiceData(uuid: uuid, data: Array(data[width...]))
            if !serviceData.contains(entry) { serviceData.append(entry) }
        case .manufacturerSpecificData:
            guard data.count >= 2 else { return }
            let entry = ManufacturerData(companyID: UInt16(data[0]) | UInt16(data[1]) << 8, data: Array(data[2...]))
            if !manufacturerData.contains(entry) { manufacturerData.append(entry) }
        default:
            break
        }
    }

    private mutating func addServices(_ data: [UInt8], width: Int) {
        var start = 0
        while start + width <= data.count {
            if let uuid = Self.uuid(data[start..<start + width]), !services.contains(uuid) { services.append(uuid) }
            start += width
        }
    }

    /// A UUID from 2, 4 or 16 bytes, least significant first; a 32-bit one lies on the Bluetooth base.
    static func uuid(_ bytes: ArraySlice<UInt8>) -> BluetoothUUID? {
        if bytes.count == 4 {
            var value: UInt64 = 0
            for (shift, byte) in bytes.enumerated() { value |= UInt64(byte) << (8 * UInt64(shift)) }
            return BluetoothUUID(high: BluetoothUUID.baseHigh | value << 32, low: BluetoothUUID.baseLow)
        }
        return BluetoothUUID(littleEndian: bytes)
    }

    /// UTF-8 with invalid sequences replaced; the NUL padding some firmware leaves is dropped.
    static func name(_ bytes: [UInt8]) -> String {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0 { end -= 1 }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }
}
