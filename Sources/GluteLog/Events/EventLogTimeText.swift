/// The check an event log line's `time` text passes before Foundation's ISO-8601 parser sees it.
/// That parser (ICU) reads a fraction of more than 10 digits as a wrong number and divides by zero
/// (SIGFPE) from 35 digits on; a year of 40 digits gives a date in another age. The monitor writes
/// at most 4 digits in a row (the year), so a longer run of digits only comes from a damaged or
/// hostile log.
public enum EventLogTimeText {
    /// Digits in a row that a `time` may hold: nanoseconds, the finest a fraction means anything.
    public static let maxDigitRun = 9

    /// Why `text` cannot be a log's `time` (`field 'time' has 40 digits in a row (at most 9)`), or
    /// nil when it may go to the ISO-8601 parser.
    public static func problem(_ text: String) -> String? {
        var run = 0, longest = 0
        for byte in text.utf8 {
            run = (0x30...0x39).contains(byte) ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest > maxDigitRun ? "field 'time' has \(longest) digits in a row (at most \(maxDigitRun))" : nil
    }
}
