import CUdev
import Glibc

/// An owned libudev context. libudev objects are not thread-safe, so each context, and every
/// enumerator, device and monitor made from it, is used from the thread that owns this value.
final class UdevContext {
    let pointer: OpaquePointer

    init() throws(UdevError) {
        errno = 0
        guard let context = udev_new() else { throw UdevError(call: "udev_new", code: errno) }
        pointer = context
    }

    deinit { udev_unref(pointer) }
}

/// Read-only views of one `struct udev_device`; nothing here takes or drops a reference.
enum UdevDeviceView {
    static func string(_ text: UnsafePointer<CChar>?) -> String? {
        guard let text else { return nil }
        let value = String(cString: text)
        return value.isEmpty ? nil : value
    }

    static func property(_ device: OpaquePointer, _ key: String) -> String? {
        string(udev_device_get_property_value(device, key))
    }

    /// A sysfs attribute with trailing whitespace removed (sysfs values end in a newline).
    static func attribute(_ device: OpaquePointer, _ name: String) -> String? {
        guard let raw = string(udev_device_get_sysattr_value(device, name)) else { return nil }
        var trimmed = Substring(raw)
        while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
        return trimmed.isEmpty ? nil : String(trimmed)
    }

    /// The device's /dev links: libudev's list, and the `DEVLINKS` property for devices whose
    /// links are only recorded there (test beds, some container setups).
    static func links(_ device: OpaquePointer) -> [String] {
        var links: [String] = []
        var entry = udev_device_get_devlinks_list_entry(device)
        while let current = entry {
            if let name = string(udev_list_entry_get_name(current)) { links.append(name) }
            entry = udev_list_entry_get_next(current)
        }
        for link in (property(device, "DEVLINKS") ?? "").split(separator: " ") where !links.contains(String(link)) {
            links.append(String(link))
        }
        return links
    }
}
