// process/: launching services and stopping their whole process trees.
export { launchService, type LaunchOptions, type LaunchedService, type ServiceExit } from './launch.js';
export { readExitFile, type ExitRecord } from './exit-file.js';
export { costFileFor } from './cost-file.js';
export { measureServiceCost, type MeasuredCost } from './service-cost.js';
export { costSoFar } from './cost-so-far.js';
export { LOG_READ_FLAGS, openFreshLog, openLogForAppend, previousLogPath } from './log-file.js';
export {
  currentPlatform,
  type ProcessInfo,
  type ProcessPlatform,
  type ProcessSnapshot,
} from './platform.js';
export { stopProcessTree, type StopTreeOptions } from './stop-tree.js';
export { sweepByCookie, type SweepOptions } from './sweep.js';
export { incrementalSnapshots, snapshotPerTurn } from './snapshot-share.js';
export type { StopTreeResult } from './terminate.js';
export { findOnPath, resolveShell, shellLookup } from './shell.js';
export { runCommand, type RunCommandOptions, type RunCommandResult } from './run-command.js';
export {
  carriesCookie,
  countLeftBehind,
  findTargetHolders,
  isServiceAlive,
  leaderIdentity,
  verifiedAdopted,
  type AdoptedProcess,
  type LeaderIdentity,
  type ListenedTarget,
  type ServiceProcesses,
} from './ownership.js';
export { runServiceHolding, type RunService } from './run-holders.js';
