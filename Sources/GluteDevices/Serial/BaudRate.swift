import Glibc

/// Speed codes for the standard rates `SerialSettings` names; other rates go through `termios2`.
enum BaudRate {
    static let standardCodes: [Int: speed_t] = [
        9_600: speed_t(B9600), 19_200: speed_t(B19200), 38_400: speed_t(B38400), 57_600: speed_t(B57600),
        115_200: speed_t(B115200), 230_400: speed_t(B230400), 460_800: speed_t(B460800),
        500_000: speed_t(B500000), 576_000: speed_t(B576000), 921_600: speed_t(B921600),
    ]

    /// Whether `applied` is within `tolerance` (relative) of `requested`.
    static func matches(_ applied: Int, requested: Int, tolerance: Double) -> Bool {
        Double(abs(applied - requested)) <= Double(requested) * max(tolerance, 0)
    }
}
