#!/usr/bin/env bash
# Start-up cost: whole-process CPU time (user + system) and peak RSS, median of RUNS (default 10).
#
#   Benchmarks/startup.sh            uses .build/release/resilienz (RESILIENZ overrides)
#
# Rows: a bare Swift binary that imports Foundation and prints one line (built here with
# `swiftc -O`), `resilienz --version`, and `resilienz` with the shipped knowledge base up to the
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
export XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data

# os.wait4 gives each child's CPU time in microseconds (/usr/bin/time rounds to 10 ms).
measure() {    # label, then the command; stdin is 'ende'
  python3 - "$RUNS" "$@" <<'PY'
import os, statistics, subprocess, sys
runs, label, argv = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
cpu, rss = [], []
for _ in range(runs):
    child = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    child.stdin.write(b"ende\n")
    child.stdin.close()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = 0
    cpu.append((usage.ru_utime + usage.ru_stime) * 1000)
    rss.append(usage.ru_maxrss / 1024)
print("%-44s %8.1f ms %8.1f MiB" % (label, statistics.median(cpu), statistics.median(rss)))
PY
}

printf '%-44s %11s %12s\n' program "CPU median" "peak RSS"
measure "bare Swift binary with Foundation" "$work/hello-foundation"
measure "resilienz --version" "$RESILIENZ" --version
printf 'ende\n' | "$RESILIENZ" >/dev/null 2>&1    # warms the snapshot cache
measure "resilienz to first question, warm snapshot" "$RESILIENZ"
measure "resilienz to first question, from source" env RESILIENZ_SNAPSHOT=aus "$RESILIENZ"
