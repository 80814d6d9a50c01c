#!/usr/bin/env bash
# Start-up cost: whole-process CPU time (user + system) and peak RSS, median of RUNS (default 10).
#
#   Benchmarks/startup.sh            uses .build/release/resilienz (RESILIENZ overrides)
#
# Rows: a bare Swift binary that imports Foundation and prints one line (built here with
# `swiftc -O`, and once more with `-static-stdlib`), `resilienz --version`, and `resilienz` with the shipped knowledge base up to the
# first question and `ende` — once with a warm snapshot cache, once with RESILIENZ_SNAPSHOT=aus
# (parsing and checking every file). The cache lives in a temporary XDG_CACHE_HOME.
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

# os.wait4 gives each child's CPU time in microseconds (/usr/bin/time rounds to 10 ms). Peak
# RSS comes from separate runs under /usr/bin/time: a child forked from Python inherits Python's
# high-water mark (about 15 MiB) through exec, which would hide any smaller figure.
measure() {    # label, then the command; stdin is 'ende'
  python3 - "$RUNS" "$work/rss" "$@" <<'PY'
import os, statistics, subprocess, sys
runs, rss_file, label, argv = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
def run(command):
    child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    child.stdin.write(b"ende\n")
    child.stdin.close()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = 0
    return usage
cpu, rss = [], []
for _ in range(runs):
    usage = run(argv)
    cpu.append((usage.ru_utime + usage.ru_stime) * 1000)
    run(["/usr/bin/time", "-f", "%M", "-o", rss_file] + argv)
    with open(rss_file) as kilobytes:
        rss.append(int(kilobytes.read().split()[-1]) / 1024)
print("%-44s %8.1f ms %8.1f MiB" % (label, statistics.median(cpu), statistics.median(rss)))
PY
}

printf '%-44s %11s %12s\n' program "CPU median" "peak RSS"
measure "bare Swift binary with Foundation" "$work/hello-foundation"
measure "the same, -static-stdlib" "$work/hello-foundation-static"
measure "resilienz --version" "$RESILIENZ" --version
printf 'ende\n' | "$RESILIENZ" >/dev/null 2>&1    # warms the snapshot cache
measure "resilienz to first question, warm snapshot" "$RESILIENZ"
measure "resilienz to first question, from source" env RESILIENZ_SNAPSHOT=aus "$RESILIENZ"
