#!/usr/bin/env bash
# Schemathesis against the served /openapi.json: every operation, schema-valid and schema-invalid data, a fixed
# budget and seed. Fails on any 5xx, an undocumented status, a wrong content type or a response that does not match
# its schema.
#
#   bash benchmarks/api/run.sh [--max-examples N] [--seed N]
#
# Creates benchmarks/.venv-api (schemathesis pinned in requirements.txt), builds fieldops (debug), serves two
# databases on loopback: the demo problem imported, with a technician's token, for the device endpoints; an empty
# one, with a dispatcher's token, for the dispatcher's endpoints (there optimize answers at once; on the demo it
# would search up to a minute per generated request). Writes benchmarks/results/schemathesis-DATE.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
examples=60
seed=1
while [ $# -gt 0 ]; do
  case "$1" in
    --max-examples) examples="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

venv="$root/benchmarks/.venv-api"
if [ ! -x "$venv/bin/st" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r benchmarks/api/requirements.txt
fi
swift build --product fieldops >"${TMPDIR:-/tmp}/fieldops-api-build.log" 2>&1 || { cat "${TMPDIR:-/tmp}/fieldops-api-build.log"; exit 1; }
fieldops="$(swift build --show-bin-path)/fieldops"

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

"$fieldops" import --db "$work/demo.sqlite" data/demo/problem.json >/dev/null
technician=$("$fieldops" token issue --db "$work/demo.sqlite" --technician T001 2>/dev/null)
dispatcher=$("$fieldops" token issue --db "$work/empty.sqlite" --dispatcher 2>/dev/null)

port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
demo_port=$(port)
empty_port=$(port)
"$fieldops" serve --db "$work/demo.sqlite" --port "$demo_port" 2>"$work/demo.log" & pids+=($!)
"$fieldops" serve --db "$work/empty.sqlite" --port "$empty_port" 2>"$work/empty.log" & pids+=($!)
for p in "$demo_port" "$empty_port"; do
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$p/v1/health" >/dev/null && break; sleep 0.1; done
done

checks=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance
common=(--checks "$checks" --max-examples "$examples" --seed "$seed" --workers 1 --no-color --request-timeout 30
        --suppress-health-check all --generation-database none)
status=0
"$venv/bin/st" run "http://127.0.0.1:$demo_port/openapi.json" "${common[@]}" -H "Authorization: Bearer $technician" \
  --exclude-path-regex '^/v1/dispatch' > "$work/devices.txt" 2>&1 || status=1
"$venv/bin/st" run "http://127.0.0.1:$empty_port/openapi.json" "${common[@]}" -H "Authorization: Bearer $dispatcher" \
  --include-path-regex '^/v1/dispatch' > "$work/dispatcher.txt" 2>&1 || status=1
server_errors=$(cat "$work/demo.log" "$work/empty.log" | grep -c 'request failed' || true)
[ "$server_errors" = 0 ] || status=1

out="benchmarks/results/schemathesis-$(date -u +%F).md"
{
  echo "# Schemathesis against /openapi.json ($(date -u +%F))"
  echo
  echo "Command: \`bash benchmarks/api/run.sh --max-examples $examples --seed $seed\` at $(git rev-parse --short HEAD)"
  echo "schemathesis $("$venv/bin/pip" show schemathesis | awk '/^Version/ {print $2}'), checks: $checks, both generation modes (positive and negative)."
  echo "Server log lines 'request failed' (500s): $server_errors. Exit: $([ $status = 0 ] && echo passed || echo FAILED)."
  echo
  echo "The dispatcher's operations run on an empty database, so schemathesis warns that they mostly answer 422"
  echo "(nothing imported, unknown order or technician, a generated object that is no problem file): expected there."
  for part in devices dispatcher; do
    echo
    echo "## $part"
    echo
    echo '```'
    sed -e 's/\x1b\[[0-9;]*m//g' "$work/$part.txt" | grep -v '^\s*$' | tail -40
    echo '```'
  done
} > "$out"
echo "wrote $out"
tail -n 3 "$work/devices.txt" "$work/dispatcher.txt"
exit $status
