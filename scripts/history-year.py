#!/usr/bin/env python3
"""Writes a year of daily event logs (events-YYYY-MM-DD.jsonl) for `glutebridge history` to read:
365 files, about 1,000 events a day (postures with `since`, alerts, breaks, tilt episodes,
squeezes, reps and sets), as the monitor would with --output-dir. Deterministic (seeded).

    scripts/history-year.py DIR [--days 365] [--end 2026-12-31] [--events 1000]
    time glutebridge history DIR --days 365 --json > /dev/null
"""
import argparse, datetime, os, random

def iso(epoch):
    d = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)

def day_lines(date, rng, target):
    start = datetime.datetime(date.year, date.month, date.day, 8, tzinfo=datetime.timezone.utc).timestamp()
    lines = ['{"schema":1,"type":"session","t":0,"time":"%s","source":"sim:desk-day","tool":"history-year.py"}' % iso(start)]
    t, posture = 0.0, "standing"
    def emit(kind, extra):
        lines.append('{"type":"%s","t":%s,"time":"%s"%s}' % (kind, round(t, 3), iso(start + t), extra))
    while len(lines) < target and t < 10 * 3600:
        t += rng.uniform(5, 60)
        r = rng.random()
        if r < 0.08:
            new = "sitting" if posture != "sitting" else rng.choice(["standing", "walking"])
            emit("posture", ',"posture":"%s","since":%s,"previous":"%s"' % (new, round(t - 5, 3), posture))
            posture = new
        elif r < 0.10 and posture == "sitting":
            emit("sitting.prolonged", ',"since":%s,"duration_s":2700,"limit_s":2700' % round(t - 2700, 3))
        elif r < 0.12 and posture != "sitting":
            emit("sitting.break", ',"bout_s":1800,"break_s":120')
        elif r < 0.30:
            emit("tilt.anterior.start", ',"angle":14.2,"threshold":12,"delay_s":5')
            t += rng.uniform(3, 20)
            emit("tilt.anterior.end", ',"peak":16.1,"threshold":12,"duration_s":%s' % round(rng.uniform(5, 25), 3))
        elif r < 0.70:
            emit("squeeze", ',"start":%s,"duration_s":4.2,"side":"both","strength":0.62,"source":"imu"' % round(t - 4.2, 3))
        elif r < 0.98:
            emit("exercise.rep", ',"rep":3,"hold_s":5.1,"target_s":5,"short":false')
        else:
            emit("exercise.set", ',"reps":10,"target_reps":10,"short_reps":1,"mean_hold_s":4.9')
    lines.append('{"type":"session.end","t":%s,"time":"%s","reason":"stop"}' % (round(t + 1, 3), iso(start + t + 1)))
    return lines

def main():
    p = argparse.ArgumentParser()
    p.add_argument("dir")
    p.add_argument("--days", type=int, default=365)
    p.add_argument("--end", default="2026-12-31")
    p.add_argument("--events", type=int, default=1000)
    a = p.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    rng = random.Random(17)
    end = datetime.date.fromisoformat(a.end)
    total = 0
    for i in range(a.days):
        date = end - datetime.timedelta(days=a.days - 1 - i)
        lines = day_lines(date, rng, a.events)
        path = os.path.join(a.dir, "events-%s.jsonl" % date.isoformat())
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write("\n".join(lines) + "\n")
        total += len(lines)
    print("%d files, %d lines in %s" % (a.days, total, a.dir))

if __name__ == "__main__":
    main()
