import Glibc
import GluteDevices

// `glutebridge-bench --feed RATE SAMPLES_PER_FRAME SECONDS`: a sensor on a pty for
// scripts/bench-live.sh. It prints the slave's path on the first line, waits for a line on
// standard input (the monitor is up by then), then writes the stream at its pace and exits.
// The stream is made before the path is printed, so the feeder's own start-up costs the monitor
// nothing while it is measured.

enum LiveFeed {
    static func run(arguments: [String]) -> Int32 {
        guard arguments.count == 3, let rate = Double(arguments[0]), let perFrame = Int(arguments[1]), let seconds = Double(arguments[2]),
              rate > 0, rate <= 10_000, perFrame >= 1, perFrame <= 12, seconds > 0 else {
            say("glutebridge-bench: --feed takes RATE_HZ (up to 10000) SAMPLES_PER_FRAME (1-12) SECONDS", to: 2)
            return 2
        }
        let stream = PacedStream(rateHz: rate, samplesPerFrame: perFrame, seconds: seconds)
        let pty: PseudoTerminal
        do { pty = try PseudoTerminal() } catch {
            say("glutebridge-bench: cannot open a pseudo terminal: \(error)", to: 2)
            return 1
        }
        defer { try? pty.close() }
        say(pty.slavePath, to: 1)
        _ = readLine()
        let completed = stream.play { bytes in
            do { try pty.write(bytes, timeout: 5) } catch { return false }
            return true
        }
        if !completed {
            say("glutebridge-bench: --feed: nobody read the pty for 5 s", to: 2)
            return 1
        }
        return 0
    }
}

/// One line straight to `descriptor`, unbuffered: the script reads the path while the feeder waits.
private func say(_ line: String, to descriptor: CInt) {
    try? StandardStreams.writeAll(Array((line + "\n").utf8), to: descriptor)
}
