#!/usr/bin/env python3
"""How fast `deck build` is at every size, side by side with a bare python-pptx script.

    .venv/bin/python bench/run.py                 # 1x, 10x, 50x; 5 runs each (3 at 50x)
    .venv/bin/python bench/run.py --sizes 1,10 --runs 9
    .venv/bin/python bench/run.py --profile 10    # also: where the time of a 10x build goes

It prints figures and asserts nothing (speed is measured here, not in the tests). Every build is
a whole new process (`python -m deck build`, cold): wall time as the user waits for it, CPU time
(user + system) and peak memory (the child's maximum resident set, from wait4). The bare script
(bench/bare_pptx.py) builds the same number of slides, each with a title, a text and notes, on
python-pptx's default template without any check. Runs of deck and of the bare script alternate,
so both see the same load on the machine.

The reference floor (bench/bare_reference.py, a published bare python-pptx script, with its input
bench/bare-deck-1x.json: the same argument as 23 slides with notes) is what the shipped deck's cold
build is held to: within 1.75x of its time, the two run alternately, median of seven each.

The deck measured is this checkout's: a copy of deck/ on PYTHONPATH, compiled to bytecode first as
installing it does (--no-bytecode: compiled from source in every process, as Python does with
PYTHONDONTWRITEBYTECODE set and no cached bytecode).

The outlines are the shipped outline.yaml with its sections repeated (bench/outlines.py). Also
measured: `deck --help` (and whether it imports pptx), a rebuild in a warm process (what
`deck build --watch` does after an edit) and several outlines in one call, in parallel.
"""
from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import outlines  # noqa: E402  (bench/outlines.py)

PYTHON = sys.executable
REFERENCE = HERE / "bare_reference.py"
REFERENCE_INPUT = HERE / "bare-deck-1x.json"
REFERENCE_RUNS = 7
TARGET_REFERENCE_RATIO = 1.75  # the shipped deck, cold, against the reference floor
TARGET_50X_S = 2.0
TARGET_MIB = 150
TARGET_GROWTH = 60  # 50x may cost at most 60x of 1x
TARGET_WARM_MS = 150


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # seconds, user + system
    peak_mib: float
    stdout: str


ENV = dict(os.environ)  # the children's: PYTHONPATH to the copy of deck measured (use_checkout)


def use_checkout(work: Path, bytecode: bool) -> None:
    """Measure this checkout's deck (not whichever is installed): a copy of deck/ first on the path."""
    code = work / "code"
    shutil.copytree(ROOT / "deck", code / "deck", ignore=shutil.ignore_patterns("__pycache__"))
    if bytecode:
        compileall.compile_dir(code, quiet=1)
    else:
        ENV["PYTHONDONTWRITEBYTECODE"] = "1"
    ENV["PYTHONPATH"] = os.pathsep.join([str(code), ENV["PYTHONPATH"]]) if ENV.get("PYTHONPATH") else str(code)


def run(cmd: list[str], cwd: Path) -> Run:
    """One process, measured: wall time, CPU time and peak memory of exactly this child."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, env=ENV)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{stdout}{stderr}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout)


def summary(runs: list[Run]) -> dict:
    walls = [r.wall for r in runs]
    return {"median": statistics.median(walls), "min": min(walls), "max": max(walls),
            "cpu": statistics.median(r.cpu for r in runs), "peak_mib": max(r.peak_mib for r in runs)}


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}; load average {load:.1f} at the start")


def slides_in(stdout: str) -> int:
    found = re.search(r": (\d+) slides", stdout)
    if not found:
        raise SystemExit(f"no slide count in deck's output: {stdout!r}")
    return int(found[1])


# -- the parts of the benchmark -------------------------------------------------------------------


def scaling(work: Path, sizes: list[int], runs: int, big_runs: int, bare: bool) -> dict[int, dict]:
    paths = outlines.write_scaled(work, sizes)
    results = {}
    for factor in sizes:
        n = big_runs if factor >= 50 else runs
        out = work / f"deck-{factor}x.pptx"
        deck_runs, bare_runs = [], []
        for _ in range(n):
            deck_runs.append(run([PYTHON, "-m", "deck", "build", str(paths[factor]), "-o", str(out)], work))
            if bare:
                count = slides_in(deck_runs[0].stdout)
                bare_runs.append(run([PYTHON, str(HERE / "bare_pptx.py"), str(count), str(work / "bare.pptx")],
                                     work))
        results[factor] = {"slides": slides_in(deck_runs[0].stdout), "deck": summary(deck_runs),
                           "bare": summary(bare_runs) if bare else None}
        print(f"  {factor}x done", file=sys.stderr)
    return results


def reference(work: Path, runs: int) -> dict:
    """The shipped deck cold against the reference floor, alternately, `runs` times each."""
    deck_runs, floor_runs = [], []
    for _ in range(runs):
        deck_runs.append(run([PYTHON, "-m", "deck", "build", str(ROOT / "outline.yaml"),
                              "-o", str(work / "shipped.pptx")], work))
        floor_runs.append(run([PYTHON, str(REFERENCE), str(REFERENCE_INPUT), str(work / "reference.pptx")], work))
    return {"slides": slides_in(deck_runs[0].stdout), "deck": summary(deck_runs), "floor": summary(floor_runs)}


def help_check(work: Path, runs: int) -> dict:
    timed = summary([run([PYTHON, "-m", "deck", "--help"], work) for _ in range(runs)])
    proc = subprocess.run([PYTHON, "-X", "importtime", "-m", "deck", "--help"], cwd=work,
                          capture_output=True, text=True, check=True, env=ENV)
    imported = [line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if "|" in line]
    timed["imports_pptx"] = any(name == "pptx" or name.startswith("pptx.") for name in imported)
    return timed


def warm_rebuild(work: Path, runs: int) -> dict:
    proc = subprocess.run([PYTHON, str(HERE / "warm.py"), "--runs", str(runs), "--work", str(work / "warm")],
                          capture_output=True, text=True, env=ENV)
    if proc.returncode != 0:
        return {"error": (proc.stderr or proc.stdout).strip().splitlines()[-1]}
    return json.loads(proc.stdout)


def parallel(work: Path, copies: int, runs: int) -> dict:
    """`deck build a.yaml b.yaml ...`: the default (one process per core) against --jobs 1."""
    source = outlines.write_scaled(work / "parallel", [10])[10]
    files = []
    for i in range(copies):
        path = work / "parallel" / f"outline-{i + 1}.yaml"
        shutil.copyfile(source, path)
        files.append(str(path))
    try:
        one = summary([run([PYTHON, "-m", "deck", "build", *files, "--jobs", "1"], work) for _ in range(runs)])
        many = summary([run([PYTHON, "-m", "deck", "build", *files], work) for _ in range(runs)])
    except SystemExit as err:
        return {"error": str(err).splitlines()[0]}
    return {"copies": copies, "jobs1": one, "default": many}


_PROFILE = """
import cProfile, pstats, sys
from pathlib import Path
from deck.build import build
outline, deck, stats, top = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
cProfile.run("build(outline, deck)", stats)
for order in ("cumulative", "tottime"):
    pstats.Stats(stats).sort_stats(order).print_stats(top)
"""


def profile(work: Path, factor: int, top: int) -> None:
    path = outlines.write_scaled(work / "profile", [factor])[factor]
    subprocess.run([PYTHON, "-c", _PROFILE, str(path), str(work / "profile.pptx"), str(work / "prof"), str(top)],
                   cwd=work, check=True, env=ENV)


# -- report --------------------------------------------------------------------------------------


def fmt(s: dict | None) -> str:
    if not s:
        return "-"
    return f"{s['median']:6.2f} s ({s['min']:.2f}–{s['max']:.2f})"


def report(results: dict[int, dict], floor: dict | None, helped: dict | None, warm: dict | None,
           par: dict | None) -> None:
    print(f"\nmachine: {machine()}\n")
    checks = []
    if floor:
        d, f = floor["deck"], floor["floor"]
        ratio = d["median"] / f["median"]
        print(f"shipped deck ({floor['slides']} slides) cold: {fmt(d)}, CPU {d['cpu']:.2f} s, {d['peak_mib']:.0f} MiB;"
              f" reference floor: {fmt(f)}, CPU {f['cpu']:.2f} s, {f['peak_mib']:.0f} MiB\n")
        checks.append((ratio <= TARGET_REFERENCE_RATIO,
                       f"shipped deck cold: {d['median']:.3f} s, reference floor {f['median']:.3f} s: {ratio:.2f}x "
                       f"(target <= {TARGET_REFERENCE_RATIO:g}x; medians of {REFERENCE_RUNS}, alternating)"))
    print(f"{'size':>4} {'slides':>6} | {'deck build: wall median (min–max)':>34} {'CPU':>7} {'peak':>8}"
          f" | {'bare python-pptx':>26} {'peak':>8} | deck/bare")
    for factor, r in results.items():
        d, b = r["deck"], r["bare"]
        ratio = f"{d['median'] / b['median']:.2f}" if b else "-"
        print(f"{factor:>3}x {r['slides']:>6} | {fmt(d):>34} {d['cpu']:6.2f}s {d['peak_mib']:5.0f} MiB"
              f" | {fmt(b):>26} {(b['peak_mib'] if b else 0):5.0f} MiB | {ratio:>8}")
    print()
    sizes = sorted(results)
    if 50 in results:
        d = results[50]["deck"]
        checks.append((d["median"] < TARGET_50X_S,
                       f"50x ({results[50]['slides']} slides): {d['median']:.2f} s (target < {TARGET_50X_S:g} s)"))
        checks.append((d["peak_mib"] < TARGET_MIB,
                       f"50x peak memory: {d['peak_mib']:.0f} MiB (target < {TARGET_MIB} MiB)"))
        if 1 in results:
            growth = d["median"] / results[1]["deck"]["median"]
            checks.append((growth <= TARGET_GROWTH, f"50x costs {growth:.1f}x of 1x (target <= {TARGET_GROWTH}x; "
                                                    f"slides x{results[50]['slides'] / results[1]['slides']:.1f})"))
    for small, big in zip(sizes, sizes[1:], strict=False):
        a, b = results[small], results[big]
        per_a = a["deck"]["median"] / a["slides"] * 1000
        per_b = b["deck"]["median"] / b["slides"] * 1000
        print(f"per slide: {small}x {per_a:.1f} ms, {big}x {per_b:.1f} ms")
    if helped:
        checks.append((not helped["imports_pptx"],
                       f"deck --help: {helped['median']:.2f} s, "
                       f"imports pptx: {'yes' if helped['imports_pptx'] else 'no'}"))
    if warm:
        if "error" in warm:
            checks.append((False, f"warm rebuild: {warm['error']}"))
        else:
            checks.append((warm["edit"]["median"] * 1000 < TARGET_WARM_MS,
                           f"warm rebuild after an edit: {warm['edit']['median'] * 1000:.0f} ms median "
                           f"({warm['edit']['min'] * 1000:.0f}–{warm['edit']['max'] * 1000:.0f}; "
                           f"unchanged: {warm['touch']['median'] * 1000:.0f} ms; cold in-process "
                           f"{warm['first'] * 1000:.0f} ms; target < {TARGET_WARM_MS} ms)"))
    if par:
        if "error" in par:
            checks.append((False, f"parallel builds: {par['error']}"))
        else:
            checks.append((par["default"]["median"] < par["jobs1"]["median"],
                           f"{par['copies']} outlines (10x) in one call: {par['default']['median']:.2f} s "
                           f"with a process per core, {par['jobs1']['median']:.2f} s with --jobs 1"))
    for ok, text in checks:
        print(f"[{'met' if ok else 'NOT met'}] {text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10,50", help="factors, comma-separated (default 1,10,50)")
    parser.add_argument("--runs", type=int, default=5, help="runs per size (default 5)")
    parser.add_argument("--big-runs", type=int, default=3, help="runs at 50x and more (default 3)")
    parser.add_argument("--no-bare", action="store_true", help="skip the bare python-pptx script")
    parser.add_argument("--no-reference", action="store_true", help="skip the shipped deck against the reference floor")
    parser.add_argument("--no-bytecode", action="store_true",
                        help="measure deck compiled from source in every process (no cached bytecode)")
    parser.add_argument("--no-extras", action="store_true", help="only the scaling table")
    parser.add_argument("--profile", type=int, metavar="FACTOR", help="print a cProfile of one build at FACTOR")
    parser.add_argument("--keep", type=Path, help="write the outlines and decks here (default: a temporary folder)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    work = args.keep or Path(tempfile.mkdtemp(prefix="deck-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        use_checkout(work, not args.no_bytecode)
        if args.profile:
            profile(work, args.profile, 40)
            return
        print(f"benchmarking in {work}", file=sys.stderr)
        floor = None if args.no_reference else reference(work, REFERENCE_RUNS)
        results = scaling(work, sizes, args.runs, args.big_runs, not args.no_bare)
        helped = warm = par = None
        if not args.no_extras:
            helped = help_check(work, args.runs)
            warm = warm_rebuild(work, max(args.runs, 10))
            par = parallel(work, max(2, os.cpu_count() or 2), min(args.runs, 3))
        report(results, floor, helped, warm, par)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
