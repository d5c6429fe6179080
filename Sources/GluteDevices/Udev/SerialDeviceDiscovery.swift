import CUdev
import Glibc

/// Lists the serial devices a sensor could be behind, through libudev.
///
/// Reads /sys and the udev database only; opens no device, so it works without permission on
/// the ports themselves. Works without a running udevd too (properties then come from the
/// kernel alone, without by-id links or our rules' tags).
public enum SerialDeviceDiscovery {
    /// Every tty with a real device behind it, sorted by devnode. Virtual terminals, ptys and the
    /// placeholder `ttyS*` ports the 8250 driver registers without hardware are left out.
    public static func candidates() throws(UdevError) -> [SerialDeviceInfo] {
        let context = try UdevContext()
        guard let enumerator = udev_enumerate_new(context.pointer) else {
            throw UdevError(call: "udev_enumerate_new", code: errno)
        }
        defer { udev_enumerate_unref(enumerator) }
        _ = udev_enumerate_add_match_subsystem(enumerator, "tty")
        let scanned = udev_enumerate_scan_devices(enumerator)
        if scanned < 0 { throw UdevError(call: "udev_enumerate_scan_devices", code: -scanned) }

        var found: [SerialDeviceInfo] = []
        var entry = udev_enumerate_get_list_entry(enumerator)
        while let current = entry {
            entry = udev_list_entry_get_next(current)
            guard let path = udev_list_entry_get_name(current),
                  let device = udev_device_new_from_syspath(context.pointer, path) else { continue }
            defer { udev_device_unref(device) }
            if let info = describe(device) { found.append(info) }
        }
        return found.sorted { $0.devnode < $1.devnode }
    }

    /// What udev knows about one tty, or nil when it is not a candidate (no node, no hardware).
    static func describe(_ device: OpaquePointer) -> SerialDeviceInfo? {
        guard let devnode = UdevDeviceView.string(udev_device_get_devnode(device)),
              let sysPath = UdevDeviceView.string(udev_device_get_syspath(device)) else { return nil }
        // Virtual ttys (tty0..63, console, ptmx, pts) have no parent device at all.
        guard let parent = hardwareParent(of: device) else { return nil }
        let sysName = UdevDeviceView.string(udev_device_get_sysname(device)) ?? ""
        if sysName.hasPrefix("ttyS"), UdevDeviceView.string(udev_device_get_subsystem(parent)) == "platform" {
            // serial8250 registers ttyS0..31 whether or not a UART exists; real ones sit on pnp or pci.
            return nil
        }

        let usbDevice = udev_device_get_parent_with_subsystem_devtype(device, "usb", "usb_device")
        let usbInterface = udev_device_get_parent_with_subsystem_devtype(device, "usb", "usb_interface")
        let vendorID = UdevDeviceView.property(device, "ID_VENDOR_ID") ?? usbDevice.flatMap { UdevDeviceView.attribute($0, "idVendor") }
        let productID = UdevDeviceView.property(device, "ID_MODEL_ID") ?? usbDevice.flatMap { UdevDeviceView.attribute($0, "idProduct") }
        let serial = UdevDeviceView.property(device, "ID_SERIAL_SHORT") ?? usbDevice.flatMap { UdevDeviceView.attribute($0, "serial") }
        let product = usbDevice.flatMap { UdevDeviceView.attribute($0, "product") }
            ?? UdevDeviceView.property(device, "ID_MODEL").map { $0.replacing("_", with: " ") }
        let driver = UdevDeviceView.property(device, "ID_USB_DRIVER")
            ?? usbInterface.flatMap { UdevDeviceView.string(udev_device_get_driver($0)) }
            ?? UdevDeviceView.string(udev_device_get_driver(parent))
        let links = UdevDeviceView.links(device)
        let tag = UdevDeviceView.property(device, "GLUTEBRIDGE_PROTOCOL")

        return SerialDeviceInfo(
            devnode: devnode, sysPath: sysPath,
            byIDPath: links.first { $0.hasPrefix("/dev/serial/by-id/") },
            stableLinks: links.filter { $0.hasPrefix("/dev/glutebridge-") },
            vendorID: vendorID?.lowercased(), productID: productID?.lowercased(),
            serialNumber: serial, product: product, driver: driver,
            taggedByRules: tag != nil,
            expectedProtocol: .classify(property: tag, vendorID: vendorID, productID: productID, product: product))
    }

    /// The device a tty hangs off, skipping the `serial-base` controller and port devices that
    /// kernels since 6.5 insert between a UART and its tty (their driver is always "port").
    private static func hardwareParent(of device: OpaquePointer) -> OpaquePointer? {
        var parent = udev_device_get_parent(device)
        while let current = parent, UdevDeviceView.string(udev_device_get_subsystem(current)) == "serial-base" {
            parent = udev_device_get_parent(current)
        }
        return parent
    }
}
