// Inputs → a validated Plan and the options main and post need. Every problem
// is a ConfigError whose issues name the input (`input "services":3:5: …`), so
// the messages match the CLI's, with the input standing in for the file.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, type ConfigIssue } from '../../config/errors.js';
import { CONFIG_FILE_NAMES, type Environment, type Plan, type ShellLookup } from '../../config/types.js';
import { DEFAULT_WAIT_FOR_MS, INPUT } from './constants.js';
import { parseLogOutputIf, parseStreamSwitch, type LogCondition } from './log-policy.js';
import type { PostOptions } from './post-options.js';
import { planShortForm } from './short-form.js';
import { applyStopOverrides, readStopInputs } from './stop-inputs.js';

export interface MainSettings {
  plan: Plan;
  /** The services came from the `run` short form (which alone sets the stdout-log and stderr-log outputs). */
  shortForm: boolean;
  /** False: `shutdown: false`, every service is stopped with SIGKILL. */
  shutdown: boolean;
  /** The working directory: relative paths in inputs and configs start here. */
  cwd: string;
  logDir: string | undefined;
  tail: boolean;
  post: PostOptions;
}

const SHORT_FORM_ONLY = [INPUT.name, INPUT.waitOn, INPUT.waitFor] as const;

export async function readMainSettings(
  getInput: (name: string) => string,
  options: { cwd: string; shellExists?: ShellLookup; environment?: Environment },
): Promise<MainSettings> {
  const value = (name: string) => getInput(name);
  const given = (name: string) => value(name).trim() !== '';
  const issues: ConfigIssue[] = [];
  const fail = (input: string, message: string) => issues.push({ source: `input "${input}"`, path: '', message });

  const cwd = resolve(options.cwd, value(INPUT.workingDirectory).trim() || '.');
  if (!isDirectory(cwd)) fail(INPUT.workingDirectory, `no such directory: ${cwd}`);

  if (given(INPUT.run)) {
    for (const other of [INPUT.services, INPUT.config]) {
      if (given(other)) {
        fail(INPUT.run, `cannot be combined with input "${other}": "run" is the short form; put every service in "${other}" instead`);
      }
    }
  } else {
    if (given(INPUT.services) && given(INPUT.config)) {
      fail(INPUT.services, `cannot be combined with input "${INPUT.config}": give the services inline or in a file, not both`);
    }
    for (const input of SHORT_FORM_ONLY) {
      if (given(input)) {
        fail(input, `belongs to the short form and needs input "${INPUT.run}"; with "services" or "config", set it per service in the config (wait-on, timeout, name)`);
      }
    }
  }

  const stop = readStopInputs(value);
  issues.push(...stop.issues);
  const logOutputIf = parseLogOutputIf(value(INPUT.logOutputIf));
  if ('error' in logOutputIf) fail(INPUT.logOutputIf, logOutputIf.error);
  const switches = {
    tail: parseStreamSwitch(value(INPUT.tail), false),
    logOutput: parseStreamSwitch(value(INPUT.logOutput), true),
    resume: parseStreamSwitch(value(INPUT.logOutputResume), false),
  };
  const switchInputs = { tail: INPUT.tail, logOutput: INPUT.logOutput, resume: INPUT.logOutputResume };
  for (const [key, parsed] of Object.entries(switches)) {
    if (typeof parsed !== 'boolean') fail(switchInputs[key as keyof typeof switches], parsed.error);
  }
  if (!given(INPUT.run) && !given(INPUT.services) && !given(INPUT.config) && issues.length === 0) {
    if (!CONFIG_FILE_NAMES.some((name) => existsSync(resolve(cwd, name)))) {
      issues.push({
        source: 'bgsvc',
        path: '',
        message:
          `no services given: set the "${INPUT.services}" input (YAML), the "${INPUT.config}" input (a file), ` +
          `or "${INPUT.run}" (+ "${INPUT.waitOn}"), or add ${CONFIG_FILE_NAMES[0]} to ${cwd}`,
      });
    }
  }
  if (issues.length > 0) throw new ConfigError(issues);

  const plan = given(INPUT.run)
    ? planShortForm({
        run: value(INPUT.run),
        name: value(INPUT.name),
        waitOn: value(INPUT.waitOn),
        waitFor: value(INPUT.waitFor),
        cwd,
        defaultTimeoutMs: DEFAULT_WAIT_FOR_MS,
        environment: options.environment,
      })
    : (await import('../../config/load.js')).loadConfig({
        cwd,
        file: value(INPUT.config).trim(),
        inlineText: value(INPUT.services),
        inlineLabel: `input "${INPUT.services}"`,
        shellExists: options.shellExists,
        environment: options.environment,
      });
  return {
    plan: applyStopOverrides(plan, stop.overrides),
    shortForm: given(INPUT.run),
    shutdown: stop.shutdown,
    cwd,
    logDir: given(INPUT.logDir) ? resolve(cwd, value(INPUT.logDir).trim()) : undefined,
    tail: switches.tail as boolean,
    post: {
      logOutputIf: logOutputIf as LogCondition[],
      logOutput: switches.logOutput as boolean,
      resume: switches.resume as boolean,
    },
  };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
