import { costFileFor } from './cost-file.js';

// The few lines of POSIX sh that sit between bgsvc and each service. They
// exist to tell "exited on its own" (worth reporting, with its code and time)
// from "stopped by us", even when no bgsvc process is alive to watch: the
// service usually outlives the CLI that launched it.
//
// Positional arguments, never interpolated: $1 shell, $2 command, $3 exit file,
// $4 cost file.
// - The command runs as a foreground child, not via exec: the wrapper must
//   outlive it to write the exit file. Not in the background either: a
//   non-interactive sh starts `&` jobs with SIGINT and SIGQUIT ignored, and
//   `stop-signal: SIGINT` must still work.
// - A trapped signal waits for the foreground child, so a stopped service
//   takes the wrapper with it; the wrapper then re-raises the signal on itself
//   and writes nothing (stopped is not "exited on its own").
// - The exit file is written to a temporary name and renamed, so a reader sees
//   all of it or nothing; its mtime is the exit time. Format: see exit-file.ts.
// - The wrapper's own stderr goes to /dev/null, and the command gets the log
//   back as fd 2 inside a subshell that execs it: shells print "Terminated"
//   for a foreground child killed by a signal, to whatever fd 2 is while they
//   wait, and that line is noise in the service's log.
// - Last, stopped or not, `times` goes to the cost file (cost-file.ts): the
//   CPU time of the child it waited for and of what that child waited for.
export const WRAPPER_SCRIPT = `exec 3>&2 2>/dev/null
stopped=
for sig in HUP INT QUIT TERM USR1 USR2; do trap "stopped=$sig" "$sig"; done
cost_file=$4
cost() { { { echo children; times; } > "$cost_file.$$.tmp" && mv -f "$cost_file.$$.tmp" "$cost_file"; } 2>/dev/null; }
(exec 2>&3 3>&-; exec "$1" -c "$2")
status=$?
if [ -n "$stopped" ]; then cost; trap - "$stopped"; kill -s "$stopped" $$; exit "$status"; fi
result="exit $status"
if [ "$status" -gt 128 ] && name=$(kill -l "$((status - 128))" 2>/dev/null); then result="signal $name"; fi
{ printf '%s\\n' "$result" > "$3.$$.tmp" && mv -f "$3.$$.tmp" "$3"; } 2>/dev/null
cost
exit "$status"`;

/** argv for `/bin/sh -c WRAPPER_SCRIPT …`; `$0` names the service in `ps` output. */
export function wrapperArgs(options: { name: string; shell: string; command: string; exitFile: string }): string[] {
  return ['-c', WRAPPER_SCRIPT, `bgsvc[${options.name}]`, options.shell, options.command, options.exitFile, costFileFor(options.exitFile)];
}
