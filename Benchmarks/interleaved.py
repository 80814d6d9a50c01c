#!/usr/bin/env python3
"""resilienz from source against CLIPS from source, run by run in turn on generated bases.

    python3 Benchmarks/interleaved.py SIZE SHAPE... [--runs N] [--resilienz BINARY]

Both programs take turns, so that load from other work on the machine falls on both alike.
Each run's wall time comes from the clock around the child, its CPU time (user + system, all
threads) from wait4 with microsecond resolution, where /usr/bin/time rounds to 10 ms. Prints
the medians and the ratios CLIPS / resilienz. Expects the bases of Benchmarks/run.sh
(Benchmarks/out/SHAPE/SIZE); run that first, which also checks that the conclusions agree.
"""
import argparse
import os
import statistics
import subprocess
import time


def measure(command, environment):
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        raise SystemExit(f"{command[0]} failed with status {status}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("size")
    parser.add_argument("shapes", nargs="+")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--resilienz", default=".build/release/resilienz")
    arguments = parser.parse_args()
    environment = dict(os.environ, RESILIENZ_SNAPSHOT="aus")
    for shape in arguments.shapes:
        base = f"Benchmarks/out/{shape}/{arguments.size}"
        ours = [arguments.resilienz, "evaluate", "--kb", f"{base}/kb", "--answers", f"{base}/answers.txt"]
        clips = ["clips", "-f2", f"{base}/clips/program.clp"]
        runs = [(measure(ours, environment), measure(clips, environment)) for _ in range(arguments.runs)]
        wall = statistics.median(run[0][0] for run in runs)
        cpu = statistics.median(run[0][1] for run in runs)
        clips_wall = statistics.median(run[1][0] for run in runs)
        clips_cpu = statistics.median(run[1][1] for run in runs)
        print(
            f"{shape} {arguments.size}: resilienz {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU | "
            f"CLIPS {clips_wall * 1000:.0f} ms wall, {clips_cpu * 1000:.0f} ms CPU | "
            f"{clips_wall / wall:.1f}x wall, {clips_cpu / cpu:.1f}x CPU"
        )


if __name__ == "__main__":
    main()
