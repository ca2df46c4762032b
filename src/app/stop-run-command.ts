// `run --fail-fast`: stop the command because a service it relies on died.
// The command runs in bgsvc's own process group (so a terminal's Ctrl-C and
// its TTY reach it as they would without bgsvc), so there is no group of its
// own to signal: its whole tree is found instead, by parentage from the
// command's pid and by the BGSVC_RUN_ID cookie it and its children carry
// (a child that daemonized or called setsid), and stopped the way a
// service's tree is: the signal, the grace, then SIGKILL (DESIGN §6).
import { stopProcessTree, type ProcessPlatform } from '../process/index.js';
import type { Holder } from './events.js';

/** The environment variable that marks `run`'s command and everything it starts. */
export const RUN_COOKIE = 'BGSVC_RUN_ID';

/** As a service's default stop-signal and stop-timeout. */
export const COMMAND_STOP_SIGNAL: NodeJS.Signals = 'SIGTERM';
export const DEFAULT_COMMAND_GRACE_MS = 10_000;

export interface RunCommandIdentity {
  pid: number;
  /** Identity of `pid` at spawn ('' when unreadable: then the cookie alone vouches for it). */
  startTime: string;
  /** The value of RUN_COOKIE in its environment. */
  runId: string;
}

export interface CommandTreeStop {
  ms: number;
  /** Something outlived the grace and got SIGKILL. */
  killed: boolean;
  /** Still alive at the end: another user's (sudo), or stuck in the kernel. */
  survivors: Holder[];
}

export async function stopRunCommand(
  command: RunCommandIdentity,
  options: { graceMs: number; platform: ProcessPlatform },
): Promise<CommandTreeStop> {
  const result = await stopProcessTree({
    pid: command.pid,
    startTime: command.startTime,
    cookie: { [RUN_COOKIE]: command.runId },
    signal: COMMAND_STOP_SIGNAL,
    graceMs: options.graceMs,
    platform: options.platform,
  });
  const denied = new Set(result.denied);
  return {
    ms: Math.round(result.ms),
    killed: result.escalated,
    survivors: result.survivors.map((info) => ({ pid: info.pid, command: info.command, ...(denied.has(info.pid) ? { denied: true } : {}) })),
  };
}
