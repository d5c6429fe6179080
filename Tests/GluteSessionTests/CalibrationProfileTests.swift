import Foundation
import GluteCore
import GluteSession
import GluteSettings
import GluteWire
import Testing

private func temporaryStore() -> (ProfileStore, URL) {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("gb-profiles-\(UUID().uuidString)")
    return (try! ProfileStore(environment: ["XDG_CONFIG_HOME": base.path, "HOME": "/nonexistent"]), base)
}

private func sampleProfile(_ name: String, mount: String = "x,y,z") -> CalibrationProfile {
    let up = Vector3(0.1, 0, 0.995).normalizedForTest
    let forward = Vector3(0.995, 0, -0.1).normalizedForTest
    return CalibrationProfile(name: name, created: "2026-01-02T03:04:05.000Z", up: up, forward: forward, mount: mount,
                              source: "sim:tilt", tiltRangeDeg: 14.9)
}

extension Vector3 {
    var normalizedForTest: Vector3 { self * (1 / norm) }
}

private func mode(_ path: String) throws -> Int {
    try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
}

@Suite("Calibration profiles on disk and their precedence")
struct CalibrationProfileTests {
    @Test func storeFollowsXDGConfigHomeThenHome() throws {
        let xdg = try ProfileStore(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/u"])
        #expect(xdg.path(for: "a") == "/x/cfg/glutebridge/profiles/a.json")
        let home = try ProfileStore(environment: ["HOME": "/home/u"])
        #expect(home.directory == "/home/u/.config/glutebridge/profiles")
        // A relative XDG_CONFIG_HOME is invalid per the spec and ignored.
        let relative = try ProfileStore(environment: ["XDG_CONFIG_HOME": "cfg", "HOME": "/home/u"])
        #expect(relative.directory == "/home/u/.config/glutebridge/profiles")
        #expect(throws: ProfileError.self) { try ProfileStore(environment: [:]) }
    }

    @Test func savesPrivatelyAndReadsBack() throws {
        let (store, base) = temporaryStore()
        defer { try? FileManager.default.removeItem(at: base) }
        let profile = sampleProfile("desk")
        let path = try store.save(profile)
        #expect(path == store.path(for: "desk"))
        #expect(try mode(path) == 0o600)
        #expect(try mode(store.directory) == 0o700)
        #expect(try mode(base.appendingPathComponent("glutebridge").path) == 0o700)
        #expect(try store.load(name: "desk") == profile)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(json["tilt_range_deg"] as? Double == 14.9)
        #expect(json["schema"] as? Int == 1)
        // Saving again replaces it and leaves no temporary file behind.
        var changed = profile
        changed.tiltRangeDeg = 12
        try store.save(changed)
        #expect(try store.load(name: "desk").tiltRangeDeg == 12)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory) == ["desk.json"])
    }

    @Test func badNamesAndFilesAreClearErrors() throws {
        let (store, base) = temporaryStore()
        defer { try? FileManager.default.removeItem(at: base) }
        for name in ["", "../etc", ".hidden", "a/b", String(repeating: "x", count: 65)] {
            #expect(throws: ProfileError.self) { try ProfileStore.validate(name: name) }
        }
        let missing = #expect(throws: ProfileError.self) { try store.load(name: "nope") }
        #expect(missing?.description.contains("glutebridge calibrate") == true)
        try store.save(sampleProfile("ok"))
        try Data("{\"name\": 1}".utf8).write(to: URL(fileURLWithPath: store.path(for: "broken")))
        let broken = #expect(throws: ProfileError.self) { try store.load(name: "broken") }
        #expect(broken?.description.contains("not a calibration profile") == true)
        var skewed = sampleProfile("skewed")
        skewed.forward = skewed.up
        try store.save(skewed)
        let skew = #expect(throws: ProfileError.self) { try store.load(name: "skewed") }
        #expect(skew?.description.contains("perpendicular") == true)
    }

    @Test func vectorsCarryOverToAnotherMount() throws {
        // The same physical directions, in the sensor frame.
        let sensorUp = Vector3(0.05, -0.1, 0.99).normalizedForTest
        let sensorForward = Vector3.cross(Vector3(0, 1, 0), sensorUp).normalizedForTest
        let calibrated = try Mount(parsing: "-y,x,z"), current = Mount.standard
        var profile = sampleProfile("m", mount: calibrated.description)
        profile.up = calibrated.bodyVector(sensorUp)
        profile.forward = calibrated.bodyVector(sensorForward)
        guard case let .fixed(gravity, forward?) = try profile.neutralSource(for: current) else {
            Issue.record("expected a fixed neutral")
            return
        }
        #expect((gravity - current.bodyVector(sensorUp)).norm < 1e-12)
        #expect((forward - current.bodyVector(sensorForward)).norm < 1e-12)
        #expect(try profile.neutralSource(for: calibrated) == .fixed(gravity: profile.up, forward: profile.forward))
    }

    @Test func precedenceIsWindowThenProfileThenDefaultThenAutomatic() throws {
        let (store, base) = temporaryStore()
        defer { try? FileManager.default.removeItem(at: base) }
        func settings(_ values: [String: String] = [:]) throws -> ResolvedSettings {
            try ResolvedSettings.resolve(options: OptionValues(values: values), config: nil)
        }
        // Nothing saved: automatic, and nothing to say.
        var plain = try settings()
        let none = try ProfileSelection.apply(name: nil, to: &plain, store: store)
        #expect(none.profile == nil && none.note == nil)
        #expect(plain.pipeline.neutral == .automatic)
        // A named profile that does not exist is an error, not a silent fallback.
        #expect(throws: ProfileError.self) { var s = try settings(); _ = try ProfileSelection.apply(name: "desk", to: &s, store: store) }

        let desk = sampleProfile("desk", mount: "-y,x,z")
        try store.save(desk)
        var named = try settings()
        let chosen = try ProfileSelection.apply(name: "desk", to: &named, store: store)
        #expect(chosen.profile == desk)
        #expect(chosen.note?.contains("'desk'") == true)
        #expect(named.pipeline.neutral == .fixed(gravity: desk.up, forward: desk.forward))
        #expect(named.pipeline.mount.description == "-y,x,z", "the profile's mount when none is given")

        // No default yet: automatic.
        var unnamed = try settings()
        _ = try ProfileSelection.apply(name: nil, to: &unnamed, store: store)
        #expect(unnamed.pipeline.neutral == .automatic)
        let fallback = sampleProfile(ProfileStore.defaultName)
        try store.save(fallback)
        var defaulted = try settings()
        let d = try ProfileSelection.apply(name: nil, to: &defaulted, store: store)
        #expect(d.profile?.name == "default")
        #expect(defaulted.pipeline.neutral == .fixed(gravity: fallback.up, forward: fallback.forward))

        // --neutral wins over both.
        var windowed = try settings(["neutral": "2..12"])
        let w = try ProfileSelection.apply(name: "desk", to: &windowed, store: store)
        #expect(w.profile == nil)
        #expect(w.note?.contains("not used") == true)
        #expect(windowed.pipeline.neutral == .window(start: 2, end: 12))
    }
}
