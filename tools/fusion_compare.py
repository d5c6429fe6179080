#!/usr/bin/env python3
"""Side-by-side helper for the orientation filter: runs x-io's Fusion (PyPI imufusion) on the
Fusion example recording and reports how closely it reproduces the reference outputs in
../shared/data/fusion (and, optionally, how a CSV of our own Euler angles compares).

Not used by the tests. On first use it creates its own virtual environment under /tmp and
pip-installs imufusion there; nothing is installed into the project or the system.

    python3 tools/fusion_compare.py [--data DIR] [--ours FILE.csv]

--ours takes a CSV with a header and columns time_s, roll_deg, pitch_deg, yaw_deg (one row per
sensor_data.csv row) and is compared with both references.
"""
import argparse
import math
import os
import subprocess
import sys

VENV = "/tmp/glutebridge-fusion-venv"
IMUFUSION = "imufusion==1.3.3"  # the version that produced the reference files


def ensure_imufusion():
    try:
        import imufusion  # noqa: F401
        import numpy  # noqa: F401
        return
    except ImportError:
        pass
    if os.environ.get("FUSION_COMPARE_IN_VENV"):
        sys.exit("imufusion is still missing inside " + VENV)
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    subprocess.check_call([python, "-m", "pip", "install", "--quiet", IMUFUSION, "numpy"])
    os.environ["FUSION_COMPARE_IN_VENV"] = "1"
    os.execv(python, [python, os.path.abspath(__file__)] + sys.argv[1:])


def read_csv(path):
    with open(path) as f:
        header = f.readline().strip().split(",")
        rows = [[float(v) for v in line.split(",")] for line in f if line.strip()]
    return header, rows


def wrapped_rms(a, b):
    total = 0.0
    for x, y in zip(a, b):
        d = math.remainder(x - y, 360.0)
        total += d * d
    return math.sqrt(total / len(a))


def report(label, euler, reference_rows):
    parts = []
    for axis, name in enumerate(("roll", "pitch", "yaw")):
        mine = [e[axis] for e in euler]
        ref = [r[1 + axis] for r in reference_rows]
        parts.append("%s %.3g" % (name, wrapped_rms(mine, ref)))
    print("%-44s RMS deg: %s" % (label, ", ".join(parts)))


def run_simple_6axis(imufusion, numpy, rows):
    ahrs = imufusion.Ahrs()
    ahrs.set_settings(imufusion.AhrsSettings(sample_rate=100, convention=imufusion.CONVENTION_NWU, gain=0.5))
    ahrs.set_sample_period(1 / 100)
    euler = []
    for r in rows:
        ahrs.update_no_magnetometer(numpy.array(r[1:4]), numpy.array(r[4:7]))
        euler.append(imufusion.quaternion_to_euler(ahrs.get_quaternion()))
    return euler


def run_9axis(imufusion, numpy, rows, stationary_period):
    bias = imufusion.Bias()
    bias.set_settings(imufusion.BiasSettings(sample_rate=100, stationary_threshold=3, stationary_period=stationary_period))
    ahrs = imufusion.Ahrs()
    ahrs.set_settings(imufusion.AhrsSettings(sample_rate=100, convention=imufusion.CONVENTION_NWU, gain=0.5,
                                             gyroscope_range=2000, acceleration_rejection=10,
                                             magnetic_rejection=10, rejection_timeout=5))
    euler = []
    previous = rows[0][0]
    for r in rows:
        ahrs.set_sample_period(r[0] - previous)
        previous = r[0]
        gyro = bias.update(numpy.array(r[1:4]))
        ahrs.update(gyro, numpy.array(r[4:7]), numpy.array(r[7:10]))
        euler.append(imufusion.quaternion_to_euler(ahrs.get_quaternion()))
    return euler


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.path.join(root, "..", "shared", "data", "fusion"))
    parser.add_argument("--ours", help="CSV of our Euler angles: time_s, roll_deg, pitch_deg, yaw_deg")
    args = parser.parse_args()
    ensure_imufusion()
    import imufusion
    import numpy

    _, rows = read_csv(os.path.join(args.data, "sensor_data.csv"))
    _, simple_ref = read_csv(os.path.join(args.data, "fusion_euler_simple_6axis.csv"))
    _, full_ref = read_csv(os.path.join(args.data, "fusion_euler.csv"))
    print("%d samples from %s" % (len(rows), args.data))

    report("imufusion simple 6-axis vs reference", run_simple_6axis(imufusion, numpy, rows), simple_ref)
    for period in (3, 5):
        report("imufusion 9-axis (bias still %g s) vs reference" % period,
               run_9axis(imufusion, numpy, rows, period), full_ref)
    if args.ours:
        _, ours = read_csv(args.ours)
        euler = [r[1:4] for r in ours]
        report("ours vs simple 6-axis reference", euler, simple_ref)
        report("ours vs 9-axis reference", euler, full_ref)


if __name__ == "__main__":
    main()
