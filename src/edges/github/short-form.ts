// The short form: `run` + `name` + `wait-on` + `wait-for`, background-action's
// inputs, turned into the same Plan a config file would give.
//
// `run` takes one command per line, each its own service. A multi-line `run`
// written as one shell script (background-action runs `run` as a script: setup
// lines, then `cmd &` lines) stays one script, so switching `uses:` never
// changes what runs.
import { ConfigError, type ConfigIssue } from '../../config/errors.js';
import { planFromValues } from '../../config/from-values.js';
import type { Environment, Plan } from '../../config/types.js';
import { checkServiceName, deriveServiceNames } from '../../config/names.js';
import { INPUT } from './constants.js';
import { parseWaitFor } from './wait-for.js';
import { parseWaitOnInput } from './wait-on.js';

export interface ShortFormInputs {
  run: string;
  name: string;
  waitOn: string;
  waitFor: string;
  cwd: string;
  /** The deadline when neither wait-for nor a JSON wait-on config gives one. */
  defaultTimeoutMs: number;
  /** The environment the services inherit, for $VAR in wait-on targets. */
  environment?: Environment;
}

export interface RunCommands {
  commands: string[];
  /** The whole input runs as one script (background-action's meaning). */
  script: boolean;
}

export function planShortForm(inputs: ShortFormInputs): Plan {
  const issues: ConfigIssue[] = [];
  const { commands, script } = splitRunInput(inputs.run);
  if (commands.length === 0) {
    issues.push({ source: `input "${INPUT.run}"`, path: '', message: 'is empty: give at least one command' });
  }
  const names = nameServices(commands, { name: inputs.name.trim(), script, runText: inputs.run });
  if (inputs.name.trim() !== '') {
    for (const name of names) {
      const problem = checkServiceName(name);
      if (problem) issues.push({ source: `input "${INPUT.name}"`, path: '', message: problem });
    }
  }

  const waitOn = inputs.waitOn.trim() === '' ? { probes: [] } : parseWaitOnInput(inputs.waitOn);
  if ('issues' in waitOn) issues.push(...waitOn.issues);
  const probes = 'probes' in waitOn ? waitOn.probes : [];
  if (commands.length > 1 && probes.some((probe) => probe.startsWith('log:'))) {
    issues.push({
      source: `input "${INPUT.waitOn}"`,
      path: '',
      message: `a "log:" probe reads one service's log, but "${INPUT.run}" starts ${commands.length}; use the "services" input to give each its own wait-on`,
    });
  }

  let timeoutMs = ('timeoutMs' in waitOn ? waitOn.timeoutMs : undefined) ?? inputs.defaultTimeoutMs;
  if (inputs.waitFor.trim() !== '') {
    const parsed = parseWaitFor(inputs.waitFor);
    if (typeof parsed === 'number') timeoutMs = parsed;
    else issues.push({ source: `input "${INPUT.waitFor}"`, path: '', message: parsed.error });
  }
  if (issues.length > 0) throw new ConfigError(issues);

  const config = {
    commands: commands.map((command, index) => ({
      name: names[index],
      command,
      ...(probes.length > 0 ? { 'wait-on': probes } : {}),
      timeout: `${timeoutMs}ms`,
    })),
  };
  return planFromValues(config, { source: `input "${INPUT.run}"`, cwd: inputs.cwd, environment: inputs.environment });
}

export function splitRunInput(run: string): RunCommands {
  const lines = run
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (lines.length > 1 && looksLikeOneScript(lines)) return { commands: [run.replace(/^\s*\n|\s+$/g, '')], script: true };
  // bgsvc already runs each command in the background; without the `&` the
  // wrapper sees the command's own exit code.
  return { commands: lines.map(dropTrailingAmpersand), script: false };
}

const BACKGROUNDED = /(?:^|[^&])&$/;
const CONTINUED = /(?:\\|&&|\|\||\|)$/;
const HEREDOC = /<<-?\s*['"]?[A-Za-z_]/;
const COMPOUND = /^(?:if|then|else|elif|fi|for|while|until|do|done|case|esac|function|select)\b|^[{}()]/;
// Lines that change the shell for the lines after them.
const SETS_UP_SHELL = /^(?:cd|pushd|export|source|set|unset|alias|trap|umask|ulimit)\b|^\.\s|^[A-Za-z_][A-Za-z0-9_]*=\S*$/;

function looksLikeOneScript(lines: string[]): boolean {
  const backgrounded = lines.filter((line) => BACKGROUNDED.test(line)).length;
  // background-action's idiom: setup commands, then the servers with `&`.
  if (backgrounded > 0 && backgrounded < lines.length) return true;
  return lines.some((line) => CONTINUED.test(line) || HEREDOC.test(line) || COMPOUND.test(line) || SETS_UP_SHELL.test(line));
}

function dropTrailingAmpersand(line: string): string {
  return BACKGROUNDED.test(line) ? line.slice(0, -1).trimEnd() : line;
}

function nameServices(commands: string[], options: { name: string; script: boolean; runText: string }): string[] {
  if (commands.length === 0) return [];
  if (options.name !== '') {
    return commands.length === 1 ? [options.name] : commands.map((_, index) => `${options.name}-${index + 1}`);
  }
  if (options.script) {
    // Named after the first command it sends to the background (the server), else its last line.
    const lines = options.runText.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
    const main = lines.find((line) => BACKGROUNDED.test(line)) ?? lines.at(-1) ?? 'run';
    return deriveServiceNames([dropTrailingAmpersand(main)]);
  }
  return deriveServiceNames(commands);
}
