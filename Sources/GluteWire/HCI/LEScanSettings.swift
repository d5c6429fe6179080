/// How the controller scans. The same settings drive the legacy and the extended commands (the
/// extended ones on the LE 1M PHY only, where every sensor we read advertises).
public struct LEScanSettings: Sendable, Equatable {
    /// Active scanning sends a scan request to each advertiser, so that its scan response (where
    /// the native firmware puts its name) arrives too. Default true.
    public var active: Bool = true
    /// Time between the starts of two scan windows, in units of 0.625 ms (0x0004...0x4000).
    /// Default 0x0012 (11.25 ms), the interval BlueZ uses for discovery.
    public var interval: UInt16 = 0x0012
    /// Listening time per interval, in units of 0.625 ms, at most `interval`. Default 0x0012: the
    /// radio listens all the time, which finds a device within one advertising interval.
    public var window: UInt16 = 0x0012
    /// The address our scan requests carry: 0 public (default), 1 random.
    public var ownAddressType: UInt8 = 0
    /// 0 accepts every advertiser (default); 1 only those on the controller's accept list.
    public var filterPolicy: UInt8 = 0
    /// Let the controller drop repeated reports of the same device. Default false, so that the
    /// RSSI keeps updating and a device's report count means something.
    public var filterDuplicates: Bool = false

    public init() {}
}
