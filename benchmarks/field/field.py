"""Field days, FieldOps against VROOM (see run.sh). Both get the same integer-second travel matrix (FieldOps as a
.npy side file, VROOM as its matrix), both plans are checked by one checker of this script's own, and each plan is
also scored by FieldOps (`fieldops score` drives VROOM's routes by FieldOps' rules and weights)."""
import argparse, datetime, json, math, os, platform, subprocess, sys, tempfile, time
import numpy as np
import vroom

PRIORITIES = ["P1", "P2", "P3", "P4"]
DEFAULT_UNASSIGNED = {"P1": 100_000, "P2": 30_000, "P3": 10_000, "P4": 3_000}

parser = argparse.ArgumentParser()
parser.add_argument("--fieldops", required=True)
parser.add_argument("--demo", required=True)
parser.add_argument("--sizes", default="demo,1000x100x1", help="demo and/or ORDERSxTECHNICIANSxDAYS, comma-separated")
parser.add_argument("--time-limit", type=float, default=10, help="the fixed-time comparison (seconds each)")
parser.add_argument("--vroom-own-time", action="store_true", help="also run VROOM to its own end and FieldOps for as long")
parser.add_argument("--policies", default="default,no-sla")
parser.add_argument("--exploration", type=int, default=5)
parser.add_argument("--threads", type=int, default=1, help="threads for each solver (FieldOps --threads, VROOM nb_threads)")
parser.add_argument("--out")
args = parser.parse_args()
work = tempfile.mkdtemp(prefix="fieldops-field-")


def seconds_of(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


class Field:
    """A FieldOps problem in seconds from its earliest shift start, with its travel matrix in whole seconds."""

    def __init__(self, problem):
        self.problem = problem
        self.technicians = problem["technicians"]
        # What FieldOps plans: open orders, and orders under way (pinned to their technician).
        self.orders = [o for o in problem["orders"] if o.get("status", "new") in ("new", "dispatched", "reopened", "enRoute", "onSite")]
        self.origin = min(seconds_of(s["start"]) for t in self.technicians for s in t["shifts"])
        self.index = {o["number"]: k for k, o in enumerate(problem["orders"])}
        travel = problem.get("travel", {"model": "haversine", "roadFactor": 1.3, "speedKmh": 30})
        assert travel.get("model", "haversine") == "haversine", "the generator's problems use haversine travel"
        points = [(t["homeBase"]["lat"], t["homeBase"]["lon"]) for t in self.technicians] + \
                 [(o["site"]["location"]["lat"], o["site"]["location"]["lon"]) for o in problem["orders"]]
        lat = np.radians([p[0] for p in points])
        lon = np.radians([p[1] for p in points])
        h = np.sin((lat[:, None] - lat[None, :]) / 2) ** 2 + np.cos(lat[:, None]) * np.cos(lat[None, :]) * np.sin((lon[:, None] - lon[None, :]) / 2) ** 2
        metres = 2 * 6_371_008.8 * np.arcsin(np.sqrt(np.clip(h, 0, 1))) * travel.get("roadFactor", 1.3)
        self.metres = np.round(metres).astype(np.int64)
        # Whole minutes in seconds: FieldOps plans in minutes (each leg rounded up), so a matrix of whole minutes is
        # one that both solvers see exactly alike.
        self.seconds = (np.ceil(metres / (travel.get("speedKmh", 30) * 1000 / 60)) * 60).astype(np.int64)
        np.fill_diagonal(self.seconds, 0)
        np.fill_diagonal(self.metres, 0)
        self.locations = [t["id"] for t in self.technicians] + [o["number"] for o in problem["orders"]]
        policy = problem.get("policy", {})
        self.vip_bump = policy.get("sla", {}).get("vipBump", True)
        self.weights = dict(DEFAULT_UNASSIGNED, **policy.get("weights", {}).get("unassigned", {}))

    def t(self, text):
        return int(seconds_of(text) - self.origin)

    def location(self, order):
        return len(self.technicians) + self.index[order["number"]]

    def priority(self, order):
        p = order.get("priority", "P3")
        if self.vip_bump and order.get("customer", {}).get("vip") and p != "P1":
            p = PRIORITIES[PRIORITIES.index(p) - 1]
        return p

    def days(self):
        """Technician-days: (technician index, shift index, the shift's local date as FieldOps names it)."""
        zone = self.problem["horizon"].get("timeZone", "UTC")
        from zoneinfo import ZoneInfo
        for ti, tech in enumerate(self.technicians):
            for si, shift in enumerate(tech["shifts"]):
                start = datetime.datetime.fromisoformat(shift["start"].replace("Z", "+00:00")).astimezone(ZoneInfo(zone))
                yield ti, si, start.date().isoformat()

    def write_fieldops(self, name, sla_weights):
        """The problem with this matrix as side files (and the SLA weights zeroed for the no-sla policy)."""
        np.save(os.path.join(work, name + "-durations.npy"), self.seconds.astype("<i4"))
        np.save(os.path.join(work, name + "-distances.npy"), self.metres.astype("<i4"))
        problem = json.loads(json.dumps(self.problem))
        problem["travel"] = {"model": "matrix", "durationsFile": name + "-durations.npy", "distancesFile": name + "-distances.npy",
                             "locations": self.locations}
        if not sla_weights:
            problem.setdefault("policy", {}).setdefault("weights", {})["slaLateMinute"] = {p: 0 for p in PRIORITIES}
        path = os.path.join(work, name + ".json")
        json.dump(problem, open(path, "w"))
        return path

    def vroom_input(self):
        """Technician-days as vehicles (shift plus overtime, break, max jobs, van capacity), orders as jobs (windows,
        service, priority scaled from FieldOps' unassigned weights); skill levels, exclusions, requirements and locks
        as VROOM skills."""
        skill_ids = {}

        def sid(key):
            return skill_ids.setdefault(key, len(skill_ids) + 1)

        techs = self.technicians
        tech_skills = [set() for _ in techs]
        for ti, tech in enumerate(techs):
            for s in tech.get("skills", []):
                for level in range(1, s["level"] + 1):
                    tech_skills[ti].add(sid((s["skill"], level)))
        top = max(self.weights.values())
        capacity_used = any(t.get("limits", {}).get("vanCapacity") is not None for t in techs)
        jobs = []
        for order in self.orders:
            skills = {sid((r["skill"], r["minLevel"])) for r in order.get("requiredSkills", [])}
            allowed = None
            if order.get("requiredTechnicians"):
                allowed = set(order["requiredTechnicians"])
            if order.get("lock", {}).get("technicianId"):
                allowed = {order["lock"]["technicianId"]}
            excluded = set(order.get("excludedTechnicians", []))
            if allowed is not None or excluded:
                own = sid(("order", order["number"]))
                skills.add(own)
                for ti, tech in enumerate(techs):
                    if (allowed is None or tech["id"] in allowed) and tech["id"] not in excluded:
                        tech_skills[ti].add(own)
            if order.get("lock", {}).get("start"):
                windows = [(self.t(order["lock"]["start"]),) * 2]
            else:
                windows = [(max(0, self.t(w["start"])), self.t(w["end"])) for w in order.get("windows", []) if self.t(w["end"]) >= 0]
            job = dict(id=self.index[order["number"]], location=self.location(order), default_service=order["durationMinutes"] * 60,
                       skills=skills, priority=max(0, min(100, round(100 * self.weights[self.priority(order)] / top))),
                       time_windows=[vroom.TimeWindow(a, b) for a, b in windows])
            if capacity_used:
                job["delivery"] = vroom.Amount([order.get("load", 0)])
            jobs.append(vroom.Job(**job))
        vehicles = []
        for vi, (ti, si, _) in enumerate(self.days()):
            tech, shift = techs[ti], techs[ti]["shifts"][si]
            limits = tech.get("limits", {})
            # VROOM has no limit on a day's working minutes: the day's window ends when the limit (plus the break)
            # would be reached from the shift start, which is stricter than FieldOps' rule (work may start later).
            end = self.t(shift["end"]) + 60 * limits.get("overtimeMinutes", 0)
            if limits.get("maxWorkingMinutes") is not None:
                end = min(end, self.t(shift["start"]) + 60 * (limits["maxWorkingMinutes"] + shift.get("break", {}).get("minutes", 0)))
            vehicle = dict(id=vi, start=ti, end=ti, skills=tech_skills[ti], time_window=vroom.TimeWindow(self.t(shift["start"]), end))
            if "break" in shift:
                b = shift["break"]
                vehicle["breaks"] = [vroom.Break(vi, time_windows=[vroom.TimeWindow(self.t(b["earliestStart"]), self.t(b["latestEnd"]) - 60 * b["minutes"])],
                                                 service=60 * b["minutes"])]
            if limits.get("maxJobsPerDay") is not None:
                vehicle["max_tasks"] = limits["maxJobsPerDay"]
            if capacity_used:
                vehicle["capacity"] = vroom.Amount([limits.get("vanCapacity") or 10**9])
            vehicles.append(vroom.Vehicle(**vehicle))
        problem = vroom.Input()
        problem.set_durations_matrix(profile="car", matrix_input=self.seconds.astype(np.uint32))
        problem.add_vehicle(vehicles)
        problem.add_job(jobs)
        return problem

    def vroom_routes(self, solution):
        """VROOM's routes as FieldOps routes (technician, date, orders in order), with the break's place."""
        days = list(self.days())
        routes = []
        for route in solution.to_dict()["routes"]:
            ti, si, date = days[route["vehicle"]]
            steps = [s for s in route["steps"] if s["type"] in ("job", "break")]
            orders = [self.problem["orders"][s["id"]]["number"] for s in steps if s["type"] == "job"]
            brk = next((k for k, s in enumerate(steps) if s["type"] == "break"), None)
            routes.append({"technicianId": self.technicians[ti]["id"], "date": date, "workOrders": orders,
                           "breakBefore": None if brk is None else sum(1 for s in steps[:brk] if s["type"] == "job")})
        return routes

    def fieldops_routes(self, plan):
        starts = {a["workOrder"]: self.t(a["start"]) for a in plan["assignments"]}
        routes = []
        for r in plan["routes"]:
            if not r["workOrders"]:
                continue
            brk = None
            if r.get("break"):
                pause = self.t(r["break"]["start"])
                brk = sum(1 for o in r["workOrders"] if starts[o] < pause)
            routes.append({"technicianId": r["technicianId"], "date": r["date"], "workOrders": r["workOrders"], "breakBefore": brk})
        return routes

    def check(self, routes):
        """Breaches of the routes, by this script's own reading of the rules: skills, exclusions, requirements and
        locks, windows, shift end with the drive home plus overtime, the break, max jobs, van load, each order once.
        Returns (breaches, travel seconds, travel metres)."""
        breaches = []
        seen = set()
        techs = {t["id"]: (k, t) for k, t in enumerate(self.technicians)}
        day_of = {(self.technicians[ti]["id"], date): si for ti, si, date in self.days()}
        by_number = {o["number"]: o for o in self.orders}
        travel_s = travel_m = 0
        for route in routes:
            ti, tech = techs[route["technicianId"]]
            shift = tech["shifts"][day_of[(route["technicianId"], route["date"])]]
            limits = tech.get("limits", {})
            name = "%s %s" % (route["technicianId"], route["date"])
            levels = {s["skill"]: s["level"] for s in tech.get("skills", [])}
            time, here, load = self.t(shift["start"]), ti, 0
            pause = shift.get("break")
            departure = None
            for k, number in enumerate(route["workOrders"]):
                order = by_number.get(number)
                if order is None or number in seen:
                    breaches.append("%s: %s unknown, not to be planned, or planned twice" % (name, number))
                    continue
                seen.add(number)
                loc = self.location(order)
                drive = self.seconds[here, loc]
                travel_s += drive
                travel_m += self.metres[here, loc]
                if departure is None:
                    departure = time
                arrival = time + drive
                if pause and k == route["breakBefore"]:
                    # The break before this visit: taken before driving or on arrival (while waiting), whichever
                    # lets the visit start first; it must start inside its window.
                    earliest, latest = self.t(pause["earliestStart"]), self.t(pause["latestEnd"]) - 60 * pause["minutes"]
                    options = [(max(time, earliest) + 60 * pause["minutes"] + drive, max(time, earliest)),
                               (max(arrival, earliest) + 60 * pause["minutes"], max(arrival, earliest))]
                    valid = [o for o in options if o[1] <= latest]
                    if not valid:
                        breaches.append("%s: break starts too late" % name)
                    arrival = min(valid or options)[0]
                lock = order.get("lock", {})
                windows = [(self.t(lock["start"]),) * 2] if lock.get("start") else \
                    [(self.t(w["start"]), self.t(w["end"])) for w in order.get("windows", [])] or [(-10**9, 10**9)]
                reachable = [w for w in windows if w[1] >= arrival]
                if not reachable:
                    breaches.append("%s: %s misses its windows" % (name, number))
                    start = arrival
                else:
                    start = max(arrival, reachable[0][0])
                if k == 0:
                    departure = start - drive  # leaving home as late as the first visit allows
                for r in order.get("requiredSkills", []):
                    if levels.get(r["skill"], 0) < r["minLevel"]:
                        breaches.append("%s: %s needs %s %d" % (name, number, r["skill"], r["minLevel"]))
                if tech["id"] in order.get("excludedTechnicians", []) or (order.get("requiredTechnicians") and tech["id"] not in order["requiredTechnicians"]) \
                        or (lock.get("technicianId") and lock["technicianId"] != tech["id"]):
                    breaches.append("%s: %s may not go to this technician" % (name, number))
                load += order.get("load", 0)
                time, here = start + 60 * order["durationMinutes"], loc
            if pause and route["workOrders"] and route["breakBefore"] == len(route["workOrders"]):
                start = max(time, self.t(pause["earliestStart"]))
                if start > self.t(pause["latestEnd"]) - 60 * pause["minutes"]:
                    breaches.append("%s: break starts too late" % name)
                time = start + 60 * pause["minutes"]
            if pause and route["workOrders"] and route["breakBefore"] is None:
                breaches.append("%s: no break" % name)
            if not route["workOrders"]:
                continue
            travel_s += self.seconds[here, ti]
            travel_m += self.metres[here, ti]
            if time + self.seconds[here, ti] > self.t(shift["end"]) + 60 * limits.get("overtimeMinutes", 0):
                breaches.append("%s: home after the shift and its overtime" % name)
            working = time + self.seconds[here, ti] - (departure or 0) - (60 * pause["minutes"] if pause else 0)
            if limits.get("maxWorkingMinutes") is not None and working > 60 * limits["maxWorkingMinutes"]:
                breaches.append("%s: %d working minutes, over %d" % (name, working // 60, limits["maxWorkingMinutes"]))
            if limits.get("maxJobsPerDay") is not None and len(route["workOrders"]) > limits["maxJobsPerDay"]:
                breaches.append("%s: more than %d jobs" % (name, limits["maxJobsPerDay"]))
            if limits.get("vanCapacity") is not None and load > limits["vanCapacity"]:
                breaches.append("%s: load %d over the van's %d" % (name, load, limits["vanCapacity"]))
        return breaches, travel_s, travel_m


def fieldops_plan(field, path, time_limit):
    out = path.replace(".json", "-plan.json")
    started = time.monotonic()
    subprocess.run([args.fieldops, "plan", path, "--time-limit", str(time_limit), "--threads", str(args.threads), "--out", out, "--no-color"],
                   check=True, stdout=subprocess.DEVNULL)
    return json.load(open(out)), time.monotonic() - started


def scored(field, path, routes, tag):
    """FieldOps' plan of the given routes (its score, its lateness)."""
    routes_path = path.replace(".json", "-%s-routes.json" % tag)
    json.dump([{k: r[k] for k in ("technicianId", "date", "workOrders")} for r in routes], open(routes_path, "w"))
    out = routes_path.replace("-routes.json", "-plan.json")
    subprocess.run([args.fieldops, "score", path, "--routes", routes_path, "--out", out, "--no-color"], check=True, stdout=subprocess.DEVNULL)
    return json.load(open(out))


def summary(field, plan, routes):
    breaches, travel_s, travel_m = field.check(routes)
    assigned = {a["workOrder"] for a in plan["assignments"]}
    by_priority = {p: 0 for p in PRIORITIES}
    weight_left = 0
    for order in field.orders:
        p = field.priority(order)
        if order["number"] in assigned:
            by_priority[p] += 1
        else:
            weight_left += field.weights[p]
    late = sum(a["explanation"]["contributions"]["resolutionLateMinutes"] + a["explanation"]["contributions"]["responseLateMinutes"]
               for a in plan["assignments"])
    score = plan["score"]
    return dict(assigned=by_priority, left=weight_left, travel_h=travel_s / 3600, travel_km=travel_m / 1000, late_min=late,
                score="%d/%d/%d" % (score["hard"], score["medium"], score["soft"]), breaches=breaches)


def problems():
    for size in args.sizes.split(","):
        if size == "demo":
            yield "demo", json.load(open(args.demo))
            continue
        orders, technicians, days = (int(x) for x in size.split("x"))
        path = os.path.join(work, "generated-%s.json" % size)
        subprocess.run([args.fieldops, "generate", "--orders", str(orders), "--technicians", str(technicians), "--days", str(days),
                        "--seed", "1", "--out", path], check=True, stdout=subprocess.DEVNULL)
        yield "%d × %d × %d days" % (orders, technicians, days), json.load(open(path))


lines = [
    "# Field days: FieldOps and VROOM",
    "",
    "- Date: %s; machine: %s, %d cores; FieldOps %s, pyvroom %s; %d thread(s) each, run one after the other" % (
        datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), platform.machine(), os.cpu_count(),
        subprocess.run(["git", "-C", os.path.dirname(os.path.abspath(__file__)), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip(),
        __import__("importlib.metadata").metadata.version("pyvroom"), args.threads),
    "- Command: `bash benchmarks/field/run.sh %s`; load average at the start: %s" % (
        " ".join(sys.argv[1:][2:]) if False else "--sizes %s --time-limit %g --threads %d%s" % (args.sizes, args.time_limit, args.threads, " --vroom-own-time" if args.vroom_own_time else ""),
        " ".join("%.2f" % x for x in os.getloadavg())),
    "- Same travel matrix for both: FieldOps' haversine model rounded up to whole minutes, given in seconds (so that"
    " FieldOps, which plans in minutes, and VROOM see the same times);"
    " VROOM priorities are FieldOps' `unassigned` weights scaled to 0–100; exploration level %d." % args.exploration,
    "- 'left out' is the unassigned weight (FieldOps' medium level); travel and breaches are this script's own checker's;"
    " 'FieldOps score' is FieldOps' score of each plan (`fieldops score` for VROOM's routes).",
    "",
    "| problem | policy | solver | time | assigned P1/P2/P3/P4 | left out (weight) | travel h | travel km | SLA late min | FieldOps score | breaches |",
    "|---|---|---|---:|---|---:|---:|---:|---:|---|---:|",
]
for label, problem in problems():
    field = Field(problem)
    for policy in args.policies.split(","):
        path = field.write_fieldops("%s-%s" % (label.split(" ")[0], policy), sla_weights=policy == "default")
        runs = []
        if args.vroom_own_time:
            runs.append(None)
        runs.append(args.time_limit)
        for limit in runs:
            started = time.monotonic()
            solution = field.vroom_input().solve(exploration_level=args.exploration, nb_threads=args.threads,
                                                  timeout=None if limit is None else datetime.timedelta(seconds=limit))
            vroom_time = time.monotonic() - started
            vroom_routes = field.vroom_routes(solution)
            search = vroom_time if limit is None else limit
            plan, fieldops_time = fieldops_plan(field, path, search)
            results = [("VROOM", vroom_time, summary(field, scored(field, path, vroom_routes, "vroom"), vroom_routes)),
                       ("FieldOps", fieldops_time, summary(field, plan, field.fieldops_routes(plan)))]
            for solver, seconds, s in results:
                lines.append("| %s | %s | %s | %.0f s | %s | %d | %.1f | %.0f | %d | %s | %d |" % (
                    label, policy, solver, seconds, "/".join(str(s["assigned"][p]) for p in PRIORITIES), s["left"], s["travel_h"],
                    s["travel_km"], s["late_min"], s["score"], len(s["breaches"])))
                print(lines[-1], file=sys.stderr)
                for breach in s["breaches"][:5]:
                    print("   ", solver, breach, file=sys.stderr)
text = "\n".join(lines) + "\n"
print(text)
if args.out:
    open(args.out, "w").write(text)
