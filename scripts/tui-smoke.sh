#!/usr/bin/env bash
# Scripted session of the planning TUI in a real terminal (tmux, 80×24), against the built CLI:
# opens it, selects a target, opens its porkchop, picks a trip, changes the power (first with a
# wrong unit), exports the yield forecast, keeps and compares plans, quits with q (exit 0) and,
# in a second session, with Ctrl+C (exit 130). Every screen is captured with `capture-pane -p`
# into a temp directory and printed. Also measures the time from spawn to the first frame.
#
#   npm run build && bash scripts/tui-smoke.sh [OUT_DIR]
#
# Exit status: 0 when every check passed, 1 otherwise (the failing check is printed).
set -u
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="$ROOT/dist/cli/bin.js"
OUT="${1:-$(mktemp -d "${TMPDIR:-/tmp}/prospector-tui-smoke.XXXXXX")}"
mkdir -p "$OUT"
SESSION="prospector-smoke-$$"
FAILED=0

command -v tmux >/dev/null || { echo "tui-smoke: tmux is not installed" >&2; exit 1; }
[ -f "$BIN" ] || { echo "tui-smoke: $BIN is missing; run \`npm run build\` first" >&2; exit 1; }

cleanup() { tmux kill-session -t "$SESSION" 2>/dev/null; tmux kill-session -t "$SESSION-c" 2>/dev/null; }
trap cleanup EXIT

now_ms() { date +%s%3N; }
capture() { tmux capture-pane -p -t "$1" > "$OUT/$2.txt"; tmux capture-pane -p -e -t "$1" > "$OUT/$2.ansi"; }
fail() { echo "FAIL: $*"; FAILED=1; }

# wait_for SESSION PATTERN TIMEOUT_S: polls the pane until grep -E matches.
wait_for() {
  local s="$1" pat="$2" deadline=$(( $(now_ms) + ${3:-10} * 1000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    tmux capture-pane -p -t "$s" 2>/dev/null | grep -Eq -- "$pat" && return 0
    sleep 0.05
  done
  fail "timed out waiting for /$pat/ in $s"
  tmux capture-pane -p -t "$s" 2>/dev/null | sed 's/^/    | /'
  return 1
}

# The command inside tmux: record the spawn time, run the CLI, then report the exit status and
# whether the terminal modes came back exactly as they were (raw mode undone).
run_cmd() {
  local tag="$1"; shift
  printf '%s' "cd '$OUT' && S0=\$(stty -g) && date +%s%3N > '$OUT/$tag.t0' && $* node '$BIN'; echo \"EXIT=\$?\"; [ \"\$(stty -g)\" = \"\$S0\" ] && echo TTY_RESTORED || echo TTY_NOT_RESTORED; sleep 30"
}

echo "== session 1: q to quit (output in $OUT)"
tmux new-session -d -s "$SESSION" -x 80 -y 24 "$(run_cmd s1)"
# First screen: spawn → the tab bar on screen.
if wait_for "$SESSION" '1 Targets' 10; then
  T1=$(now_ms); T0=$(cat "$OUT/s1.t0")
  FIRST_MS=$((T1 - T0))
  echo "first screen after ${FIRST_MS} ms (target < 1000 ms; includes tmux polling ≤ 50 ms)"
  echo "$FIRST_MS" > "$OUT/first-screen-ms.txt"
fi
capture "$SESSION" 01-first-screen
wait_for "$SESSION" '[0-9]+/[0-9]+ *$|/[—▏]' 15 && sleep 0.3
capture "$SESSION" 02-targets

# Select a target: incremental search, Enter keeps the search, Enter picks (opens the porkchop).
tmux send-keys -t "$SESSION" '/' ; sleep 0.2
tmux send-keys -t "$SESSION" -l '2000 SG344'; sleep 0.4
capture "$SESSION" 03-search
tmux send-keys -t "$SESSION" Enter; sleep 0.2
tmux send-keys -t "$SESSION" Enter
wait_for "$SESSION" 'best ◆' 20 && sleep 0.3
capture "$SESSION" 04-porkchop
grep -q '2000 SG344 · Earth → asteroid' "$OUT/04-porkchop.txt" || fail "porkchop is not for 2000 SG344"

# Move the cursor and pick a trip: round trip around that launch, mission window set.
tmux send-keys -t "$SESSION" Right Right Enter
wait_for "$SESSION" 'Round trip min Δv|Round trip 2|No ballistic' 30 && sleep 0.3
capture "$SESSION" 05-trip-picked

# Mission: wait for the plan, then change the power, first with a wrong unit.
tmux send-keys -t "$SESSION" 3
wait_for "$SESSION" 'Plan: [0-9]+ samples' 60 && sleep 0.3
capture "$SESSION" 06-mission
tmux send-keys -t "$SESSION" Enter C-u; sleep 0.2
tmux send-keys -t "$SESSION" -l '40 kg'; sleep 0.2
tmux send-keys -t "$SESSION" Enter
wait_for "$SESSION" "'40 kg' is not a power" 15 && sleep 0.2
capture "$SESSION" 07-power-wrong-unit
tmux send-keys -t "$SESSION" Enter C-u; sleep 0.2
tmux send-keys -t "$SESSION" -l '40 kW'; sleep 0.2
tmux send-keys -t "$SESSION" Enter
wait_for "$SESSION" 'SEP 40\.0 kW' 60 && wait_for "$SESSION" 'Plan: [0-9]+ samples' 60 && sleep 0.3
capture "$SESSION" 08-power-40kW

# Export the yield forecast (CSV, the CLI's writer), keep the plan, compare, supply.
tmux send-keys -t "$SESSION" e; sleep 0.3
capture "$SESSION" 09-export-prompt
tmux send-keys -t "$SESSION" Enter
wait_for "$SESSION" 'Exported the yield forecast' 10 && sleep 0.2
capture "$SESSION" 10-exported
CSV=$(ls "$OUT"/*-yield.csv 2>/dev/null | head -1)
if [ -n "$CSV" ]; then
  echo "exported: $CSV ($(wc -l < "$CSV") lines)"; head -2 "$CSV"
else
  fail "no yield CSV written in $OUT"
fi
tmux send-keys -t "$SESSION" k 5
wait_for "$SESSION" '1 kept' 10 && sleep 0.2
capture "$SESSION" 11-compare
tmux send-keys -t "$SESSION" 4
wait_for "$SESSION" '┤' 10 && sleep 0.2
capture "$SESSION" 12-supply
tmux send-keys -t "$SESSION" '?'
wait_for "$SESSION" 'Keys — everywhere' 5 && sleep 0.2
capture "$SESSION" 13-help
tmux send-keys -t "$SESSION" Escape; sleep 0.3

# Resize to 100×30 and back: the frame is redrawn for the new size.
tmux resize-window -t "$SESSION" -x 100 -y 30 2>/dev/null; sleep 0.5
capture "$SESSION" 14-resized-100x30
tmux resize-window -t "$SESSION" -x 80 -y 24 2>/dev/null; sleep 0.5

tmux send-keys -t "$SESSION" q
wait_for "$SESSION" 'EXIT=' 10 && sleep 0.3
capture "$SESSION" 15-after-q
grep -q 'EXIT=0' "$OUT/15-after-q.txt" || fail "q did not exit with status 0"
grep -q 'TTY_RESTORED' "$OUT/15-after-q.txt" || fail "terminal modes not restored after q"

echo "== session 2: Ctrl+C to quit"
tmux new-session -d -s "$SESSION-c" -x 80 -y 24 "$(run_cmd s2 NO_COLOR=1)"
wait_for "$SESSION-c" '[0-9]+/[0-9]+ *$' 15 && sleep 0.3
tmux send-keys -t "$SESSION-c" Enter
wait_for "$SESSION-c" 'best ◆' 20 && sleep 0.3
capture "$SESSION-c" 16-porkchop-monochrome
tmux send-keys -t "$SESSION-c" C-c
wait_for "$SESSION-c" 'EXIT=' 10 && sleep 0.3
capture "$SESSION-c" 17-after-ctrl-c
grep -q 'EXIT=130' "$OUT/17-after-ctrl-c.txt" || fail "Ctrl+C did not exit with status 130"
grep -q 'TTY_RESTORED' "$OUT/17-after-ctrl-c.txt" || fail "terminal modes not restored after Ctrl+C"

# Every frame must fit the 80-column terminal (display width, UTF-8)…
for f in "$OUT"/0*.txt "$OUT"/1[0-3]*.txt; do
  w=$(LC_ALL=C.UTF-8 wc -L < "$f")
  [ "$w" -le 80 ] || fail "$(basename "$f") is $w columns wide"
  # …and stay strictly below its height: the 24th row is left empty.
  [ -z "$(sed -n 24p "$f" | tr -d ' ')" ] || fail "$(basename "$f") uses all 24 rows"
done

for f in "$OUT"/*.txt; do
  case "$f" in *first-screen-ms.txt) continue ;; esac
  echo
  echo "──── $(basename "$f" .txt) ────"
  sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$f"
done
echo
if [ "$FAILED" -eq 0 ]; then echo "tui-smoke: all checks passed (screens in $OUT)"; else echo "tui-smoke: FAILED (screens in $OUT)"; fi
exit "$FAILED"
