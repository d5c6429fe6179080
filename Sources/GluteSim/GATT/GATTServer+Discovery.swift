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
}
