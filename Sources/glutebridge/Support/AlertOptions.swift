import ArgumentParser
import GluteSession
import GluteSettings

/// Alert options, for the verbs that alert while they run (`monitor`, `record`, `replay`); the
/// others (`report`, `check`, `coach`) do not offer them, so their help shows only what they honour.
struct AlertOptions: ParsableArguments {
    @Flag(help: "Ring the terminal bell on an alert.")
    var bell = false

    @Flag(help: "Show a desktop notification on an alert (needs notify-send).")
    var notify = false

    @Option(help: ArgumentHelp("Run this command on an alert, with the event's JSON on stdin and its fields as GLUTEBRIDGE_* variables; split like a shell would, run without one (repeatable).", valueName: "'CMD ARG...'"))
    var exec: [String] = []

    @Option(help: ArgumentHelp("Event types that alert (default sitting.prolonged,tilt.anterior.start,pelvic_drop,link.disconnected; `all` for every type).", valueName: "TYPES"))
    var alertOn: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("At most one alert per event type this often (default 1m; 0 for no limit).", valueName: "DURATION"))
    var alertInterval: String?

    @Option(help: ArgumentHelp("No alerts between these local times, e.g. 22:00-07:00 (events are still logged).", valueName: "HH:MM-HH:MM"))
    var quietHours: String?

    /// The options given, for the settings resolver (`DetectionOptions.resolved(alerts:)`).
    func add(to values: inout OptionValues) {
        values.set(.quietHours, quietHours)
        values.set(.alertOn, alertOn)
        values.set(.alertInterval, alertInterval)
        values.set(.bell, flag: bell)
        values.set(.notify, flag: notify)
        values.execCommands = exec
    }
}
