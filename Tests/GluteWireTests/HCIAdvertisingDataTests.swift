import Testing
@testable import GluteWire

@Suite("Advertising data (AD structures)")
struct HCIAdvertisingDataTests {
    @Test("every AD type the scanner reads, from one literal payload")
    func everyType() throws {
        let bytes = parseHex(
            "02 01 06"                                  // flags: LE General Discoverable, no BR/EDR
            + " 05 02 0F 18 0A 18"                      // incomplete 16-bit: Battery, Device Information
            + " 03 03 E5 FF"                            // complete 16-bit: 0xFFE5 on the Bluetooth base
            + " 05 05 78 56 34 12"                      // complete 32-bit: 0x12345678
            + " 11 06 A8 A9 DF 22 19 FA 62 A0 0A 47 1D 25 53 07 5D E9"  // incomplete 128-bit: micro:bit accelerometer
            + " 11 07 FB 34 9A 5F 80 00 00 80 00 10 00 00 E5 FF 00 00"  // complete 128-bit: WitMotion's 0xFFE5
            + " 04 08 42 42 43"                         // shortened name "BBC"
            + " 02 0A F8"                               // TX power -8 dBm
            + " 06 16 0F 18 64 01 02"                   // service data, 16-bit Battery: 64 01 02
            + " 08 20 78 56 34 12 AA BB CC"             // service data, 32-bit 0x12345678: AA BB CC
            + " 13 21 10 4E 2A 1B 3C 9D 0B 9F 2E 4C 6F 5B 01 00 1E 6A 01 02"  // service data, native: 01 02
            + " 06 FF 59 00 DE AD BE"                   // manufacturer: Nordic 0x0059, DE AD BE
            + " 03 19 C1 03")                           // appearance (kept, not interpreted)
        let data = AdvertisingData(bytes: bytes)
        #expect(!data.isTruncated)
        #expect(data.structures.count == 13)
        #expect(data.flags == 0x06)
        let uuid32 = try #require(BluetoothUUID("12345678-0000-1000-8000-00805f9b34fb"))
        #expect(data.services == [BluetoothUUID(0x180F), BluetoothUUID(0x180A), BluetoothUUID(0xFFE5), uuid32,
                                  MicrobitGATT.accelerometerService, WitMotionGATT.service])
        // The standard 0xFFE5 and WitMotion's service differ in byte 10: both are kept.
        #expect(BluetoothUUID(0xFFE5) != WitMotionGATT.service)
        #expect(data.localName == "BBC")
        #expect(!data.isNameComplete)
        #expect(data.txPower == -8)
        #expect(data.serviceData == [ServiceData(uuid: BluetoothUUID(0x180F), data: [0x64, 0x01, 0x02]),
                                     ServiceData(uuid: uuid32, data: [0xAA, 0xBB, 0xCC]),
                                     ServiceData(uuid: NativeGATT.service, data: [0x01, 0x02])])
        #expect(data.manufacturerData == [ManufacturerData(companyID: 0x0059, data: [0xDE, 0xAD, 0xBE])])
        #expect(data.structures.last == ADStructure(type: ADType(rawValue: 0x19), data: [0xC1, 0x03]))
        // Structures re-encode to the input.
        #expect(ADStructure.encode(data.structures) == bytes)
    }

    @Test("a complete name wins over a shortened one, in either order")
    func names() {
        let shortFirst = AdvertisingData(bytes: parseHex("04 08 42 42 43 0E 09 42 42 43 20 6D 69 63 72 6F 3A 62 69 74"))
        #expect(shortFirst.localName == "BBC micro:bit")
        #expect(shortFirst.isNameComplete)
        let completeFirst = AdvertisingData(bytes: parseHex("0E 09 42 42 43 20 6D 69 63 72 6F 3A 62 69 74 04 08 42 42 43"))
        #expect(completeFirst.localName == "BBC micro:bit")
        var merged = AdvertisingData(bytes: parseHex("04 08 42 42 43"))
        merged.merge(AdvertisingData(bytes: parseHex("04 09 42 42 43")))
        #expect(merged.isNameComplete)
    }

    @Test("names: NUL padding dropped, invalid UTF-8 replaced, control bytes kept for the caller to escape")
    func nameBytes() {
        #expect(AdvertisingData(bytes: parseHex("06 09 57 54 00 00 00")).localName == "WT")
        #expect(AdvertisingData(bytes: parseHex("04 09 41 FF 42")).localName == "A\u{FFFD}B")
        #expect(AdvertisingData(bytes: parseHex("04 09 1B 5B 32")).localName == "\u{1B}[2")
        #expect(AdvertisingData(bytes: parseHex("01 09")).localName == "")
    }

    @Test("zero length ends the data: the rest is padding")
    func padding() {
        let data = AdvertisingData(bytes: parseHex("02 01 06 00 00 00 03 03 0F 18"))
        #expect(data.structures.count == 1)
        #expect(data.services.isEmpty)
        #expect(!data.isTruncated)
        #expect(AdvertisingData(bytes: []).structures.isEmpty)
    }

    @Test("a structure running past the end is dropped and reported; what came before stays")
    func truncated() {
        let data = AdvertisingData(bytes: parseHex("02 01 06 11 07 10 4E 2A"))
        #expect(data.isTruncated)
        #expect(data.flags == 0x06)
        #expect(data.services.isEmpty)
        #expect(AdvertisingData(bytes: [0x05]).isTruncated)
        // Every prefix of a valid payload parses without a trap, and keeps the whole structures.
        let full = parseHex("02 01 06 03 03 0F 18 0C 09 47 6C 75 74 65 42 72 69 64 67 65")
        for cut in 0...full.count {
            let partial = AdvertisingData(bytes: full[..<cut])
            #expect(partial.structures.count == (cut >= 20 ? 3 : cut >= 7 ? 2 : cut >= 3 ? 1 : 0))
            #expect(partial.isTruncated == ![0, 3, 7, 20].contains(cut))
        }
    }

    @Test("malformed bodies keep what is whole: odd UUID bytes, short manufacturer and service data, empty fields")
    func malformedBodies() {
        let data = AdvertisingData(bytes: parseHex(
            "04 03 0F 18 0A"          // 16-bit list with a stray byte
            + " 12 07 10 4E 2A 1B 3C 9D 0B 9F 2E 4C 6F 5B 01 00 1E 6A 99"  // 128-bit list with a stray byte
            + " 02 FF 59"             // manufacturer data without a whole company id
            + " 02 16 0F"             // service data shorter than its UUID
            + " 01 01 01 0A"))        // empty flags, empty TX power
        #expect(!data.isTruncated)
        #expect(data.services == [BluetoothUUID(0x180F), NativeGATT.service])
        #expect(data.manufacturerData.isEmpty)
        #expect(data.serviceData.isEmpty)
        #expect(data.flags == nil)
        #expect(data.txPower == nil)
        // Company id alone is valid: manufacturer data with no bytes.
        #expect(AdvertisingData(bytes: parseHex("03 FF 4C 00")).manufacturerData == [ManufacturerData(companyID: 0x4C, data: [])])
    }

    @Test("duplicate UUIDs across lists are listed once; builders encode what the parser reads")
    func builders() {
        let structures: [ADStructure] = [
            .services16([0x180F, 0x180F]), .services128([NativeGATT.service, BluetoothUUID(0x180F)], complete: false),
            .localName("GluteBridge"), .manufacturer(0xFFFF, [1, 2, 3]),
        ]
        let data = AdvertisingData(bytes: ADStructure.encode(structures))
        #expect(data.services == [BluetoothUUID(0x180F), NativeGATT.service])
        #expect(data.localName == "GluteBridge")
        #expect(data.manufacturerData == [ManufacturerData(companyID: 0xFFFF, data: [1, 2, 3])])
        #expect(data.structures == structures)
    }

    @Test("over-long: data longer than legacy's 31 bytes parses as long as the structures are whole")
    func overLong() {
        let name = String(repeating: "x", count: 200)
        let data = AdvertisingData(bytes: ADStructure.encode([.localName(name), .services16([0x180F])]))
        #expect(data.localName == name)
        #expect(data.services == [BluetoothUUID(0x180F)])
        // A 254-byte body is the most a length byte can carry; longer is cut when encoding.
        let longest = ADStructure(type: .manufacturerSpecificData, data: [UInt8](repeating: 7, count: 400))
        #expect(longest.encoded.count == 256)
        #expect(AdvertisingData(bytes: longest.encoded).manufacturerData.first?.data.count == 252)
    }
}
