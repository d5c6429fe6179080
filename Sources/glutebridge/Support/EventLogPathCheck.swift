import ArgumentParser

/// The event-log option of `monitor`, `record` and `replay` (`--output`, `--log`) names a file to
/// append to; `-` would create a file named "-", while the events already go to standard output.
enum EventLogPathCheck {
    static func validate(_ path: String?, option: String) throws {
        if path == "-" {
            throw ValidationError("\(option) -: the events already go to standard output; \(option) names a file to append them to")
        }
    }
}
