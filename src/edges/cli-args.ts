import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../app/errors.js';

export const COMMANDS = ['start', 'stop', 'status', 'logs', 'run', 'wait-on', 'env'] as const;
export type CommandName = (typeof COMMANDS)[number];

const OPTIONS = {
  start: {
    config: { type: 'string', short: 'c' },
    only: { type: 'string', multiple: true },
    'log-dir': { type: 'string' },
  },
  stop: { logs: { type: 'string' } },
  status: { json: { type: 'boolean' } },
  logs: { lines: { type: 'string', short: 'n' }, follow: { type: 'boolean', short: 'f' } },
  run: {
    config: { type: 'string', short: 'c' },
    only: { type: 'string', multiple: true },
    'log-dir': { type: 'string' },
    logs: { type: 'string' },
    'fail-fast': { type: 'boolean' },
    grace: { type: 'string' },
  },
  'wait-on': { timeout: { type: 'string', short: 't' } },
  env: { format: { type: 'string', short: 'f' } },
} satisfies Record<CommandName, ParseArgsConfig['options']>;

export interface ParsedCommand {
  command: CommandName;
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  /** Everything after `--` (run's command). */
  rest: string[] | undefined;
  help: boolean;
}

export type ParsedCli = { kind: 'help'; topic?: CommandName } | { kind: 'version' } | ({ kind: 'command' } & ParsedCommand);

// argv → a command and its options, with usage errors that say what to type.
export function parseCli(argv: string[]): ParsedCli {
  const [first, ...args] = argv;
  if (first === undefined || first === '-h' || first === '--help') return { kind: 'help' };
  if (first === '-v' || first === '--version' || first === 'version') return { kind: 'version' };
  if (first === 'help') {
    const topic = args[0];
    if (topic !== undefined && !isCommand(topic)) throw unknownCommand(topic);
    return { kind: 'help', topic: topic as CommandName | undefined };
  }
  if (!isCommand(first)) throw unknownCommand(first);

  const separator = args.indexOf('--');
  const own = separator >= 0 ? args.slice(0, separator) : args;
  const rest = separator >= 0 ? args.slice(separator + 1) : undefined;
  if (own.includes('-h') || own.includes('--help')) {
    return { kind: 'command', command: first, values: {}, positionals: [], rest, help: true };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: own, options: OPTIONS[first], allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${first}: ${describeParseError(error as Error, OPTIONS[first])}. See: bgsvc ${first} --help`);
  }
  const values = parsed.values as ParsedCommand['values'];
  if (Array.isArray(values.only)) values.only = values.only.flatMap((item) => item.split(',')).filter(Boolean);
  return { kind: 'command', command: first, values, positionals: parsed.positionals, rest, help: false };
}

function isCommand(word: string): word is CommandName {
  return (COMMANDS as readonly string[]).includes(word);
}

function unknownCommand(word: string): UsageError {
  const hint = word.startsWith('-') ? `unknown option "${word}"` : `unknown command "${word}"`;
  return new UsageError(`${hint}; commands: ${COMMANDS.join(', ')}. See: bgsvc --help`);
}

// node:util's messages are written for developers; reword the common ones.
function describeParseError(error: Error, options: ParseArgsConfig['options']): string {
  const code = (error as NodeJS.ErrnoException).code;
  const option = /'(-[^']+)'/.exec(error.message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option ?? error.message}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // The same code covers `--lines` without a value and `--follow=yes`, a flag given one.
    const long = /--([\w-]+)/.exec(option ?? '')?.[1];
    if (long !== undefined && options?.[long]?.type === 'boolean') return `option --${long} takes no value; write just --${long}`;
    return `option ${option ?? ''} needs a value`.trim();
  }
  return error.message;
}
