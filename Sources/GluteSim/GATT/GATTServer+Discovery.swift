import GluteWire

/// Discovery: services by group, attributes by type, handles and types by range. Each response
/// holds as many entries of one width as fit the MTU; the client pages on from the last handle.
extension GATTServer {
    /// A range whose start is 0 or past its end is refused with "invalid handle" at the start.
    private static func rangeError(_ opcode: ATTOpcode, _ start: UInt16, _ end: UInt16) -> [UInt8]? {
        start == 0 || start > end ? error(opcode.rawValue, start, .invalidHandle) : nil
    }

    func readByGroupType(_ request: ATTReadByGroupTypeRequest) -> [UInt8] {
        let opcode = ATTOpcode.readByGroupTypeRequest
        if let error = Self.rangeError(opcode, request.startHandle, request.endHandle) { return error }
        guard request.attributeType == GATTAssignedNumbers.primaryService
                || request.attributeType == GATTAssignedNumbers.secondaryService else {
            return Self.error(opcode.rawValue, request.startHandle, .unsupportedGroupType)
        }
        var entries: [ATTReadByGroupTypeResponse.Entry] = []
        if request.attributeType == GATTAssignedNumbers.primaryService {
            for service in database.services where service.startHandle >= request.startHandle
                && service.startHandle <= request.endHandle {
                let value = service.uuid.compactBytes
                if let first = entries.first, first.value.count != value.count { break }
                guard 2 + (entries.count + 1) * (4 + value.count) <= mtu else { break }
                entries.append(.init(handle: service.startHandle, endGroupHandle: service.endHandle, value: value))
            }
        }
        guard let response = ATTReadByGroupTypeResponse(entries: entries) else {
            return Self.error(opcode.rawValue, request.startHandle, .attributeNotFound)
        }
        return response.encode()
    }

    func readByType(_ request: ATTReadByTypeRequest) -> [UInt8] {
        let opcode = ATTOpcode.readByTypeRequest
        if let error = Self.rangeError(opcode, request.startHandle, request.endHandle) { return error }
        // A value is cut so that one entry fits both the MTU and the one-byte length field.
        let longest = min(mtu - 4, 253)
        var entries: [ATTReadByTypeResponse.Entry] = []
        for attribute in database.attributes where attribute.handle >= request.startHandle
            && attribute.handle <= request.endHandle && attribute.type == request.attributeType {
            guard attribute.permissions.contains(.read) else {
                // The first match decides: an unreadable one is reported, later ones end the list.
                if entries.isEmpty { return Self.error(opcode.rawValue, attribute.handle, .readNotPermitted) }
                break
            }
            let value = Array(attribute.value.prefix(longest))
            if let first = entries.first, first.value.count != value.count { break }
            guard 2 + (entries.count + 1) * (2 + value.count) <= mtu else { break }
            entries.append(.init(handle: attribute.handle, value: value))
        }
        guard let response = ATTReadByTypeResponse(entries: entries) else {
            return Self.error(opcode.rawValue, request.startHandle, .attributeNotFound)
        }
        return response.encode()
    }

    func findInformation(_ request: ATTFindInformationRequest) -> [UInt8] {
        let opcode = ATTOpcode.findInformationRequest
        if let error = Self.rangeError(opcode, request.startHandle, request.endHandle) { return error }
        var entries: [ATTFindInformationResponse.Entry] = []
        var format = ATTFindInformationResponse.Format.uuid16
        for attribute in database.attributes where attribute.handle >= request.startHandle
            && attribute.handle <= request.endHandle {
            let width: ATTFindInformationResponse.Format = attribute.type.shortValue == nil ? .uuid128 : .uuid16
            if entries.isEmpty { format = width } else if width != format { break }
            let entryLength = 2 + (format == .uuid16 ? 2 : 16)
            guard 2 + (entries.count + 1) * entryLength <= mtu else { break }
            entries.append(.init(handle: attribute.handle, type: attribute.type))
        }
        guard let response = ATTFindInformationResponse(format: format, entries: entries) else {
            return Self.error(opcode.rawValue, request.startHandle, .attributeNotFound)
        }
        return response.encode()
    }

    /// Find By Type Value Request (0x06) and its response (0x07), which ATTPDU does not model.
    static let findByTypeValueRequest: UInt8 = 0x06
    static let findByTypeValueResponse: UInt8 = 0x07

    /// Find By Type Value: `0x06 start end type16 value...`, answered with (found handle, group
    /// end handle) pairs. Service UUIDs are compared as UUIDs in all 128 bits, so a 16-bit 0xFFE5
    /// never finds WitMotion's ffe5 service; other values byte for byte.
    func findByTypeValue(_ bytes: [UInt8]) -> [UInt8] {
        let opcode = Self.findByTypeValueRequest
        guard bytes.count >= 7 else { return Self.error(opcode, 0, .invalidPDU) }
        let start = UInt16(bytes[1]) | UInt16(bytes[2]) << 8
        let end = UInt16(bytes[3]) | UInt16(bytes[4]) << 8
        if start == 0 || start > end { return Self.error(opcode, start, .invalidHandle) }
        let type = BluetoothUUID(UInt16(bytes[5]) | UInt16(bytes[6]) << 8)
        let value = Array(bytes[7...])
        let grouping = type == GATTAssignedNumbers.primaryService || type == GATTAssignedNumbers.secondaryService
        let wanted = grouping ? BluetoothUUID(littleEndian: value[...]) : nil
        var out: [UInt8] = [Self.findByTypeValueResponse]
        for attribute in database.attributes where attribute.handle >= start && attribute.handle <= end
            && attribute.type == type && attribute.permissions.contains(.read) {
            let matches = grouping ? wanted != nil && BluetoothUUID(littleEndian: attribute.value[...]) == wanted
                                   : attribute.value == value
            guard matches else { continue }
            guard out.count + 4 <= mtu else { break }
            let groupEnd = database.services.first { $0.startHandle == attribute.handle }?.endHandle ?? attribute.handle
            out.appendLittleEndian(attribute.handle)
            out.appendLittleEndian(groupEnd)
        }
        return out.count > 1 ? out : Self.error(opcode, start, .attributeNotFound)
    }
}

extension Array where Element == UInt8 {
    mutating func appendLittleEndian(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }
}
