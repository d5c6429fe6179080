/// Everything a scan learned about one advertiser, merged over its advertisements and scan
/// responses. Built by `ScanAggregator`.
public struct DiscoveredDevice: Sendable, Equatable {
    /// Written order, most significant byte first.
    public var address: [UInt8]
    public var addressType: LEAddressType
    /// The complete local name if one was seen, else the latest shortened one.
    public var name: String?
    public var isNameComplete = false
    /// Every service UUID advertised, each once, in the order first seen.
    public var services: [BluetoothUUID] = []
    /// The latest manufacturer data of each company id.
    public var manufacturerData: [ManufacturerData] = []
    /// The latest service data of each service.
    public var serviceData: [ServiceData] = []
    public var flags: UInt8?
    /// The TX Power Level the device advertised, or its extended report's TX power; dBm.
    public var txPower: Int8?
    /// The RSSI of the latest report that had one, dBm.
    public var rssiLatest: Int8?
    /// The strongest RSSI seen, dBm.
    public var rssiBest: Int8?
    /// Reports received, advertisements and scan responses together.
    public var timesSeen = 0
    /// Scan responses among them: non-zero means the device answered our active scan.
    public var scanResponses = 0
    /// Whether any advertisement said the device accepts connections.
    public var isConnectable = false
    /// Caller's clock, seconds, of the first and the latest report.
    public var firstSeen: Double
    public var lastSeen: Double

    public init(address: [UInt8], addressType: LEAddressType, time: Double) {
        self.address = address
        self.addressType = addressType
        firstSeen = time
        lastSeen = time
    }

    /// `C0:FF:EE:00:00:01`.
    public var addressText: String { LEAdvertisingReport.text(address) }

    /// The sensor profile the device offers: by its advertised services (all 128 bits compared),
    /// else a micro:bit by its name, since the micro:bit advertises no service UUID.
    public var profile: BLESensorProfile? {
        if let profile = BLESensorProfile.detect(services: services) { return profile }
        if let name, name.hasPrefix(Self.microbitNamePrefix) { return .microbit }
        return nil
    }

    /// How every micro:bit names itself: "BBC micro:bit [zatov]".
    public static let microbitNamePrefix = "BBC micro:bit"

    /// The source to give `monitor` for this device (`ble:ADDR?profile=P`, `&type=random` when needed).
    public var sourceSpec: String {
        var spec = "ble:" + addressText
        var options: [String] = []
        if let profile { options.append("profile=" + profile.rawValue) }
        if addressType.isRandom { options.append("type=random") }
        if !options.isEmpty { spec += "?" + options.joined(separator: "&") }
        return spec
    }

    /// Folds in one report's fields.
    mutating func absorb(_ report: LEAdvertisingReport, data: AdvertisingData, time: Double) {
        timesSeen += 1
        lastSeen = time
        if report.isScanResponse { scanResponses += 1 } else if report.isConnectable { isConnectable = true }
        if let rssi = report.rssi {
            rssiLatest = rssi
            rssiBest = max(rssiBest ?? rssi, rssi)
        }
        if let localName = data.localName, data.isNameComplete || !isNameComplete {
            name = localName
            isNameComplete = data.isNameComplete
        }
        for uuid in data.services where !services.contains(uuid) { services.append(uuid) }
        for entry in data.manufacturerData {
            if let index = manufacturerData.firstIndex(where: { $0.companyID == entry.companyID }) {
                manufacturerData[index] = entry
            } else {
                manufacturerData.append(entry)
            }
        }
        for entry in data.serviceData {
            if let index = serviceData.firstIndex(where: { $0.uuid == entry.uuid }) {
                serviceData[index] = entry
            } else {
                serviceData.append(entry)
            }
        }
        if let value = data.flags { flags = value }
        if let value = data.txPower ?? report.txPower { txPower = value }
    }
}
