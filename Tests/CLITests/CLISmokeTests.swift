import Testing
import Foundation

@Test func placeholderUntilBinaryTests() {
    #expect(FileManager.default.fileExists(atPath: "Package.swift"))
}
