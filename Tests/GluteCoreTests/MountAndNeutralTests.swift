import Foundation
import GluteCore
import GluteWire
import Testing

@Suite struct MountTests {
    @Test func defaultIsIdentity() throws {
        let mount = try Mount(parsing: "x,y,z")
        #expect(mount == .standard)
        #expect(mount.bodyVector(Vector3(1, 2, 3)) == Vector3(1, 2, 3))
        #expect(mount.description == "x,y,z")
    }

    @Test func remapsAxes() throws {
        // Sensor turned 90 degrees about z: its -y points forward, its x points left.
        let mount = try Mount(parsing: "-y, x, +z")
        #expect(mount.bodyVector(Vector3(0, -1, 0)) == Vector3(1, 0, 0))
        #expect(mount.bodyVector(Vector3(1, 0, 0)) == Vector3(0, 1, 0))
        #expect(mount.bodyVector(Vector3(0, 0, 1)) == Vector3(0, 0, 1))
        #expect(mount.description == "-y,x,z")
        // A sensor whose +x points down (the sit2stand recording): up is -x.
        let down = try Mount(parsing: "z,y,-x")
        #expect(down.bodyVector(Vector3(-1, 0, 0)) == Vector3(0, 0, 1))
    }

    @Test func rejectsBadMounts() {
        for text in ["x,y", "x,x,z", "x,y,w", "x,y,-z", "y,x,z", ""] {
            #expect(throws: MountParseError.self) { try Mount(parsing: text) }
        }
    }
}

@Suite struct NeutralPoseTests {
    func still(tilt: Double = 0, obliquity: Double = 0) -> Vector3 {
        let t = tilt * .pi / 180, p = obliquity * .pi / 180
        // Anterior tilt reads (-sin t, 0, cos t); left drop reads (0, -sin p, cos p).
        return Vector3(-sin(t) * cos(p), -sin(p), cos(t) * cos(p))
    }

    @Test func tiltAndObliquitySigns() {
        let neutral = NeutralPose(up: Vector3(0, 0, 1))
        #expect(abs(neutral.tilt(of: still(tilt: 12)) - 12) < 1e-9)
        #expect(abs(neutral.tilt(of: still(tilt: -7)) + 7) < 1e-9)
        #expect(abs(neutral.obliquity(of: still(obliquity: 6)) - 6) < 1e-9)
        #expect(abs(neutral.obliquity(of: still(obliquity: -6)) + 6) < 1e-9)
        #expect(abs(neutral.angleFromNeutral(of: still(tilt: 30)) - 30) < 1e-9)
    }

    @Test func anglesAreRelativeToATiltedNeutral() {
        let neutral = NeutralPose(up: still(tilt: 8))
        #expect(abs(neutral.tilt(of: still(tilt: 18)) - 10) < 1e-9)
        #expect(abs(neutral.tilt(of: still(tilt: 8))) < 1e-9)
    }

    @Test func forwardHintParallelToUpFallsBack() {
        // A phone with x up: the default forward hint (x) is useless; another axis is chosen.
        let neutral = NeutralPose(up: Vector3(1, 0, 0))
        #expect(abs(Vector3.dot(neutral.forward, neutral.up)) < 1e-12)
        #expect(abs(neutral.forward.norm - 1) < 1e-12)
        #expect(abs(Vector3.dot(Vector3.cross(neutral.forward, neutral.left), neutral.up) - 1) < 1e-12)
    }
}
