#!/usr/bin/env bash
# Start-up cost: whole-process CPU time (user + system) and peak RSS, median of RUNS (default 10).
#
#   Benchmarks/startup.sh            uses .build/release/resilienz (RESILIENZ overrides)
#
# Rows: a bare Swift binary that imports Foundation and prints one line (built here with
# `swiftc -O`, and once more with `-static-stdlib`), `resilienz --version`, and `resilienz` with
# the shipped knowledge base up to the first question and `ende` — once with a warm snapshot
# cache, once with RESILIENZ_SNAPSHOT=aus (parsing and checking every file). The cache lives in a
# temporary XDG_CACHE_HOME. The programs take turns, run by run, so that other load on the
# machine falls on every row alike; the last line is the warm start's CPU time over the bare
# Foundation binary's (the target of issue #18: at most 2).
set -euo pipefail
cd "$(dirname "$0")/.."
RESILIENZ=${RESILIENZ:-.build/release/resilienz}
RUNS=${RUNS:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'import Foundation\nprint("hallo \\(ProcessInfo.processInfo.processIdentifier > 0)")\n' >"$work/hello.swift"
swiftc -O "$work/hello.swift" -o "$work/hello-foundation" 2>/dev/null
swiftc -O -static-stdlib "$work/hello.swift" -o "$work/hello-foundation-static" 2>/dev/null
export XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data
printf 'ende\n' | "$RESILIENZ" >/dev/null 2>&1    # warms the snapshot cache
sleep 2.5    # older than the racy window, so the snapshot's fingerprint is trusted from now on
printf 'ende\n' | "$RESILIENZ" >/dev/null 2>&1

# os.wait4 gives each child's CPU time in microseconds (/usr/bin/time rounds to 10 ms). Peak
# RSS comes from separate runs under /usr/bin/time: a child forked from Python inherits Python's
# high-water mark (about 15 MiB) through exec, which would hide any smaller figure.
python3 - "$RUNS" "$work/rss" "$work/hello-foundation" "$work/hello-foundation-static" "$RESILIENZ" <<'PY'
import os, statistics, subprocess, sys
runs, rss_file, hello, hello_static, resilienz = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
rows = [
    ("bare Swift binary with Foundation", [hello]),
    ("the same, -static-stdlib", [hello_static]),
    ("resilienz --version", [resilienz, "--version"]),
    ("resilienz to first question, warm snapshot", [resilienz]),
    ("resilienz to first question, from source", ["env", "RESILIENZ_SNAPSHOT=aus", resilienz]),
]
def run(command):
    child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:    # a program that reads nothing may be gone before its input is written
        child.stdin.write(b"ende\n")
        child.stdin.close()
    except BrokenPipeError:
        pass
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = 0
    return usage
cpu = {label: [] for label, _ in rows}
rss = {label: [] for label, _ in rows}
for _ in range(runs):
    for label, command in rows:
        usage = run(command)
        cpu[label].append((usage.ru_utime + usage.ru_stime) * 1000)
        run(["/usr/bin/time", "-f", "%M", "-o", rss_file] + command)
        with open(rss_file) as kilobytes:
            rss[label].append(int(kilobytes.read().split()[-1]) / 1024)
print("%-44s %11s %12s" % ("program", "CPU median", "peak RSS"))
for label, _ in rows:
    print("%-44s %8.1f ms %8.1f MiB" % (label, statistics.median(cpu[label]), statistics.median(rss[label])))
ratio = statistics.median(cpu[rows[3][0]]) / statistics.median(cpu[rows[0][0]])
print("warm start / bare Foundation binary: %.2f×" % ratio)
PY
