import Foundation
@testable import GluteMQTT
import Testing

@Suite struct MQTTSpoolTests {
    private func scratchPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("gb-spool-\(UUID().uuidString)/mqtt-spool/desk1").path
    }

    @Test func keepsOrderAcrossAppendsAndTakesAndIsPrivate() throws {
        let path = scratchPath()
        let spool = try MQTTSpool(path: path)
        #expect(spool.isEmpty && !FileManager.default.fileExists(atPath: path), "no file until something waits")
        #expect(try spool.append(["a", "b", "c"]) == 3)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try spool.take(2) == ["a", "b"])
        #expect(try spool.append(["d"]) == 1)
        #expect(try spool.take(10) == ["c", "d"])
        #expect(spool.isEmpty && !FileManager.default.fileExists(atPath: path), "an emptied spool leaves no file")
    }

    @Test func refusesWhatDoesNotFitAndCountsBytes() throws {
        let spool = try MQTTSpool(path: scratchPath(), maxMessages: 3, maxBytes: 1_000)
        #expect(try spool.append(["1", "2"]) == 2)
        #expect(try spool.append(["3", "4", "5"]) == 1)
        #expect(spool.count == 3 && spool.bytes == 6)
        let small = try MQTTSpool(path: scratchPath(), maxMessages: 100, maxBytes: 10)
        #expect(try small.append(["12345", "12345"]) == 1, "the second would make 12 bytes")
    }

    @Test func aLaterRunFindsWhatWasLeftUnacknowledgedFirst() throws {
        let path = scratchPath()
        let spool = try MQTTSpool(path: path)
        _ = try spool.append(["s1", "s2", "s3"])
        _ = try spool.take(1)  // s1 sent...
        try spool.persist(front: ["f1", "s1"])  // ...but not acknowledged: it goes back in front
        spool.close()
        let next = try MQTTSpool(path: path)
        #expect(next.count == 4)
        #expect(try next.take(10) == ["f1", "s1", "s2", "s3"])
    }

    @Test func aLineCutShortByACrashIsDropped() throws {
        let path = scratchPath()
        let spool = try MQTTSpool(path: path)
        _ = try spool.append(["whole"])
        spool.close()
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"seq\":2,\"ty".utf8))
        try handle.close()
        let next = try MQTTSpool(path: path)
        #expect(next.count == 1)
        #expect(try next.append(["after"]) == 1)
        #expect(try next.take(10) == ["whole", "after"], "the fragment must not glue onto the next message")
    }
}

@Suite struct MQTTOutboxTests {
    @Test func unacknowledgedThenSpooledThenRecent() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gb-outbox-\(UUID().uuidString)/d").path
        let outbox = MQTTOutbox(spool: try MQTTSpool(path: path), memoryLimit: 2)
        outbox.add("e1", linkUp: true)
        outbox.add("e2", linkUp: true)
        for (id, payload) in outbox.next(10).enumerated() { outbox.sent(payload, id: Int32(id + 1)) }
        outbox.acknowledged(1)
        outbox.linkLost()  // e2 was in flight
        outbox.add("e3", linkUp: false)  // the link is down: to the spool
        outbox.add("e4", linkUp: true)
        outbox.add("e5", linkUp: true)
        outbox.add("e6", linkUp: true)  // memory full: e4, e5 go to the spool, e6 follows
        #expect(outbox.spooled == 4 && outbox.waiting == 5)
        #expect(outbox.next(2) == ["e2", "e3"])
        outbox.add("e7", linkUp: true)
        #expect(outbox.next(10) == ["e4", "e5", "e6", "e7"])
        #expect(outbox.dropped == 0)
    }

    @Test func withoutSpoolMemoryIsBoundedAndDropsAreCounted() {
        let outbox = MQTTOutbox(spool: nil, memoryLimit: 2)
        #expect(outbox.add("a", linkUp: false) && outbox.add("b", linkUp: false))
        #expect(!outbox.add("c", linkUp: false))
        #expect(outbox.dropped == 1 && outbox.next(10) == ["a", "b"])
    }
}
