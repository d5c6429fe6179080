import ArgumentParser
import GluteSession
import GluteSettings

/// Detection options, for every verb that runs the detectors (`monitor`, `record`, `replay`,
/// `report`, `check`, `coach`); the verbs that alert add `AlertOptions`. Values reach the settings
/// resolver as typed, only those given, so that precedence (options over `--config` over
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

    @Option(help: ArgumentHelp("Read these options from a TOML or JSON file; options given here win over it.", valueName: "FILE"))
    var config: String?

    /// None of these options was given (`report --week` reads logs and detects nothing).
    var noneGiven: Bool {
        [tiltLimit, tiltDelay, sitLimit, breakMin, `repeat`, squeezeMin, dropLimit, neutral, profile, mount, config].allSatisfy { $0 == nil }
    }

    func validate() throws {
        _ = try resolved(announcingProfile: false)
    }

    /// Defaults, then the config file, then these options (and `alerts`, for the verbs that
    /// alert); then the calibration profile (see `ProfileSelection`; `recorded` is a capture's
    /// own), named in one line on standard error when `announcingProfile`.
    func resolved(alerts: AlertOptions? = nil, announcingProfile: Bool = true, recorded: CalibrationProfile? = nil) throws -> ResolvedSettings {
        var settings = try resolvedWithoutProfile(alerts: alerts)
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

    private func resolvedWithoutProfile(alerts: AlertOptions?) throws -> ResolvedSettings {
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
        alerts?.add(to: &values)
        do {
            return try ResolvedSettings.resolve(options: values, configFile: config)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
