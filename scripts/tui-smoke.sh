#!/usr/bin/env bash
# Scripted session of the planning TUI in a real terminal (tmux, 80×24), against the built CLI.
#
#   npm run build && bash scripts/tui-smoke.sh [OUT_DIR]
#
# 1. Start-up time, best of 3 launches: spawn → first frame (the shell drawn before ink loads),
#    → the interface mounted (ink's first frame), → the catalog table on screen.
# 2. Session 1 (colour): selects a target by search, opens its porkchop, picks a trip (mission
#    window set, porkchop unchanged), opens the return porkchop and picks the return, changes the
#    power (first with a wrong unit, then an implausible value, then a good one), exports the yield
#    forecast (planned again at the scenario's sample count), keeps and compares plans, scrolls the
#    supply view, opens the help and the warnings, resizes, quits with q (exit 0).
# 3. Session 2 (NO_COLOR=1): a row that cannot be planned is refused; the monochrome porkchop has
#    no colour codes; Ctrl+C quits (exit 130).
# Every screen is captured with `capture-pane -p` (text, .txt) and `-p -e` (with escape codes, .ansi)
# into OUT_DIR and printed. Exit status: 0 when every check passed, 1 otherwise.
set -u
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="$ROOT/dist/cli/bin.js"
OUT="${1:-$(mktemp -d "${TMPDIR:-/tmp}/prospector-tui-smoke.XXXXXX")}"
mkdir -p "$OUT"
SESSION="prospector-smoke-$$"
FAILED=0

command -v tmux >/dev/null || { echo "tui-smoke: tmux is not installed" >&2; exit 1; }
[ -f "$BIN" ] || { echo "tui-smoke: $BIN is missing; run \`npm run build\` first" >&2; exit 1; }

cleanup() { for s in "$SESSION" "$SESSION-c" "$SESSION-t1" "$SESSION-t2" "$SESSION-t3"; do tmux kill-session -t "$s" 2>/dev/null; done; }
trap cleanup EXIT

now_ms() { date +%s%3N; }
capture() { tmux capture-pane -p -t "$1" > "$OUT/$2.txt"; tmux capture-pane -p -e -t "$1" > "$OUT/$2.ansi"; }
fail() { echo "FAIL: $*"; FAILED=1; }
# The pane as one line of text (wrapped lines joined), for phrases that may wrap.
flat() { tmux capture-pane -p -t "$1" 2>/dev/null | sed -e 's/^ *//' | tr '\n' ' '; }

# wait_for SESSION PATTERN TIMEOUT_S: polls the pane until grep -E matches a line, or the text
# with wrapped lines joined (for phrases that wrap).
wait_for() {
  local s="$1" pat="$2" deadline=$(( $(now_ms) + ${3:-10} * 1000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    tmux capture-pane -p -t "$s" 2>/dev/null | grep -Eq -- "$pat" && return 0
    flat "$s" | grep -Eq -- "$pat" && return 0
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

echo "== start-up time, best of 3 (output in $OUT)"
BEST_FIRST=; BEST_MOUNT=; BEST_READY=
for i in 1 2 3; do
  s="$SESSION-t$i"
  tmux new-session -d -s "$s" -x 80 -y 24 "$(run_cmd "t$i")"
  t_first=; t_mount=; t_ready=
  deadline=$(( $(now_ms) + 30000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    pane=$(tmux capture-pane -p -t "$s" 2>/dev/null)
    t=$(now_ms)
    if [ -z "$t_first" ] && printf '%s' "$pane" | grep -q '1 Targets'; then
      t_first=$t
      [ "$i" = 1 ] && capture "$s" 00-first-frame
    fi
    # ink's own key line (the start-up frame shows only the global keys).
    [ -z "$t_mount" ] && printf '%s' "$pane" | grep -q 'c/t/v filter' && t_mount=$t
    if printf '%s' "$pane" | grep -Eq '[0-9]+/[0-9]+ *$'; then t_ready=$t; break; fi
    sleep 0.02
  done
  T0=$(cat "$OUT/t$i.t0")
  tmux send-keys -t "$s" q
  if [ -n "$t_first" ] && [ -n "$t_mount" ] && [ -n "$t_ready" ]; then
    f=$((t_first - T0)); m=$((t_mount - T0)); r=$((t_ready - T0))
    echo "  run $i: first frame ${f} ms, interface ${m} ms, catalog ${r} ms"
    [ -z "$BEST_FIRST" ] || [ "$f" -lt "$BEST_FIRST" ] && BEST_FIRST=$f
    [ -z "$BEST_MOUNT" ] || [ "$m" -lt "$BEST_MOUNT" ] && BEST_MOUNT=$m
    [ -z "$BEST_READY" ] || [ "$r" -lt "$BEST_READY" ] && BEST_READY=$r
  else
    fail "start-up run $i did not reach the catalog within 30 s"
  fi
  sleep 0.5; tmux kill-session -t "$s" 2>/dev/null
done
if [ -n "$BEST_FIRST" ]; then
  echo "first screen (best of 3): ${BEST_FIRST} ms (target < 1000 ms); interface ${BEST_MOUNT} ms; catalog ${BEST_READY} ms (polling adds ≤ 20 ms)"
  printf 'first_frame_ms=%s\ninterface_ms=%s\ncatalog_ms=%s\n' "$BEST_FIRST" "$BEST_MOUNT" "$BEST_READY" > "$OUT/first-screen-ms.txt"
  [ "$BEST_FIRST" -lt 1000 ] || fail "first frame after ${BEST_FIRST} ms (≥ 1 s)"
fi

echo "== session 1: colour, q to quit"
tmux new-session -d -s "$SESSION" -x 80 -y 24 "$(run_cmd s1)"
wait_for "$SESSION" '[0-9]+/[0-9]+ *$|/[—▏]' 30 && sleep 0.3
capture "$SESSION" 01-targets

# Select a target: incremental search; Enter keeps the search and picks the match (opens the porkchop).
tmux send-keys -t "$SESSION" '/' ; sleep 0.2
tmux send-keys -t "$SESSION" -l '2000 SG344'; sleep 0.4
capture "$SESSION" 02-search
tmux send-keys -t "$SESSION" Enter
wait_for "$SESSION" '◆ best' 30 && sleep 0.3
capture "$SESSION" 03-porkchop
grep -q '2000 SG344 · Earth → asteroid' "$OUT/03-porkchop.txt" || fail "porkchop is not for 2000 SG344"
WINDOW_LINE=$(head -2 "$OUT/03-porkchop.txt" | tr '\n' ' ')

# Move the cursor and pick a trip: the mission window is set around it, the porkchop keeps its window.
tmux send-keys -t "$SESSION" Right Right Enter
wait_for "$SESSION" 'Round trips, launch|Round trip \(launch .*\): |No ballistic' 60 && sleep 0.3
capture "$SESSION" 04-trip-picked
[ "$(head -2 "$OUT/04-trip-picked.txt" | tr '\n' ' ')" = "$WINDOW_LINE" ] || fail "picking a trip changed the porkchop's window"
sed -e 's/^ *//' "$OUT/04-trip-picked.txt" | tr '\n' ' ' | grep -q '(picked; r restores' || fail "the picked mission window is not shown"

# Mission: wait for the plan, then change the power: a wrong unit, an implausible value, a good one.
tmux send-keys -t "$SESSION" 3
wait_for "$SESSION" 'Plan: [0-9]+ samples' 120 && sleep 0.3
capture "$SESSION" 05-mission
tmux send-keys -t "$SESSION" Enter C-u; sleep 0.2
tmux send-keys -t "$SESSION" -l '40 kg'; sleep 0.2
tmux send-keys -t "$SESSION" Enter
wait_for "$SESSION" "'40 kg' is not a power" 20 && sleep 0.2
capture "$SESSION" 06-power-wrong-unit
tmux send-keys -t "$SESSION" Enter C-u; sleep 0.2
tmux send-keys -t "$SESSION" -l '1e9 kW'; sleep 0.2
tmux send-keys -t "$SESSION" Enter
wait_for "$SESSION" 'outside the plausible range' 20 && sleep 0.2
capture "$SESSION" 07-power-implausible
tmux send-keys -t "$SESSION" Enter C-u; sleep 0.2
tmux send-keys -t "$SESSION" -l '40 kW'; sleep 0.2
tmux send-keys -t "$SESSION" Enter
wait_for "$SESSION" 'SEP 40\.0 kW' 120 && wait_for "$SESSION" 'Plan: [0-9]+ samples' 120 && sleep 0.3
capture "$SESSION" 08-power-40kW
# Dry mass: Enter twice leaves the min‥mode‥max as it was.
tmux send-keys -t "$SESSION" Down Enter; sleep 0.3
tmux send-keys -t "$SESSION" Enter
wait_for "$SESSION" 'dry mass unchanged' 10 && sleep 0.2
capture "$SESSION" 09-dry-mass-unchanged
tmux send-keys -t "$SESSION" Up

# Export the yield forecast (CSV, the CLI's writer, at the scenario's sample count).
tmux send-keys -t "$SESSION" e; sleep 0.3
capture "$SESSION" 10-export-prompt
tmux send-keys -t "$SESSION" Enter
wait_for "$SESSION" 'Exported the yield forecast' 300 && sleep 0.2
capture "$SESSION" 11-exported
CSV=$(ls "$OUT"/*-yield.csv 2>/dev/null | head -1)
if [ -n "$CSV" ]; then
  echo "exported: $CSV ($(wc -l < "$CSV") lines)"; head -2 "$CSV"
else
  fail "no yield CSV written in $OUT"
fi

# Keep, compare, supply (scrolled), help, warnings.
tmux send-keys -t "$SESSION" k 5
wait_for "$SESSION" '#1 ' 10 && sleep 0.2
capture "$SESSION" 12-compare
tmux send-keys -t "$SESSION" 4
wait_for "$SESSION" 'Supply ·' 10 && sleep 0.3
capture "$SESSION" 13-supply
tmux send-keys -t "$SESSION" NPage
sleep 0.4
capture "$SESSION" 14-supply-scrolled
tmux send-keys -t "$SESSION" '?'
wait_for "$SESSION" 'Keys — everywhere' 5 && sleep 0.2
capture "$SESSION" 15-help
tmux send-keys -t "$SESSION" Escape; sleep 0.3
tmux send-keys -t "$SESSION" '!'
wait_for "$SESSION" 'Warnings and messages' 5 && sleep 0.2
capture "$SESSION" 16-warnings
tmux send-keys -t "$SESSION" Escape; sleep 0.3

# The return porkchop: Enter sets the stay and total from the plan's outbound leg.
tmux send-keys -t "$SESSION" 2
wait_for "$SESSION" '◆ best' 30 && sleep 0.2
# Browse two years later (after the planned arrival), cursor to the best return there, Enter.
tmux send-keys -t "$SESSION" d
wait_for "$SESSION" 'asteroid → Earth · Δv' 30 && wait_for "$SESSION" '◆ best' 60 && sleep 0.3
tmux send-keys -t "$SESSION" ']' ; sleep 0.2
tmux send-keys -t "$SESSION" ']'
wait_for "$SESSION" 'departure 2032-' 30 && wait_for "$SESSION" '◆ best' 60 && sleep 0.3
tmux send-keys -t "$SESSION" b Enter
wait_for "$SESSION" 'Return picked|before the plan arrives|The return porkchop sets|No planned outbound' 60 && sleep 0.3
capture "$SESSION" 17-return-picked

# Resize to 100×30 and back: the frame is redrawn for the new size.
tmux resize-window -t "$SESSION" -x 100 -y 30 2>/dev/null; sleep 0.5
capture "$SESSION" 18-resized-100x30
tmux resize-window -t "$SESSION" -x 80 -y 24 2>/dev/null; sleep 0.5

tmux send-keys -t "$SESSION" q
wait_for "$SESSION" 'TTY_(NOT_)?RESTORED' 10 && sleep 0.2
capture "$SESSION" 19-after-q
grep -q 'EXIT=0' "$OUT/19-after-q.txt" || fail "q did not exit with status 0"
grep -q 'TTY_RESTORED' "$OUT/19-after-q.txt" || fail "terminal modes not restored after q"

echo "== session 2: NO_COLOR=1, Ctrl+C to quit"
tmux new-session -d -s "$SESSION-c" -x 80 -y 24 "$(run_cmd s2 NO_COLOR=1)"
wait_for "$SESSION-c" '[0-9]+/[0-9]+ *$' 30 && sleep 0.3
capture "$SESSION-c" 20-targets-monochrome
# The first row with no size (✗) is refused with the reason.
if grep -q '^>✗' "$OUT/20-targets-monochrome.txt"; then
  tmux send-keys -t "$SESSION-c" Enter
  wait_for "$SESSION-c" 'cannot be planned' 10 && sleep 0.2
  capture "$SESSION-c" 21-unplannable-refused
fi
tmux send-keys -t "$SESSION-c" '/'; sleep 0.2
tmux send-keys -t "$SESSION-c" -l 'Bennu'; sleep 0.3
tmux send-keys -t "$SESSION-c" Enter
wait_for "$SESSION-c" '◆ best' 30 && sleep 0.3
capture "$SESSION-c" 22-porkchop-monochrome
# No colour code (SGR 30–37/40–47/90–97/100–107, 38;…/48;…) in the monochrome screens.
for f in "$OUT"/2[0-2]-*.ansi; do
  [ -f "$f" ] || continue
  # (39/49, "default colour", are resets that tmux itself writes in -e captures.)
  if grep -Eq $'\e\\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]' "$f"; then fail "$(basename "$f") has colour codes under NO_COLOR"; fi
done
grep -q '▣' "$OUT/22-porkchop-monochrome.txt" || fail "no cursor mark on the monochrome porkchop"
tmux send-keys -t "$SESSION-c" C-c
wait_for "$SESSION-c" 'TTY_(NOT_)?RESTORED' 10 && sleep 0.2
capture "$SESSION-c" 23-after-ctrl-c
grep -q 'EXIT=130' "$OUT/23-after-ctrl-c.txt" || fail "Ctrl+C did not exit with status 130"
grep -q 'TTY_RESTORED' "$OUT/23-after-ctrl-c.txt" || fail "terminal modes not restored after Ctrl+C"

# Every frame must fit the 80-column terminal (display width, UTF-8)…
for f in "$OUT"/0*.txt "$OUT"/1[0-7]*.txt "$OUT"/2[0-2]*.txt; do
  [ -f "$f" ] || continue
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
