/// Writes a Double with a fixed number of decimal places (`-0.012300` for 6), without
/// Foundation's `String(format:)`.
enum FixedDecimalFormatter {
    private static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]

    /// Appends `value` rounded half away from zero to `decimals` places (0...9). Values too
    /// large for the integer route, and non-finite ones, use Swift's shortest representation.
    static func append(_ value: Double, decimals: Int, to text: inout String) {
        let places = min(max(decimals, 0), 9)
        let scaled = (abs(value) * powersOfTen[places]).rounded(.toNearestOrAwayFromZero)
        guard value.isFinite, scaled < 9e18, let units = UInt64(checked: scaled),
              let divisor = UInt64(checked: powersOfTen[places]) else {
            text += value.description
            return
        }
        if value < 0, units != 0 { text += "-" }
        text += String(units / divisor)
        guard places > 0 else { return }
        text += "."
        let fraction = String(units % divisor)
        for _ in fraction.count..<places { text += "0" }
        text += fraction
    }
}
