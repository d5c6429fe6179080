#!/usr/bin/env python3
"""Writes the test vectors of firmware-protocol.md from an implementation independent of the Swift
code (COBS, CRC and layouts written from the spec alone), so the spec, this script and the Swift
decoder check one another. Usage: python3 tools/make_vectors.py > /tmp/vectors.md"""
import struct
from decimal import Decimal, ROUND_HALF_UP

def crc16(data: bytes) -> int:
    crc = 0xFFFF
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc

assert crc16(b"123456789") == 0x29B1

def cobs(data: bytes) -> bytes:
    out, block = bytearray(), bytearray()
    for b in data:
        if b == 0:
            out += bytes([len(block) + 1]) + block
            block = bytearray()
        else:
            block.append(b)
            if len(block) == 254:
                out += bytes([255]) + block
                block = bytearray()
    out += bytes([len(block) + 1]) + block
    return bytes(out)

def frame(mtype, seq, t_us, payload, version=0x10, corrupt=False):
    body = struct.pack("<BBHI", version, mtype, seq, t_us) + payload
    crc = crc16(body)
    if corrupt:
        crc ^= 0x0001
    return b"\x00" + cobs(body + struct.pack(">H", crc)) + b"\x00"

def fx(v, d):
    q = Decimal(v).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)
    s = format(q, "f")
    return "0" + s[1:] if False else ("-" + s[1:] if s.startswith("-") and q != 0 else s.lstrip("-") if q == 0 else s)

def imu_json(t, acc, gyro, mag=None, quat=None):
    s = '{"kind":"imu","t":%s,"acc_g":[%s],"gyro_dps":[%s]' % (
        fx(t, 6), ",".join(fx(a, 6) for a in acc), ",".join(fx(g, 4) for g in gyro))
    if mag is not None:
        s += ',"mag_ut":[%s]' % ",".join(fx(m, 1) for m in mag)
    if quat is not None:
        s += ',"quat":[%s]' % ",".join(fx(q, 5) for q in quat)
    return s + "}"

vectors = []
def vec(name, meaning, data, expect):
    vectors.append((name, meaning, data, expect))

# 1-3: host commands.
vec("ping", "host to device: ping, sequence 0, time 0, empty payload", frame(0x40, 0, 0, b""),
    ['{"t":0.000000,"kind":"command","command":"ping"}'])
vec("get-info", "host to device: get info, sequence 1", frame(0x41, 1, 0, b""),
    ['{"t":0.000000,"kind":"command","command":"get_info"}'])
vec("set-rate", "host to device: set rate, IMU 100 Hz, pressure 20 Hz", frame(0x44, 2, 0, struct.pack("<HH", 100, 20)),
    ['{"t":0.000000,"kind":"command","command":"set_rate","imu_hz":100,"pressure_hz":20}'])

# 4: device info with a 4-cell cushion (payload full of 0x00 bytes).
cells = [(60, 80), (60, -80), (-60, 80), (-60, -80)]
info = struct.pack("<BBHBBHHHHbbbB", 1, 2, 3, 0x13, 8, 2000, 0, 100, 20, 1, 2, 3, len(cells))
for x, y in cells:
    info += struct.pack("<hh", x, y)
info += bytes([6]) + b"GB-001" + bytes([10]) + b"GluteBelt1"
vec("device-info", "device info: firmware 1.2.3, accel+gyro+pressure, +-8 g, +-2000 deg/s, 100 Hz IMU, "
    "20 Hz cushion of 4 cells, default mount, serial GB-001, name GluteBelt1", frame(0x01, 0, 1000, info),
    ['{"t":0.001000,"kind":"info","firmware":"1.2.3","serial":"GB-001","name":"GluteBelt1",'
     '"sensors":["accel","gyro","pressure"],"accel_range_g":8,"gyro_range_dps":2000,"mag_range_ut":0,'
     '"imu_rate_hz":100,"pressure_rate_hz":20,"mount":[1,2,3],"cells_mm":[[60,80],[60,-80],[-60,80],[-60,-80]]}'])

# 5: IMU batch of 3 samples, still and upright (payload contains many 0x00 bytes).
samples = [((0, 0, 4096), (0, 0, 0)), ((-410, 12, 4075), (16, -33, 1)), ((-820, -5, 4014), (-16, 2, 0))]
p = struct.pack("<BBHBBH", len(samples), 0, 10000, 8, 0, 2000)
for a, g in samples:
    p += struct.pack("<6h", *a, *g)
vec("imu-batch", "IMU batch: 3 samples 10 ms apart from t = 2.5 s, +-8 g, +-2000 deg/s; upright, then tipping forward",
    frame(0x10, 7, 2_500_000, p),
    [imu_json(2.5 + i * 0.01, [c * 8 / 32768 for c in a], [c * 2000 / 32768 for c in g]) for i, (a, g) in enumerate(samples)])

# 6: IMU batch with magnetometer.
p = struct.pack("<BBHBBH", 1, 1, 10000, 16, 0, 500) + struct.pack("<9h", 2048, -2048, 0, 100, -100, 0, 200, -150, -400)
vec("imu-batch-mag", "IMU batch with magnetometer: 1 sample, +-16 g, +-500 deg/s, field in 0.1 uT counts",
    frame(0x10, 8, 2_550_000, p),
    [imu_json(2.55, [2048 * 16 / 32768, -2048 * 16 / 32768, 0], [100 * 500 / 32768, -100 * 500 / 32768, 0], [20.0, -15.0, -40.0])])

# 7: quaternion batch (on-chip fusion).
p = struct.pack("<BBHBBH", 2, 0, 20000, 4, 0, 250)
p += struct.pack("<10h", 0, 0, 8192, 0, 0, 0, 16384, 0, 0, 0)
p += struct.pack("<10h", 0, 0, 8192, 0, 0, 0, 11585, 0, 11585, 0)
vec("quaternion-batch", "IMU batch with on-chip quaternions: 2 samples 20 ms apart, +-4 g, +-250 deg/s; "
    "identity, then 90 deg about y", frame(0x11, 9, 3_000_000, p),
    [imu_json(3.0, [0, 0, 1], [0, 0, 0], quat=[1, 0, 0, 0]),
     imu_json(3.02, [0, 0, 1], [0, 0, 0], quat=[11585 / 16384, 0, 11585 / 16384, 0])])

# 8: pressure batch.
loads = [[0, 0, 0, 0], [5200, 4800, 2100, 1900]]
p = struct.pack("<BBH", 2, 4, 50000) + b"".join(struct.pack("<4H", *l) for l in loads)
vec("pressure-batch", "pressure batch: 2 samples of 4 cells 50 ms apart; empty seat, then seated",
    frame(0x12, 10, 4_000_000, p),
    ['{"kind":"pressure","t":4.000000,"cells_pa":[0,0,0,0]}',
     '{"kind":"pressure","t":4.050000,"cells_pa":[5200,4800,2100,1900]}'])

# 9-13: status, marker, error, ack, nak.
vec("status", "status: battery 87 %, 3950 mV, streaming, 31.25 C", frame(0x20, 11, 5_000_000, struct.pack("<BHHh", 87, 3950, 2, 3125)),
    ['{"t":5.000000,"kind":"status","battery_pct":87,"battery_mv":3950,"flags":2,"temperature_c":31.25}'])
vec("marker", "marker: button 0, long press", frame(0x21, 12, 5_100_000, bytes([0, 2])),
    ['{"t":5.100000,"kind":"marker","button":0,"press":"long"}'])
vec("error", "error: code 3, text \"gyro fault\"", frame(0x22, 13, 5_200_000, bytes([3, 10]) + b"gyro fault"),
    ['{"t":5.200000,"kind":"error","code":3,"text":"gyro fault"}'])
vec("ack", "ack of set rate (0x44) sent in frame 2", frame(0x60, 14, 5_300_000, struct.pack("<BH", 0x44, 2)),
    ['{"t":5.300000,"kind":"ack","command":68,"seq":2}'])
vec("nak", "nak of tare (0x45) sent in frame 3: busy", frame(0x61, 15, 5_400_000, struct.pack("<BHB", 0x45, 3, 3)),
    ['{"t":5.400000,"kind":"nak","command":69,"seq":3,"reason":3}'])

# 14: unknown type: skipped, counted.
vec("unknown-type", "type 0x7E, unknown to version 1.0: skipped and counted, never fatal",
    frame(0x7E, 16, 5_500_000, b"\x01\x02\x03"),
    ['{"kind":"anomaly","anomaly":"unknownType","count":1,"detail":"type 0x7E skipped"}'])

# 15: corrupt frame: the CRC's last bit flipped.
bad = frame(0x21, 17, 5_600_000, bytes([1, 1]), corrupt=True)
good_crc = crc16(struct.pack("<BBHI", 0x10, 0x21, 17, 5_600_000) + bytes([1, 1]))
vec("corrupt-crc", "a marker frame whose CRC does not match: reported, skipped", bad,
    ['{"kind":"anomaly","anomaly":"checksum","count":1,"detail":"CRC 0x%04X, expected 0x%04X"}' % (good_crc ^ 1, good_crc)])

# 16: sequence gap.
vec("sequence-gap", "two markers, sequence 20 then 23: 2 frames lost", frame(0x21, 20, 6_000_000, bytes([0, 1])) + frame(0x21, 23, 6_300_000, bytes([0, 1])),
    ['{"t":6.000000,"kind":"marker","button":0,"press":"short"}',
     '{"kind":"anomaly","anomaly":"gap","count":2,"detail":"sequence jumped to 23"}',
     '{"t":6.300000,"kind":"marker","button":0,"press":"short"}'])

# 17: garbage before a frame (receiver joined mid-stream).
vec("resync", "3 bytes of a frame cut off when the receiver started, then a marker",
    bytes([0x13, 0x37, 0x42]) + frame(0x21, 0, 0, bytes([2, 1])),
    ['{"kind":"anomaly","anomaly":"resync","count":3,"detail":"partial frame before the first delimiter"}',
     '{"t":0.000000,"kind":"marker","button":2,"press":"short"}'])

# 18: device clock wrap.
vec("clock-wrap", "markers at raw times 0xFFFFFF00 and 0x00000010 us: the host unwraps to 4294.967040 s and 4294.967312 s",
    frame(0x21, 30, 0xFFFFFF00, bytes([0, 1])) + frame(0x21, 31, 0x10, bytes([0, 1])),
    ['{"t":4294.967040,"kind":"marker","button":0,"press":"short"}',
     '{"t":4294.967312,"kind":"marker","button":0,"press":"short"}'])

# 19: a foreign major version.
vec("version-2", "a frame of protocol 2.0: skipped and counted", frame(0x21, 0, 0, bytes([0, 1]), version=0x20),
    ['{"kind":"anomaly","anomaly":"unsupportedVersion","count":1,"detail":"protocol 2.0"}'])

for name, meaning, data, expect in vectors:
    print("```vector")
    print("name: " + name)
    print("meaning: " + meaning)
    print("hex: " + " ".join("%02X" % b for b in data))
    for e in expect:
        print("expect: " + e)
    print("```")
    print()
