import Foundation
import Glibc
import GluteWire
@testable import GluteDevices

/// A scripted HCI controller at the far end of a `SOCK_SEQPACKET` socketpair: it records every
/// command the scanner sends and answers with whatever `reply` returns for it, until the scanner
/// closes its end. An empty packet in a reply makes the controller hang up instead (an adapter
/// unplugged).
///
/// `@unchecked Sendable`: `storedCommands` is read and written only while `condition` is locked;
/// the descriptor is used by the controller thread alone until `finished` is set.
final class FakeHCIController: @unchecked Sendable {
    private let descriptor: CInt
    private let reply: @Sendable (HCICommand) -> [[UInt8]]
    private let condition = NSCondition()
    private var storedCommands: [HCICommand] = []
    private var finished = false
    /// Packets that were not commands, or were malformed.
    private var storedStrayPackets = 0

    /// The scanner's end of the pair, and the controller running on its own thread.
    static func start(reply: @escaping @Sendable (HCICommand) -> [[UInt8]]) throws -> (any HCIScannerTransport, FakeHCIController) {
        var pair: [CInt] = [-1, -1]
        let type = CInt(SOCK_SEQPACKET.rawValue) | CInt(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &pair) == 0 else { throw SystemError(code: errno, call: "socketpair") }
        let controller = FakeHCIController(descriptor: pair[1], reply: reply)
        Thread { controller.run() }.start()
        return (HCIScannerOpener.transport(over: FileDescriptor(taking: pair[0]), name: "fake"), controller)
    }

    private init(descriptor: CInt, reply: @escaping @Sendable (HCICommand) -> [[UInt8]]) {
        self.descriptor = descriptor
        self.reply = reply
    }

    private func run() {
        var buffer = [UInt8](repeating: 0, count: 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            guard let command = HCICommand(packet: buffer[..<count]) else {
                condition.withLock { storedStrayPackets += 1 }
                continue
            }
            condition.withLock {
                storedCommands.append(command)
                condition.broadcast()
            }
            let packets = reply(command)
            if let hangUp = packets.firstIndex(where: \.isEmpty) {
                for packet in packets[..<hangUp] { send(packet) }
                break
            }
            for packet in packets { send(packet) }
        }
        Glibc.close(descriptor)
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }

    /// Sends one packet to the scanner (the controller thread does this; tests may too).
    func send(_ packet: [UInt8]) {
        _ = packet.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, CInt(MSG_NOSIGNAL)) }
    }

    var commands: [HCICommand] { condition.withLock { storedCommands } }
    var strayPackets: Int { condition.withLock { storedStrayPackets } }

    /// Waits until the scanner closed its end; false if `hangGuard` passed first.
    func waitUntilClosed() -> Bool {
        let deadline = Date(timeIntervalSinceNow: hangGuard)
        return condition.withLock {
            while !finished { if !condition.wait(until: deadline) { return finished } }
            return true
        }
    }

    /// Waits until `count` commands arrived; false if `hangGuard` passed first.
    func waitForCommands(_ count: Int) -> Bool {
        let deadline = Date(timeIntervalSinceNow: hangGuard)
        return condition.withLock {
            while storedCommands.count < count { if !condition.wait(until: deadline) { return storedCommands.count >= count } }
            return true
        }
    }

    /// A Command Complete for `command` with `status`.
    static func complete(_ command: HCICommand, _ status: HCIStatus = .success) -> [UInt8] {
        HCIEvent.commandComplete(HCICommandComplete(opcode: command.opcode, returnParameters: [status.rawValue])).packet
    }

    /// A Command Status refusing (or accepting) `command`.
    static func status(_ command: HCICommand, _ status: HCIStatus) -> [UInt8] {
        HCIEvent.commandStatus(HCICommandStatus(status: status, opcode: command.opcode)).packet
    }

    /// Whether `command` turns scanning on (legacy or extended).
    static func isEnable(_ command: HCICommand) -> Bool {
        (command.opcode == .leSetScanEnable || command.opcode == .leSetExtendedScanEnable) && command.parameters.first == 1
    }
}
