"""Plans each problem with one thread and with --threads N, in turns, and tabulates the scores (see run.sh)."""
import argparse, datetime, json, os, platform, statistics, subprocess, sys, tempfile

parser = argparse.ArgumentParser()
parser.add_argument("--fieldops", required=True)
parser.add_argument("--demo", required=True)
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--time-limit", type=float, default=10)
parser.add_argument("--seeds", default="2,3,4")
parser.add_argument("--sizes", default="demo,1000x100x1")
parser.add_argument("--out")
args = parser.parse_args()
work = tempfile.mkdtemp(prefix="fieldops-threads-")
seeds = [int(s) for s in args.seeds.split(",")]
load = " ".join("%.2f" % x for x in os.getloadavg())


def problems():
    for size in args.sizes.split(","):
        if size == "demo":
            yield "demo (420 orders, 45 technicians)", args.demo
            continue
        orders, technicians, days = (int(x) for x in size.split("x"))
        path = os.path.join(work, "generated-%s.json" % size)
        subprocess.run([args.fieldops, "generate", "--orders", str(orders), "--technicians", str(technicians), "--days", str(days),
                        "--seed", "1", "--out", path], check=True, stdout=subprocess.DEVNULL)
        yield "%d × %d × %d day(s)" % (orders, technicians, days), path


def plan(path, threads, seed):
    out = os.path.join(work, "plan.json")
    subprocess.run([args.fieldops, "plan", path, "--time-limit", str(args.time_limit), "--threads", str(threads), "--seed", str(seed),
                    "--out", out, "--no-color"], check=True, stdout=subprocess.DEVNULL)
    result = json.load(open(out))
    return dict(left=-result["score"]["medium"], soft=-result["score"]["soft"], hard=-result["score"]["hard"],
                iterations=result["solver"]["iterations"], assigned=len(result["assignments"]))


lines = [
    "# Threads: one against %d on the same wall time" % args.threads,
    "",
    "- Date: %s; machine: %s, %d cores; FieldOps %s" % (
        datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), platform.machine(), os.cpu_count(),
        subprocess.run(["git", "-C", os.path.dirname(os.path.abspath(__file__)), "rev-parse", "--short", "HEAD"],
                       capture_output=True, text=True).stdout.strip()),
    "- Command: `bash benchmarks/threads/run.sh --threads %d --time-limit %g --seeds %s --sizes %s`; load average at the start: %s" % (
        args.threads, args.time_limit, args.seeds, args.sizes, load),
    "- Runs in turns (one thread for every seed, then %d), nothing else running; 'left' is the priority weight left unplanned"
    " (FieldOps' medium level, lower is better), 'soft' the soft penalty (travel, lateness, …), both means over the seeds;"
    " iterations are all threads' together." % args.threads,
    "",
    "| problem | threads | left (mean) | left per seed | soft (mean) | assigned (mean) | iterations (mean) | hard |",
    "|---|---|---|---|---|---|---|---|",
]
for name, path in problems():
    for threads in (1, args.threads):
        runs = []
        for seed in seeds:
            runs.append(plan(path, threads, seed))
            print("%s, %d thread(s), seed %d: left %d, soft %d, %d iterations" % (
                name, threads, seed, runs[-1]["left"], runs[-1]["soft"], runs[-1]["iterations"]), file=sys.stderr)
        lines.append("| %s | %d | %d | %s | %d | %.1f | %d | %d |" % (
            name, threads, statistics.mean(r["left"] for r in runs), " / ".join(str(r["left"]) for r in runs),
            statistics.mean(r["soft"] for r in runs), statistics.mean(r["assigned"] for r in runs),
            statistics.mean(r["iterations"] for r in runs), max(r["hard"] for r in runs)))
lines.append("")
lines.append("Load average at the end: %s" % " ".join("%.2f" % x for x in os.getloadavg()))
text = "\n".join(lines) + "\n"
print(text)
if args.out:
    open(args.out, "w").write(text)
