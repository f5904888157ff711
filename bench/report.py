#!/usr/bin/env python3
"""Reads what bench/run produced (Gatling stats, pgbench output, samples) and prints the results table."""
import glob
import json
import os
import re
import sys


def stats(folder):
    """Gatling writes its figures as a JavaScript object (js/stats.js); keys are made JSON here."""
    files = glob.glob(os.path.join(folder, "*", "js", "stats.js"))
    if not files:
        return None
    with open(files[0]) as f:
        text = f.read()
    start = text.index("{", text.index("var stats"))
    depth = 0
    for end in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[end], 0)
        if depth == 0:
            break
    return json.loads(re.sub(r'(^|[{,\s])([A-Za-z_][A-Za-z0-9_]*)\s*:', r'\1"\2":', text[start:end + 1]))


def request(folder, name):
    data = stats(folder)
    if data is None:
        return None
    for entry in data.get("contents", {}).values():
        if entry.get("name") == name:
            return entry["stats"]
    return None


def all_requests(out):
    """Every request of every Gatling run in this bench run (warm-ups included): name -> stats, per run."""
    for folder in sorted(glob.glob(os.path.join(out, "*", ""))):
        data = stats(folder)
        for entry in (data or {}).get("contents", {}).values():
            yield entry["name"], entry["stats"]


def per_second(stat, seconds):
    """A measured phase's throughput: its requests over its duration. Gatling's own mean divides by the
    whole simulation, which includes the warm-up phase that ran before it under other names."""
    if not stat:
        return None
    return int(stat["numberOfRequests"]["ok"]) / float(seconds)


def figure(stat, key):
    if not stat or key not in stat:
        return None
    try:
        return float(stat[key]["ok"])
    except ValueError:
        return None


ORDER_LINES = 3  # as StockSimulation's orderLines


def pgbench_tps(path):
    try:
        with open(path) as f:
            match = re.search(r"tps = ([0-9.]+)", f.read())
        return float(match.group(1)) if match else None
    except OSError:
        return None


def lean(out, row):
    """A lean row's wrk figures and what settling its unsettled sales found (bench/lean), or None."""
    try:
        with open(os.path.join(out, f"lean-{row}.txt")) as f:
            settled = [line for line in f if line.startswith("SETTLED ")]
    except OSError:
        return None
    return json.loads(settled[-1][len("SETTLED "):]) if settled else None


def lean_errors(result):
    return result["statusErrors"] + result["socketErrors"] + result["settleFailures"] if result else 0


def fmt(value, digits=0):
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}"


def cold_rows(out, seconds, rows):
    """A restarted side under its scenario's full load from the moment it reports ready (bench/run, cold), as a
    share of the same scenario warm; and each side's time to ready."""
    try:
        with open(os.path.join(out, "cold.txt")) as f:
            cold_seconds = int(f.read().strip())
    except (OSError, ValueError):
        cold_seconds = None
    for scenario, name, side in (("S1", "S1 sale", "command side"), ("S3", "S3 batch read", "query side")):
        cold = request(os.path.join(out, f"gatling-cold-{scenario}"), name)
        warm = per_second(request(os.path.join(out, f"gatling-{scenario}"), name), seconds)
        rate = per_second(cold, cold_seconds) if cold_seconds else None
        share = rate / warm if rate and warm else None
        rows.append([f"{scenario} cold: first {cold_seconds} s after the {side} is ready (share of warm {scenario})",
                     fmt(rate), fmt(figure(cold, "percentiles1"), 1), fmt(figure(cold, "percentiles2"), 1),
                     fmt(figure(cold, "percentiles3"), 1), fmt(int(cold["numberOfRequests"]["ko"]) if cold else None),
                     fmt(warm) + f" (warm {scenario})", fmt(share, 2), ">= 0.8", "yes" if share and share >= 0.8 else "no"])
    ready = []
    for side in ("command-side-cold", "query-side-cold"):
        try:
            with open(os.path.join(out, f"ready-{side}.txt")) as f:
                ready.append(float(f.read().strip()))
        except (OSError, ValueError):
            ready.append(None)
    rows.append(["time to ready after start: command side / query side (s)",
                 " / ".join(fmt(r, 2) for r in ready), "", "", "", "", "", "", "<= 3 s",
                 "yes" if all(r is not None and r <= 3 for r in ready) else "no"])


def main():
    if sys.argv[1] == "rate":
        stat = request(sys.argv[2], sys.argv[3])
        print(per_second(stat, sys.argv[4]) or 1)
        return
    out, seconds, clients = sys.argv[2], sys.argv[3], sys.argv[4]
    rows = []
    ko_total = 0
    ok_sales = 0

    def service_row(scenario, folder, name, baseline_log, target, target_ratio):
        nonlocal ko_total
        stat = request(os.path.join(out, folder), name)
        tput = per_second(stat, seconds)
        ko = int(stat["numberOfRequests"]["ko"]) if stat else None
        ko_total += ko or 0
        base = pgbench_tps(os.path.join(out, baseline_log)) if baseline_log else None
        ratio = tput / base if tput and base else None
        met = "yes" if ratio is not None and ratio >= target_ratio else "no"
        rows.append([scenario, fmt(tput), fmt(figure(stat, "percentiles1"), 1), fmt(figure(stat, "percentiles2"), 1),
                     fmt(figure(stat, "percentiles3"), 1), fmt(ko), fmt(base), fmt(ratio, 2), target, met])
        return stat

    def lean_row(scenario, row, baseline_log, target, target_ratio):
        nonlocal ko_total
        result = lean(out, row)
        tput = (result["requests"] - result["statusErrors"]) / result["seconds"] if result else None
        ko_total += lean_errors(result)
        base = pgbench_tps(os.path.join(out, baseline_log))
        ratio = tput / base if tput and base else None
        rows.append([scenario, fmt(tput)] + [fmt(result[key], 1) if result else "n/a" for key in ("p50", "p99", "p999")]
                    + [fmt(lean_errors(result)) if result else "n/a", fmt(base), fmt(ratio, 2), target,
                       "yes" if ratio is not None and ratio >= target_ratio else "no"])
        return result

    s1 = service_row("S1 sales, 10,000 products", "gatling-S1", "S1 sale", "baseline-S1.log", ">= 0.8x", 0.8)
    s1_rate = per_second(s1, seconds)
    s1_lean = lean_row("S1 sales, lean client (wrk, as pgbench drives the baseline)", "S1", "baseline-S1.log",
                       ">= 0.8x", 0.8)
    service_row("S1 at one client (p50: no worse than before)", "gatling-S1x1", "S1 sale", "baseline-S1x1.log",
                "report", 0)
    rows[-1][-1] = "-"
    order = request(os.path.join(out, "gatling-S7"), "S7 order")
    lines = per_second(order, seconds) * ORDER_LINES if order else None
    ko_total += int(order["numberOfRequests"]["ko"]) if order else 0
    rows.append([f"S7 whole orders of {ORDER_LINES} lines: lines/s (ratio vs S1 sales/s)", fmt(lines),
                 fmt(figure(order, "percentiles1"), 1), fmt(figure(order, "percentiles2"), 1),
                 fmt(figure(order, "percentiles3"), 1), fmt(int(order["numberOfRequests"]["ko"]) if order else None),
                 fmt(s1_rate) + " (S1)", fmt(lines / s1_rate if lines and s1_rate else None, 2), ">= 1.0x",
                 "yes" if lines and s1_rate and lines >= s1_rate else "no"])
    service_row("S2 sales, one hot product", "gatling-S2", "S2 sale", "baseline-S2.log", ">= 2.0x", 2.0)
    service_row("S2 at 64 clients (a flash sale)", "gatling-S2x64", "S2 sale", "baseline-S2x64.log", "report", 0)
    rows[-1][-1] = "-"
    service_row("S3 batch read of 50", "gatling-S3", "S3 batch read", "baseline-S3.log", ">= 1.0x", 1.0)
    s3_lean = lean_row("S3 batch read of 50, lean client (wrk)", "S3", "baseline-S3.log", ">= 1.0x", 1.0)
    cold_rows(out, seconds, rows)
    # every acknowledged sale moved stock, warm-ups included; the deep product is left out of the fold
    for name, stat in all_requests(out):
        if name.endswith(" sale"):
            ok_sales += int(stat["numberOfRequests"]["ok"])
        elif name.endswith(" order"):
            ok_sales += ORDER_LINES * int(stat["numberOfRequests"]["ok"])
    all_ko = sum(int(stat["numberOfRequests"]["ko"]) for _, stat in all_requests(out))
    # every order a lean run generated is acknowledged once settled: answered in the run or when sent again
    ok_sales += s1_lean["generated"] if s1_lean else 0
    all_ko += lean_errors(s1_lean) + lean_errors(s3_lean)

    sale4 = request(os.path.join(out, "gatling-S4"), "S4 sale")
    visible = request(os.path.join(out, "gatling-S4"), "S4 visible")
    for stat in (sale4, visible):
        ko_total += int(stat["numberOfRequests"]["ko"]) if stat else 0
    p99 = figure(visible, "percentiles2")
    probes = int((visible or {}).get("numberOfRequests", {}).get("total", 0))
    rows.append([f"S4 lag at half of S1 (p99 of {probes:,} visibility probes)", fmt(per_second(sale4, seconds)),
                 fmt(figure(visible, "percentiles1"), 1), fmt(p99, 1), fmt(figure(visible, "percentiles3"), 1),
                 fmt(int((visible or {}).get("numberOfRequests", {}).get("ko", 0))), "", "", "<= 20 ms",
                 "yes" if p99 is not None and p99 <= 20 else "no"])

    one = request(os.path.join(out, "gatling-S4x1"), "S4x1 visible")
    one_p99 = figure(one, "percentiles2")
    ko_total += int(one["numberOfRequests"]["ko"]) if one else 0
    rows.append(["S4x1 lag at one sale at a time (visibility probe)", fmt(per_second(one, seconds)),
                 fmt(figure(one, "percentiles1"), 1), fmt(one_p99, 1), fmt(figure(one, "percentiles3"), 1),
                 fmt(int(one["numberOfRequests"]["ko"]) if one else None), "", "", "<= 10 ms",
                 "yes" if one_p99 is not None and one_p99 <= 10 else "no"])

    try:
        with open(os.path.join(out, "idle.txt")) as f:
            statements, ticks, hz = (int(x) for x in f.read().split())
        per_second_q = statements / 60.0
        cpu = ticks / float(hz) / 60.0 * 100
        rows.append(["I1 idle query side, 60 s: statements/s, CPU % of a core", f"{per_second_q:.2f} q/s",
                     "", "", "", "", "", f"{cpu:.2f}%", "<= 1 q/s, <= 1%",
                     "yes" if per_second_q <= 1 and cpu <= 1 else "no"])
    except (OSError, ValueError):
        rows.append(["I1 idle query side", "n/a", "", "", "", "", "", "", "<= 1 q/s, <= 1%", "no"])

    try:
        with open(os.path.join(out, "m1.txt")) as f:
            heap_kb, rss_kb = (int(x) for x in f.read().split())
        rows.append(["M1 query side with 1,000,000 stock lines (heap after GC MiB / RSS MiB)",
                     f"{heap_kb / 1024:,.0f} / {rss_kb / 1024:,.0f}", "", "", "", "", "", "", "report", "-"])
    except (OSError, ValueError):
        rows.append(["M1 query side with 1,000,000 stock lines", "n/a", "", "", "", "", "", "", "report", "-"])

    try:
        with open(os.path.join(out, "replay.txt")) as f:
            events, start, end, scan_ms = f.read().split()
        rate = int(events) / (float(end) - float(start))
        scan = int(events) / (float(scan_ms) / 1000)
        rows.append([f"S5 replay of {int(events):,} events", fmt(rate) + " ev/s", "", "", "", "0",
                     fmt(scan) + " ev/s (SQL scan)", fmt(rate / scan, 2), ">= 50,000 ev/s", "yes" if rate >= 50000 else "no"])
    except (OSError, ValueError):
        rows.append(["S5 replay", "n/a", "", "", "", "", "", "", ">= 50,000 ev/s", "no"])

    try:
        with open(os.path.join(out, "s6.json")) as f:
            s6 = json.load(f)
        deep, fresh = s6["deep"], s6["new"]
        ok_sales += fresh["ok"]
        ko_total += deep["errors"] + fresh["errors"]
        ratio = deep["p50"] / fresh["p50"]
        rows.append([f"S6 sale, 100k-event product vs new ({deep['ok']:,} each)", "",
                     f"{fmt(deep['p50'], 2)} vs {fmt(fresh['p50'], 2)}", fmt(deep["p99"], 1), fmt(deep["p999"], 1),
                     fmt(deep["errors"] + fresh["errors"]), "", fmt(ratio, 2), "p50 ratio <= 1.5",
                     "yes" if ratio <= 1.5 else "no"])
    except (OSError, ValueError, KeyError, ZeroDivisionError):
        rows.append(["S6 sale, 100k-event product vs new", "n/a", "", "", "", "", "", "", "p50 ratio <= 1.5", "no"])

    for label, name in (("under S1, command-side", "command-side"), ("under S1, query-side", "query-side"),
                        ("under S3, query-side", "query-side-S3")):
        try:
            with open(os.path.join(out, f"rss-{name}.txt")) as f:
                peak = max(int(line) for line in f if line.strip()) / 1024
        except (OSError, ValueError):
            peak = None
        rows.append([f"memory {label} (peak RSS MiB)", "", "", "", "", "", "", "", "<= 768 MiB",
                     "yes" if peak is not None and peak <= 768 else "no"])
        rows[-1][1] = fmt(peak)

    header = ["scenario", "service req/s", "p50 ms", "p99 ms", "p99.9 ms", "errors", "baseline tps", "ratio", "target", "met"]
    print(f"\n{seconds} s per scenario, {clients} clients unless the row says otherwise\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")

    with open(os.path.join(out, "consistency.json")) as f:
        mismatches = len(json.load(f)["mismatches"])
    with open(os.path.join(out, "sale-events.txt")) as f:
        sale_events = int(f.read().strip())
    with open(os.path.join(out, "stock-sum.txt")) as f:
        stock = int(f.read().strip())
    # the 10,000 products and the hot one start with 10^9 units each, and so does S6's new product
    products = 10_000 + 1 + (1 if os.path.exists(os.path.join(out, "s6.json")) else 0)
    expected_stock = products * 1_000_000_000 - ok_sales
    print(f"\nend state: errors {all_ko} (in the measured phases {ko_total}); consistency mismatches {mismatches}; "
          f"sale events {sale_events:,} for {ok_sales:,} acknowledged sales; "
          f"stock {stock:,} (fold of the commands: {expected_stock:,}) -> "
          + ("correct" if all_ko == 0 and mismatches == 0 and sale_events == ok_sales and stock == expected_stock else "NOT CORRECT"))


if __name__ == "__main__":
    main()
