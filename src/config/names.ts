// A service name becomes `<log dir>/<name>.log`, so it must be a safe, portable
// file name: no separators, no `..` escapes, no hidden files, no Windows devices.

import { quote } from './describe.js';

export const MAX_NAME_LENGTH = 64;
const NAME_CHARS = /^[A-Za-z0-9._-]+$/;
// Windows maps these to devices even with an extension: `nul.log` is NUL.
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\.|$)/i;

/** Why a name is unusable, or undefined when it is fine. */
export function checkServiceName(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > MAX_NAME_LENGTH) {
    return `${quote(name)} is ${name.length} characters long; a name has at most ${MAX_NAME_LENGTH}`;
  }
  if (!NAME_CHARS.test(name)) {
    const bad = [...new Set(name.replace(/[A-Za-z0-9._-]/g, ''))].map((c) => JSON.stringify(c)).join(', ');
    return `${quote(name)} contains ${bad}; use only letters, digits, ".", "_" and "-" (the name becomes the log file name)`;
  }
  if (name.startsWith('.')) {
    return `${quote(name)} must not start with "." (the name becomes the log file name)`;
  }
  const device = WINDOWS_DEVICE.exec(name);
  if (device !== null) {
    return `${quote(name)} is a reserved device name on Windows (${device[0].replace('.', '').toUpperCase()}); choose another`;
  }
  return undefined;
}

// Leading words that say how a command runs rather than what it is.
const LAUNCHER_WORDS = new Set([
  'npx', 'npm', 'yarn', 'pnpm', 'bun', 'bunx', 'deno', 'node', 'sudo', 'exec', 'env', 'nohup',
  'run', 'run-script', 'dlx',
]);
const ENV_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * Names for the `background: [command, …]` form, which has none: the first word
 * that is not a launcher, as a file-safe basename, made unique with -2, -3….
 * `npx static-server` → `static-server`, `npm run start:api` → `start-api`.
 */
export function deriveServiceNames(commands: readonly string[]): string[] {
  const taken = new Set<string>();
  return commands.map((command) => {
    const base = deriveBaseName(command);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base.slice(0, MAX_NAME_LENGTH - String(n).length - 1)}-${n}`;
    taken.add(name);
    return name;
  });
}

function deriveBaseName(command: string): string {
  // Shell-ish words: enough quoting to keep `"./my app"` whole, no expansion.
  const words = [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  // Skip launchers, their flags (`npx -y`) and leading VAR=value assignments.
  const word = words.find((w) => !LAUNCHER_WORDS.has(w) && !w.startsWith('-') && !ENV_ASSIGNMENT.test(w)) ?? words[0] ?? '';
  const basename = word.split(/[\\/]/).pop() ?? '';
  // `http-server@14` names the package, not the version.
  const unversioned = basename.replace(/(.)@.*$/, '$1');
  let name = unversioned
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|-+$/g, '')
    .slice(0, MAX_NAME_LENGTH);
  if (name === '') name = 'service';
  if (WINDOWS_DEVICE.test(name)) name = `svc-${name}`.slice(0, MAX_NAME_LENGTH);
  return name;
}

/** `api-v2` → BGSVC_PORT_API_V2: the variable that hands on a service's port, whatever the service is called. */
export function portVariable(service: string): string {
  return `BGSVC_PORT_${service.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}`;
}
