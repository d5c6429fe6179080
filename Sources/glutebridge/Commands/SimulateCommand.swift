import ArgumentParser
import Glibc
import GluteDevices
import GluteSession
import GluteSim

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run the virtual sensor: simulated firmware speaking the native protocol.",
        discussion: """
        With --pty it opens a pseudo terminal, prints its path alone on the first
        line, and streams in real time (or --speed times faster) until stopped; read
        it like a USB sensor. With -o it writes the byte stream to a file (or - for
        stdout) as fast as it can.

        Scenarios: \(Scenario.allCases.map(\.rawValue).joined(separator: ", ")).

        Examples:
          glutebridge simulate --pty --scenario tilt --speed 10
          glutebridge simulate -o x.bin --duration 60s --rate 100
          glutebridge simulate -o - --scenario squeezes | glutebridge decode -
        """
    )

    @Flag(name: .long, help: "Stream on a new pseudo terminal; print its path on the first line.")
    var pty = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the native byte stream to FILE (- for stdout).", valueName: "FILE"))
    var output: String?

    @Option(help: "Scenario to simulate.")
    var scenario: String = Scenario.deskDay.rawValue

    @Option(help: ArgumentHelp("Stop after this much simulated time (90s, 45m, 1h30m). Default: the scenario's length; with --pty, loop until stopped.", valueName: "DURATION"))
    var duration: DurationArgument?

    @Option(help: ArgumentHelp("IMU sample rate in Hz.", valueName: "HZ"))
    var rate: Double = 100

    @Option(help: ArgumentHelp("Simulated seconds per real second (default 1 with --pty; as fast as possible with -o).", valueName: "FACTOR"))
    var speed: Double?

    @Option(help: "Seed of the noise and body variations; the same seed gives the same bytes.")
    var seed: UInt64 = 1

    @Flag(inversion: .prefixedNo, help: "Simulate the seat cushion alongside the IMU (default: as the scenario says).")
    var cushion: Bool?

    func validate() throws {
        guard pty != (output != nil) else { throw ValidationError("give exactly one of --pty or -o FILE") }
        guard Scenario(rawValue: scenario) != nil else {
            throw ValidationError("unknown scenario '\(scenario)'; one of \(Scenario.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard rate >= 1, rate <= 1000 else { throw ValidationError("--rate must be between 1 and 1000 Hz") }
        if let speed { guard speed > 0, speed <= 10_000 else { throw ValidationError("--speed must be between 0 and 10000") } }
        if let duration { guard duration.seconds > 0 else { throw ValidationError("--duration must be longer than 0s") } }
    }

    func run() throws {
        var simulation = SimulationSettings()
        simulation.imuRate = rate
        simulation.seed = seed
        simulation.cushion = cushion
        simulation.duration = duration?.seconds
        if pty && duration == nil { simulation.continuation = .loop }
        let firmware = SimulatedFirmware(scenario: Scenario(rawValue: scenario)!, simulation: simulation,
                                         imuBatch: max(1, Int((rate / 20).rounded())))
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

    private func write(_ firmware: SimulatedFirmware<VirtualSensor>, to path: String) throws {
        var firmware = firmware
        let fd: Int32
        if path == "-" {
            fd = 1
        } else {
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw CLIError("\(path): cannot create: \(String(cString: strerror(errno)))") }
        }
        defer { if fd != 1 { close(fd) } }
        let trap = speed == nil ? nil : SignalTrap.install()
        var pacer = Pacer(speed: speed)
        var total = 0
        while let out = firmware.next() {
            if let limit = duration?.seconds, out.time > limit { break }
            guard pacer.wait(until: out.time, interrupts: trap.map { [$0.pollDescriptor] } ?? []) else { break }
            guard Output.raw(out.bytes, to: fd) else {
                throw CLIError("\(path == "-" ? "stdout" : path): write failed: \(String(cString: strerror(errno)))")
            }
            total += out.bytes.count
        }
        if path != "-" { Output.error("simulate: wrote \(total) bytes to \(path)") }
    }
}
