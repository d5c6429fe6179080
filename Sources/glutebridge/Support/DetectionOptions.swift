import ArgumentParser
import GluteSession
import GluteSettings

/// Detection and alert options shared by `monitor`, `record` and `replay`. Values reach the
/// settings resolver as typed, only those given, so that precedence (options over `--config` over
/// defaults) and every message naming a bad value live in one place (GluteSession/Settings).
struct DetectionOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Anterior tilt above neutral that counts, in degrees (default 10).", valueName: "DEG"))
    var tiltLimit: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("How long the tilt must last before it is reported (default 5s).", valueName: "DURATION"))
    var tiltDelay: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Sitting time before `sitting.prolonged` (default 30m).", valueName: "DURATION"))
    var sitLimit: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Upright time that counts as a break from sitting (default 1m).", valueName: "DURATION"))
    var breakMin: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Repeat `sitting.prolonged` this often while the bout lasts (default 30m).", valueName: "DURATION"))
    var `repeat`: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Shortest squeeze hold that counts (default 1s).", valueName: "DURATION"))
    var squeezeMin: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Pelvic drop in single-leg stance that is reported, in degrees (default 7).", valueName: "DEG"))
    var dropLimit: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Take the neutral pelvis from this stream-time window in seconds, e.g. 2..12 (default: the first quiet upright stretch).", valueName: "A..B"))
    var neutral: String?

    @Option(help: ArgumentHelp("Use this calibration profile from `glutebridge calibrate` (default: the 'default' profile when it exists; --neutral wins over any profile).", valueName: "NAME"))
    var profile: String?

    @Option(help: ArgumentHelp("Which sensor axes point forward, left and up, e.g. x,y,z (default) or -y,x,z.", valueName: "AXES"))
    var mount: String?

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

    @Option(help: ArgumentHelp("Read these options from a TOML or JSON file; options given here win over it.", valueName: "FILE"))
    var config: String?

    func validate() throws {
        _ = try resolved(announcingProfile: false)
    }

    /// Defaults, then the config file, then these options; then the calibration profile (see
    /// `ProfileSelection`; `recorded` is a capture's own), named in one line on standard error when
    /// `announcingProfile`.
    func resolved(announcingProfile: Bool = true, recorded: CalibrationProfile? = nil) throws -> ResolvedSettings {
        var settings = try resolvedWithoutProfile()
        try ExecProgramCheck.check(settings.alerts.exec)
        let store: ProfileStore
        do { store = try ProfileStore() } catch {
            // Without a home there is no default profile; only a named one is missed.
            if profile != nil { throw ValidationError("--profile: \(error.description)") }
            if let recorded {
                do { _ = try ProfileSelection.apply(name: nil, recorded: recorded, to: &settings, store: nil) } catch {
                    throw ValidationError("--profile: \(error.description)")
                }
            }
            return settings
        }
        do {
            let selection = try ProfileSelection.apply(name: profile, recorded: recorded, to: &settings, store: store)
            if announcingProfile, let note = selection.note { Output.error("glutebridge: \(note)") }
        } catch {
            throw ValidationError("--profile: \(error.description)")
        }
        return settings
    }

    private func resolvedWithoutProfile() throws -> ResolvedSettings {
        var values = OptionValues()
        values.set(.tiltLimit, tiltLimit)
        values.set(.tiltDelay, tiltDelay)
        values.set(.sitLimit, sitLimit)
        values.set(.breakMin, breakMin)
        values.set(.repeatInterval, `repeat`)
        values.set(.squeezeMin, squeezeMin)
        values.set(.dropLimit, dropLimit)
        values.set(.neutral, neutral)
        values.set(.mount, mount)
        values.set(.quietHours, quietHours)
        values.set(.alertOn, alertOn)
        values.set(.alertInterval, alertInterval)
        values.set(.bell, flag: bell)
        values.set(.notify, flag: notify)
        values.execCommands = exec
        do {
            return try ResolvedSettings.resolve(options: values, configFile: config)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
