import ArgumentParser
import Foundation
import GluteCore

/// Detection and alert options shared by `monitor` and `replay`.
struct DetectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Anterior tilt above neutral that counts, in degrees (default 10).", valueName: "DEG"))
    var tiltLimit: String?

    @Option(help: ArgumentHelp("How long the tilt must last before it is reported (default 5s).", valueName: "DURATION"))
    var tiltDelay: String?

    @Option(help: ArgumentHelp("Sitting time before `sitting.prolonged` (default 30m).", valueName: "DURATION"))
    var sitLimit: String?

    @Option(help: ArgumentHelp("Upright time that counts as a break from sitting (default 1m).", valueName: "DURATION"))
    var breakMin: String?

    @Option(help: ArgumentHelp("Repeat `sitting.prolonged` this often while the bout lasts (default 30m).", valueName: "DURATION"))
    var `repeat`: String?

    @Option(help: ArgumentHelp("Shortest squeeze hold that counts (default 1s).", valueName: "DURATION"))
    var squeezeMin: String?

    @Option(help: ArgumentHelp("Pelvic drop in single-leg stance that is reported, in degrees (default 7).", valueName: "DEG"))
    var dropLimit: String?

    @Option(help: ArgumentHelp("No alerts between these local times, e.g. 22:00-07:00 (events are still logged).", valueName: "HH:MM-HH:MM"))
    var quietHours: String?

    @Option(help: ArgumentHelp("Take the neutral pelvis from this stream-time window in seconds, e.g. 2..12 (default: the first quiet upright stretch).", valueName: "A..B"))
    var neutral: String?

    @Option(help: ArgumentHelp("Which sensor axes point forward, left and up, e.g. x,y,z (default) or -y,x,z.", valueName: "AXES"))
    var mount: String?

    @Option(help: ArgumentHelp("Read options from a TOML or JSON file; command-line options win over it.", valueName: "FILE"))
    var config: String?

    func validate() throws {
        _ = try pipelineSettings()
    }

    /// The pipeline settings these options ask for.
    func pipelineSettings() throws -> PipelineSettings {
        var settings = PipelineSettings()
        if let mount {
            do { settings.mount = try Mount(parsing: mount) } catch { throw ValidationError("--mount: \(error)") }
        }
        if let neutral {
            let parts = neutral.components(separatedBy: "..")
            guard parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]), a >= 0, b > a else {
                throw ValidationError("--neutral: '\(neutral)' is not a window A..B in stream seconds, e.g. 2..12")
            }
            settings.neutral = .window(start: a, end: b)
        }
        return settings
    }
}
