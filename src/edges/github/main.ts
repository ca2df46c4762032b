// The action's main step: inputs → plan, start every service detached, wait
// until ready, and hand the state dir to post. Nothing it starts holds the
// step's stdout or stderr, so the runner moves on the moment this returns.
import type { BgsvcEvent } from '../../app/events.js';
import { startServices, type StartResult } from '../../app/start.js';
import { formatDuration } from '../../config/duration.js';
import { ConfigError } from '../../config/errors.js';
import { shellLookup, type ProcessPlatform } from '../../process/index.js';
import { placeInFile, reportConfigError } from './config-errors.js';
import { stateFilePath, UnsafeDirError } from '../../state/index.js';
import { describeLogDirProblem, shouldUseColor } from '../terminal.js';
import { OUTPUT, SAVED } from './constants.js';
import { readMainSettings, type MainSettings } from './inputs.js';
import type { ActionsIo } from './io.js';
import { createGithubEmitter } from './render.js';
import { locateStep } from './step-location.js';
import { serviceEnvironment } from './service-env.js';
import { exportedVariables } from '../../report/exported-env.js';
import { shortFormLogOutputs } from './short-form-logs.js';
import { createLogTailer } from './tail.js';
import { monotonicMs } from '../../clock.js';

export interface StepContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted when the runner cancels the step (SIGINT, then SIGTERM). */
  signal?: AbortSignal;
  /** The process table, as entries/ chose it for this machine. */
  platform: ProcessPlatform;
}

/** The services output: name → pid, log file, readiness time. */
export type ServicesOutput = Record<
  string,
  { pid: number; log: string; 'ready-ms': number | null; port?: number; export?: Record<string, string> }
>;

export async function runActionMain(io: ActionsIo, context: StepContext): Promise<void> {
  try {
    await startAndWait(io, context);
  } catch (error) {
    // Refused before anything started: the message says which dir and what to do.
    if (error instanceof UnsafeDirError) return io.setFailed(`bgsvc could not start: ${error.message}`);
    // Whatever was started is on disk already; post stops it.
    if (error instanceof Error && error.stack) io.info(error.stack);
    io.setFailed(`bgsvc failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function startAndWait(io: ActionsIo, context: StepContext): Promise<void> {
  const began = monotonicMs();
  if (process.platform !== 'linux' && process.platform !== 'darwin') {
    io.setFailed(`bgsvc runs on Linux and macOS runners only; this one is ${process.platform}`);
    return;
  }
  // Before the config is read: a failed main still gives upload-artifact a path.
  const location = locateStep((name) => io.getInput(name), context);
  io.setOutput(OUTPUT.logDir, location.logDir);
  io.setOutput(OUTPUT.stateFile, stateFilePath(location.stateDir));
  // Read once: each read of process.env's entries is a call into the runtime.
  const environment = serviceEnvironment(context.env);
  let settings: MainSettings;
  try {
    settings = await readMainSettings((name) => io.getInput(name), {
      cwd: context.cwd,
      shellExists: shellLookup(context.env.PATH),
      environment,
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return reportConfigError(io, error, { workspace: context.env.GITHUB_WORKSPACE, cwd: location.cwd });
  }

  // Saved before anything starts: a cancel during the wait still leaves post
  // the path, and the core writes the state file after every spawn.
  io.saveState(SAVED.stateDir, location.stateDir);
  io.saveState(SAVED.postOptions, JSON.stringify(settings.post));
  if (settings.shortForm) {
    for (const [name, value] of Object.entries(shortFormLogOutputs(settings.plan, location.logDir))) io.setOutput(name, value);
  }
  if (!settings.shutdown) {
    // A workflow written for background-action v2 expects the processes left running; say what happens instead.
    io.info('bgsvc: shutdown is false: the post step stops the services with SIGKILL, without a graceful shutdown (bgsvc never leaves them running)');
  }

  const where = { workspace: context.env.GITHUB_WORKSPACE, cwd: settings.cwd };
  const render = createGithubEmitter(io, {
    placeOf: (name) => {
      const line = settings.plan.services.find((service) => service.name === name)?.line;
      return placeInFile(settings.plan.source, { line }, where);
    },
    color: shouldUseColor({ isTTY: false }, context.env),
    elapsed: () => monotonicMs() - began,
  });
  const tailer = settings.tail ? createLogTailer((line) => io.info(line)) : undefined;
  let lastError: string | undefined;
  const emit = (event: BgsvcEvent) => {
    tailer?.drain();
    render(event);
    if (event.type === 'log-dir-unusable') lastError = describeLogDirProblem(event.path, event.problem);
    // Each start writes a fresh log (an earlier run's is <name>.prev.log), and a
    // service writes from its first instant, before the core reports it started.
    if (event.type === 'started') tailer?.follow(event.service, event.logFile, 0);
  };

  let result: StartResult;
  try {
    const deps = { platform: context.platform, env: environment, emit };
    result = await startServices({ plan: settings.plan, location, signal: context.signal, deps });
  } finally {
    const tailed = tailer?.stop();
    if (tailed) io.saveState(SAVED.tailed, JSON.stringify(tailed));
  }

  io.setOutput(OUTPUT.services, JSON.stringify(servicesOutput(result)));
  if (result.ok) {
    const { services } = result.state;
    // Later steps see the export: values and ports as environment variables, as `bgsvc env` prints them.
    for (const [name, value] of Object.entries(exportedVariables(result.state))) io.exportVariable(name, value);
    const names = services.map((service) => `${service.name} (pid ${service.pid})`).join(', ');
    const count = services.length === 1 ? '1 service' : `${services.length} services`;
    io.info(`bgsvc: ${count} ready in ${formatDuration(monotonicMs() - began)}: ${names}. The post step stops them; logs are in ${location.logDir}`);
    return;
  }
  if (result.aborted) {
    const how = typeof context.signal?.reason === 'string' ? ` (${context.signal.reason})` : '';
    io.setFailed(`bgsvc was cancelled${how} while waiting for the services; it stopped the ones it had started`);
    return;
  }
  if (result.state === undefined) {
    io.setFailed(`bgsvc could not start: ${lastError ?? 'its state or log directory is unusable'}`);
    return;
  }
  const count = result.failed.length;
  io.setFailed(
    `bgsvc could not start ${count === 1 ? 'service' : `${count} services`} ${result.failed.join(', ')}, ` +
      `so it stopped everything it had started; see the ${count === 1 ? 'error' : 'errors'} above and the log in ${location.logDir}`,
  );
}

function servicesOutput(result: StartResult): ServicesOutput {
  const output: ServicesOutput = {};
  for (const service of result.state?.services ?? []) {
    output[service.name] = {
      pid: service.pid,
      log: service.logFile,
      'ready-ms': service.readyAt === undefined ? null : service.readyAt - service.startedAt,
      ...(service.port === undefined ? {} : { port: service.port }),
      ...(service.exports === undefined ? {} : { export: service.exports }),
    };
  }
  return output;
}
