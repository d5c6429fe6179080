import CUdev
import Glibc
import GluteWire

/// Reports serial devices being plugged in and pulled out, from udev's netlink broadcasts.
///
/// `pollDescriptor` is meant to sit in one `poll(2)` next to a `WakeUp`, so that a reconnect
/// loop sleeps until either a device changes or it is told to stop. Events arrive only while a
/// udev daemon runs (`UdevDaemon.isRunning`); without one the descriptor never becomes readable
/// and callers fall back to retrying with a backoff.
///
/// libudev is not thread-safe: create, poll and drain a monitor on one thread.
public final class HotplugMonitor {
    private let context: UdevContext
    private let monitor: OpaquePointer

    /// Starts listening at once; events that happen before the first `receive()` are queued in
    /// the socket, not lost.
    /// - Parameter subsystem: the kernel subsystem to watch; `tty` covers every serial port.
    public init(subsystem: String = "tty") throws(UdevError) {
        context = try UdevContext()
        errno = 0
        guard let monitor = udev_monitor_new_from_netlink(context.pointer, "udev") else {
            throw UdevError(call: "udev_monitor_new_from_netlink", code: errno)
        }
        self.monitor = monitor
        let filtered = udev_monitor_filter_add_match_subsystem_devtype(monitor, subsystem, nil)
        if filtered < 0 {
            udev_monitor_unref(monitor)
            throw UdevError(call: "udev_monitor_filter_add_match_subsystem_devtype", code: -filtered)
        }
        let enabled = udev_monitor_enable_receiving(monitor)
        if enabled < 0 {
            udev_monitor_unref(monitor)
            throw UdevError(call: "udev_monitor_enable_receiving", code: -enabled)
        }
    }

    deinit { udev_monitor_unref(monitor) }

    /// The descriptor to poll for `POLLIN`; non-blocking, owned by the monitor.
    public var pollDescriptor: CInt { udev_monitor_get_fd(monitor) }

    /// Every event already queued, oldest first; empty when there is none. Never blocks.
    public func receive() -> [HotplugEvent] {
        var events: [HotplugEvent] = []
        while let device = udev_monitor_receive_device(monitor) {
            defer { udev_device_unref(device) }
            guard let sysPath = UdevDeviceView.string(udev_device_get_syspath(device)) else { continue }
            let action = HotplugEvent.Action(UdevDeviceView.string(udev_device_get_action(device)) ?? "change")
            events.append(HotplugEvent(
                action: action,
                devnode: UdevDeviceView.string(udev_device_get_devnode(device)),
                sysPath: sysPath,
                device: SerialDeviceDiscovery.describe(device)))
        }
        return events
    }

    /// Blocks until events arrive, one of `interrupts` becomes readable (a `WakeUp`'s or a
    /// signal trap's descriptor), or `timeoutSeconds` pass (nil: no limit), then returns the
    /// queued events (empty after an interrupt or a timeout). Interrupts are left readable for
    /// the caller to see and reset.
    public func wait(timeoutSeconds: Double?, interrupts: [CInt] = []) throws(SystemError) -> [HotplugEvent] {
        var descriptors = [pollfd(fd: pollDescriptor, events: Int16(POLLIN), revents: 0)]
        for interrupt in interrupts { descriptors.append(pollfd(fd: interrupt, events: Int16(POLLIN), revents: 0)) }
        let deadline = timeoutSeconds.map { Posix.clock(CLOCK_MONOTONIC) + max(0, $0) }
        while true {
            let remaining = deadline.map { max(0, $0 - Posix.clock(CLOCK_MONOTONIC)) }
            let milliseconds = remaining.map { CInt(saturating: $0 * 1000, rounding: .up) } ?? -1
            if try Posix.poll(&descriptors, timeoutMilliseconds: milliseconds) == 0 { return [] }
            if descriptors.dropFirst().contains(where: { $0.revents != 0 }) { return [] }
            let events = receive()
            // A datagram that the filter dropped also wakes poll; keep waiting for a real event.
            if !events.isEmpty { return events }
            if let remaining, remaining <= 0 { return [] }
        }
    }
}
