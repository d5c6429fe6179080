import Glibc
import GluteDevices
import GluteLiveView
import GluteLog
import Testing
@testable import GluteCore
@testable import GluteSession
import GluteWire

@Suite("Live view renderer")
struct LiveViewRendererTests {
    typealias F = LiveViewFixtures
    let highlight = "\u{1B}[1;97;41m"

    func plain(_ state: LiveViewState, _ width: Int = 80, _ height: Int = 24) -> [String] {
        LiveViewRenderer.render(state, width: width, height: height, color: false)
    }

    func line(_ lines: [String], containing text: String) throws -> String {
        try #require(lines.first { $0.contains(text) }, "no line contains \(text): \(lines)")
    }

    @Test func uncalibratedAsksToStandStill() throws {
        let lines = plain(F.uncalibrated)
        let posture = try line(lines, containing: "Posture")
        #expect(posture.contains("calibrating: stand still"))
        #expect(try line(lines, containing: "Tilt").contains("waiting for neutral"))
        #expect(!lines.joined().contains("TILTED"))
        #expect(lines[0].contains("WT901"))
    }

    @Test func standingTiltedShowsPostureDurationGaugeAndHighlight() throws {
        let lines = plain(F.tiltedStanding)
        let posture = try line(lines, containing: "Posture")
        #expect(posture.contains("STANDING for 2m00s"))
        #expect(posture.contains("TILTED FORWARD 1m02s"))
        let tilt = try line(lines, containing: "Tilt ")
        #expect(tilt.contains("+18.3°"))
        #expect(tilt.hasSuffix("limit 10°"))

        // Neutral tick, then the limit mark, then the needle: 18.3° is past a 10° limit.
        let gauge = Array(tilt)
        let zero = try #require(gauge.firstIndex(of: "┼"))
        let mark = try #require(gauge.firstIndex(of: "┃"))
        let needle = try #require(gauge.firstIndex(of: "●"))
        #expect(zero < mark && mark < needle)
        // The fill runs from neutral to the needle, over the limit mark's neighbours.
        #expect(gauge[(zero + 1)..<mark].allSatisfy { $0 == "━" })
        #expect(gauge[(mark + 1)..<needle].allSatisfy { $0 == "━" })
        // Scale -limit...2*limit: the limit sits twice as far from the start as neutral does.
        let start = try #require(gauge.firstIndex { $0 == "─" || $0 == "┼" })
        #expect(abs((mark - start) - 2 * (zero - start)) <= 1)

        let colored = LiveViewRenderer.render(F.tiltedStanding, width: 80, height: 24, color: true)
        let coloredTilt = try line(colored, containing: "Tilt")
        #expect(coloredTilt.contains(highlight + " +18.3°"))
        #expect(try line(colored, containing: "Posture").contains(highlight + " TILTED FORWARD"))
    }

    @Test func highlightOnlyWhenTiltedPastTheLimit() throws {
        var calm = F.tiltedStanding
        calm.snapshot.tilt = 4
        calm.snapshot.tilted = false
        calm.tiltSince = nil
        let calmLines = LiveViewRenderer.render(calm, width: 80, height: 24, color: true)
        #expect(!calmLines.joined().contains(highlight))
        #expect(!calmLines.joined().contains("TILTED"))
        // The needle now sits between neutral and the limit.
        let tilt = Array(F.stripped(try line(calmLines, containing: "Tilt")))
        let zero = try #require(tilt.firstIndex(of: "┼")), mark = try #require(tilt.firstIndex(of: "┃"))
        let needle = try #require(tilt.firstIndex(of: "●"))
        #expect(zero < needle && needle < mark)

        // Over the limit but still within the tilt delay: caution colour, not the highlight.
        var over = calm
        over.snapshot.tilt = 12
        let overLines = LiveViewRenderer.render(over, width: 80, height: 24, color: true)
        #expect(!overLines.joined().contains(highlight))
        #expect(try line(overLines, containing: "Tilt").contains("\u{1B}[33m +12.0°"))
    }

    @Test func sittingTwentyNineMinutesFillsTheBarNearlyFull() throws {
        let lines = plain(F.sittingNearLimit)
        #expect(try line(lines, containing: "Posture").contains("SITTING for 29m00s"))
        let sitting = try line(lines, containing: "Sitting")
        #expect(sitting.contains("29m00s / 30m"))
        #expect(!sitting.contains("STAND UP"))
        let cells = Array(sitting)
        let partials: Set<Character> = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        let full = cells.filter { $0 == "█" }.count
        let partial = cells.filter { partials.contains($0) }.count
        let empty = cells.filter { $0 == "░" }.count
        let total = full + partial + empty
        #expect(total >= 20)
        #expect(empty >= 1)
        let filled = Double(full) + Double(partial) * 0.5
        #expect(abs(filled / Double(total) - 1740.0 / 1800.0) <= 1.0 / Double(total))
        #expect(try line(lines, containing: "Last break").contains("29m00s ago (08:48, 2m40s)"))
        #expect(try line(lines, containing: "Squeezes").contains("12"))
        #expect(try line(lines, containing: "Squeezes").contains("3 this set, 27 in all"))

        var past = F.sittingNearLimit
        past.snapshot.sittingBout = 2700
        let pastLine = try line(plain(past), containing: "Sitting")
        #expect(pastLine.contains("45m00s / 30m"))
        #expect(pastLine.contains("STAND UP"))
        #expect(!pastLine.contains("░"))
    }

    @Test func disconnectedSaysWhyAndMarksValuesAsLastKnown() throws {
        let lines = plain(F.disconnected)
        #expect(lines[0].contains("link lost"))
        #expect(try line(lines, containing: "Posture").contains("(last known)"))
        #expect(lines.contains { $0.contains("Link lost: read: Input/output error · reconnecting in 2 s") })
        #expect(!plain(F.sittingNearLimit).joined().contains("last known"))
    }

    @Test func manyEventsShowTheNewestThatFit() throws {
        let state = F.manyEvents
        let lines = plain(state)
        #expect(lines.count == 24)
        let title = try #require(lines.firstIndex { $0.contains("Recent events") })
        let footer = lines.count - 1
        let shown = lines[(title + 1)..<(footer - 1)]
        #expect(shown.count >= 8)
        // Newest first: the last event is at the top, one second apart going down.
        let newest = state.recentEvents.last!
        #expect(shown.first!.contains(ClockText.time(newest.wall, utcOffset: 0)))
        #expect(shown.first!.contains("Gap of 1.2s in the data, 12 frames lost"))
        let oldestShown = state.recentEvents[state.recentEvents.count - shown.count]
        #expect(shown.last!.contains(ClockText.time(oldestShown.wall, utcOffset: 0)))
        #expect(!lines.contains { $0.contains(ClockText.time(state.recentEvents[0].wall, utcOffset: 0)) })
        #expect(lines[footer].contains("IMU 100 Hz"))
    }

    @Test(arguments: [(40, 12), (41, 13), (50, 16), (59, 20), (60, 24), (80, 24), (132, 40), (200, 60), (20, 6)])
    func noLineIsWiderThanTheTerminal(size: (Int, Int)) {
        let (width, height) = size
        for (name, state) in F.all {
            for color in [false, true] {
                for unicode in [false, true] {
                    let lines = LiveViewRenderer.render(state, width: width, height: height, color: color, unicode: unicode)
                    #expect(lines.count <= height, "\(name) \(width)x\(height)")
                    for line in lines {
                        #expect(F.visibleColumns(line) <= width, "\(name) \(width)x\(height): \(F.stripped(line))")
                    }
                }
            }
        }
    }

    @Test func smallestSupportedSizeKeepsTheEssentials() throws {
        for (name, state) in F.all {
            let lines = plain(state, 40, 12)
            #expect(lines.count == 12, "\(name)")
            for label in ["Posture", "Sitting", "Tilt", "Squeezes"] {
                #expect(lines.contains { $0.hasPrefix(" " + label) }, "\(name) lacks \(label): \(lines)")
            }
            #expect(lines[0].hasPrefix(" " + String(state.source.prefix(4))))
        }
        let tilted = plain(F.tiltedStanding, 40, 12)
        #expect(try line(tilted, containing: "Posture").contains("TILTED"))
        #expect(try line(tilted, containing: "Tilt ").contains("+18.3°"))
    }

    @Test func deviceTextIsEscaped() throws {
        let evil = "WT\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m"
        var state = F.state(F.snapshot(posture: .sitting, postureFor: 10, tilt: 1, obliquity: 0, sittingBout: 10),
                            link: .connected(device: evil), source: "ble:" + evil)
        state.record(TimedEvent(event: Event(time: 1, kind: .linkConnected(device: evil)), wall: F.wallNow - 5))
        state.record(TimedEvent(event: Event(time: 2, kind: .linkDisconnected(reason: evil)), wall: F.wallNow - 1))
        state.message = "retrying " + evil
        for color in [false, true] {
            let text = LiveViewRenderer.render(state, width: 200, height: 30, color: color).joined(separator: "\n")
            #expect(text.contains("WT\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m"))
            #expect(!text.unicodeScalars.contains { $0 == "\u{07}" || $0 == "\u{9B}" })
            // The only escape sequences left are the renderer's own SGR codes.
            var rest = Substring(text)
            while let escape = rest.firstIndex(of: "\u{1B}") {
                let after = rest[rest.index(after: escape)...]
                #expect(color && after.hasPrefix("["))
                let end = try #require(after.firstIndex { $0.isLetter })
                #expect(after[end] == "m" && after[after.index(after: after.startIndex)..<end].allSatisfy { $0.isNumber || $0 == ";" })
                rest = after[end...]
            }
        }
    }

    @Test func bleHeaderShowsProfileAndBatteryBesideTheAddress() throws {
        let state = F.state(F.snapshot(posture: .standing, postureFor: 6, tilt: 0, obliquity: 0, sittingBout: 0),
                            link: .connected(device: "ble:C0:FF:EE:00:00:01 (witmotion, battery 87 %)"), source: "ble:C0:FF:EE:00:00:01")
        let header = F.stripped(LiveViewRenderer.render(state, width: 100, height: 24, color: false)[0])
        #expect(header.contains("witmotion, battery 87 %"), "\(header)")
        // The address is the title; it is not repeated in the link status.
        #expect(header.components(separatedBy: "C0:FF:EE:00:00:01").count == 2, "\(header)")
    }

    @Test func wideCharactersCountTwoColumns() {
        #expect(DisplayWidth.columns("abc") == 3)
        #expect(DisplayWidth.columns("漢字") == 4)
        #expect(DisplayWidth.columns("e\u{301}") == 1)
        #expect(DisplayWidth.columns("🙂") == 2)
        #expect(DisplayWidth.columns("█░━┃●°…") == 7)
        // A name in wide characters is cut on a character boundary, never past the width.
        let state = F.state(F.snapshot(posture: .sitting, postureFor: 60, tilt: 1, obliquity: 0, sittingBout: 60),
                            link: .connected(device: "坐垫传感器🙂坐垫传感器🙂坐垫传感器"), source: "ble:坐垫传感器坐垫传感器坐垫传感器坐垫")
        for width in 40...81 {
            for line in LiveViewRenderer.render(state, width: width, height: 24, color: true) {
                #expect(F.visibleColumns(line) <= width, "\(width): \(F.stripped(line))")
            }
        }
    }

    @Test func noEscapeCodesWithoutColour() {
        for (name, state) in F.all {
            for unicode in [false, true] {
                let text = LiveViewRenderer.render(state, width: 80, height: 24, color: false, unicode: unicode).joined()
                #expect(!text.contains("\u{1B}"), "\(name)")
                if !unicode { #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(name): \(text)") }
            }
        }
        let colored = LiveViewRenderer.render(F.sittingNearLimit, width: 80, height: 24, color: true).joined()
        #expect(colored.contains("\u{1B}["))
    }

    @Test func statusFooterShowsSpeedQuietHoursAndLinkQuality() throws {
        var state = F.sittingNearLimit
        state.speed = 4
        state.alertsMuted = true
        state.statistics.lostFrames = 100
        state.statistics.checksumErrors = 20
        let footer = try #require(plain(state).last)
        #expect(footer.contains("alerts muted"))
        #expect(footer.contains("×4 speed"))
        // 12 000 good of 12 120 expected.
        #expect(footer.contains("link 99.0%"))
        #expect(footer.contains("lost 100"))
        #expect(footer.contains("bad 20"))
        state.speed = 1
        #expect(!plain(state).last!.contains("speed"))
    }

    @Test func cushionOnlySaysSoInsteadOfCalibrating() throws {
        let (_, cushion) = try #require(F.all.first { $0.0 == "cushion" })
        let lines = plain(cushion)
        #expect(try line(lines, containing: "Tilt").contains("no IMU (cushion only)"))
        #expect(try line(lines, containing: "Posture").contains("SITTING for 1h06m"))
        #expect(lines.contains { $0.contains("Stream ended: end of file") })
        #expect(lines.last!.contains("cushion 20 Hz"))
        // The stream has ended: its last values stay, but there is nothing to act on.
        #expect(try line(lines, containing: "Sitting").contains("1h06m / 30m"))
        #expect(!lines.joined().contains("STAND UP"))
    }
}

/// `LIVEVIEW_SAMPLE=WIDTHxHEIGHT swift test --filter LiveViewSample` prints sample frames, to look
/// at the layout; without the variable there is nothing to check.
@Suite("Live view sample")
struct LiveViewSample {
    @Test(.enabled(if: getenv("LIVEVIEW_SAMPLE") != nil, "set LIVEVIEW_SAMPLE=80x24 to print sample frames"))
    func printSampleFrames() throws {
        let size = String(cString: getenv("LIVEVIEW_SAMPLE")!).split(separator: "x").compactMap { Int($0) }
        let (width, height) = size.count == 2 ? (size[0], size[1]) : (80, 24)
        for (name, state) in LiveViewFixtures.all {
            var state = state
            if name == "sitting" { state.recentEvents = Array(LiveViewFixtures.events(6).suffix(6)) }
            let lines = LiveViewRenderer.render(state, width: width, height: height, color: false,
                                                unicode: getenv("LIVEVIEW_ASCII") == nil)
            print("=== \(name) \(width)x\(height)")
            print("+" + String(repeating: "-", count: width) + "+")
            for line in lines {
                print("|" + line + String(repeating: " ", count: max(0, width - LiveViewFixtures.visibleColumns(line))) + "|")
            }
            print("+" + String(repeating: "-", count: width) + "+")
            #expect(lines.count <= height)
        }
    }
}

/// `LIVEVIEW_DEMO=SECONDS` runs the view on this process's terminal (stdout) for that long, with a
/// tilt swinging past the limit, to watch it and to try Ctrl-C and Ctrl-Z by hand;
/// `LIVEVIEW_DEMO_DIE=exit` or `=crash` ends the process two seconds in without `leave()`.
@Suite("Live view demo")
struct LiveViewDemo {
    @Test(.enabled(if: getenv("LIVEVIEW_DEMO") != nil, "set LIVEVIEW_DEMO=SECONDS to watch the view on a terminal"))
    func runOnThisTerminal() throws {
        let seconds = Double(String(cString: getenv("LIVEVIEW_DEMO")!)) ?? 10
        let screen = try #require(TerminalScreen(fd: 1))
        var state = LiveViewFixtures.sittingNearLimit
        state.recentEvents = LiveViewFixtures.events(12)
        screen.enter()
        defer { screen.leave() }
        let frames = Int(seconds * 5)
        for frame in 0..<frames {
            let t = Double(frame) / 5
            state.wallNow = LiveViewFixtures.wallNow + t
            state.snapshot.time = LiveViewFixtures.streamNow + t
            state.snapshot.sittingBout = 1740 + t * 10
            state.snapshot.tilt = 8 + 6 * sin(t / 2)
            state.snapshot.tilted = state.snapshot.tilt! > 12
            let size = screen.size
            screen.draw(LiveViewRenderer.render(state, width: size.width, height: size.height,
                                                color: screen.capabilities.color, unicode: screen.capabilities.unicode))
            _ = poll(nil, 0, 200)
            // Fatal paths, to check by hand that the terminal still comes back.
            if frame == 10, let how = getenv("LIVEVIEW_DEMO_DIE").map({ String(cString: $0) }) {
                if how == "exit" { exit(3) }
                if how == "crash" { fatalError("live view demo: deliberate crash") }
            }
        }
        #expect(screen.isEntered)
    }
}
