#!/usr/bin/env bash
# Runs FieldOps, PyVRP and OR-Tools on the literature's VRPTW instances (and FieldOps on the technician-routing
# set), checks every solution with one checker, and writes the tables under benchmarks/results/.
#
#   bash benchmarks/literature/run.sh [--time-limit 10] [--set solomon,gh200,trsp] [--instances C101,R101]
#                                     [--solvers fieldops,pyvrp,ortools] [--out FILE.md]
#
# The peers come from PyPI into benchmarks/.venv (created here, pinned in requirements.txt); FieldOps is built in
# release mode from this checkout.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/benchmarks/.venv"

if [ ! -x "$venv/bin/python" ]; then
    echo "creating $venv" >&2
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import pyvrp, ortools' 2>/dev/null; then
    echo "installing the peers from PyPI" >&2
    "$venv/bin/pip" install --quiet -r "$here/requirements.txt"
fi

echo "building fieldops (release)" >&2
(cd "$root" && swift build -c release --product fieldops >&2)
fieldops="$root/.build/release/fieldops"

exec "$venv/bin/python" "$here/compare.py" --fieldops "$fieldops" --data "$root/data/benchmarks" "$@"
