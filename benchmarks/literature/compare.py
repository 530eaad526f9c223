"""FieldOps against PyVRP and OR-Tools on the VRPTW literature, and against the best known on Pillac's TRSP set.

Every solver gets the same instance, the same time limit and one thread; every solution is checked here, by one
checker that shares no code with any solver (double precision: Euclidean distances, travel time = distance,
service starting inside [ready, due], capacity, fleet size, every customer exactly once). Run through run.sh,
which installs the peers and builds FieldOps.
"""

import argparse
import csv
import datetime
import json
import math
import os
import platform
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor

EPS = 1e-6
# The peers work in integers: times and distances are scaled by SCALE, travel times rounded up (so that a route
# they find feasible stays feasible in double precision) and distances rounded to the nearest unit.
SCALE = 1000


# ---------------------------------------------------------------------------------------------------------------
# Instances


class Instance:
    def __init__(self, name, vehicles, capacity, nodes, path):
        self.name = name
        self.vehicles = vehicles
        self.capacity = capacity
        # nodes[0] is the depot; each node is (x, y, demand, ready, due, service)
        self.nodes = nodes
        self.path = path

    @property
    def customers(self):
        return len(self.nodes) - 1

    def dist(self, a, b):
        (xa, ya), (xb, yb) = self.nodes[a][:2], self.nodes[b][:2]
        return math.hypot(xa - xb, ya - yb)


def read_solomon(path):
    lines = [line.strip() for line in open(path, encoding="utf-8").read().replace("\r", "").split("\n")]
    name = lines[0]
    vehicle_row = lines.index("VEHICLE") + 2
    vehicles, capacity = (int(v) for v in lines[vehicle_row].split())
    nodes = []
    start = lines.index("CUSTOMER") + 2
    for line in lines[start:]:
        parts = line.split()
        if len(parts) != 7:
            continue
        _, x, y, demand, ready, due, service = (float(p) for p in parts)
        nodes.append((x, y, demand, ready, due, service))
    return Instance(name, vehicles, int(capacity), nodes, path)


def read_vrplib(path):
    header, sections, current = {}, {}, None
    for raw in open(path, encoding="utf-8"):
        line = raw.strip()
        if not line or line == "EOF":
            continue
        if line.endswith("_SECTION"):
            current = line
            sections[current] = []
        elif current is None and ":" in line:
            key, value = (part.strip() for part in line.split(":", 1))
            header[key] = value
        elif current is not None:
            sections[current].append(line.split())
    service = float(header.get("SERVICE_TIME", 0))
    coords = {int(r[0]): (float(r[1]), float(r[2])) for r in sections["NODE_COORD_SECTION"]}
    demands = {int(r[0]): float(r[1]) for r in sections["DEMAND_SECTION"]}
    windows = {int(r[0]): (float(r[1]), float(r[2])) for r in sections["TIME_WINDOW_SECTION"]}
    nodes = []
    for k in sorted(coords):
        x, y = coords[k]
        ready, due = windows[k]
        nodes.append((x, y, demands[k], ready, due, 0.0 if k == 1 else service))
    return Instance(header["NAME"], int(header["VEHICLES"]), int(header["CAPACITY"]), nodes, path)


# ---------------------------------------------------------------------------------------------------------------
# The one checker


def check(instance, routes):
    """Returns (feasible, distance, violations) for routes of customer numbers 1..n, depot omitted."""
    violations = []
    seen = {}
    distance = 0.0
    routes = [r for r in routes if r]
    if len(routes) > instance.vehicles:
        violations.append(f"{len(routes)} routes for a fleet of {instance.vehicles}")
    depot = instance.nodes[0]
    for number, route in enumerate(routes, 1):
        time_now, load, here = depot[3], 0.0, 0
        for customer in route:
            if not 1 <= customer <= instance.customers:
                violations.append(f"route {number}: no customer {customer}")
                continue
            if customer in seen:
                violations.append(f"customer {customer} in routes {seen[customer]} and {number}")
            seen[customer] = number
            _, _, demand, ready, due, service = instance.nodes[customer]
            distance += instance.dist(here, customer)
            arrival = time_now + instance.dist(here, customer)
            start = max(arrival, ready)
            if start > due + EPS:
                violations.append(f"route {number}: customer {customer} starts at {start:.3f} after its due {due:g}")
            time_now = start + service
            load += demand
            here = customer
        distance += instance.dist(here, 0)
        back = time_now + instance.dist(here, 0)
        if back > depot[4] + EPS:
            violations.append(f"route {number}: back at the depot at {back:.3f} after {depot[4]:g}")
        if load > instance.capacity + EPS:
            violations.append(f"route {number}: load {load:g} over capacity {instance.capacity}")
    missing = [c for c in range(1, instance.customers + 1) if c not in seen]
    if missing:
        violations.append(f"{len(missing)} customers not served (first {missing[0]})")
    return not violations, distance, violations


# ---------------------------------------------------------------------------------------------------------------
# Solvers: each returns a list of routes (customer numbers) or raises


def run_fieldops(binary, command, path, limit, seed):
    """`fieldops vrptw|trsp PATH --json`'s object. A non-zero exit with JSON on stdout is a solution FieldOps itself
    found wanting (a rule broken, a request unserved): the checker decides."""
    done = subprocess.run([binary, command, path, "--time-limit", str(limit), "--seed", str(seed), "--json"],
                          capture_output=True, text=True)
    if not done.stdout.strip():
        raise RuntimeError(done.stderr.strip() or f"exit {done.returncode}")
    return json.loads(done.stdout)


def solve_fieldops(instance, limit, seed, binary):
    return run_fieldops(binary, "vrptw", instance.path, limit, seed)["routes"]


def integer_matrices(instance):
    n = len(instance.nodes)
    duration = [[math.ceil(instance.dist(i, j) * SCALE - 1e-9) for j in range(n)] for i in range(n)]
    distance = [[round(instance.dist(i, j) * SCALE) for j in range(n)] for i in range(n)]
    return duration, distance


def solve_pyvrp(instance, limit, seed):
    from pyvrp import Model
    from pyvrp.stop import MaxRuntime

    duration, distance = integer_matrices(instance)
    model = Model()
    locations = [model.add_location(x, y) for (x, y, *_rest) in instance.nodes]
    depot_node = instance.nodes[0]
    depot = model.add_depot(locations[0], tw_early=int(depot_node[3] * SCALE), tw_late=int(depot_node[4] * SCALE))
    model.add_vehicle_type(num_available=instance.vehicles, capacity=instance.capacity, start_depot=depot, end_depot=depot,
                           tw_early=int(depot_node[3] * SCALE), tw_late=int(depot_node[4] * SCALE))
    for k, (_, _, demand, ready, due, service) in enumerate(instance.nodes[1:], 1):
        model.add_client(locations[k], delivery=int(demand), service_duration=math.ceil(service * SCALE),
                         tw_early=math.ceil(ready * SCALE), tw_late=math.floor(due * SCALE))
    for i, a in enumerate(locations):
        for j, b in enumerate(locations):
            if i != j:
                model.add_edge(a, b, distance=distance[i][j], duration=duration[i][j])
    result = model.solve(stop=MaxRuntime(limit), seed=seed, display=False)
    # A client activity's idx counts clients from 0: customer idx + 1.
    return [[activity.idx + 1 for activity in route if activity.is_client()] for route in result.best.routes()]


def solve_ortools(instance, limit, seed):
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2

    duration, distance = integer_matrices(instance)
    n = len(instance.nodes)
    service = [math.ceil(node[5] * SCALE) for node in instance.nodes]
    transit = [[service[i] + duration[i][j] for j in range(n)] for i in range(n)]
    horizon = int(instance.nodes[0][4] * SCALE)
    manager = pywrapcp.RoutingIndexManager(n, instance.vehicles, 0)
    routing = pywrapcp.RoutingModel(manager)
    arc = routing.RegisterTransitMatrix(distance)
    routing.SetArcCostEvaluatorOfAllVehicles(arc)
    time_callback = routing.RegisterTransitMatrix(transit)
    routing.AddDimension(time_callback, horizon, horizon, False, "Time")
    time_dimension = routing.GetDimensionOrDie("Time")
    for k in range(1, n):
        ready, due = instance.nodes[k][3], instance.nodes[k][4]
        time_dimension.CumulVar(manager.NodeToIndex(k)).SetRange(math.ceil(ready * SCALE), math.floor(due * SCALE))
    for v in range(instance.vehicles):
        time_dimension.CumulVar(routing.Start(v)).SetRange(0, horizon)
        time_dimension.CumulVar(routing.End(v)).SetRange(0, horizon)
    demand = routing.RegisterUnaryTransitVector([int(node[2]) for node in instance.nodes])
    routing.AddDimensionWithVehicleCapacity(demand, 0, [instance.capacity] * instance.vehicles, True, "Capacity")
    parameters = pywrapcp.DefaultRoutingSearchParameters()
    # Cheapest insertion finds a first feasible solution on tight windows (R1, RC1) where the path-building default
    # often finds none within seconds.
    parameters.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PARALLEL_CHEAPEST_INSERTION
    parameters.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    parameters.time_limit.FromMilliseconds(int(limit * 1000))
    solution = routing.SolveWithParameters(parameters)
    if solution is None:
        raise RuntimeError("no solution found")
    routes = []
    for v in range(instance.vehicles):
        index, route = routing.Start(v), []
        while not routing.IsEnd(index):
            node = manager.IndexToNode(index)
            if node != 0:
                route.append(node)
            index = solution.Value(routing.NextVar(index))
        routes.append(route)
    return routes


# ---------------------------------------------------------------------------------------------------------------
# TRSP (Pillac et al.): FieldOps against bks.csv, checked here


class TRSPInstance:
    def __init__(self, path):
        lines = open(path, encoding="utf-8").read().replace("\r", "").split("\n")
        self.name = lines[0].strip()
        self.path = path
        info = [line.strip() for line in lines].index("INFO")
        self.crew = int(lines[info + 2].split()[0])
        table = next(i for i, line in enumerate(lines) if line.startswith("DEPOT TECHNICIANS AND REQUESTS"))
        self.sites = []
        for line in lines[table + 2:]:
            if not line.strip():
                continue
            head, rest = line.split("[", 1)
            numbers = [float(v) for v in head.split()]
            lists = [part.replace("[", "").strip() for part in ("[" + rest).split("]")[:3]]
            lists = [[int(v) for v in part.split(",") if v.strip()] for part in lists]
            self.sites.append({"x": numbers[1], "y": numbers[2], "tws": numbers[3], "twe": numbers[4], "service": numbers[5],
                               "skills": lists[0], "tools": lists[1], "parts": lists[2]})

    def dist(self, a, b):
        return math.hypot(self.sites[a]["x"] - self.sites[b]["x"], self.sites[a]["y"] - self.sites[b]["y"])


def check_trsp(instance, routes):
    """routes: [{"technician": t (1-based), "visits": [request numbers 1..n, or 0 for a depot visit]}].
    Returns (feasible, total duration, total distance, violations). A route starts at the technician's home no
    earlier than the shift start and as late as saves waiting, ends at home by the shift end; before a depot visit
    the technician must carry every tool a request needs and enough spare parts; after it, anything."""
    violations, seen = [], {}
    total_duration = total_distance = 0.0
    requests = len(instance.sites) - 1 - instance.crew
    used = set()
    for route in routes:
        tech = route["technician"]
        visits = route["visits"]
        if not visits:
            continue
        if not 1 <= tech <= instance.crew or tech in used:
            violations.append(f"technician {tech} unknown or used twice")
            continue
        used.add(tech)
        home = instance.sites[tech]
        nodes = [tech] + [0 if v == 0 else instance.crew + v for v in visits] + [tech]
        if visits.count(0) > 1:
            violations.append(f"technician {tech}: more than one depot visit")
        tools, parts, restocked = set(home["tools"]), list(home["parts"]), False
        # Earliest schedule from the shift start, then the start delayed by as much as saves waiting.
        time_now, starts, waits = home["tws"], [], []
        for k in range(1, len(nodes)):
            prev, node = nodes[k - 1], nodes[k]
            site = instance.sites[node]
            leave = time_now + (instance.sites[prev]["service"] if k > 1 else 0)
            arrival = leave + instance.dist(prev, node)
            total_distance += instance.dist(prev, node)
            start = max(arrival, site["tws"]) if k < len(nodes) - 1 else arrival
            waits.append(start - arrival)
            latest = site["twe"]
            if start > latest + EPS:
                violations.append(f"technician {tech}: node {node} starts at {start:.3f} after {latest:g}")
            starts.append((start, latest))
            time_now = start
            if node == 0:
                restocked = True
            elif k < len(nodes) - 1:
                number = node - instance.crew
                if number in seen:
                    violations.append(f"request {number} served twice")
                seen[number] = tech
                if not set(site["skills"]) <= set(home["skills"]):
                    violations.append(f"technician {tech} lacks a skill for request {number}")
                if not restocked:
                    if not set(site["tools"]) <= tools:
                        violations.append(f"technician {tech} lacks a tool for request {number} before restocking")
                    parts = [a - b for a, b in zip(parts, site["parts"])]
                    if min(parts) < 0:
                        violations.append(f"technician {tech} runs out of a spare part at request {number}")
        end = time_now
        # Delaying the departure by d shifts node k by max(0, d - waiting before k) and must keep every start in
        # its window; the route's duration drops by min(d, total waiting).
        slack, cumulative = math.inf, 0.0
        for (start, latest), wait in zip(starts, waits):
            cumulative += wait
            slack = min(slack, latest - start + cumulative)
        delay = max(0.0, min(slack, cumulative))
        total_duration += end - home["tws"] - delay
    missing = [r for r in range(1, requests + 1) if r not in seen]
    if missing:
        violations.append(f"{len(missing)} requests not served (first {missing[0]})")
    return not violations, total_duration, total_distance, violations


# ---------------------------------------------------------------------------------------------------------------
# Tables


def machine():
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def versions(fieldops):
    """The solvers measured: FieldOps's commit, the peers' package versions."""
    from importlib.metadata import version
    here = os.path.dirname(os.path.abspath(fieldops))
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, cwd=here).stdout.strip() or here
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=top).stdout.strip()
        # The result files this run is writing do not count as a change to what was measured.
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":!benchmarks/results"],
                               capture_output=True, text=True, cwd=top).stdout.strip()
    except OSError:
        commit, dirty = "", ""
    return f"FieldOps {commit or 'unknown'}{' with uncommitted changes' if dirty else ''}, pyvrp {version('pyvrp')}, ortools {version('ortools')}"


def read_bks(path):
    rows = {}
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle):
            rows[row["instance"]] = row
    return rows


def fmt(value, digits=2):
    # Rounded first, so that a value a hair below zero does not print as -0.00.
    return "—" if value is None else f"{round(value, digits) + 0.0:.{digits}f}"


def run_vrptw(args, solvers, names, out):
    bks = read_bks(os.path.join(args.data, "vrptw", "bks.csv"))
    files = []
    if "solomon" in args.set:
        folder = os.path.join(args.data, "vrptw", "solomon")
        files += [("solomon", os.path.join(folder, f)) for f in sorted(os.listdir(folder)) if f.endswith(".txt")]
    if "gh200" in args.set:
        folder = os.path.join(args.data, "vrptw", "homberger")
        files += [("gh200", os.path.join(folder, f)) for f in sorted(os.listdir(folder)) if f.endswith(".vrp")]
    instances = []
    for family, path in files:
        instance = read_solomon(path) if family == "solomon" else read_vrplib(path)
        if not names or instance.name in names:
            instances.append((family, instance))
    rows = []
    work = [(family, instance, solvers, args) for family, instance in instances]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for row in pool.map(vrptw_row, work):
            reference = bks.get(row["instance"], {})
            double = reference.get("dist_opt_routes_in_double")
            flag = reference.get("dist_opt_routes_feasible_in_double") == "True"
            row["bks"] = float(double) if double and flag else None
            row["bks_note"] = "" if row["bks"] is not None else (
                f"DIMACS optimum {reference.get('dist_opt_dimacs')} not feasible in double precision" if double else "no reference")
            rows.append(row)
            out.write(json.dumps(row) + "\n")
            out.flush()
    return rows


def vrptw_row(work):
    """Runs every solver on one instance, one after another."""
    family, instance, solvers, args = work
    row = {"family": family, "instance": instance.name}
    for solver in solvers:
        began = time.monotonic()
        try:
            if solver == "fieldops":
                routes = solve_fieldops(instance, args.time_limit, args.seed, args.fieldops)
            elif solver == "pyvrp":
                routes = solve_pyvrp(instance, args.time_limit, args.seed)
            else:
                routes = solve_ortools(instance, args.time_limit, args.seed)
            feasible, distance, violations = check(instance, routes)
            row[solver] = {"vehicles": len([r for r in routes if r]), "distance": distance, "feasible": feasible,
                           "violations": violations[:3], "seconds": time.monotonic() - began}
        except Exception as error:  # a solver that fails is a row that says so, not a stopped run
            row[solver] = {"error": str(error)[:200], "seconds": time.monotonic() - began, "feasible": False}
        entry = row[solver]
        print(f"{instance.name:8} {solver:9} " + (f"{entry['vehicles']:3} veh {entry['distance']:10.2f}  "
              f"{'ok' if entry['feasible'] else 'INFEASIBLE ' + '; '.join(entry['violations'])}" if "distance" in entry
              else f"failed: {entry['error']}") + f"  {entry['seconds']:.1f} s", file=sys.stderr, flush=True)
    return row


def vrptw_table(rows, solvers, args, command):
    lines = []
    lines.append(f"- Date: {datetime.date.today().isoformat()}; machine: {machine()}; {versions(args.fieldops)}")
    lines.append(f"- Time limit {args.time_limit:g} s per instance and solver, one thread each; the solvers of an instance run one "
                 f"after another, {args.jobs} instance(s) at a time; seed {args.seed}")
    lines.append(f"- Command: `{command}`")
    lines.append("- Distances recomputed in double precision by the script's own checker from each solver's routes; "
                 "'gap' is to the distance-only best known re-evaluated in double precision (bks.csv "
                 "`dist_opt_routes_in_double`), shown only where that route set is feasible in double precision.")
    lines.append("")
    header = "| instance |"
    rule = "|---|"
    for solver in solvers:
        header += f" {solver} veh | {solver} distance |"
        rule += "---:|---:|"
    if "fieldops" in solvers and "pyvrp" in solvers:
        header += " FieldOps ÷ PyVRP |"
        rule += "---:|"
    header += " best known | " + " | ".join(f"{s} gap %" for s in solvers) + " |"
    rule += "---:|" + "---:|" * len(solvers)
    lines += [header, rule]
    ratios = {"solomon": [], "gh200": []}
    gaps = {s: [] for s in solvers}
    infeasible = {s: [] for s in solvers}
    for row in rows:
        line = f"| {row['instance']} |"
        for solver in solvers:
            entry = row[solver]
            if "distance" in entry:
                mark = "" if entry["feasible"] else " ✗"
                line += f" {entry['vehicles']} | {entry['distance']:.2f}{mark} |"
            else:
                line += " — | failed |"
            if not entry.get("feasible"):
                infeasible[solver].append(row["instance"])
        if "fieldops" in solvers and "pyvrp" in solvers:
            a, b = row["fieldops"], row["pyvrp"]
            if a.get("feasible") and b.get("feasible"):
                ratio = a["distance"] / b["distance"]
                ratios[row["family"]].append((ratio, row["instance"]))
                line += f" {ratio:.4f} |"
            else:
                line += " — |"
        line += f" {fmt(row['bks'])} |" if row["bks"] is not None else f" ({row['bks_note']}) |"
        for solver in solvers:
            entry = row[solver]
            if row["bks"] is not None and entry.get("feasible"):
                gap = 100 * (entry["distance"] / row["bks"] - 1)
                gaps[solver].append(gap)
                line += f" {fmt(gap)} |"
            else:
                line += " — |"
        lines.append(line)
    lines.append("")
    for family, label in (("solomon", "Solomon"), ("gh200", "Gehring–Homberger 200")):
        values = ratios[family]
        if values:
            mean = sum(r for r, _ in values) / len(values)
            worst = max(values)
            lines.append(f"- {label}: mean FieldOps ÷ PyVRP {mean:.4f} over {len(values)} instances; worst {worst[0]:.4f} ({worst[1]})")
    for solver in solvers:
        seconds = [row[solver]["seconds"] for row in rows if "seconds" in row[solver]]
        if seconds:
            lines.append(f"- {solver}: mean wall time per instance {sum(seconds) / len(seconds):.1f} s (process start, model building and solving)")
        if gaps[solver]:
            lines.append(f"- {solver}: mean gap to best known {sum(gaps[solver]) / len(gaps[solver]):.2f}% over {len(gaps[solver])} instances with a double-precision reference; "
                         f"infeasible or failed: {', '.join(infeasible[solver]) or 'none'}")
    return "\n".join(lines) + "\n"


def run_trsp(args, names, out):
    bks = read_bks(os.path.join(args.data, "trsp", "pillac2013", "bks.csv"))
    folder = os.path.join(args.data, "trsp", "pillac2013", "crew25")
    instances = []
    for file in sorted(os.listdir(folder)):
        instance = TRSPInstance(os.path.join(folder, file))
        if not names or instance.name.split(".")[0] in names or instance.name in names:
            instances.append(instance)
    rows = []
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for row in pool.map(trsp_row, [(instance, args) for instance in instances]):
            reference = bks.get(row["instance"])
            row["bks_duration"] = float(reference["bks_total_duration"]) if reference else None
            row["bks_distance"] = float(reference["bks_total_distance"]) if reference else None
            rows.append(row)
            out.write(json.dumps(row) + "\n")
            out.flush()
    return rows


def trsp_row(work):
    instance, args = work
    began = time.monotonic()
    row = {"instance": instance.name}
    try:
        result = run_fieldops(args.fieldops, "trsp", instance.path, args.time_limit, args.seed)
        feasible, duration, distance, violations = check_trsp(instance, result["routes"])
        row.update({"feasible": feasible, "duration": duration, "distance": distance, "violations": violations[:3],
                    "technicians": len([r for r in result["routes"] if r["visits"]]),
                    "depot_visits": sum(r["visits"].count(0) for r in result["routes"]),
                    "reported_duration": result.get("duration")})
    except Exception as error:
        row.update({"feasible": False, "error": str(error)[:200]})
    row["seconds"] = time.monotonic() - began
    print(f"{instance.name:20} " + (f"duration {row['duration']:10.2f} distance {row['distance']:9.2f} "
          f"{'ok' if row['feasible'] else 'INFEASIBLE ' + '; '.join(row['violations'])}" if "duration" in row else
          f"failed: {row['error']}") + f"  {row['seconds']:.1f} s", file=sys.stderr, flush=True)
    return row


def trsp_table(rows, args, command):
    lines = [f"- Date: {datetime.date.today().isoformat()}; machine: {machine()}; {versions(args.fieldops)}",
             f"- Time limit {args.time_limit:g} s per instance, one thread, {args.jobs} instance(s) at a time; seed {args.seed}",
             f"- Command: `{command}`",
             "- Duration = travel + service + waiting over all routes, each route starting as late as saves waiting "
             "(Pillac's working time); recomputed by the script's own checker. Best known from bks.csv (Pillac's thesis).",
             "",
             "| instance | technicians | depot visits | duration | distance | best known duration | gap % | best known distance |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    gaps, infeasible = [], []
    for row in rows:
        if "duration" not in row:
            lines.append(f"| {row['instance']} | — | — | failed | — | {fmt(row['bks_duration'])} | — | {fmt(row['bks_distance'])} |")
            infeasible.append(row["instance"])
            continue
        gap = None
        if row["feasible"] and row["bks_duration"]:
            gap = 100 * (row["duration"] / row["bks_duration"] - 1)
            gaps.append(gap)
        if not row["feasible"]:
            infeasible.append(row["instance"])
        mark = "" if row["feasible"] else " ✗"
        lines.append(f"| {row['instance']} | {row['technicians']} | {row['depot_visits']} | {row['duration']:.2f}{mark} | "
                     f"{row['distance']:.2f} | {fmt(row['bks_duration'])} | {fmt(gap)} | {fmt(row['bks_distance'])} |")
    lines.append("")
    if gaps:
        lines.append(f"- Mean gap to the best-known total duration: {sum(gaps) / len(gaps):.2f}% over {len(gaps)} instances; "
                     f"worst {max(gaps):.2f}%; infeasible or failed: {', '.join(infeasible) or 'none'}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fieldops", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--time-limit", type=float, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--set", default="solomon,gh200,trsp")
    parser.add_argument("--instances", default="")
    parser.add_argument("--solvers", default="fieldops,pyvrp,ortools")
    parser.add_argument("--out", default="")
    parser.add_argument("--jobs", type=int, default=1, help="instances solved at once (each solver still one thread)")
    args = parser.parse_args()
    args.set = args.set.split(",")
    solvers = [s for s in args.solvers.split(",") if s]
    names = set(filter(None, args.instances.split(",")))
    command = "bash benchmarks/literature/run.sh " + " ".join(sys.argv[sys.argv.index("--data") + 2:])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_path = args.out or os.path.join(root, "results", f"literature-{datetime.date.today().isoformat()}.md")
    raw_path = os.path.splitext(out_path)[0] + ".jsonl"
    sections = [f"# FieldOps on the literature's benchmarks\n"]
    with open(raw_path, "w") as raw:
        if "solomon" in args.set or "gh200" in args.set:
            rows = run_vrptw(args, solvers, names, raw)
            sections.append("## VRPTW: Solomon 100 and Gehring–Homberger 200\n\n" + vrptw_table(rows, solvers, args, command))
        if "trsp" in args.set:
            rows = run_trsp(args, names, raw)
            sections.append("## Technician routing: Pillac et al. crew-25\n\n" + trsp_table(rows, args, command))
    with open(out_path, "w") as handle:
        handle.write("\n".join(sections) + "\n")
    print(f"wrote {out_path} and {raw_path}", file=sys.stderr)


if __name__ == "__main__":
    main()
