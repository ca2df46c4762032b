// macOS: no /proc, so the process table comes from `ps`, one call per pass
// (never one per process), and listeners from `lsof`. Untested in CI here;
// kept small and behind the same interface as Linux.
import { childProcess } from '../builtins.js';
import { processExists } from './signal.js';
import type { ProcessInfo, ProcessPlatform, ProcessSnapshot } from './types.js';

const TABLE_COLUMNS = 'pid=,ppid=,pgid=,stat=,lstart=,command=';

export function createDarwinPlatform(): ProcessPlatform {
  return {
    snapshot() {
      const processes = new Map(parsePsTable(runPs(['-axww', '-o', TABLE_COLUMNS])).map((p) => [p.pid, p]));
      let environments: Map<number, string> | undefined;
      return {
        processes,
        envMatches(pid, vars) {
          // One `ps -E` for the whole snapshot, on first need.
          environments ??= new Map(parsePsTable(runPs(['-E', '-axww', '-o', TABLE_COLUMNS])).map((p) => [p.pid, p.command]));
          return commandHoldsEnv(environments.get(pid) ?? '', vars);
        },
      } satisfies ProcessSnapshot;
    },
    findByEnv(vars) {
      const table = parsePsTable(runPs(['-E', '-axww', '-o', TABLE_COLUMNS]));
      return table.filter((p) => !p.zombie && commandHoldsEnv(p.command, vars));
    },
    hasEnv(pid, vars) {
      const row = parsePsTable(runPs(['-E', '-ww', '-o', TABLE_COLUMNS, '-p', String(pid)]))[0];
      return row !== undefined && commandHoldsEnv(row.command, vars);
    },
    isAlive(pid, startTime) {
      if (!processExists(pid)) return false; // spares a `ps` for the common "gone" answer
      const row = parsePsTable(runPs(['-ww', '-o', TABLE_COLUMNS, '-p', String(pid)]))[0];
      return row !== undefined && !row.zombie && (startTime === undefined || row.startTime === startTime);
    },
    startTimeOf(pid) {
      return parsePsTable(runPs(['-ww', '-o', TABLE_COLUMNS, '-p', String(pid)]))[0]?.startTime;
    },
    findListeners(port) {
      return parseLsof(runTool('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-Fpc']));
    },
    findSocketListeners(path) {
      return parseLsof(runTool('lsof', ['-nP', '-U', '-Fpc', '--', path]));
    },
  };
}

const ROW = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\w{3}\s+\w{3}\s+\d+\s+[\d:]+\s+\d{4})\s*(.*)$/;

// "  pid ppid pgid stat Mon Jan  1 12:00:00 2024 command…"; lstart is five tokens.
export function parsePsTable(text: string): ProcessInfo[] {
  const rows: ProcessInfo[] = [];
  for (const line of text.split('\n')) {
    const match = ROW.exec(line);
    if (!match) continue;
    const [, pid, ppid, pgid, stat, lstart, command] = match;
    rows.push({
      pid: Number(pid),
      ppid: Number(ppid),
      pgid: Number(pgid),
      sid: -1, // macOS ps has no session id, only a session pointer
      startTime: (lstart ?? '').replace(/\s+/g, ' '),
      zombie: (stat ?? '').startsWith('Z'),
      command: command ?? '',
    });
  }
  return rows;
}

// `ps -E` appends the environment to the command as " KEY=VALUE" words; values
// with spaces are ambiguous, but bgsvc's cookie values never contain any.
export function commandHoldsEnv(commandWithEnv: string, vars: Record<string, string>): boolean {
  const words = new Set(commandWithEnv.split(/\s+/));
  return Object.entries(vars).every(([key, value]) => words.has(`${key}=${value}`));
}

// lsof -F output: "p<pid>" starts a process, "c<command>" names it.
export function parseLsof(text: string): Array<{ pid: number; command: string }> {
  const found: Array<{ pid: number; command: string }> = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('p')) found.push({ pid: Number(line.slice(1)), command: '' });
    const last = found[found.length - 1];
    if (line.startsWith('c') && last) last.command = line.slice(1);
  }
  return found;
}

function runPs(args: string[]): string {
  return runTool('ps', args);
}

// `ps -p` and `lsof` exit 1 when nothing matches; their output is still the answer.
function runTool(file: string, args: string[]): string {
  try {
    // C locale and UTC make `lstart` a stable identity token between the `start`
    // and the `stop` processes, whatever their environments say; ps and lsof
    // live in the system's own dirs, so nothing of the user's environment is needed.
    const env = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C', TZ: 'UTC' };
    return childProcess().execFileSync(file, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stdout = (error as { stdout?: unknown }).stdout;
    return typeof stdout === 'string' ? stdout : '';
  }
}
