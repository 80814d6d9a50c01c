#!/usr/bin/env python3
"""resilienz from source against CLIPS from source, run by run in turn on generated bases.

    python3 Benchmarks/interleaved.py SIZE SHAPE... [--runs N] [--resilienz BINARY] [--baseline BINARY]

Both programs take turns, so that load from other work on the machine falls on both alike.
Each run's wall time comes from the clock around the child and its CPU time (user + system, all
threads) from wait4, with microsecond resolution where /usr/bin/time rounds to 10 ms. Peak memory
(maximum resident set) comes from a second run of the same command under `/usr/bin/time -f %M`:
wait4's figure for a child of this script includes the memory of the Python process it was
forked from. Prints the medians and the ratios CLIPS / resilienz.

The bare processes, `resilienz --version` and CLIPS on a program that only exits, run in the same
turns, so that the memory each program needs above its own bare process is measured on the same
copy of the binary (how much of a binary's pages a run maps depends on the state of the page
cache, which varies between copies by up to a megabyte).

`--baseline BINARY` runs a second resilienz in the same turns, to compare two builds.

Expects the bases of Benchmarks/run.sh (Benchmarks/out/SHAPE/SIZE); run that first, which also
checks that the conclusions agree.
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time


def run(command, environment):
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        raise SystemExit(f"{command[0]} failed with status {status}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def measure(command, environment):
    """Wall seconds, CPU seconds and peak MiB of one run each."""
    wall, cpu = run(command, environment)
    with tempfile.NamedTemporaryFile("r") as report:
        run(["/usr/bin/time", "-f", "%M", "-o", report.name] + command, environment)
        peak = int(report.read().split()[-1]) / 1024
    return wall, cpu, peak


def medians(runs):
    return tuple(statistics.median(run[index] for run in runs) for index in range(3))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("size")
    parser.add_argument("shapes", nargs="+")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--resilienz", default=".build/release/resilienz")
    parser.add_argument("--baseline")
    arguments = parser.parse_args()
    environment = dict(os.environ, RESILIENZ_SNAPSHOT="aus")
    with tempfile.NamedTemporaryFile("w", suffix=".clp", delete=False) as exit_only:
        exit_only.write("(exit)\n")
    binaries = [arguments.resilienz] + ([arguments.baseline] if arguments.baseline else [])
    try:
        for shape in arguments.shapes:
            base = f"Benchmarks/out/{shape}/{arguments.size}"
            commands = {
                binary: [binary, "evaluate", "--kb", f"{base}/kb", "--answers", f"{base}/answers.txt"]
                for binary in binaries
            }
            commands["clips"] = ["clips", "-f2", f"{base}/clips/program.clp"]
            bare = {binary: [binary, "--version"] for binary in binaries}
            bare["clips"] = ["clips", "-f2", exit_only.name]
            runs = {name: [] for name in commands}
            bare_runs = {name: [] for name in commands}
            for _ in range(arguments.runs):
                for name in commands:
                    runs[name].append(measure(commands[name], environment))
                    bare_runs[name].append(measure(bare[name], environment))
            clips_wall, clips_cpu, clips_memory = medians(runs["clips"])
            clips_bare = medians(bare_runs["clips"])[2]
            for binary in binaries:
                wall, cpu, memory = medians(runs[binary])
                bare_memory = medians(bare_runs[binary])[2]
                print(
                    f"{shape} {arguments.size} {binary}: {wall * 1000:.1f} ms wall, {cpu * 1000:.1f} ms CPU, "
                    f"{memory:.1f} MiB ({memory - bare_memory:.1f} above its bare {bare_memory:.1f}) | "
                    f"CLIPS {clips_wall * 1000:.0f} ms wall, {clips_cpu * 1000:.0f} ms CPU, {clips_memory:.1f} MiB "
                    f"({clips_memory - clips_bare:.1f} above its bare {clips_bare:.1f}) | "
                    f"{clips_wall / wall:.1f}x wall, {clips_cpu / cpu:.1f}x CPU"
                )
    finally:
        os.unlink(exit_only.name)


if __name__ == "__main__":
    main()
