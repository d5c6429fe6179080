import Foundation
import Glibc
import Synchronization
import Testing
@testable import GluteDevices

/// A reader that closes and reopens the slave must neither lose nor repeat a byte: bytes written
/// while no reader is connected, or still in flight when one disconnects, wait in the slave's
/// queue (held open by `PseudoTerminal`) for the next one.
@Suite struct ReconnectTests {
    static let reconnects = 20

    /// Big-endian 32-bit counters 0, 1, 2, ...: any loss, repeat or reordering breaks the sequence.
    static func counters(_ range: Range<Int>) -> [UInt8] {
        range.flatMap { value in withUnsafeBytes(of: UInt32(value).bigEndian, Array.init) }
    }

    /// Opens the slave, reads until `atLeast` bytes came (0: no wait), closes it again.
    static func connectOnce(_ pty: PseudoTerminal, atLeast byteCount: Int,
                            whileConnected: () throws -> Void = {}) throws -> [UInt8] {
        let port = try SerialPort(path: pty.slavePath)
        let inbox = Inbox()
        let reader = try SourceReader(reading: port, into: inbox, chunkCapacity: 256)
        try whileConnected()
        #expect(inbox.wait(forBytes: byteCount))
        reader.stop()
        try port.close()
        #expect(inbox.disconnects.isEmpty)
        return inbox.bytes
    }

    static func expectSameSequence(_ received: [UInt8], _ expected: [UInt8]) {
        #expect(received.count == expected.count)
        if let index = zip(received, expected).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("first difference at byte \(index) (counter \(index / 4))")
        }
    }

    /// Per reconnect: 1 000 bytes queued while nobody reads, then 3 000 written while a reader runs;
    /// the reader stops as soon as the queued block is in, so part of the second block is usually
    /// still in flight at the disconnect (how much is a race: 0, 9 553 and 13 616 bytes over the 20
    /// reconnects in three runs) and must reach the next reader.
    @Test func bytesInFlightAtEachDisconnectReachTheNextReader() throws {
        let pty = try PseudoTerminal()
        defer { try? pty.close() }
        let expected = Self.counters(0..<(Self.reconnects * 1_000))
        var written = 0
        var received: [UInt8] = []
        for _ in 0..<Self.reconnects {
            try pty.write(Array(expected[written..<written + 1_000]), timeout: hangGuard)
            written += 1_000
            received += try Self.connectOnce(pty, atLeast: written - received.count) {
                try pty.write(Array(expected[written..<written + 3_000]), timeout: hangGuard)
                written += 3_000
            }
        }
        received += try Self.connectOnce(pty, atLeast: written - received.count)
        Self.expectSameSequence(received, expected)
    }

    /// A writer that never pauses (80 000 bytes, four times the slave's queue, so it is throttled by
    /// back-pressure) while the reader reconnects 20 times.
    @Test func aContinuousWriterAcrossTwentyReconnects() throws {
        let pty = try PseudoTerminal()
        defer { try? pty.close() }
        let expected = Self.counters(0..<20_000)
        let writerFailure = Mutex<String?>(nil)
        let writerDone = DispatchSemaphore(value: 0)
        let writer = Thread {
            defer { writerDone.signal() }
            for start in stride(from: 0, to: expected.count, by: 100) {
                do { try pty.write(Array(expected[start..<min(start + 100, expected.count)]), timeout: hangGuard) } catch {
                    writerFailure.withLock { $0 = "\(error)" }
                    return
                }
            }
        }
        writer.start()
        var received: [UInt8] = []
        for cycle in 1...Self.reconnects {
            let target = cycle * expected.count / (Self.reconnects + 1)
            received += try Self.connectOnce(pty, atLeast: max(target - received.count, 0))
        }
        received += try Self.connectOnce(pty, atLeast: expected.count - received.count)
        #expect(writerDone.wait(timeout: .now() + hangGuard) == .success)
        #expect(writerFailure.withLock { $0 } == nil)
        Self.expectSameSequence(received, expected)
    }
}
