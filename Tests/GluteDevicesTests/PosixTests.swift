import Foundation
import Glibc
import Testing
@testable import GluteDevices

@Suite struct PosixTests {
    @Test func systemErrorNamesCallPathAndCause() throws {
        let path = "/nonexistent/glutebridge-\(getpid())"
        let error = try #require(throws: SystemError.self) { try Posix.open(path, flags: O_RDONLY) }
        #expect(error.code == ENOENT)
        #expect(error.call == "open")
        #expect(error.path == path)
        #expect(error.description == "open \(path): No such file or directory (errno \(ENOENT))")
        #expect(!error.description.contains("\n"))
    }

    @Test func fileDescriptorClosesExactlyOnce() throws {
        let (readEnd, writeEnd) = try Posix.socketPair()
        let reader = FileDescriptor(taking: readEnd)
        let writer = FileDescriptor(taking: writeEnd)
        try writer.close()
        #expect(writer.isClosed)
        #expect(writer.rawValue == -1)
        try writer.close()  // a second close must not reach the kernel (it would fail with EBADF)
        #expect(try waitReadable(reader.rawValue) & Int16(POLLIN) != 0)
        #expect(try readAvailable(reader.rawValue).isEmpty, "the peer is closed: end of stream")
    }

    @Test func hostClockReadsMonotonicAndWallTime() {
        let first = HostClock.now()
        let second = HostClock.now()
        #expect(second.monotonic >= first.monotonic)
        #expect(abs(first.wall - Date().timeIntervalSince1970) < 5)
        #expect(first.monotonic > 0)
    }

    @Test func wakeUpLatchesUntilReset() throws {
        let wakeUp = try WakeUp()
        #expect(!wakeUp.isSignalled)
        for _ in 0..<100_000 { wakeUp.signal() }  // more than the socket buffer holds: must not block
        #expect(wakeUp.isSignalled)
        var entries = [pollfd(fd: wakeUp.pollDescriptor, events: Int16(POLLIN), revents: 0)]
        #expect(try Posix.poll(&entries, timeoutMilliseconds: 0) == 1)
        wakeUp.reset()
        #expect(!wakeUp.isSignalled)
    }

    @Test func descriptorsAreCloseOnExec() throws {
        let wakeUp = try WakeUp()
        #expect(fcntl(wakeUp.pollDescriptor, F_GETFD) & FD_CLOEXEC != 0)
        #expect(fcntl(wakeUp.pollDescriptor, F_GETFL) & O_NONBLOCK != 0)
    }
}
