"""Size and start time of the Linux bundle (installer/build-linux.sh) beside `uv run
albergue`, in the same run: each starts offscreen on the same fresh demo database, opens the
sign-in and quits (the hidden --smoke-test); runs interleaved so that a busy machine slows
both alike. Prints wall-clock seconds (best and median) and the ratio.

Usage: uv run python bench/bench_bundle.py [--bundle dist/albergue-*/albergue] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def timed(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, cwd=ROOT)
    took = time.perf_counter() - started
    if done.returncode != 0 or "sign-in shown" not in done.stdout:
        sys.exit(f"{argv[0]} did not open the sign-in (exit {done.returncode}):\n"
                 f"{done.stdout}{done.stderr}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, help="the bundle's folder (default: newest "
                        "dist/albergue-*/albergue)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    bundle = args.bundle or max(ROOT.glob("dist/albergue-*/albergue"),
                                key=lambda p: p.stat().st_mtime, default=None)
    if bundle is None or not (bundle / "albergue").is_file():
        sys.exit("no bundle: run installer/build-linux.sh first")
    tarballs = sorted(ROOT.glob(f"dist/{bundle.parent.name}.tar.gz"))
    print(f"Bundle {bundle}")
    print(f"  unpacked {size(bundle) / 1e6:7.1f} MB, {sum(1 for _ in bundle.rglob('*')):,} files")
    if tarballs:
        print(f"  tarball  {tarballs[0].stat().st_size / 1e6:7.1f} MB ({tarballs[0].name})")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.sqlite"
        subprocess.run([str(bundle / "albergue"), "demo", "--db", str(db), "--persons", "60",
                        "--centers", "2"], check=True, capture_output=True, env=env)
        commands = {
            "bundle": [str(bundle / "albergue"), "--db", str(db), "--smoke-test"],
            "uv run albergue": ["uv", "run", "--frozen", "albergue", "--db", str(db),
                                "--smoke-test"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, argv in commands.items():
                times[name].append(timed(argv, env))
    print(f"Start to sign-in and scripted quit, offscreen ({args.runs} runs each, interleaved)")
    for name, values in times.items():
        print(f"  {name:<16} best {min(values):5.2f} s  median {statistics.median(values):5.2f} s")
    ratio = statistics.median(times["bundle"]) / statistics.median(times["uv run albergue"])
    print(f"  bundle / uv run  {ratio:5.2f}x (median)")


if __name__ == "__main__":
    main()
