#!/usr/bin/env bash
# Threads: the same problem planned with --threads 1 and --threads N for the same wall time, several seeds, in
# turns (a run with N threads takes the N cores, so the runs cannot share the machine). Reports per problem the
# priority weight left unplanned (the medium level), the soft level and the iterations, and writes a table.
#
#   bash benchmarks/threads/run.sh [--threads 2] [--time-limit 10] [--seeds 2,3,4] [--sizes demo,1000x100x1]
#                                  [--out benchmarks/results/threads-DATE.md]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
echo "building fieldops (release)" >&2
(cd "$root" && swift build -c release --product fieldops >&2)
exec python3 "$here/threads.py" --fieldops "$root/.build/release/fieldops" --demo "$root/data/demo/problem.json" "$@"
