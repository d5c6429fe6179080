import Testing
@testable import GluteWire

@Suite("Scan aggregator")
struct HCIScanAggregatorTests {
    private func report(_ address: [UInt8], type: UInt16 = 0, addressType: LEAddressType = .public, rssi: Int8,
                        _ structures: [ADStructure]) -> LEAdvertisingReport {
        LEAdvertisingReport(format: .legacy, eventType: type, addressType: addressType, address: address, rssiRaw: rssi,
                            data: ADStructure.encode(structures))
    }

    @Test("advertisement and scan response of one device merge: name, services, RSSI latest and best, counts")
    func merge() throws {
        var aggregator = ScanAggregator()
        let address: [UInt8] = [0xC0, 0xFF, 0xEE, 0, 0, 1]
        aggregator.add(report(address, rssi: -60, [.services128([NativeGATT.service]), .manufacturer(0xFFFF, [1])]), at: 1.0)
        aggregator.add(report(address, type: 4, rssi: -50, [.localName("GluteBridge")]), at: 1.1)
        aggregator.add(report(address, rssi: -70, [.services128([NativeGATT.service]), .manufacturer(0xFFFF, [2])]), at: 2.5)
        let devices = aggregator.sortedDevices
        #expect(devices.count == 1)
        let device = try #require(devices.first)
        #expect(device.addressText == "C0:FF:EE:00:00:01")
        #expect(device.name == "GluteBridge")
        #expect(device.services == [NativeGATT.service])
        #expect(device.rssiLatest == -70)
        #expect(device.rssiBest == -50)
        #expect(device.timesSeen == 3)
        #expect(device.scanResponses == 1)
        #expect(device.isConnectable)
        #expect(device.firstSeen == 1.0 && device.lastSeen == 2.5)
        #expect(device.manufacturerData == [ManufacturerData(companyID: 0xFFFF, data: [2])], "latest value per company")
        #expect(device.profile == .native)
        #expect(device.sourceSpec == "ble:C0:FF:EE:00:00:01?profile=native")
        #expect(aggregator.reportCount == 3)
    }

    @Test("sensors first (native, WitMotion, micro:bit by name), then by best RSSI, then by address")
    func order() {
        var aggregator = ScanAggregator()
        aggregator.add(report([1, 1, 1, 1, 1, 1], rssi: -30, [.localName("Phone")]), at: 0)
        aggregator.add(report([2, 2, 2, 2, 2, 2], rssi: -40, [.manufacturer(0x004C, [])]), at: 0)
        aggregator.add(report([3, 3, 3, 3, 3, 3], addressType: .random, rssi: -85, [.localName("BBC micro:bit [zatov]")]), at: 0)
        aggregator.add(report([4, 4, 4, 4, 4, 4], rssi: -75, [.services128([WitMotionGATT.service])]), at: 0)
        aggregator.add(report([5, 5, 5, 5, 5, 5], rssi: -80, [.services128([NativeGATT.service])]), at: 0)
        aggregator.add(report([6, 6, 6, 6, 6, 6], rssi: 127, [.localName("no rssi")]), at: 0)
        aggregator.add(report([0, 0, 0, 0, 0, 7], rssi: -40, []), at: 0)
        let devices = aggregator.sortedDevices
        #expect(devices.map(\.address.last!) == [4, 5, 3, 1, 7, 2, 6], "equal RSSI: lower address first")
        #expect(devices.prefix(3).map(\.profile) == [.witmotion, .native, .microbit])
        #expect(devices[2].sourceSpec == "ble:03:03:03:03:03:03?profile=microbit&type=random")
        #expect(devices[3].profile == nil)
        #expect(devices.last?.rssiBest == nil)
    }

    @Test("the standard 16-bit 0xFFE5 is not WitMotion's service")
    func witmotionIsCompared128Bit() {
        var aggregator = ScanAggregator()
        aggregator.add(report([1, 2, 3, 4, 5, 6], rssi: -40, [.services16([0xFFE5])]), at: 0)
        #expect(aggregator.sortedDevices.first?.profile == nil)
    }

    @Test("extended data split over reports is joined before parsing")
    func fragments() throws {
        var aggregator = ScanAggregator()
        let data = ADStructure.encode([.localName("GluteBridge"), .services128([NativeGATT.service])])
        var first = LEAdvertisingReport(format: .extended, eventType: 0x0021, addressType: .random,
                                        address: [0xD4, 0x5E, 0, 0x11, 0x22, 0x33], rssiRaw: -55, data: Array(data[..<10]))
        aggregator.add(first, at: 0)
        #expect(aggregator.deviceCount == 0, "nothing is listed until the data is whole")
        first.eventType = 0x0001
        first.data = Array(data[10...])
        aggregator.add(first, at: 0.01)
        let device = try #require(aggregator.sortedDevices.first)
        #expect(device.name == "GluteBridge")
        #expect(device.profile == .native)
        #expect(device.timesSeen == 1)
    }

    @Test("public and random devices with the same bytes stay apart")
    func addressTypes() {
        var aggregator = ScanAggregator()
        aggregator.add(report([1, 2, 3, 4, 5, 6], rssi: -40, []), at: 0)
        aggregator.add(report([1, 2, 3, 4, 5, 6], addressType: .random, rssi: -40, []), at: 0)
        aggregator.add(report([1, 2, 3, 4, 5, 6], addressType: .randomIdentity, rssi: -40, []), at: 0)
        #expect(aggregator.deviceCount == 2)
    }
}
