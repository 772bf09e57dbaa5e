#!/usr/bin/python3
# An independent account of the weekly streak, from the CSV a runner
# imports, written with Python's own calendar (datetime) rather than the
# kiosk's day numbers, to check what --history --json says.
#
# weekly_streak(csv_path, now, target, routines, paused) -> the expected
# "weekly_streak" object. now: "YYYY-MM-DDTHH:MM+HH:MM", the --now given;
# paused: the Mondays (ISO dates) of the paused weeks. A session counts when
# it is completed, of a streak routine, stamped 2020 or later and not marked
# clock_suspect (the kiosk's clock rules for an import; no training_day
# column).
# A session's day is its local date less three hours (a 00:30 session
# belongs to the evening before); weeks run Monday to Sunday.
import csv
import datetime as dt

CUTOFF = dt.timedelta(hours=3)


def day_of(stamp):
    t = dt.datetime.fromisoformat(stamp)
    return (t - CUTOFF).date()


def monday(d):
    return d - dt.timedelta(days=d.weekday())


def counted_days(csv_path, routines):
    days = []
    sane = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
    with open(csv_path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            t = dt.datetime.fromisoformat(row["started_at"])
            suspect = t < sane or row.get("clock_suspect") == "yes"
            if (not suspect and row["completed"] == "yes"
                    and row["routine"] in routines):
                days.append(day_of(row["started_at"]))
    return days


def weekly_streak(csv_path, now, target=2, routines=("ultra-legs",),
                  paused=()):
    today = day_of(now)
    this_week = monday(today)
    paused = {dt.date.fromisoformat(p) for p in paused}
    count = {}
    for d in counted_days(csv_path, routines):
        if d <= this_week + dt.timedelta(days=6):
            count[monday(d)] = count.get(monday(d), 0) + 1
    weeks = []
    w = min(count) if count else this_week
    while w <= this_week:
        weeks.append(w)
        w += dt.timedelta(weeks=1)
    runs = []  # [first met Monday, last met Monday, length]
    run = None
    for w in weeks:
        if w in paused:
            continue
        if count.get(w, 0) >= target:
            if run is None:
                run = [w, w, 0]
                runs.append(run)
            run[1] = w
            run[2] += 1
        elif w != this_week:
            run = None
    current = run[2] if run else 0
    best = None
    for r in runs:
        if best is None or r[2] > best[2]:
            best = r
    n = count.get(this_week, 0)
    status = ("paused" if this_week in paused
              else "met" if n >= target else "open")
    sunday = dt.timedelta(days=6)
    return {
        "current": current,
        "longest": best[2] if best else 0,
        "status": status,
        "current_from": run[0].isoformat() if run else None,
        "longest_from": best[0].isoformat() if best else None,
        "longest_to": (best[1] + sunday).isoformat() if best else None,
        "needed_this_week": max(0, target - n) if status == "open" else 0,
        "deadline": (this_week + sunday).isoformat(),
    }
