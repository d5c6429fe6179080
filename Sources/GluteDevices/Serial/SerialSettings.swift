/// How `SerialPort` configures a line. Always raw 8N1 without flow control.
public struct SerialSettings: Sendable, Equatable {
    /// Line speed in bits per second. Default 115 200.
    ///
    /// 9 600, 19 200, 38 400, 57 600, 115 200, 230 400, 460 800, 500 000, 576 000 and 921 600 use the
    /// standard speed codes; any other positive rate is set exactly through `termios2` (`BOTHER`),
    /// which USB adapters such as CP210x, CH34x and FTDI accept.
    public var baudRate: Int = 115_200

    /// Take the port for this process alone: `flock(LOCK_EX)` and `TIOCEXCL`. Default true.
    public var exclusive: Bool = true

    /// Largest relative difference accepted between the requested rate and the one the kernel
    /// reports after configuration. Default 0.02: a driver may round a custom rate to its clock
    /// divider, and 2 % is inside what an 8N1 receiver tolerates. Set 0 to demand the exact rate.
    public var baudRateTolerance: Double = 0.02

    public init(baudRate: Int = 115_200, exclusive: Bool = true, baudRateTolerance: Double = 0.02) {
        self.baudRate = baudRate
        self.exclusive = exclusive
        self.baudRateTolerance = baudRateTolerance
    }
}
