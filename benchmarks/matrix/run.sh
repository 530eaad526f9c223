#!/usr/bin/env bash
# Large travel matrices: the generated 5,000-order problem (300 technicians, 5 days) with a 5,300-location matrix
# of durations and distances, given three ways (side files .npy, a side file per table in JSON, inline in the
# problem), each validated and planned with `fieldops plan --time-limit T`: wall time, peak memory (the kernel's
# maximum resident set, from /usr/bin/time) and the plan file's size.
#
#   bash benchmarks/matrix/run.sh [--time-limit 10] [--out benchmarks/results/matrix-DATE.md]
#
# numpy comes from PyPI into benchmarks/.venv; FieldOps is built in release mode from this checkout.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/benchmarks/.venv"
if [ ! -x "$venv/bin/python" ]; then
    echo "creating $venv" >&2
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import numpy' 2>/dev/null; then
    "$venv/bin/pip" install --quiet -r "$here/requirements.txt"
fi
echo "building fieldops (release)" >&2
(cd "$root" && swift build -c release --product fieldops >&2)
exec "$venv/bin/python" "$here/matrix.py" --fieldops "$root/.build/release/fieldops" "$@"
