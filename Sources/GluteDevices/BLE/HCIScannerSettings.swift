import GluteWire

/// How an `HCIScanner` drives the controller.
public struct HCIScannerSettings: Sendable, Equatable {
    /// Scan type, interval, window, duplicate filtering (see `LEScanSettings` for the defaults).
    public var scan = LEScanSettings()
    /// Longest wait for a controller's answer to one command, in seconds. Default 2: controllers
    /// answer within milliseconds, and BlueZ gives up after 2 s too (HCI_CMD_TIMEOUT).
    public var commandTimeout: Double = 2

    public init() {}
}
