"""Runs two FieldOps builds alternately and prints the A/B table (see run.sh)."""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "literature"))
import compare  # noqa: E402  (the literature benchmark's reader, checker and PyVRP runner)

DEFAULT_INSTANCES = "C104,R101,R105,R109,R202,R208,RC101,RC105,RC202,RC207"
MEASURES = {
    "model build": r"model build \| ([\d.]+) s",
    "construction": r"construction \(first plan\) \| ([\d.]+) s",
    "first feasible": r"first feasible plan .*? \| ([\d.]+) s",
    "moves/s": r"moves evaluated per second .*? \| (\d+)",
}


def commit(directory):
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=directory).stdout.strip()


def loadavg():
    return open("/proc/loadavg").read().split()[0]


def scheduler_benchmark(directory):
    binary = os.path.join(directory, "benchmarks", ".build", "release", "SchedulerBenchmark")
    out = subprocess.run(["taskset", "-c", "0", binary], capture_output=True, text=True, cwd=os.path.join(directory, "benchmarks")).stdout
    values = {}
    for name, pattern in MEASURES.items():
        match = re.search(pattern, out)
        values[name] = float(match.group(1)) if match else float("nan")
    return values


def paired_run(directory, instance, limit, seed):
    """FieldOps on core 0 and PyVRP on core 1, started together; both distances checked here."""
    fieldops = os.path.join(directory, ".build", "release", "fieldops")
    ours = subprocess.Popen(["taskset", "-c", "0", fieldops, "vrptw", instance.path, "--time-limit", str(limit),
                             "--seed", str(seed), "--json"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peer = subprocess.Popen(["taskset", "-c", "1", sys.executable, os.path.abspath(__file__), "--pyvrp-one", instance.path,
                             "--time-limit", str(limit), "--seed", str(seed)], stdout=subprocess.PIPE, text=True)
    our_out, _ = ours.communicate()
    peer_out, _ = peer.communicate()
    routes = json.loads(our_out)["routes"]
    ok, distance, violations = compare.check(instance, routes)
    peer_ok, peer_distance, peer_violations = compare.check(instance, json.loads(peer_out))
    if not ok or not peer_ok:
        raise RuntimeError(f"{instance.name}: infeasible: {violations[:2]} {peer_violations[:2]}")
    return distance, peer_distance


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--before")
    parser.add_argument("--after")
    parser.add_argument("--data")
    parser.add_argument("--time-limit", type=float, default=5)
    parser.add_argument("--instances", default=DEFAULT_INSTANCES)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default="")
    parser.add_argument("--pyvrp-one", default="")
    args = parser.parse_args()
    if args.pyvrp_one:
        print(json.dumps(compare.solve_pyvrp(compare.read_solomon(args.pyvrp_one), args.time_limit, args.seed)))
        return

    builds = {"before": args.before, "after": args.after}
    commits = {name: commit(path) for name, path in builds.items()}
    loads = [loadavg()]
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())

    # 1. Scheduler benchmark, alternately: before, after, before, after…
    scheduler = {name: [] for name in builds}
    for round_ in range(args.rounds):
        order = ["before", "after"] if round_ % 2 == 0 else ["after", "before"]
        for name in order:
            values = scheduler_benchmark(builds[name])
            scheduler[name].append(values)
            print(f"scheduler {name} {commits[name]}: {values}", file=sys.stderr, flush=True)
    loads.append(loadavg())

    # 2. Solomon, FieldOps ÷ PyVRP from runs side by side; the build that goes first alternates per instance.
    folder = os.path.join(args.data, "vrptw", "solomon")
    rows = []
    for k, name in enumerate(args.instances.split(",")):
        instance = compare.read_solomon(os.path.join(folder, f"{name}.txt"))
        ratios = {}
        for build in (["before", "after"] if k % 2 == 0 else ["after", "before"]):
            ours, peer = paired_run(builds[build], instance, args.time_limit, args.seed)
            ratios[build] = (ours, peer, ours / peer)
            print(f"{name:6} {build:6} fieldops {ours:9.2f}  pyvrp {peer:9.2f}  ratio {ours / peer:.4f}", file=sys.stderr, flush=True)
        rows.append((name, ratios))
    loads.append(loadavg())

    lines = [f"# A/B: {commits['before']} (before) against {commits['after']} (after) — {started}", ""]
    lines.append(f"Command: `bash benchmarks/ab/run.sh {commits['before']} {commits['after']} --time-limit {args.time_limit:g} "
                 f"--rounds {args.rounds}`; machine: {compare.machine()}; load average (1 min) at the start, after the "
                 f"scheduler benchmark and at the end: {', '.join(loads)}.")
    lines.append("")
    lines.append(f"Scheduler benchmark (`SchedulerBenchmark`, taskset core 0), {args.rounds} runs each, alternately; mean (runs):")
    lines.append("")
    lines.append("| measure | before | after | after ÷ before |")
    lines.append("|---|---|---|---|")
    for measure in MEASURES:
        b = [run[measure] for run in scheduler["before"]]
        a = [run[measure] for run in scheduler["after"]]
        fmt = (lambda v: f"{v:.0f}") if measure == "moves/s" else (lambda v: f"{v:.2f} s")
        lines.append(f"| {measure} | {fmt(statistics.mean(b))} ({', '.join(fmt(v) for v in b)}) | "
                     f"{fmt(statistics.mean(a))} ({', '.join(fmt(v) for v in a)}) | {statistics.mean(a) / statistics.mean(b):.3f} |")
    lines.append("")
    lines.append(f"Solomon at {args.time_limit:g} s, seed {args.seed}: FieldOps on core 0 and PyVRP on core 1 at the same time; "
                 "distances from the literature checker:")
    lines.append("")
    lines.append("| instance | before | PyVRP beside it | ratio before | after | PyVRP beside it | ratio after |")
    lines.append("|---|---|---|---|---|---|---|")
    for name, ratios in rows:
        b, a = ratios["before"], ratios["after"]
        lines.append(f"| {name} | {b[0]:.2f} | {b[1]:.2f} | {b[2]:.4f} | {a[0]:.2f} | {a[1]:.2f} | {a[2]:.4f} |")
    mean_b = statistics.mean(r["before"][2] for _, r in rows)
    mean_a = statistics.mean(r["after"][2] for _, r in rows)
    lines.append(f"| mean | | | {mean_b:.4f} | | | {mean_a:.4f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        with open(args.out, "w") as file:
            file.write(text)


if __name__ == "__main__":
    main()
