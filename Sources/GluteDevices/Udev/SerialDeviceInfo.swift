/// One candidate serial device as udev describes it: where to open it and what is behind it.
public struct SerialDeviceInfo: Sendable, Equatable {
    /// The device node to open, such as `/dev/ttyACM0`.
    public var devnode: String
    /// The kernel's path for the device under /sys, which identifies it across add and remove.
    public var sysPath: String
    /// The stable `/dev/serial/by-id/...` link, when udev made one.
    public var byIDPath: String?
    /// The `/dev/glutebridge-*` links our rules made.
    public var stableLinks: [String]
    /// USB idVendor, 4 lower-case hex digits; nil for a port that is not on USB.
    public var vendorID: String?
    /// USB idProduct, 4 lower-case hex digits.
    public var productID: String?
    /// The USB serial number string.
    public var serialNumber: String?
    /// The USB product string (as the device reports it, spaces kept).
    public var product: String?
    /// The kernel driver behind the port (`cdc_acm`, `ch341`, `cp210x`, ...).
    public var driver: String?
    /// Whether our udev rules saw the device (the `GLUTEBRIDGE_PROTOCOL` property is set).
    public var taggedByRules: Bool
    /// The protocol the device probably speaks.
    public var expectedProtocol: ExpectedProtocol

    public init(devnode: String, sysPath: String, byIDPath: String? = nil, stableLinks: [String] = [],
                vendorID: String? = nil, productID: String? = nil, serialNumber: String? = nil,
                product: String? = nil, driver: String? = nil, taggedByRules: Bool = false,
                expectedProtocol: ExpectedProtocol = .unknown) {
        self.devnode = devnode
        self.sysPath = sysPath
        self.byIDPath = byIDPath
        self.stableLinks = stableLinks
        self.vendorID = vendorID
        self.productID = productID
        self.serialNumber = serialNumber
        self.product = product
        self.driver = driver
        self.taggedByRules = taggedByRules
        self.expectedProtocol = expectedProtocol
    }

    /// `VVVV:PPPP`, or nil off USB.
    public var vidPid: String? {
        guard let vendorID, let productID else { return nil }
        return "\(vendorID):\(productID)"
    }
}
