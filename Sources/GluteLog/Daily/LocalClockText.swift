/// ISO-8601 text of a wall-clock time in a given zone ("2026-03-29T00:00:00.000+02:00"): the
/// session lines of daily logs carry their writer's offset so a reader in another zone places the
/// day where it was lived.
public enum LocalClockText {
    public static func iso8601(_ epochSeconds: Double, utcOffset: Int) -> String {
        guard utcOffset != 0 else { return WallClockText.iso8601(epochSeconds) }
        let utc = WallClockText.iso8601(epochSeconds + Double(utcOffset))
        let magnitude = abs(utcOffset) / 60
        let hours = magnitude / 60, minutes = magnitude % 60
        return String(utc.dropLast()) + (utcOffset < 0 ? "-" : "+") + pad(hours) + ":" + pad(minutes)
    }

    private static func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
