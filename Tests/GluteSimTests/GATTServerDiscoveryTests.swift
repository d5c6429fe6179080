import GluteSim
import GluteWire
import Testing

@Suite("GATT server: discovery walks in raw PDUs")
struct GATTServerDiscoveryTests {
    let cccd = GATTAssignedNumbers.clientCharacteristicConfiguration

    @Test("native: GluteBridge service, Battery, Device Information, at the default MTU and at 247",
          arguments: [UInt16(23), 247])
    func native(mtu: UInt16) throws {
        let central = RawCentral(gattDevice(.native))
        if mtu != 23 { #expect(central.exchangeMTU(mtu) == 247) }
        let services = central.discover()
        #expect(services.map(\.uuid) == [NativeGATT.service, GATTAssignedNumbers.batteryService,
                                         GATTAssignedNumbers.deviceInformationService])
        let native = try #require(services.first)
        #expect(native.characteristics.map(\.uuid) == [NativeGATT.data, NativeGATT.control, NativeGATT.info])
        #expect(native.characteristics.map(\.properties) == [0x10, 0x0C, 0x02])
        #expect(native.characteristics[0].descriptors.map(\.type) == [cccd])
        #expect(native.characteristics[1].descriptors.isEmpty)
        let battery = services[1].characteristics
        #expect(battery.map(\.uuid) == [GATTAssignedNumbers.batteryLevel])
        #expect(battery.first?.properties == 0x12)
        #expect(battery.first?.configurationHandle != nil)
        #expect(central.read(battery[0].valueHandle) == [100])
        let info = services[2].characteristics
        #expect(info.map(\.uuid) == [GATTAssignedNumbers.manufacturerName, GATTAssignedNumbers.modelNumber,
                                     GATTAssignedNumbers.serialNumber, GATTAssignedNumbers.firmwareRevision])
        #expect(central.read(info[0].valueHandle).map { String(decoding: $0, as: UTF8.self) } == "GluteBridge")
        #expect(central.read(info[2].valueHandle).map { String(decoding: $0, as: UTF8.self) } == "SIM-7")
        // Services tile the handle space without gaps or overlaps.
        for (a, b) in zip(services, services.dropFirst()) { #expect(b.start == a.end + 1) }
        #expect(services.first?.start == 1)
        #expect(services.last?.end == central.device.server.database.lastHandle)
    }

    @Test("native info reads the device info payload, cut to MTU - 1 before an exchange")
    func nativeInfo() throws {
        let central = RawCentral(gattDevice(.native))
        let handle = try #require(central.device.layout.infoHandle)
        let short = try #require(central.read(handle))
        #expect(short.count == 22)
        #expect(central.exchangeMTU(247) == 247)
        let full = try #require(central.read(handle))
        #expect(full.count > 22)
        #expect(Array(full.prefix(22)) == short)
        let info = try #require(DeviceInfo(payload: full[...]))
        #expect(info.serial == "SIM-7")
        #expect(info.imuRateHz == 100)
    }

    @Test("read blob reassembles the native info value at MTU 23; offsets past the end are refused")
    func readBlob() throws {
        let central = RawCentral(gattDevice(.native))
        let handle = try #require(central.device.layout.infoHandle)
        var value = try #require(central.read(handle))
        while true {
            let reply = try #require(central.send([0x0C, UInt8(handle & 0xFF), UInt8(handle >> 8),
                                                   UInt8(value.count & 0xFF), UInt8(value.count >> 8)]))
            #expect(reply[0] == 0x0D)
            #expect(reply.count <= 23)
            value += reply.dropFirst()
            if reply.count < 23 { break }
        }
        #expect(value == central.device.server.database.attribute(handle)?.value)
        #expect(DeviceInfo(payload: value[...])?.serial == "SIM-7")
        let past = UInt16(value.count + 1)
        #expect(errorCode(central.send([0x0C, UInt8(handle), 0, UInt8(past & 0xFF), UInt8(past >> 8)])) == .invalidOffset)
        #expect(errorCode(central.send([0x0C, UInt8(central.device.layout.dataHandle), 0, 0, 0])) == .readNotPermitted)
        #expect(errorCode(central.send([0x0C, 0, 0, 0, 0])) == .invalidHandle)
        #expect(errorCode(central.send([0x0C, 1, 0, 0])) == .invalidPDU)
    }

    @Test("witmotion: the ffe5 service in 128 bits, ffe4 notify with its CCCD, ffe9 write, Battery")
    func witmotion() throws {
        let central = RawCentral(gattDevice(.witmotion))
        let services = central.discover()
        #expect(services.map(\.uuid) == [WitMotionGATT.service, GATTAssignedNumbers.batteryService])
        #expect(services[0].uuid != BluetoothUUID(0xFFE5))
        #expect(services[0].characteristics.map(\.uuid) == [WitMotionGATT.notify, WitMotionGATT.write])
        #expect(services[0].characteristics[0].descriptors.map(\.type) == [cccd])
        #expect(services[0].characteristics[1].properties == 0x0C)
    }

    @Test("witmotion: a 16-bit 0xFFE4 or 0xFFE5 matches nothing; the full 128-bit UUID does")
    func witmotionUUIDWidth() throws {
        let central = RawCentral(gattDevice(.witmotion))
        let short = central.send(ATTReadByTypeRequest(startHandle: 1, endHandle: 0xFFFF, attributeType: BluetoothUUID(0xFFE4)).encode())
        #expect(errorCode(short) == .attributeNotFound)
        let group = central.send(ATTReadByGroupTypeRequest(startHandle: 1, endHandle: 0xFFFF,
                                                            attributeType: BluetoothUUID(0xFFE5)).encode())
        #expect(errorCode(group) == .unsupportedGroupType)
        // The long form of ffe4 names the value attribute, which is notify-only: found, and refused.
        let long = central.send(ATTReadByTypeRequest(startHandle: 1, endHandle: 0xFFFF, attributeType: WitMotionGATT.notify).encode())
        #expect(errorCode(long) == .readNotPermitted)
        // Find Information reports the service declaration's value in 16 bytes, not as 0xFFE5.
        guard case .readByGroupTypeResponse(let r)? = central.request(.readByGroupTypeRequest(
            .init(startHandle: 1, endHandle: 0xFFFF, attributeType: GATTAssignedNumbers.primaryService))) else {
            Issue.record("no services"); return
        }
        #expect(r.entries.first?.value.count == 16)
    }

    @Test("microbit: accelerometer service (data read+notify with CCCD, period read+write), Battery")
    func microbit() throws {
        let central = RawCentral(gattDevice(.microbit))
        let services = central.discover()
        #expect(services.map(\.uuid) == [MicrobitGATT.accelerometerService, GATTAssignedNumbers.batteryService])
        let chars = services[0].characteristics
        #expect(chars.map(\.uuid) == [MicrobitGATT.accelerometerData, MicrobitGATT.accelerometerPeriod])
        #expect(chars.map(\.properties) == [0x12, 0x0A])
        #expect(chars[0].descriptors.map(\.type) == [cccd])
        #expect(central.read(chars[1].valueHandle) == [20, 0])
    }

    @Test("service discovery pages: at MTU 23 one 128-bit service per response, 16-bit ones share")
    func paging() throws {
        let central = RawCentral(gattDevice(.native))
        guard case .readByGroupTypeResponse(let first)? = central.request(.readByGroupTypeRequest(
            .init(startHandle: 1, endHandle: 0xFFFF, attributeType: GATTAssignedNumbers.primaryService))) else {
            Issue.record("no response"); return
        }
        #expect(first.entries.count == 1)
        guard case .readByGroupTypeResponse(let second)? = central.request(.readByGroupTypeRequest(
            .init(startHandle: first.entries[0].endGroupHandle + 1, endHandle: 0xFFFF,
                  attributeType: GATTAssignedNumbers.primaryService))) else {
            Issue.record("no second response"); return
        }
        #expect(second.entries.count == 2)
        #expect(second.encode().count <= 23)
        let past = central.send(ATTReadByGroupTypeRequest(startHandle: second.entries[1].endGroupHandle + 1, endHandle: 0xFFFF,
                                                          attributeType: GATTAssignedNumbers.primaryService).encode())
        #expect(errorCode(past) == .attributeNotFound)
        // Characteristic declarations of 16-bit UUIDs pack several per response.
        let services = central.discover()
        let info = services[2]
        guard case .readByTypeResponse(let chars)? = central.request(.readByTypeRequest(
            .init(startHandle: info.start, endHandle: info.end, attributeType: GATTAssignedNumbers.characteristic))) else {
            Issue.record("no characteristics"); return
        }
        #expect(chars.entries.count == 3)  // (2 + 3 * 7) = 23 bytes
    }

    @Test("read by type finds a value by its type (0x2A19) across the whole range")
    func readByValueType() throws {
        let central = RawCentral(gattDevice(.witmotion))
        guard case .readByTypeResponse(let r)? = central.request(.readByTypeRequest(
            .init(startHandle: 1, endHandle: 0xFFFF, attributeType: GATTAssignedNumbers.batteryLevel))) else {
            Issue.record("battery level not found"); return
        }
        #expect(r.entries.map(\.value) == [[100]])
        #expect(r.entries.first?.handle == central.device.layout.batteryHandle)
    }

    @Test("find by type value: a service by its UUID in all 128 bits; a 16-bit 0xFFE5 finds nothing")
    func findByTypeValue() {
        let central = RawCentral(gattDevice(.witmotion))
        #expect(central.exchangeMTU(247) == 247)
        let service = central.device.server.database.services[0]
        let long = central.send([0x06, 1, 0, 0xFF, 0xFF, 0x00, 0x28] + WitMotionGATT.service.littleEndianBytes)
        #expect(long == [0x07, UInt8(service.startHandle), 0, UInt8(service.endHandle), 0])
        let short = central.send([0x06, 1, 0, 0xFF, 0xFF, 0x00, 0x28, 0xE5, 0xFF])
        #expect(errorCode(short) == .attributeNotFound)
        // The Bluetooth-base Battery service matches in either width.
        let battery = central.device.server.database.services[1]
        let expected: [UInt8] = [0x07, UInt8(battery.startHandle), 0, UInt8(battery.endHandle), 0]
        #expect(central.send([0x06, 1, 0, 0xFF, 0xFF, 0x00, 0x28, 0x0F, 0x18]) == expected)
        #expect(central.send([0x06, 1, 0, 0xFF, 0xFF, 0x00, 0x28] + GATTAssignedNumbers.batteryService.as128Bit.littleEndianBytes) == expected)
        #expect(errorCode(central.send([0x06, 1, 0, 0xFF, 0xFF, 0x00])) == .invalidPDU)
        #expect(errorCode(central.send([0x06, 0, 0, 0xFF, 0xFF, 0x00, 0x28, 0x0F, 0x18])) == .invalidHandle)
    }
}
