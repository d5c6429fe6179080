/// Manufacturer specific data from an advertisement: a Bluetooth SIG company identifier and the
/// bytes that company defines.
public struct ManufacturerData: Sendable, Equatable, Hashable {
    /// Assigned by the Bluetooth SIG (0x004C Apple, 0x0059 Nordic, 0xFFFF for tests).
    public var companyID: UInt16
    public var data: [UInt8]

    public init(companyID: UInt16, data: [UInt8]) {
        self.companyID = companyID
        self.data = data
    }
}
