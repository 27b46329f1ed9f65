# Processes a run left behind, found by the environment mark they inherited (NAME=value): a child keeps its parent's
# environment whatever becomes of the parent, so the mark finds a server whose test was force-exited or whose parent
# died. Sourced by scripts/test.sh, scripts/test-heavy.sh and .ci/run. (The tests' own sweep: tooling/processes/process-sweep.ts.)

# leftovers MARK SPARED_PID: "pid pgid command" of each live process whose environment holds MARK, but SPARED_PID and
# its direct children (the caller and its command substitutions). The scan runs without the mark: its own processes
# are never among them.
leftovers() {
  env -u "${1%%=*}" bash -c '
    for f in /proc/[0-9]*/environ; do
      pid=${f#/proc/}; pid=${pid%/environ}
      [ "$pid" = "$2" ] && continue
      grep -qzxF -- "$1" "$f" 2>/dev/null || continue
      stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
      read -r state ppid pgid _ <<< "${stat##*) }"
      [ "$state" = Z ] || [ "$ppid" = "$2" ] && continue
      echo "$pid $pgid $(tr "\0" " " < "/proc/$pid/cmdline" 2>/dev/null)"
    done' leftovers "$1" "$2"
}

# stop_leftovers MARK SPARED_PID: SIGTERM to each leftover's process group (the spared process's own group aside:
# there each process alone), SIGKILL to what still lives 5 s later; prints what it found.
stop_leftovers() {
  local found spared_group
  found=$(leftovers "$1" "$2")
  [ -n "$found" ] || return 0
  echo "$found"
  spared_group=$(ps -o pgid= -p "$2" 2>/dev/null | tr -d ' ')
  local signal pid pgid _rest
  for signal in TERM KILL; do
    while read -r pid pgid _rest; do
      [ "$pgid" != "$spared_group" ] && kill "-$signal" -- "-$pgid" 2>/dev/null
      kill "-$signal" "$pid" 2>/dev/null
    done <<< "$found"
    [ $signal = KILL ] && break
    for _ in $(seq 50); do [ -z "$(leftovers "$1" "$2")" ] && return 0; sleep 0.1; done
    found=$(leftovers "$1" "$2")
  done
}
