import ArgumentParser
import GluteDevices
import GluteSession
import GluteSim
import GluteWire

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run the virtual sensor: simulated firmware speaking the native protocol, or a simulated Bluetooth LE sensor.",
        discussion: """
        With --pty it opens a pseudo terminal, prints its path alone on the first
        line, and streams in real time (or --speed times faster) until stopped; read
        it like a USB sensor. With -o it writes the byte stream to a new file (or -
        for stdout) as fast as it can; a file that already has content is never
        overwritten.

        With --ble PATH it becomes a Bluetooth LE sensor: a GATT server on a
        SOCK_SEQPACKET unix socket at PATH (mode 0600), serving --profile native,
        witmotion or microbit to one central at a time; monitor reaches it with
        `ble:ADDR?att=unix:PATH`. It prints PATH alone on the first line.
        Notifications flow in real time (or --speed times faster) while the central
        has enabled them. --packing lays WitMotion packets one per notification,
        two merged, or split at random points; --drop-after closes each connection
        after that much simulated time, like a lost link, and accepts the next.

        Scenarios: \(Scenario.allCases.map(\.rawValue).joined(separator: ", ")).

        Examples:
          glutebridge simulate --pty --scenario tilt --speed 10
          glutebridge simulate -o x.bin --duration 60s --rate 100
          glutebridge simulate -o - --scenario squeezes | glutebridge decode -
          glutebridge simulate --ble /tmp/gb.sock --profile witmotion --scenario tilt --speed 10
          glutebridge monitor 'ble:C0:FF:EE:00:00:01?att=unix:/tmp/gb.sock'
        """
    )

    @Flag(name: .long, help: "Stream on a new pseudo terminal; print its path on the first line.")
    var pty = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the native byte stream to FILE (- for stdout).", valueName: "FILE"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Serve a simulated Bluetooth LE sensor on a unix socket at PATH; print PATH on the first line.", valueName: "PATH"))
    var ble: String?

    @Option(help: ArgumentHelp("GATT profile with --ble: native, witmotion or microbit (default native).", valueName: "PROFILE"))
    var profile: String?

    @Option(help: ArgumentHelp("WitMotion packets per notification with --ble: one, merged or split (default one).", valueName: "PACKING"))
    var packing: String?

    @Option(name: .customLong("drop-after"), parsing: .unconditional, help: ArgumentHelp("With --ble, close each connection after this much simulated time (a lost link), then accept again.", valueName: "DURATION"), transform: DurationArgument.parse)
    var dropAfter: DurationArgument?

    @Option(help: "Scenario to simulate.")
    var scenario: String = Scenario.deskDay.rawValue

    @Option(parsing: .unconditional, help: ArgumentHelp("Stop after this much simulated time (90s, 45m, 1h30m). Default: the scenario's length; with --pty, loop until stopped.", valueName: "DURATION"), transform: DurationArgument.parse)
    var duration: DurationArgument?

    @Option(parsing: .unconditional, help: ArgumentHelp("IMU sample rate in Hz.", valueName: "HZ"), transform: DecimalArgument.parse)
    var rate: Double = 100

    @Option(parsing: .unconditional, help: ArgumentHelp("Simulated seconds per real second (default 1 with --pty; as fast as possible with -o).", valueName: "FACTOR"), transform: DecimalArgument.parse)
    var speed: Double?

    @Option(parsing: .unconditional, help: "Seed of the noise and body variations; the same seed gives the same bytes.")
    var seed: UInt64 = 1

    @Flag(inversion: .prefixedNo, help: "Simulate the seat cushion alongside the IMU (default: as the scenario says).")
    var cushion: Bool?

    func validate() throws {
        guard [pty, output != nil, ble != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --pty, -o FILE or --ble PATH")
        }
        try validateBLE()
        guard Scenario(rawValue: scenario) != nil else {
            throw ValidationError("unknown scenario '\(scenario)'; one of \(Scenario.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard rate >= 1, rate <= 1000 else { throw ValidationError("--rate must be between 1 and 1000 Hz") }
        if let speed { try OptionRange.speed(speed) }
        try OptionRange.duration("--duration", duration)
        try OptionRange.duration("--drop-after", dropAfter)
    }

    private func validateBLE() throws {
        guard let ble else {
            for (flag, given) in [("--profile", profile != nil), ("--packing", packing != nil), ("--drop-after", dropAfter != nil)] where given {
                throw ValidationError("\(flag) goes with --ble PATH")
            }
            return
        }
        if let profile, BLESensorProfile(rawValue: profile) == nil {
            throw ValidationError("unknown profile '\(profile)'; one of \(BLESensorProfile.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let packing {
            guard profile == BLESensorProfile.witmotion.rawValue else { throw ValidationError("--packing goes with --profile witmotion") }
            guard WitMotionPacking(rawValue: packing) != nil else {
                throw ValidationError("unknown packing '\(packing)'; one of \(WitMotionPacking.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if let dropAfter { guard dropAfter.seconds > 0 else { throw ValidationError("--drop-after must be longer than 0s") } }
        guard !ble.isEmpty, ble.utf8.count < 108 else { throw ValidationError("--ble: '\(ble)' is not a usable socket path (1 to 107 bytes)") }
        let directory = ble.contains("/") ? String(ble[..<ble.lastIndex(of: "/")!]) : "."
        guard FileKind.isDirectory(directory.isEmpty ? "/" : directory) else {
            throw ValidationError("--ble: directory '\(directory)' does not exist")
        }
        if FileKind.isSomethingButASocket(ble) {
            throw ValidationError("--ble: \(ble) exists and is not a socket; not replacing it")
        }
    }

    func run() throws {
        var simulation = SimulationSettings()
        simulation.imuRate = rate
        simulation.seed = seed
        simulation.cushion = cushion
        simulation.duration = duration?.seconds
        if (pty || ble != nil) && duration == nil { simulation.continuation = .loop }
        if let ble {
            try serveBLE(at: ble, simulation: simulation)
            return
        }
        let firmware = SimulatedFirmware(scenario: Scenario(rawValue: scenario)!, simulation: simulation,
                                         imuBatch: max(1, Int(saturating: rate / 20, rounding: .toNearestOrAwayFromZero)))
        if pty {
            try runOnPty(firmware)
        } else {
            try write(firmware, to: output!)
        }
    }

    private func runOnPty(_ firmware: SimulatedFirmware<VirtualSensor>) throws {
        let runner: VirtualSensorRunner
        do {
            runner = try VirtualSensorRunner(firmware: firmware, speed: speed ?? 1, duration: duration?.seconds)
        } catch {
            throw CLIError("cannot open a pseudo terminal: \(error)")
        }
        if let trap = SignalTrap.install() { runner.stop(whenReadable: trap.pollDescriptor) }
        Output.line(runner.slavePath)
        runner.run()
        runner.close()
        Output.error("simulate: \(runner.endReason ?? "stopped"), \(runner.bytesWritten) bytes written")
    }

    private func serveBLE(at path: String, simulation: SimulationSettings) throws {
        var settings = SimulatedGATTDeviceSettings()
        settings.native.imuBatch = max(1, Int(saturating: rate / 20, rounding: .toNearestOrAwayFromZero))
        settings.witmotionPacking = packing.flatMap(WitMotionPacking.init(rawValue:)) ?? .one
        settings.packingSeed = seed
        let device = SimulatedGATTDevice(profile: profile.flatMap(BLESensorProfile.init(rawValue:)) ?? .native,
                                         scenario: Scenario(rawValue: scenario)!, simulation: simulation, settings: settings)
        let runner: GATTServerRunner<VirtualSensor>
        do {
            runner = try GATTServerRunner(device: device, path: path, speed: speed ?? 1, duration: duration?.seconds,
                                          dropAfter: dropAfter?.seconds)
        } catch {
            throw CLIError("cannot listen at \(path): \(error)")
        }
        if let trap = SignalTrap.install() { runner.stop(whenReadable: trap.pollDescriptor) }
        Output.line(path)
        runner.run()
        let counters = runner.counters
        Output.error("simulate: \(runner.endReason ?? "stopped"), \(counters.connectionsAccepted) connections, "
                     + "\(counters.requestsServed) requests, \(counters.notificationsSent) notifications")
    }

    private func write(_ firmware: SimulatedFirmware<VirtualSensor>, to path: String) throws {
        var firmware = firmware
        let fd: Int32
        if path == "-" {
            fd = 1
        } else {
            do { fd = try StandardStreams.create(path) } catch where error.isAlreadyExists {
                throw CLIError("\(path): already exists and is not empty; not overwriting it (remove it or choose another name)")
            } catch { throw CLIError("\(path): cannot create: \(error.message)") }
        }
        defer { if fd != 1 { StandardStreams.close(fd) } }
        let trap = speed == nil ? nil : SignalTrap.install()
        var pacer = Pacer(speed: speed)
        var total = 0
        while let out = firmware.next() {
            if let limit = duration?.seconds, out.time > limit { break }
            guard pacer.wait(until: out.time, interrupts: trap.map { [$0.pollDescriptor] } ?? []) else { break }
            do { try StandardStreams.writeAll(out.bytes, to: fd) } catch {
                throw CLIError("\(path == "-" ? "stdout" : path): write failed: \(error.message)")
            }
            total += out.bytes.count
        }
        if path != "-" { Output.error("simulate: wrote \(total) bytes to \(path)") }
    }
}
