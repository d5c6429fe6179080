/// Merges advertising reports into one `DiscoveredDevice` per address, and lists the devices a
/// user most likely wants first. Pure: the caller supplies the time of each report.
public struct ScanAggregator: Sendable {
    private struct Key: Hashable {
        var address: [UInt8]
        var random: Bool
    }

    private var devices: [Key: DiscoveredDevice] = [:]
    /// Extended advertising data split over several reports ("more to come"), per advertiser.
    private var fragments: [Key: [UInt8]] = [:]

    /// Reports folded in so far, advertisements and scan responses.
    public private(set) var reportCount = 0

    /// The most extended advertising data kept for one advertisement (the specification's limit).
    public static let maximumAdvertisingData = 1650

    public init() {}

    /// Folds in one report received at `time` (seconds, any clock).
    public mutating func add(_ report: LEAdvertisingReport, at time: Double) {
        reportCount += 1
        // A resolved identity address and its plain form name the same device.
        let key = Key(address: report.address, random: report.addressType.isRandom)
        var data = report.data
        if report.dataStatus == .incompleteMoreToCome {
            let pending = fragments[key, default: []] + data
            fragments[key] = Array(pending.prefix(Self.maximumAdvertisingData))
            return
        }
        if let pending = fragments.removeValue(forKey: key) { data = pending + data }
        var device = devices[key] ?? DiscoveredDevice(address: report.address, addressType: report.addressType, time: time)
        device.absorb(report, data: AdvertisingData(bytes: data), time: time)
        devices[key] = device
    }

    /// Every device, in `ScanAggregator.order`.
    public var sortedDevices: [DiscoveredDevice] { devices.values.sorted(by: Self.order) }

    public var deviceCount: Int { devices.count }

    /// Devices offering a supported sensor profile first, then by strongest RSSI (devices without
    /// an RSSI last), then by address so that the order is stable.
    public static func order(_ a: DiscoveredDevice, _ b: DiscoveredDevice) -> Bool {
        let aHasProfile = a.profile != nil, bHasProfile = b.profile != nil
        if aHasProfile != bHasProfile { return aHasProfile }
        let aRSSI = a.rssiBest.map(Int.init) ?? Int.min, bRSSI = b.rssiBest.map(Int.init) ?? Int.min
        if aRSSI != bRSSI { return aRSSI > bRSSI }
        if a.address != b.address { return a.address.lexicographicallyPrecedes(b.address) }
        return a.addressType.rawValue < b.addressType.rawValue
    }
}
