#!/usr/bin/env bash
# resilienz scale benchmark: our engine against CLIPS 6.30 on generated rule bases.
#
#   Benchmarks/run.sh [SIZE ...]          default sizes: 1000 10000 100000 rules
#
# Environment:
#   RESILIENZ  our binary (default .build/release/resilienz, relative to the repository root;
#              built with `swift build -c release --product resilienz` only when missing)
#   ENGINES    engines to run, in this order (default "resilienz snapshot clips bload"):
#              resilienz from source (RESILIENZ_SNAPSHOT=aus), resilienz from a warm snapshot
#              cache, CLIPS from the program source, CLIPS from a bsave image (bload);
#              `reference` adds the Python reference evaluator Benchmarks/reference_eval.py
#   SEED       generator seed (default 1)
#   SHAPES     rule-base shapes (default "layered wide chains", see generate.py --shape)
#   REPEAT     runs per engine; the row shows the median seconds and peak MiB (default 1)
#
# For every shape and size: generate Benchmarks/out/SHAPE/N (N/20 questions; 200 for `wide`),
# run each engine under /usr/bin/time, print one row per engine and compare the sorted
# conclusions. A row says `identical` when its conclusions equal those of every other engine at
# that shape and size. On a difference, a failed engine or unexpected output the script shows
# the evidence and exits 1.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
RESILIENZ=${RESILIENZ:-.build/release/resilienz}
ENGINES=${ENGINES:-resilienz snapshot clips bload}
SEED=${SEED:-1}
SHAPES=${SHAPES:-layered wide chains}
REPEAT=${REPEAT:-1}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 100000)

need_apt=()
[ -x /usr/bin/time ] || need_apt+=(time)
if [[ " $ENGINES " == *" clips "* || " $ENGINES " == *" bload "* ]] && ! command -v clips >/dev/null; then need_apt+=(clips); fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]} ..." >&2
  apt-get update -qq >&2 && apt-get install -y -qq "${need_apt[@]}" >&2
fi
if [[ " $ENGINES " == *" resilienz "* ]] && [ ! -x "$RESILIENZ" ]; then
  echo "building resilienz (release) ..." >&2
  swift build -c release --product resilienz >&2
fi

# One conclusion per line: fact F | measure M 7.50 | pattern P -2.00
LINE_RE='^(fact [^ ]+|(measure|pattern) [^ ]+ -?[0-9]+\.[0-9][0-9])$'

set_cmd() {    # engine dir -> array cmd
  case $1 in
    resilienz) cmd=(env RESILIENZ_SNAPSHOT=aus "$RESILIENZ" evaluate --kb "$2/kb" --answers "$2/answers.txt") ;;
    snapshot)  cmd=(env XDG_CACHE_HOME="$2/cache" "$RESILIENZ" evaluate --kb "$2/kb" --answers "$2/answers.txt") ;;
    clips)     cmd=(clips -f2 "$2/clips/program.clp") ;;
    bload)     cmd=(clips -f2 "$2/clips/bload.clp") ;;
    reference) cmd=(python3 Benchmarks/reference_eval.py --kb "$2/kb" --answers "$2/answers.txt") ;;
    *) echo "unknown engine $1 (resilienz, snapshot, clips, bload, reference)" >&2; exit 2 ;;
  esac
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '%-8s %8s  %-10s %9s %9s %7s %9s %9s  %s\n' \
  shape rules engine seconds "peak MiB" facts measures patterns result
status=0
for shape in $SHAPES; do
for n in "${SIZES[@]}"; do
  dir=Benchmarks/out/$shape/$n
  questions=$(( n / 20 < 3 ? 3 : n / 20 ))
  [ "$shape" != wide ] || questions=200
  python3 Benchmarks/generate.py --shape "$shape" --rules "$n" --questions "$questions" --seed "$SEED" \
    --out "$dir" 2>/dev/null
  declare -A secs=() mib=()
  for e in $ENGINES; do
    set_cmd "$e" "$dir"
    case $e in
      snapshot)    # a first, unmeasured run compiles the base and writes the snapshot
        rm -rf "$dir/cache"
        "${cmd[@]}" </dev/null >/dev/null 2>&1 ;;
      bload)       # the same program, saved once with bsave (unmeasured), loaded with bload
        sed -e '/^(reset)$/,$d' "$dir/clips/program.clp" >"$dir/clips/bsave.clp"
        printf '(bsave "%s")\n(exit)\n' "$dir/clips/image.bin" >>"$dir/clips/bsave.clp"
        clips -f2 "$dir/clips/bsave.clp" </dev/null >/dev/null
        printf '(bload "%s")\n(reset)\n(run)\n(print-conclusions)\n(exit)\n' "$dir/clips/image.bin" \
          >"$dir/clips/bload.clp" ;;
    esac
    : >"$dir/$e.time"
    for _ in $(seq "$REPEAT"); do
      rc=0
      /usr/bin/time -a -f '%e %M' -o "$dir/$e.time" "${cmd[@]}" </dev/null >"$dir/$e.out" 2>"$dir/$e.err" || rc=$?
      if [ $rc -ne 0 ]; then
        echo "$e failed on $shape/$n rules (exit $rc): ${cmd[*]}" >&2
        tail -n 20 "$dir/$e.err" "$dir/$e.out" >&2
        exit 1
      fi
    done
    if grep -Evq "$LINE_RE" "$dir/$e.out"; then
      echo "$e printed something other than conclusions on $shape/$n rules (${cmd[*]}):" >&2
      grep -Ev "$LINE_RE" "$dir/$e.out" | head -n 20 >&2
      exit 1
    fi
    LC_ALL=C sort "$dir/$e.out" >"$dir/$e.sorted"
    secs[$e]=$(awk '{ print $1 }' "$dir/$e.time" | median)
    k=$(awk '{ print $2 }' "$dir/$e.time" | median)
    mib[$e]=$(awk -v k="$k" 'BEGIN { printf "%.1f", k / 1024 }')
  done
  set -- $ENGINES
  first=$1
  differs=()
  for e in $ENGINES; do
    cmp -s "$dir/$first.sorted" "$dir/$e.sorted" || differs+=("$e")
  done
  for e in $ENGINES; do
    if [ $# -eq 1 ]; then verdict=-
    elif [ ${#differs[@]} -eq 0 ]; then verdict=identical
    else verdict=DIFFERENT
    fi
    printf '%-8s %8d  %-10s %9s %9s %7d %9d %9d  %s\n' "$shape" "$n" "$e" "${secs[$e]}" "${mib[$e]}" \
      "$(grep -c '^fact ' "$dir/$e.sorted" || true)" \
      "$(grep -c '^measure ' "$dir/$e.sorted" || true)" \
      "$(grep -c '^pattern ' "$dir/$e.sorted" || true)" "$verdict"
  done
  if [ ${#differs[@]} -gt 0 ]; then
    for e in "${differs[@]}"; do
      echo "--- $first vs $e on $shape/$n rules ($ROOT/$dir):" >&2
      diff "$dir/$first.sorted" "$dir/$e.sorted" | head -n 20 >&2 || true
    done
    status=1
    break 2
  fi
  unset secs mib
done
done
exit $status
