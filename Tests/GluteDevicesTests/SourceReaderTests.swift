import Foundation
import Glibc
import Synchronization
import Testing
@testable import GluteDevices

@Suite struct SourceReaderTests {
    @Test func deliversWhatTheMasterWritesThroughASerialPort() throws {
        let pty = try PseudoTerminal()
        defer { try? pty.close() }
        let port = try SerialPort(path: pty.slavePath)
        defer { try? port.close() }
        let inbox = Inbox()
        let reader = try SourceReader(reading: port, into: inbox, chunkCapacity: 64)
        defer { reader.stop() }
        let before = HostClock.now()
        let sent = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        for start in stride(from: 0, to: sent.count, by: 1000) {
            try pty.write(Array(sent[start..<start + 1000]), timeout: hangGuard)
        }
        #expect(inbox.wait(forBytes: sent.count))
        let after = HostClock.now()
        #expect(inbox.bytes == sent)
        let chunks = inbox.chunks
        #expect(chunks.allSatisfy { !$0.bytes.isEmpty && $0.bytes.count <= 64 })
        #expect(zip(chunks, chunks.dropFirst()).allSatisfy { $0.monotonic <= $1.monotonic })
        #expect(chunks.allSatisfy { $0.monotonic >= before.monotonic && $0.monotonic <= after.monotonic })
        #expect(chunks.allSatisfy { $0.wall >= before.wall - 1 && $0.wall <= after.wall + 1 })
        #expect(inbox.disconnects.isEmpty)
        #expect(reader.isRunning)
    }

    @Test func closingTheMasterReportsADisconnect() throws {
        let pty = try PseudoTerminal()
        let port = try SerialPort(path: pty.slavePath)
        defer { try? port.close() }
        let inbox = Inbox()
        let reader = try SourceReader(reading: port, into: inbox)
        defer { reader.stop() }
        try pty.write([1, 2, 3], timeout: hangGuard)
        #expect(inbox.wait(forBytes: 3))
        try pty.close()
        #expect(inbox.waitForDisconnect())
        let reasons = inbox.disconnects
        #expect(reasons.count == 1)
        #expect(reasons.first == .endOfStream || reasons.first == .hangUp, "got \(reasons)")
        reader.stop()
        #expect(!reader.isRunning)
        #expect(inbox.bytes == [1, 2, 3])
    }

    /// The pty master read while nobody holds the slave: Linux answers EIO, as for an unplugged device.
    @Test func anIOErrorIsADisconnect() throws {
        let pty = try PseudoTerminal(settings: PseudoTerminalSettings(holdSlaveOpen: false))
        defer { try? pty.close() }
        let inbox = Inbox()
        let reader = try SourceReader(reading: pty, into: inbox)
        defer { reader.stop() }
        #expect(inbox.waitForDisconnect())
        #expect(inbox.disconnects == [.readFailed(SystemError(code: EIO, call: "read"))])
        #expect(inbox.disconnects.first?.description.hasPrefix("the device went away") == true)
    }

    @Test func stopReturnsWhileBlockedInPoll() throws {
        let pty = try PseudoTerminal()
        defer { try? pty.close() }
        let port = try SerialPort(path: pty.slavePath)
        defer { try? port.close() }
        let inbox = Inbox()
        let reader = try SourceReader(reading: port, into: inbox)
        // Let it reach poll with nothing to read: one chunk proves the thread runs and is back to poll.
        try pty.write([42], timeout: hangGuard)
        #expect(inbox.wait(forBytes: 1))
        let started = HostClock.now().monotonic
        reader.stop()
        let elapsed = HostClock.now().monotonic - started
        #expect(!reader.isRunning)
        #expect(elapsed < hangGuard, "stop() took \(elapsed) s")
        #expect(inbox.disconnects.isEmpty, "a requested stop is not a disconnect")
        reader.stop()  // again: no second join
        // The port stays usable after the reader stopped: its bytes go to the next reader.
        try pty.write([43], timeout: hangGuard)
        let next = Inbox()
        let again = try SourceReader(reading: port, into: next)
        #expect(next.wait(forBytes: 1))
        again.stop()
        #expect(next.bytes == [43])
    }

    @Test func aHandlerMayStopItsOwnReader() throws {
        let pty = try PseudoTerminal()
        defer { try? pty.close() }
        let inbox = Inbox()
        let readerSlot = Mutex<SourceReader?>(nil)
        let port = try SerialPort(path: pty.slavePath)
        defer { try? port.close() }
        let reader = try SourceReader(reading: port, onChunk: { chunk in
            inbox.add(chunk)
            readerSlot.withLock { $0 }?.stop()
        }, onDisconnect: { inbox.add($0) })
        readerSlot.withLock { $0 = reader }
        try pty.write([7], timeout: hangGuard)
        #expect(inbox.wait(forBytes: 1))
        reader.stop()
        #expect(!reader.isRunning)
        readerSlot.withLock { $0 = nil }
    }

    /// Handlers are `sending`: they may share plain mutable state with no lock, since only the
    /// reader thread runs them.
    @Test func handlersShareUnsynchronisedState() throws {
        final class Tally {
            var bytes = 0
        }
        let pty = try PseudoTerminal()
        let inbox = Inbox()
        let tally = Tally()
        let reader = try SourceReader(reading: try SerialPort(path: pty.slavePath), handlers: .init(onChunk: { chunk in
            tally.bytes += chunk.bytes.count
            inbox.add(chunk)
        }, onDisconnect: { reason in
            inbox.add(ByteChunk(bytes: [UInt8(truncatingIfNeeded: tally.bytes)], monotonic: 0, wall: 0))
            inbox.add(reason)
        }))
        defer { reader.stop() }
        try pty.write([UInt8](repeating: 9, count: 100), timeout: hangGuard)
        #expect(inbox.wait(forBytes: 100))
        try pty.close()
        #expect(inbox.waitForDisconnect())
        #expect(inbox.chunks.last?.bytes == [100])
    }
}

@Suite struct SourceReaderMisuseTests {
    @Test func aSourceClosedBeforeTheReaderStartsIsReportedNotWaitedOn() throws {
        let pty = try PseudoTerminal()
        let port = try SerialPort(path: pty.slavePath)
        try port.close()
        try pty.close()
        let inbox = Inbox()
        let reader = try SourceReader(reading: port, into: inbox)
        #expect(inbox.waitForDisconnect())
        #expect(inbox.disconnects == [.descriptorClosed])
        reader.stop()
    }
}
