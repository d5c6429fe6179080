/// One advertisement or scan response as the controller reported it, from an LE Advertising
/// Report (subevent 0x02) or an LE Extended Advertising Report (subevent 0x0D).
///
/// Raw fields are kept as sent so that a parsed report re-encodes to its own bytes; the computed
/// properties give their meaning.
public struct LEAdvertisingReport: Sendable, Equatable {
    /// Which event carried the report; it decides the meaning of `eventType`.
    public enum Format: Sendable, Equatable {
        /// LE Advertising Report: `eventType` is 0 ADV_IND, 1 ADV_DIRECT_IND, 2 ADV_SCAN_IND,
        /// 3 ADV_NONCONN_IND, 4 SCAN_RSP.
        case legacy
        /// LE Extended Advertising Report: `eventType` is a bit field (bit 0 connectable,
        /// 1 scannable, 2 directed, 3 scan response, 4 legacy PDU, 5-6 data status).
        case extended
    }

    /// Whether the advertising data is whole (extended reports can split it over several reports).
    public enum DataStatus: UInt8, Sendable, Equatable {
        case complete = 0
        /// More reports with the rest of the data follow.
        case incompleteMoreToCome = 1
        /// The controller gave up on the rest: what is here is all there will be.
        case incompleteTruncated = 2
        case reserved = 3
    }

    public var format: Format
    public var eventType: UInt16
    public var addressType: LEAddressType
    /// The advertiser's address in written order (most significant byte first), always 6 bytes.
    public var address: [UInt8]
    /// As sent: dBm, 127 when the controller has no value.
    public var rssiRaw: Int8
    /// The AD structures (see `AdvertisingData`).
    public var data: [UInt8]

    // Extended reports only; the defaults are what a legacy report implies.
    public var primaryPHY: UInt8 = 0x01
    public var secondaryPHY: UInt8 = 0x00
    /// 0xFF: no Advertising Data Info (ADI) field.
    public var advertisingSID: UInt8 = 0xFF
    /// As sent: dBm, 127 when not available.
    public var txPowerRaw: Int8 = 127
    public var periodicAdvertisingInterval: UInt16 = 0
    public var directAddressType: UInt8 = 0
    /// Written order, 6 bytes.
    public var directAddress: [UInt8] = [0, 0, 0, 0, 0, 0]

    /// A report with the given fields; `address` is padded or cut to 6 bytes.
    public init(format: Format, eventType: UInt16, addressType: LEAddressType, address: [UInt8], rssiRaw: Int8, data: [UInt8]) {
        self.format = format
        self.eventType = eventType
        self.addressType = addressType
        self.address = Array((address + [0, 0, 0, 0, 0, 0]).prefix(6))
        self.rssiRaw = rssiRaw
        self.data = data
    }

    /// Signal strength in dBm; nil when the controller reported none (127).
    public var rssi: Int8? { rssiRaw == 127 ? nil : rssiRaw }

    /// The advertiser's own transmit power from an extended report, in dBm.
    public var txPower: Int8? { format == .extended && txPowerRaw != 127 ? txPowerRaw : nil }

    /// A scan response (to our scan request) rather than an advertisement.
    public var isScanResponse: Bool {
        switch format {
        case .legacy: eventType == 4
        case .extended: eventType & 0x08 != 0
        }
    }

    /// Whether the advertiser accepts connections.
    public var isConnectable: Bool {
        switch format {
        case .legacy: eventType == 0 || eventType == 1
        case .extended: eventType & 0x01 != 0
        }
    }

    public var dataStatus: DataStatus {
        switch format {
        case .legacy: .complete
        case .extended: DataStatus(rawValue: UInt8((eventType >> 5) & 0x03)) ?? .reserved
        }
    }

    /// The address as written, `C0:FF:EE:00:00:01`.
    public var addressText: String { Self.text(address) }

    static func text(_ address: [UInt8]) -> String {
        address.map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }.joined(separator: ":")
    }

    // MARK: Wire format

    /// Parses the parameters of an LE Advertising Report after the subevent code: the report
    /// count, then per report event type, address type, address (6, least significant first),
    /// data length, data, RSSI, interleaved as Linux and every controller send them. Nil unless
    /// the reports fill `parameters` exactly.
    public static func parseLegacy(_ parameters: ArraySlice<UInt8>) -> [LEAdvertisingReport]? {
        var reader = ByteReader(parameters)
        guard let count = reader.u8() else { return nil }
        var reports: [LEAdvertisingReport] = []
        for _ in 0..<count {
            guard let type = reader.u8(), let addressType = reader.u8(), let address = reader.bytes(6).map(Array.init),
                  let length = reader.u8(), let data = reader.bytes(Int(length)).map(Array.init), let rssi = reader.u8()
            else { return nil }
            reports.append(LEAdvertisingReport(format: .legacy, eventType: UInt16(type), addressType: LEAddressType(rawValue: addressType),
                                               address: address.reversed(), rssiRaw: Int8(bitPattern: rssi), data: data))
        }
        return reader.isAtEnd ? reports : nil
    }

    /// Parses the parameters of an LE Extended Advertising Report after the subevent code: the
    /// report count, then per report event type (2), address type, address (6), primary PHY,
    /// secondary PHY, SID, TX power, RSSI, periodic interval (2), direct address type, direct
    /// address (6), data length, data. Nil unless the reports fill `parameters` exactly.
    public static func parseExtended(_ parameters: ArraySlice<UInt8>) -> [LEAdvertisingReport]? {
        var reader = ByteReader(parameters)
        guard let count = reader.u8() else { return nil }
        var reports: [LEAdvertisingReport] = []
        for _ in 0..<count {
            guard let type = reader.u16(), let addressType = reader.u8(), let address = reader.bytes(6).map(Array.init),
                  let primary = reader.u8(), let secondary = reader.u8(), let sid = reader.u8(),
                  let txPower = reader.u8(), let rssi = reader.u8(), let interval = reader.u16(),
                  let directType = reader.u8(), let directAddress = reader.bytes(6).map(Array.init),
                  let length = reader.u8(), let data = reader.bytes(Int(length)).map(Array.init)
            else { return nil }
            var report = LEAdvertisingReport(format: .extended, eventType: type, addressType: LEAddressType(rawValue: addressType),
                                             address: address.reversed(), rssiRaw: Int8(bitPattern: rssi), data: data)
            report.primaryPHY = primary
            report.secondaryPHY = secondary
            report.advertisingSID = sid
            report.txPowerRaw = Int8(bitPattern: txPower)
            report.periodicAdvertisingInterval = interval
            report.directAddressType = directType
            report.directAddress = directAddress.reversed()
            reports.append(report)
        }
        return reader.isAtEnd ? reports : nil
    }

    /// The parameters `parseLegacy` reads (without the subevent code). Data past 255 bytes is cut.
    public static func encodeLegacy(_ reports: [LEAdvertisingReport]) -> [UInt8] {
        var out: [UInt8] = [UInt8(truncatingIfNeeded: reports.count)]
        for report in reports {
            let data = report.data.prefix(255)
            out.append(UInt8(truncatingIfNeeded: report.eventType))
            out.append(report.addressType.rawValue)
            out += report.address.reversed()
            out.append(UInt8(data.count))
            out += data
            out.append(UInt8(bitPattern: report.rssiRaw))
        }
        return out
    }

    /// The parameters `parseExtended` reads (without the subevent code). Data past 255 bytes is cut.
    public static func encodeExtended(_ reports: [LEAdvertisingReport]) -> [UInt8] {
        var out: [UInt8] = [UInt8(truncatingIfNeeded: reports.count)]
        for report in reports {
            let data = report.data.prefix(255)
            out += [UInt8(report.eventType & 0xFF), UInt8(report.eventType >> 8), report.addressType.rawValue]
            out += report.address.reversed()
            out += [report.primaryPHY, report.secondaryPHY, report.advertisingSID,
                    UInt8(bitPattern: report.txPowerRaw), UInt8(bitPattern: report.rssiRaw),
                    UInt8(report.periodicAdvertisingInterval & 0xFF), UInt8(report.periodicAdvertisingInterval >> 8),
                    report.directAddressType]
            out += report.directAddress.reversed()
            out.append(UInt8(data.count))
            out += data
        }
        return out
    }
}
