// The validated, defaulted form of a config: what every other layer consumes.
// config/ depends on nothing, so these types are the shared vocabulary.

/** Which HTTP status codes count as ready: a list, or 200-399 when absent. */
export type StatusMatch = number[] | undefined;

/** One readiness probe. `text` is the form the user wrote, for messages. */
export type ProbeSpec =
  | {
      kind: 'http';
      text: string;
      url: string;
      method: string;
      status: StatusMatch;
      headers: Record<string, string>;
    }
  | { kind: 'tcp'; text: string; host: string; port: number }
  | { kind: 'socket'; text: string; path: string }
  | { kind: 'file'; text: string; path: string }
  | { kind: 'log'; text: string; pattern: string }
  | { kind: 'cmd'; text: string; command: string }
  | { kind: 'delay'; text: string; ms: number };

export type ProbeKind = ProbeSpec['kind'];

export interface ServicePlan {
  /** 1-64 of [A-Za-z0-9._-], unique, not `.` or `..`: it names the log file. */
  name: string;
  command: string;
  /** Shell to run `command` under; undefined means "bash if present, else sh". */
  shell: string | undefined;
  /** Absolute working directory. */
  cwd: string;
  /** Extra environment, on top of the inherited one. */
  env: Record<string, string>;
  needs: string[];
  probes: ProbeSpec[];
  /** Readiness deadline. */
  timeoutMs: number;
  /**
   * With no probes: how long the service must keep running (or have exited 0)
   * before it counts as ready, so a command that fails at once fails the start.
   */
  settleMs: number;
  /** Graceful stop command, run before any signal. */
  stop: string | undefined;
  stopSignal: NodeJS.Signals;
  /** Grace between the stop signal and SIGKILL. */
  stopTimeoutMs: number;
  /** The line of its entry in the plan's source, for pointing at it when it fails. */
  line?: number;
  /**
   * `ready: exit`: a one-shot task, ready when its command exits 0 (a non-zero
   * exit fails the start); never stopped, since nothing of it is left.
   */
  task?: true;
  /** `port: auto` (chosen free just before launch) or a pinned port; the service gets it as $PORT. */
  port?: number | 'auto';
  /** `export:` values as written (with $VAR), expanded once the service is ready and handed to later steps. */
  exports?: Record<string, string>;
  /**
   * The wait-on entries as written, when one uses a value known only at launch
   * ($PORT of `port: auto`, BGSVC_ID, BGSVC_LOG_DIR): `probes` then holds them
   * read with stand-ins, and launch reads these again with the real values.
   */
  probesAtLaunch?: unknown[];
}

/**
 * Whether `shell` can be run by a service working in `cwd`, whose own `env:`
 * sets PATH to `path` (undefined: the inherited PATH). The edges answer it:
 * config/ reads no environment.
 */
export type ShellLookup = (shell: string, options: { cwd: string; path: string | undefined }) => boolean;

/** Environment variables as the edges read them (config/ reads none itself). */
export type Environment = Readonly<Record<string, string | undefined>>;

export interface Plan {
  /** Where the config came from: a file path, or a label such as `input "services"`. */
  source: string;
  services: ServicePlan[];
}

export const DEFAULT_TIMEOUT_MS = 60_000;
/**
 * Long enough for the failures users hit at once (command not found 127, not
 * executable 126, sudo without a password, a Node or Python crash on import:
 * 40-260 ms here, under load too), short enough to cost little. npm and npx
 * take 1.5-2.5 s to fail on a busy 2-core runner: a probe (or `settle:`) covers those.
 */
export const DEFAULT_SETTLE_MS = 1_000;
export const DEFAULT_STOP_TIMEOUT_MS = 10_000;
export const DEFAULT_STOP_SIGNAL: NodeJS.Signals = 'SIGTERM';

/** The files `bgsvc` and the action look for when no config is named, in this order. */
export const CONFIG_FILE_NAMES = ['bgsvc.yml', 'bgsvc.yaml', '.bgsvc.yml'] as const;
