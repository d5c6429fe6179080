import Testing
@testable import GluteWire

/// Event packets shaped as a controller sends them (btmon's view of a scan), written out by hand.
enum HCIVectors {
    /// ADV_IND from C0:FF:EE:00:00:01 (public): flags 0x06 and the native service UUID, RSSI -60.
    static let nativeAdvertisement = parseHex(
        "04 3E 21 02 01 00 00 01 00 00 EE FF C0 15 02 01 06 11 07 10 4E 2A 1B 3C 9D 0B 9F 2E 4C 6F 5B 01 00 1E 6A C4")
    /// Its SCAN_RSP: complete local name "GluteBridge", RSSI -58.
    static let nativeScanResponse = parseHex(
        "04 3E 19 02 01 04 00 01 00 00 EE FF C0 0D 0C 09 47 6C 75 74 65 42 72 69 64 67 65 C6")
    /// Two reports in one event: ADV_NONCONN_IND from C6:55:44:33:22:11 (random) with the Battery
    /// Service, RSSI -80; ADV_IND from 01:02:03:04:05:06 with Apple manufacturer data, RSSI -90.
    static let twoReports = parseHex(
        "04 3E 22 02 02 03 01 11 22 33 44 55 C6 04 03 03 0F 18 B0 00 00 06 05 04 03 02 01 08 07 FF 4C 00 01 02 03 04 A6")
    /// LE Extended Advertising Report: connectable extended advertising from D4:5E:00:11:22:33
    /// (random) on 1M/1M, SID 2, TX +4 dBm, RSSI -50, with flags, name and the native UUID.
    static let extendedNative = parseHex(
        "04 3E 3C 0D 01 01 00 01 33 22 11 00 5E D4 01 01 02 04 CE 00 00 00 00 00 00 00 00 00 22"
        + " 02 01 06 0C 09 47 6C 75 74 65 42 72 69 64 67 65 11 07 10 4E 2A 1B 3C 9D 0B 9F 2E 4C 6F 5B 01 00 1E 6A")
    /// Command Complete for LE Set Scan Parameters, success.
    static let parametersComplete = parseHex("04 0E 04 01 0B 20 00")
    /// Command Complete for LE Set Scan Parameters, Command Disallowed.
    static let parametersDisallowed = parseHex("04 0E 04 01 0B 20 0C")
    /// Command Status for LE Set Scan Enable, Unknown HCI Command.
    static let enableUnknown = parseHex("04 0F 04 01 01 0C 20")
}

@Suite("HCI event parsing")
struct HCIEventTests {
    @Test("Command Complete: opcode and status; re-encodes to its bytes")
    func commandComplete() throws {
        let event = try #require(HCIEvent(packet: HCIVectors.parametersComplete[...]))
        guard case .commandComplete(let complete) = event else { Issue.record("not a Command Complete: \(event)"); return }
        #expect(complete.opcode == .leSetScanParameters)
        #expect(complete.allowedCommandPackets == 1)
        #expect(complete.status == .success)
        #expect(event.packet == HCIVectors.parametersComplete)
        let refused = try #require(HCIEvent(packet: HCIVectors.parametersDisallowed[...]))
        guard case .commandComplete(let refusal) = refused else { Issue.record("not a Command Complete"); return }
        #expect(refusal.status == .commandDisallowed)
        // A controller's "ready" Command Complete with opcode 0 and no return parameters.
        let ready = try #require(HCIEvent(packet: parseHex("04 0E 03 01 00 00")[...]))
        guard case .commandComplete(let nop) = ready else { Issue.record("not a Command Complete"); return }
        #expect(nop.status == nil)
    }

    @Test("Command Status: status, count, opcode; exactly four parameter bytes")
    func commandStatus() throws {
        let event = try #require(HCIEvent(packet: HCIVectors.enableUnknown[...]))
        #expect(event == .commandStatus(HCICommandStatus(status: .unknownCommand, opcode: .leSetScanEnable)))
        #expect(event.packet == HCIVectors.enableUnknown)
        #expect(HCIEvent(packet: parseHex("04 0F 05 01 01 0C 20 00")[...]) == nil)
        #expect(HCIEvent(packet: parseHex("04 0F 03 01 01 0C")[...]) == nil)
    }

    @Test("a legacy advertising report: type, address in written order, data, RSSI")
    func legacyReport() throws {
        let event = try #require(HCIEvent(packet: HCIVectors.nativeAdvertisement[...]))
        let report = try #require(event.advertisingReports.first)
        #expect(event.advertisingReports.count == 1)
        #expect(report.format == .legacy)
        #expect(report.addressText == "C0:FF:EE:00:00:01")
        #expect(report.addressType == .public)
        #expect(report.rssi == -60)
        #expect(report.isConnectable)
        #expect(!report.isScanResponse)
        #expect(report.data.count == 21)
        #expect(AdvertisingData(bytes: report.data).services == [NativeGATT.service])
        #expect(event.packet == HCIVectors.nativeAdvertisement)

        let response = try #require(HCIEvent(packet: HCIVectors.nativeScanResponse[...])?.advertisingReports.first)
        #expect(response.isScanResponse)
        #expect(!response.isConnectable)
        #expect(response.rssi == -58)
        #expect(AdvertisingData(bytes: response.data).localName == "GluteBridge")
    }

    @Test("several reports in one event, interleaved as controllers send them")
    func twoReports() throws {
        let event = try #require(HCIEvent(packet: HCIVectors.twoReports[...]))
        let reports = event.advertisingReports
        #expect(reports.count == 2)
        #expect(reports.map(\.addressText) == ["C6:55:44:33:22:11", "01:02:03:04:05:06"])
        #expect(reports.map(\.addressType) == [.random, .public])
        #expect(reports.map(\.rssi) == [-80, -90])
        #expect(reports.map(\.isConnectable) == [false, true])
        #expect(AdvertisingData(bytes: reports[0].data).services == [BluetoothUUID(0x180F)])
        #expect(AdvertisingData(bytes: reports[1].data).manufacturerData == [ManufacturerData(companyID: 0x004C, data: [1, 2, 3, 4])])
        #expect(event.packet == HCIVectors.twoReports)
    }

    @Test("an extended advertising report: bit-field event type, PHYs, SID, TX power, data")
    func extendedReport() throws {
        let event = try #require(HCIEvent(packet: HCIVectors.extendedNative[...]))
        guard case .leExtendedAdvertisingReports(let reports) = event else { Issue.record("not extended: \(event)"); return }
        let report = try #require(reports.first)
        #expect(reports.count == 1)
        #expect(report.format == .extended)
        #expect(report.addressText == "D4:5E:00:11:22:33")
        #expect(report.addressType == .random)
        #expect(report.isConnectable)
        #expect(!report.isScanResponse)
        #expect(report.dataStatus == .complete)
        #expect(report.primaryPHY == 1 && report.secondaryPHY == 1)
        #expect(report.advertisingSID == 2)
        #expect(report.txPower == 4)
        #expect(report.rssi == -50)
        let data = AdvertisingData(bytes: report.data)
        #expect(data.localName == "GluteBridge")
        #expect(data.services == [NativeGATT.service])
        #expect(event.packet == HCIVectors.extendedNative)
    }

    @Test("extended event type bits: scan response, data status, legacy PDUs; RSSI and TX power not available")
    func extendedBits() throws {
        var report = LEAdvertisingReport(format: .extended, eventType: 0x001B, addressType: .anonymous,
                                         address: [1, 2, 3, 4, 5, 6], rssiRaw: 127, data: [])
        #expect(report.isScanResponse)
        #expect(report.isConnectable)
        #expect(report.rssi == nil)
        #expect(report.txPower == nil)
        #expect(report.addressType.description == "anonymous")
        report.eventType = 0x0020
        #expect(report.dataStatus == .incompleteMoreToCome)
        report.eventType = 0x0040
        #expect(report.dataStatus == .incompleteTruncated)
        #expect(!report.isConnectable)
        let packet = HCIEvent.leExtendedAdvertisingReports([report, report]).packet
        #expect(HCIEvent(packet: packet[...]) == .leExtendedAdvertisingReports([report, report]))
    }

    @Test("every truncation of a known event is rejected, never trapped on")
    func truncations() {
        for vector in [HCIVectors.nativeAdvertisement, HCIVectors.twoReports, HCIVectors.extendedNative,
                       HCIVectors.parametersComplete, HCIVectors.enableUnknown] {
            for cut in 0..<vector.count {
                #expect(HCIEvent(packet: vector[..<cut]) == nil, "accepted \(cut) of \(vector.count) bytes")
            }
            // The length byte matches but the reports inside are cut: nil too.
            if vector[1] == 0x3E {
                let shortened = Array(vector.dropLast())
                var relabelled = shortened
                relabelled[2] = UInt8(shortened.count - 3)
                #expect(HCIEvent(packet: relabelled[...]) == nil)
            }
        }
    }

    @Test("over-long input: a trailing byte after the reports, or a length byte too small, is rejected")
    func overLong() {
        for vector in [HCIVectors.nativeAdvertisement, HCIVectors.extendedNative] {
            #expect(HCIEvent(packet: (vector + [0x00])[...]) == nil)
            var padded = vector + [0x00]
            padded[2] += 1
            #expect(HCIEvent(packet: padded[...]) == nil, "reports must fill the event exactly")
        }
        // An over-claiming report count.
        var count = HCIVectors.nativeAdvertisement
        count[4] = 2
        #expect(HCIEvent(packet: count[...]) == nil)
    }

    @Test("other events and LE subevents are kept, not rejected")
    func otherEvents() throws {
        // Disconnection Complete and LE Connection Complete.
        let disconnection = parseHex("04 05 04 00 40 00 13")
        #expect(HCIEvent(packet: disconnection[...]) == .other(code: 0x05, parameters: [0x00, 0x40, 0x00, 0x13]))
        let meta = parseHex("04 3E 03 01 00 40")
        #expect(HCIEvent(packet: meta[...]) == .leMeta(subevent: 0x01, parameters: [0x00, 0x40]))
        #expect(HCIEvent(packet: meta[...])?.packet == meta)
        #expect(HCIEvent(packet: parseHex("04 3E 00")[...]) == nil, "LE Meta without a subevent")
        #expect(HCIEvent(packet: parseHex("02 3E 00")[...]) == nil, "not an event packet")
        #expect(HCIEvent(packet: [][...]) == nil)
    }

    @Test("a slice that does not start at index 0 parses the same")
    func slices() {
        let padded = [0xAA, 0xBB] + HCIVectors.twoReports
        #expect(HCIEvent(packet: padded[2...]) == HCIEvent(packet: HCIVectors.twoReports[...]))
    }
}
