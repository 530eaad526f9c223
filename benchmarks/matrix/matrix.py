"""Measures FieldOps on a large routing-engine matrix (see run.sh): the same problem and figures given as .npy side
files, as JSON side files and inline, each validated and planned; prints a Markdown table and writes it to --out."""
import argparse, datetime, json, math, os, platform, re, subprocess, sys, tempfile, time
import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("--fieldops", required=True)
parser.add_argument("--time-limit", type=float, default=10)
parser.add_argument("--orders", type=int, default=5000)
parser.add_argument("--technicians", type=int, default=300)
parser.add_argument("--days", type=int, default=5)
parser.add_argument("--forms", default="npy,json,inline")
parser.add_argument("--out")
args = parser.parse_args()

work = tempfile.mkdtemp(prefix="fieldops-matrix-")
problem_path = os.path.join(work, "generated.json")
subprocess.run([args.fieldops, "generate", "--orders", str(args.orders), "--technicians", str(args.technicians),
                "--days", str(args.days), "--seed", "1", "--out", problem_path], check=True, stdout=subprocess.DEVNULL)
problem = json.load(open(problem_path))

# A routing engine's figures: great-circle metres × 1.3 with ±15% per pair (roads are not symmetric or straight),
# driven at 30 km/h, seconds with one decimal as OSRM gives them.
points = [(t["homeBase"]["lat"], t["homeBase"]["lon"]) for t in problem["technicians"]] + \
         [(o["site"]["location"]["lat"], o["site"]["location"]["lon"]) for o in problem["orders"]]
lat = np.radians(np.array([p[0] for p in points]))
lon = np.radians(np.array([p[1] for p in points]))
h = np.sin((lat[:, None] - lat[None, :]) / 2) ** 2 + np.cos(lat[:, None]) * np.cos(lat[None, :]) * np.sin((lon[:, None] - lon[None, :]) / 2) ** 2
metres = 2 * 6_371_008.8 * np.arcsin(np.sqrt(np.clip(h, 0, 1))) * 1.3
noise = np.random.default_rng(1).uniform(0.85, 1.15, metres.shape)
metres = np.round(metres * noise)
np.fill_diagonal(metres, 0)
seconds = np.round(metres / (30_000 / 3600), 1)
size = len(points)
locations = [t["id"] for t in problem["technicians"]] + [o["number"] for o in problem["orders"]]
del h, noise

def write_problem(name, travel):
    problem["travel"] = travel
    path = os.path.join(work, name)
    with open(path, "w") as f:
        json.dump(problem, f)
    return path

forms = {}
if "npy" in args.forms:
    np.save(os.path.join(work, "durations.npy"), seconds.astype("<f8"))
    np.save(os.path.join(work, "distances.npy"), metres.astype("<i4"))
    forms["side files (.npy: float64 seconds, int32 metres)"] = write_problem("problem-npy.json", {
        "model": "matrix", "durationsFile": "durations.npy", "distancesFile": "distances.npy", "locations": locations})
if "json" in args.forms:
    for name, table, decimals in [("durations.json", seconds, 1), ("distances.json", metres, 0)]:
        with open(os.path.join(work, name), "w") as f:
            f.write("[\n" + ",\n".join("[" + ",".join(("%.1f" % v) if decimals else str(int(v)) for v in row) + "]" for row in table) + "\n]\n")
    forms["side files (JSON)"] = write_problem("problem-json.json", {
        "model": "matrix", "durationsFile": "durations.json", "distancesFile": "distances.json", "locations": locations})
if "inline" in args.forms:
    path = os.path.join(work, "problem-inline.json")
    problem["travel"] = {"model": "matrix", "locations": locations, "durations": "DURATIONS", "distances": "DISTANCES"}
    text = json.dumps(problem)
    rows = lambda table, fmt: "[" + ",".join("[" + ",".join(fmt(v) for v in row) + "]" for row in table) + "]"
    with open(path, "w") as f:
        head, rest = text.split('"DURATIONS"')
        middle, tail = rest.split('"DISTANCES"')
        f.write(head); f.write(rows(seconds, lambda v: "%.1f" % v)); f.write(middle); f.write(rows(metres, lambda v: str(int(v)))); f.write(tail)
    forms["inline in the problem"] = path
del seconds, metres

def measured(command):
    """Wall seconds, peak resident MB and the exit status of `command`, from GNU time."""
    started = time.monotonic()
    result = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
    wall = time.monotonic() - started
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024
    if result.returncode != 0:
        print(result.stdout[-2000:], result.stderr[-2000:], file=sys.stderr)
    return wall, peak, result.returncode

raw_mb = size * size * 4 * 2 / 2**20
lines = [
    "# Large travel matrices",
    "",
    "- Date: %s; machine: %s, %d cores; FieldOps %s" % (
        datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), platform.processor() or platform.machine(),
        os.cpu_count(), subprocess.run(["git", "-C", os.path.dirname(os.path.abspath(__file__)), "rev-parse", "--short", "HEAD"],
                                       capture_output=True, text=True).stdout.strip()),
    "- Problem: %d orders × %d technicians × %d days, matrix of %d locations (raw tables %.0f MB at 4 bytes an entry)" % (
        args.orders, args.technicians, args.days, size, raw_mb),
    "- Command: `bash benchmarks/matrix/run.sh --time-limit %g`; load average at the start: %s" % (
        args.time_limit, " ".join("%.2f" % x for x in os.getloadavg())),
    "",
    "| matrix given as | files | validate: wall | validate: peak | plan: wall (search %g s) | plan: wall − search | plan: peak | plan file |" % args.time_limit,
    "|---|---:|---:|---:|---:|---:|---:|---:|",
]
for label, path in forms.items():
    files = [path] + [os.path.join(work, n) for n in os.listdir(work) if label.startswith("side files (.npy") and n.endswith(".npy")
                      or label == "side files (JSON)" and n in ("durations.json", "distances.json")]
    size_mb = sum(os.path.getsize(f) for f in files) / 2**20
    vwall, vpeak, vstatus = measured([args.fieldops, "validate", path])
    plan_path = os.path.join(work, "plan.json")
    pwall, ppeak, pstatus = measured([args.fieldops, "plan", path, "--time-limit", str(args.time_limit), "--out", plan_path, "--no-color"])
    plan_mb = os.path.getsize(plan_path) / 2**20 if pstatus == 0 else float("nan")
    lines.append("| %s | %.0f MB | %.1f s%s | %.0f MB | %.1f s%s | %.1f s | %.0f MB | %.1f MB |" % (
        label, size_mb, vwall, "" if vstatus == 0 else " (exit %d)" % vstatus, vpeak, pwall,
        "" if pstatus == 0 else " (exit %d)" % pstatus, pwall - args.time_limit, ppeak, plan_mb))
    print(lines[-1], file=sys.stderr)
text = "\n".join(lines) + "\n"
print(text)
if args.out:
    open(args.out, "w").write(text)
