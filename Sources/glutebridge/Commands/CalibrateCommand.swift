import ArgumentParser
import Foundation
import GluteCore
import GluteDevices
import GluteGuided
import GluteLog
import GluteSession
import GluteSettings
import GluteWire
import Synchronization

struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Measure your neutral pelvis with the sensor on, and save it as a profile.",
        discussion: """
        Put the sensor on as you will wear it, then follow the two prompts: stand
        still and upright (5 s), then tip the pelvis forward, belt buckle down, and
        hold it (2 s). The first gives the neutral up direction, the second which
        way is forward, whatever way the sensor sits on the belt. Each step gives up
        after 60 s.

        The profile is saved to $XDG_CONFIG_HOME/glutebridge/profiles/NAME.json (by
        default ~/.config/...), readable only by you. monitor, record and replay use
        the profile named by --profile, or the 'default' profile when it exists;
        --neutral A..B wins over both.

        Examples:
          glutebridge calibrate /dev/ttyACM0
          glutebridge calibrate 'serial:/dev/ttyUSB0?protocol=witmotion&baud=9600' --profile office-chair
          glutebridge calibrate sim:tilt --speed 20 --profile demo --json
          glutebridge monitor /dev/ttyACM0 --profile office-chair
        """
    )

    @Argument(help: ArgumentHelp("A tty (/dev/ttyACM0), serial:PATH?baud=N&protocol=..., ble:ADDR?profile=..., or sim[:SCENARIO].", valueName: "SOURCE"))
    var source: String

    @Option(help: ArgumentHelp("Save the profile under this name.", valueName: "NAME"))
    var profile: String = ProfileStore.defaultName

    @Option(help: ArgumentHelp("Which sensor axes point forward, left and up, e.g. x,y,z (default) or -y,x,z.", valueName: "AXES"))
    var mount: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Speed of the virtual sensor for sim sources (simulated seconds per second).", valueName: "FACTOR"), transform: DecimalArgument.parse)
    var speed: Double = 1

    @Option(parsing: .unconditional, help: "Seed of the virtual sensor (sim sources).")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: ArgumentHelp("How long to stand still in step 1 (default 5s).", valueName: "DURATION"), transform: DurationArgument.parse)
    var still: DurationArgument?

    @Option(parsing: .unconditional, help: ArgumentHelp("Give up on a step after this long (default 60s).", valueName: "DURATION"), transform: DurationArgument.parse)
    var timeout: DurationArgument?

    @Flag(help: "Print the result as one JSON object on stdout (prompts still go to stderr).")
    var json = false

    func validate() throws {
        do { _ = try SourceSpec(parsing: source) } catch { throw ValidationError("SOURCE: \(error)") }
        if case .file = try SourceSpec(parsing: source) {
            throw ValidationError("SOURCE: " + FileSourceProblem.message(path: source, verb: "calibrate"))
        }
        if let mount { do { _ = try Mount(parsing: mount) } catch { throw ValidationError("--mount: \(error)") } }
        do { try ProfileStore.validate(name: profile) } catch { throw ValidationError("--profile: \(error)") }
        try OptionRange.speed(speed)
        if let still { guard still.seconds >= 1, still.seconds <= 60 else { throw ValidationError("--still must be between 1s and 1m") } }
        if let timeout { guard timeout.seconds >= 5, timeout.seconds <= 86_400 else { throw ValidationError("--timeout must be between 5s and 24h") } }
    }

    func run() throws {
        let spec = try SourceSpec(parsing: source)
        let bodyMount = try mount.map { try Mount(parsing: $0) } ?? .standard
        let store: ProfileStore
        do { store = try ProfileStore() } catch { throw CLIError("\(error)") }
        var settings = CalibrationProcedureSettings()
        if let still { settings.stillDuration = still.seconds }
        if let timeout { settings.stepTimeout = timeout.seconds }

        let observer = CalibrationObserver(mount: bodyMount, settings: settings)
        // A stream that never delivers must not hang the terminal: both steps' time and some slack.
        let streamLimit = 2 * settings.stepTimeout + settings.stillDuration + 30
        let end = try GuidedSource.run(spec, pipeline: PipelineSettings(mount: bodyMount), speed: speed, seed: seed,
                                       wallLimit: GuidedSource.wallLimit(streamSeconds: streamLimit, spec: spec, speed: speed),
                                       observer: observer) {
            PromptSink(CalibrationPrompts(observer: observer), terminal: StandardStreams.isTerminal(2))
        }

        switch observer.state {
        case .finished(let result):
            let created = WallClockText.iso8601(HostClock.now().wall)
            let saved = CalibrationProfile(name: profile, created: created, result: result, mount: bodyMount, source: spec.label)
            let path: String
            do { path = try store.save(saved) } catch { throw CLIError("calibration done, but the profile was not saved: \(error)") }
            if json {
                Output.line(try CalibrationVerdict(profile: saved, path: path, result: result).json())
            } else {
                CalibrationVerdict(profile: saved, path: path, result: result).lines.forEach(Output.line)
            }
        case .failed(let failure):
            throw CLIError("calibration failed: \(failure)")
        case .running:
            let why = observer.samples == 0 ? "no IMU samples arrived (a cushion cannot be calibrated this way)" : LiveSession.describe(end)
            throw CLIError("calibration not finished (step \(observer.step.rawValue)): \(why)")
        }
    }
}

/// The result as the user reads it, and as JSON.
struct CalibrationVerdict {
    var profile: CalibrationProfile
    var path: String
    var result: CalibrationResult

    var lines: [String] {
        func v(_ x: Vector3) -> String { String(format: "(%+.3f, %+.3f, %+.3f)", x.x, x.y, x.z) }
        func d(_ x: Double) -> String { String(format: "%.1f", x) }
        var out = [
            "Calibrated: profile '\(profile.name)' saved to \(path)",
            "  neutral up    \(v(result.up))  \(d(result.upOffsetFromMount)) deg from the mount's up axis",
            "  forward axis  \(v(result.forward))  \(d(result.forwardOffsetFromMount)) deg from the mount's forward axis",
            "  forward tip   \(d(result.tipAngle)) deg, held \(d(result.hold.upperBound - result.hold.lowerBound)) s",
            "  mount \(profile.mount), source \(profile.source)",
        ]
        if result.upOffsetFromMount > 45 {
            out.append("  note: the sensor sits far from upright for this mount; fine for the profile, but check --mount")
        }
        out.append(profile.name == ProfileStore.defaultName
            ? "monitor, record and replay now use it by default."
            : "Use it with: glutebridge monitor SOURCE --profile \(profile.name)")
        return out
    }

    func json() throws -> String {
        struct Body: Encodable {
            var profile: String, path: String, created: String, mount: String, source: String
            var up: Vector3, forward: Vector3
            var tilt_range_deg: Double, up_offset_deg: Double, forward_offset_deg: Double
        }
        let body = Body(profile: profile.name, path: path, created: profile.created, mount: profile.mount, source: profile.source,
                        up: result.up, forward: result.forward, tilt_range_deg: result.tipAngle,
                        up_offset_deg: result.upOffsetFromMount, forward_offset_deg: result.forwardOffsetFromMount)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(body), as: UTF8.self)
    }
}
