#!/usr/bin/env bash
# Field days, FieldOps against VROOM (the open routing engine a dispatcher would most likely pick instead): the
# demo and generated problems converted to VROOM's input through pyvroom, the same travel matrix for both, both
# plans checked by one checker of the script's own and scored by FieldOps. See field.py for what is compared.
#
#   bash benchmarks/field/run.sh [--sizes demo,1000x100x1,5000x300x5] [--time-limit 10] [--vroom-own-time] [--threads 1]
#                                [--policies default,no-sla] [--out benchmarks/results/field-DATE.md]
#
# pyvroom and numpy come from PyPI into benchmarks/.venv; FieldOps is built in release mode from this checkout.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/benchmarks/.venv"
if [ ! -x "$venv/bin/python" ]; then
    echo "creating $venv" >&2
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import vroom, numpy' 2>/dev/null; then
    echo "installing pyvroom and numpy from PyPI" >&2
    "$venv/bin/pip" install --quiet -r "$here/requirements.txt"
fi
echo "building fieldops (release)" >&2
(cd "$root" && swift build -c release --product fieldops >&2)
exec "$venv/bin/python" "$here/field.py" --fieldops "$root/.build/release/fieldops" --demo "$root/data/demo/problem.json" "$@"
