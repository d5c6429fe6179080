import Foundation
import Testing
import GluteDevices
import GluteWire
import Synchronization
@testable import GluteSession

@Suite("WitMotion baud search over a real pty")
struct WitMotionBaudSearchTests {
    /// Writes `bytes` on the pty's master every 20 ms from a thread, until `stop` is set.
    final class Feeder: Sendable {
        private let stopped = Atomic<Bool>(false)
        private let done = DispatchSemaphore(value: 0)
        func start(_ pty: PseudoTerminal, _ bytes: [UInt8]) {
            Thread {
                while !self.stopped.load(ordering: .relaxed) {
                    try? pty.write(bytes, timeout: 1)
                    Thread.sleep(forTimeInterval: 0.02)
                }
                self.done.signal()
            }.start()
        }
        func stop() { stopped.store(true, ordering: .relaxed); done.wait() }
    }

    @Test func findsTheRateOfAWitMotionStream() throws {
        let pty = try PseudoTerminal()
        let encoder = WitMotionEncoder()
        var packets: [UInt8] = []
        for i in 0..<5 {
            packets += encoder.packets(for: IMUSample(time: Double(i) / 10, accel: Vector3(0, 0, 1), gyro: Vector3(1, 2, 3)))
        }
        let feeder = Feeder()
        feeder.start(pty, packets)
        defer { feeder.stop(); try? pty.close() }
        // A pty takes any rate, so the first candidate that sees valid packets wins.
        #expect(try WitMotionBaudSearch.find(path: pty.slavePath, listen: 0.5) == WitMotionBaudProbe.candidateBaudRates.first)
    }

    @Test func findsNothingInANativeStream() throws {
        let pty = try PseudoTerminal()
        var encoder = NativeEncoder()
        let native = encoder.encode(.device(.marker(Marker(button: 1, kind: .short))), timeMicros: 0)
        let feeder = Feeder()
        feeder.start(pty, native + native + native)
        defer { feeder.stop(); try? pty.close() }
        #expect(try WitMotionBaudSearch.find(path: pty.slavePath, rates: [9600, 115200], listen: 0.3) == nil)
    }

    @Test func aMissingDeviceIsAClearError() {
        #expect(throws: SerialPortError.self) { try WitMotionBaudSearch.find(path: "/dev/nonexistent-witmotion", listen: 0.1) }
    }
}
