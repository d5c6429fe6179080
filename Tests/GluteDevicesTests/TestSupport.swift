import Foundation
import Glibc
@testable import GluteDevices

/// Longest a test waits for something that should happen at once. Only a guard against a hang on a
/// loaded machine, never a measurement.
let hangGuard = 30.0

/// What a reader delivered, for a test to wait on.
///
/// `@unchecked Sendable`: the mutable fields are read and written only while `condition` is locked.
final class Inbox: @unchecked Sendable {
    private let condition = NSCondition()
    private var storedChunks: [ByteChunk] = []
    private var storedDisconnects: [DisconnectReason] = []
    private var storedByteCount = 0

    func add(_ chunk: ByteChunk) {
        condition.withLock {
            storedChunks.append(chunk)
            storedByteCount += chunk.bytes.count
            condition.broadcast()
        }
    }

    func add(_ reason: DisconnectReason) {
        condition.withLock {
            storedDisconnects.append(reason)
            condition.broadcast()
        }
    }

    var chunks: [ByteChunk] { condition.withLock { storedChunks } }
    var bytes: [UInt8] { chunks.flatMap(\.bytes) }
    var disconnects: [DisconnectReason] { condition.withLock { storedDisconnects } }

    /// Waits until `byteCount` bytes arrived; false if `hangGuard` passed first.
    func wait(forBytes byteCount: Int) -> Bool {
        wait { $0.storedByteCount >= byteCount }
    }

    /// Waits for a disconnect report; false if `hangGuard` passed first.
    func waitForDisconnect() -> Bool {
        wait { !$0.storedDisconnects.isEmpty }
    }

    private func wait(until predicate: (Inbox) -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: hangGuard)
        return condition.withLock {
            while !predicate(self) {
                if !condition.wait(until: deadline) { return predicate(self) }
            }
            return true
        }
    }
}

extension SourceReader {
    /// A reader that files everything into `inbox`.
    convenience init(reading source: any ByteSource, into inbox: Inbox, chunkCapacity: Int = 4096) throws {
        try self.init(reading: source, chunkCapacity: chunkCapacity,
                      onChunk: { inbox.add($0) }, onDisconnect: { inbox.add($0) })
    }
}

/// `TIOCGEXCL`: whether a tty is in exclusive mode.
let getExclusiveRequest: UInt = 0x8004_5440

func isExclusive(_ descriptor: CInt) -> Bool {
    var flag: CInt = 0
    _ = ioctl(descriptor, getExclusiveRequest, &flag)
    return flag != 0
}

/// Opens `path` as a plain second descriptor (no locks, no mode change) to look at a tty from outside.
func openObserver(_ path: String) throws -> FileDescriptor {
    FileDescriptor(taking: try Posix.open(path, flags: O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC))
}

/// Drains whatever is queued on a non-blocking descriptor (returns once `read` says EAGAIN or 0).
func readAvailable(_ descriptor: CInt) throws -> [UInt8] {
    var collected: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            collected += buffer[..<count]
        } else if count == 0 || errno == EAGAIN {
            return collected
        } else if errno != EINTR {
            throw SystemError(code: errno, call: "read")
        }
    }
}

/// Waits until `descriptor` is readable (or `hangGuard` passes); returns its revents.
func waitReadable(_ descriptor: CInt) throws -> Int16 {
    var entries = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
    _ = try Posix.poll(&entries, timeoutMilliseconds: CInt(hangGuard * 1000))
    return entries[0].revents
}
