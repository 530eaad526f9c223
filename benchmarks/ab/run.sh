#!/usr/bin/env bash
# A/B of the engine's speed between two commits, binaries run alternately in the same sitting:
# - the scheduler benchmark (moves per second, model build, construction, first feasible plan), on one core;
# - Solomon instances at a time limit, FieldOps on core 0 and PyVRP on core 1 at the same time, so that the
#   ratio FieldOps ÷ PyVRP moves with the load on both alike.
#
#   bash benchmarks/ab/run.sh BEFORE AFTER [--time-limit 5] [--instances R101,...] [--rounds 2] [--out FILE.md]
#
# Each commit is checked out in a worktree under /tmp and built in release mode there; PyVRP comes from PyPI into
# benchmarks/.venv (the literature benchmark's, pinned in its requirements.txt).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/benchmarks/.venv"
[ $# -ge 2 ] || { echo "usage: run.sh BEFORE AFTER [options]" >&2; exit 2; }
before="$1"; after="$2"; shift 2

if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
if ! "$venv/bin/python" -c 'import pyvrp' 2>/dev/null; then
    "$venv/bin/pip" install --quiet -r "$root/benchmarks/literature/requirements.txt"
fi

build() {
    local rev="$1" dir="/tmp/fieldops-ab-$1"
    if [ ! -d "$dir" ]; then git -C "$root" worktree add --force --detach "$dir" "$rev" >&2; fi
    echo "building $rev (release) in $dir" >&2
    (cd "$dir" && swift build -c release --product fieldops >&2)
    (cd "$dir/benchmarks" && swift build -c release --product SchedulerBenchmark >&2)
    echo "$dir"
}
before_dir="$(build "$before")"
after_dir="$(build "$after")"

exec "$venv/bin/python" "$here/ab.py" --before "$before_dir" --after "$after_dir" \
    --data "$root/data/benchmarks" "$@"
