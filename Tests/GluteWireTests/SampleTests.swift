import Testing
@testable import GluteWire

@Test func vectorArithmetic() {
    let a = Vector3(1, 2, 2)
    #expect(a.norm == 3)
    #expect(Vector3.cross(Vector3(1, 0, 0), Vector3(0, 1, 0)) == Vector3(0, 0, 1))
}
