// The bad-input corpus (issue 4): malformed configs generated from valid ones,
// each with what the error must say. Generated, not stored, so a new rule is one
// line here and the corpus cannot drift from the base it mutates.
import { stringify } from 'yaml';
import { createRandom } from './random.js';

export type Category =
  | 'wrong-type'
  | 'unknown-key'
  | 'bad-duration'
  | 'bad-probe'
  | 'bad-name'
  | 'bad-needs'
  | 'huge-value'
  | 'deep-nesting'
  | 'not-utf8'
  | 'alias-bomb'
  | 'syntax'
  | 'shape';

export interface CorpusCase {
  /** Unique and readable: `wrong-type commands[1].timeout=true`. */
  id: string;
  category: Category;
  /** The file exactly as written to disk (bytes, so non-UTF-8 cases are possible). */
  bytes: Buffer;
  /** Must match the error message (every issue as `file:line:col: path: message`). */
  expect: RegExp;
  /** At least one issue carries a line and column (false for whole-file problems: size, encoding, empty). */
  located: boolean;
  /** Part of the representative subset run through the real CLI. */
  cli: boolean;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Valid, and using every service key, so each mutation breaks exactly one thing. */
export const BASE_CONFIG: { [key: string]: Json } = {
  timeout: '30s',
  'stop-timeout': '5s',
  commands: [
    {
      name: 'db',
      command: 'sleep 1000',
      'wait-on': 'tcp:5432',
      stop: 'true',
      'stop-signal': 'SIGINT',
      'stop-timeout': '2s',
    },
    {
      name: 'api',
      command: 'node server.js',
      cwd: '.',
      env: { PORT: '3000', MODE: 'test' },
      needs: ['db'],
      'wait-on': ['http://127.0.0.1:3000/health', { log: 'Listening on' }],
      timeout: '10s',
      shell: 'sh',
    },
  ],
};

export const BASE_YAML = stringify(BASE_CONFIG);

function clone<T extends Json>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The base with one value replaced (or removed, for `undefined`), as YAML or JSON. */
function mutate(path: (string | number)[], value: Json | undefined, format: 'yaml' | 'json' = 'yaml'): string {
  const root = clone(BASE_CONFIG);
  let node: Json = root;
  for (const segment of path.slice(0, -1)) node = (node as Record<string, Json>)[segment as string] as Json;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete (node as Record<string, Json>)[last as string];
  else (node as Record<string, Json>)[last as string] = value;
  return format === 'json' ? `${JSON.stringify(root, null, 2)}\n` : stringify(root);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `commands[1].wait-on` as a regex that must appear in a message. */
function at(path: string): RegExp {
  return new RegExp(escape(path));
}

function describeValue(value: Json | undefined): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;

// Wraps one service (as YAML lines under `- `) into a minimal config.
const service = (...lines: string[]): string => yaml('commands:', ...lines.map((line, i) => (i === 0 ? `  - ${line}` : `    ${line}`)));

class Builder {
  readonly cases: CorpusCase[] = [];

  add(category: Category, id: string, content: string | Buffer, expect: RegExp, options: { located?: boolean; cli?: boolean } = {}): void {
    const full = `${category} ${id}`;
    if (this.cases.some((existing) => existing.id === full)) throw new Error(`duplicate corpus id ${full}`);
    this.cases.push({
      id: full,
      category,
      bytes: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
      expect,
      located: options.located ?? true,
      cli: options.cli ?? false,
    });
  }
}

function addWrongTypes(b: Builder): void {
  const bad: Record<string, Json[]> = {
    name: [42, true, null, [], {}, ''],
    command: [42, false, null, ['npm', 'start'], { run: 'x' }, '', '   '],
    cwd: [1, true, [], {}, ''],
    env: ['PORT=3000', 5, true, ['PORT=3000'], null, { PORT: null }, { PORT: ['1'] }, { PORT: { a: 1 } }],
    needs: [5, true, { db: true }, null, [1], [['db']], [null]],
    'wait-on': [true, null, {}, [[]], [null], [true], 3000],
    timeout: [true, null, [], {}],
    stop: [1, true, '', []],
    'stop-signal': [9, true, null, [], 'SIGFOO', 'SIGSTOP', 'TSTP', ''],
    'stop-timeout': [true, {}, []],
    shell: [1, true, '', [], {}],
  };
  let n = 0;
  for (const [field, values] of Object.entries(bad)) {
    for (const value of values) {
      const format = n++ % 3 === 2 ? 'json' : 'yaml';
      b.add('wrong-type', `commands[1].${field}=${describeValue(value)} (${format})`, mutate(['commands', 1, field], value, format), at(`commands[1].${field}`), {
        cli: (field === 'command' && value === 42) || (field === 'env' && value === 'PORT=3000'),
      });
    }
  }
  const top: Record<string, Json[]> = {
    timeout: [true, [], {}],
    'stop-timeout': [false, []],
    shell: [1, ''],
    $schema: [1, []],
  };
  for (const [field, values] of Object.entries(top)) {
    for (const value of values) b.add('wrong-type', `${field}=${describeValue(value)}`, mutate([field], value), at(`${field}: `));
  }
  const commands: Json[] = ['api', 5, true, null, [], {}, { api: { command: 'x' } }, ['npm start'], [1], [[]]];
  for (const value of commands) {
    b.add('wrong-type', `commands=${describeValue(value)}`, mutate(['commands'], value), /commands(\[0\])?: /, { cli: value === 'api' });
  }
  // A required field missing is the mildest wrong type.
  b.add('wrong-type', 'commands[0] without name', mutate(['commands', 0, 'name'], undefined), /commands\[0\]: missing "name"/);
  b.add('wrong-type', 'commands[1] without command', mutate(['commands', 1, 'command'], undefined), /commands\[1\]: missing "command"/, { cli: true });
}

function addUnknownKeys(b: Builder): void {
  const serviceKeys: [string, RegExp][] = [
    ['wait_on', /did you mean "wait-on"/],
    ['waitOn', /did you mean "wait-on"/],
    ['comand', /did you mean "command"/],
    ['commmand', /did you mean "command"/],
    ['envs', /did you mean "env"/],
    ['timout', /did you mean "timeout"/],
    ['need', /did you mean "needs"/],
    ['stop_signal', /did you mean "stop-signal"/],
    ['stopTimeout', /did you mean "stop-timeout"/],
    ['Name', /unknown key "Name"/],
    ['healthcheck', /unknown key "healthcheck" \(allowed: /],
    ['ports', /unknown key "ports"/],
    ['image', /unknown key "image"/],
    ['depends_on', /unknown key "depends_on"/],
    ['environment', /unknown key "environment"/],
    ['cwd ', /unknown key "cwd "/],
    ['', /unknown key ""/],
    ['constructor', /unknown key "constructor"/],
  ];
  // Written as text: a JS object cannot hold an own "__proto__" key to stringify.
  b.add('unknown-key', 'commands[1]."__proto__"', BASE_YAML.replace('    shell: sh\n', '    shell: sh\n    __proto__: { name: evil }\n'), /commands\[1\]: unknown key "__proto__"/);
  b.add('unknown-key', 'top-level "__proto__"', `__proto__: { timeout: 1s }\n${BASE_YAML}`, /unknown key "__proto__"/);
  for (const [key, expect] of serviceKeys) {
    b.add('unknown-key', `commands[1].${JSON.stringify(key)}`, mutate(['commands', 1, key], 'x'), expect, { cli: key === 'wait_on' });
  }
  const topKeys: [string, RegExp][] = [
    ['comands', /did you mean "commands"/],
    ['service', /did you mean "services"/],
    ['version', /unknown key "version"/],
    ['Commands', /unknown key "Commands"/],
    ['stop_timeout', /did you mean "stop-timeout"/],
    ['name', /"name" is a service key; put services in a "commands:" list/],
    ['toString', /unknown key "toString"/],
  ];
  for (const [key, expect] of topKeys) b.add('unknown-key', `top-level ${JSON.stringify(key)}`, mutate([key], 'x'), expect);
  b.add('unknown-key', 'commands and services together', mutate(['services'], [{ name: 'x', command: 'y' }]), /"services" cannot be combined with "commands"/);
  const probeObjects: [string, Json, RegExp][] = [
    ['htpp', { htpp: 'http://localhost' }, /unknown probe key "htpp"; did you mean "http"/],
    ['stauts', { http: 'http://localhost', stauts: 200 }, /unknown probe key "stauts"; did you mean "status"/],
    ['timeout', { tcp: 80, timeout: '1s' }, /unknown probe key "timeout"/],
    ['method on tcp', { tcp: 80, method: 'GET' }, /"method" only applies to http probes/],
    ['two kinds', { log: 'x', cmd: 'y' }, /a probe has both "log" and "cmd"/],
  ];
  for (const [id, probe, expect] of probeObjects) {
    b.add('unknown-key', `probe object ${id}`, mutate(['commands', 1, 'wait-on'], [probe]), expect);
  }
  b.add(
    'unknown-key',
    'backgroundDirectives.shel',
    yaml('backgroundDirectives:', '  shel: bash', '  commands:', '    - name: a', '      command: b'),
    /backgroundDirectives: unknown key "shel"; did you mean "shell"/,
  );
  b.add(
    'unknown-key',
    'timeout beside backgroundDirectives',
    yaml('timeout: 5s', 'backgroundDirectives:', '  commands:', '    - name: a', '      command: b'),
    /with "backgroundDirectives", put "timeout" inside it/,
  );
}

function addBadDurations(b: Builder): void {
  const always: Json[] = [
    // 5sec, 1m30s and 30 s are durations now (one grammar with wait-for); these are not.
    'abc123', '10x', '1.2.3s', '-1s', '5 parsecs', '1m30', '30s later', '.5s', '0x10', '1_000ms', 'ten seconds',
    '25h', '100000h', '1e3', 'NaN', 'Infinity', '∞', '٣s', '1,5s', -1, 1e12, 'ms', 's5',
  ];
  const fields: [string, (string | number)[], boolean][] = [
    ['timeout', ['timeout'], false],
    ['commands[1].timeout', ['commands', 1, 'timeout'], false],
    ['commands[0].stop-timeout', ['commands', 0, 'stop-timeout'], true],
  ];
  for (const [label, path, allowZero] of fields) {
    const values = allowZero ? always : [...always, 0, '0', '0s', '0ms'];
    for (const value of values) {
      b.add('bad-duration', `${label}=${describeValue(value)}`, mutate(path, value), new RegExp(`${escape(label)}: invalid duration`), {
        cli: value === 'abc123' && label === 'timeout',
      });
    }
  }
  // .inf and .nan exist only in YAML, so write them as text.
  for (const special of ['.inf', '-.inf', '.nan']) {
    b.add('bad-duration', `timeout: ${special}`, yaml(`timeout: ${special}`, 'commands:', '  - name: a', '    command: b'), /timeout: (invalid duration|expected a duration)/);
  }
  for (const value of ['x', '-2s', '1 fortnight', '25h']) {
    b.add('bad-duration', `"delay: ${value}"`, mutate(['commands', 1, 'wait-on'], [`delay: ${value}`]), /wait-on\[0\]: invalid delay probe/);
    b.add('bad-duration', `{delay: ${value}}`, mutate(['commands', 1, 'wait-on'], [{ delay: value }]), /wait-on\[0\]\.delay: invalid duration/);
  }
}

function addBadProbes(b: Builder): void {
  const strings: [string, RegExp][] = [
    ['htp://localhost:3000', /unknown probe "htp:\/\/localhost:3000".*did you mean "http:\/\/localhost:3000"/],
    ['http://', /invalid http probe "http:\/\/": not a valid URL/],
    ['http://a b/c', /a URL cannot contain spaces/],
    ['http://:80/', /invalid http probe/],
    ['https-get://', /invalid http probe/],
    ['tcp:', /invalid tcp probe/],
    ['tcp:abc', /"abc" is not a port number/],
    ['tcp:70000', /port 70000 is out of range/],
    ['tcp:0', /port 0 is out of range/],
    ['tcp:::1:80', /write an IPv6 address in brackets/],
    ['tcp:host name:80', /is not a host name/],
    ['tcp:localhost:-1', /is not a port number/],
    ['socket:', /invalid socket probe "socket:": the path is empty/],
    ['file:', /invalid file probe "file:": the path is empty/],
    ['file://host:bad/x', /is not a valid file:\/\/ URL/],
    ['log:', /invalid log probe "log:": the pattern is empty/],
    ['log: (unclosed', /invalid regular expression "\(unclosed"/],
    ['log: [z-a]', /invalid regular expression/],
    ['log: a{2,1}', /invalid regular expression/],
    ['cmd:', /invalid cmd probe "cmd:": the command is empty/],
    ['delay:', /invalid delay probe/],
    ['unix:/tmp/x.sock', /did you mean "socket:\/tmp\/x.sock"/],
    ['sleep: 2s', /did you mean "delay: 2s"/],
    ['port:3000', /unknown probe "port:3000"/],
    ['localhost:3000', /did you mean "tcp:localhost:3000"/],
    ['./ready.flag', /did you mean "file:.\/ready.flag"/],
    ['   ', /empty probe/],
    ['constructor:x', /unknown probe "constructor:x"/],
    ['__proto__:x', /unknown probe "__proto__:x"/],
    ['toString:x', /unknown probe "toString:x"/],
    ['hasOwnProperty:x', /unknown probe "hasOwnProperty:x"/],
    ['ftp://example.test/file', /unknown probe "ftp:/],
  ];
  for (const [probe, expect] of strings) {
    b.add('bad-probe', JSON.stringify(probe), mutate(['commands', 1, 'wait-on'], ['http://127.0.0.1:3000/health', probe]), expect, {
      cli: probe === 'htp://localhost:3000' || probe === 'constructor:x',
    });
  }
  const objects: [string, Json, RegExp][] = [
    ['{http: 1}', { http: 1 }, /wait-on\[0\]\.http: expected a URL, got number 1/],
    ['{http: ftp://x}', { http: 'ftp://x' }, /only http:\/\/ and https:\/\/ URLs can be probed/],
    ['{tcp: true}', { tcp: true }, /wait-on\[0\]\.tcp: expected a port or "HOST:PORT"/],
    ['{tcp: "tcp:80"}', { tcp: 'tcp:80' }, /write the target without "tcp:"/],
    ['{tcp: 99999999}', { tcp: 99999999 }, /is not a port number|out of range/],
    ['status 99', { http: 'http://localhost', status: 99 }, /status codes from 100 to 599, got 99/],
    ['status []', { http: 'http://localhost', status: [] }, /expected at least one status code/],
    ['status "200"', { http: 'http://localhost', status: '200' }, /status codes from 100 to 599, got "200"/],
    ['status 1e9', { http: 'http://localhost', status: 1e9 }, /status codes from 100 to 599/],
    ['method G ET', { http: 'http://localhost', method: 'G ET' }, /expected an HTTP method/],
    ['header name', { http: 'http://localhost', headers: { 'bad name': 'x' } }, /invalid header name "bad name"/],
    ['header newline', { http: 'http://localhost', headers: { X: 'a\r\nInjected: 1' } }, /a value cannot contain line breaks/],
    ['headers list', { http: 'http://localhost', headers: ['X: 1'] }, /expected a mapping of header names to values/],
    ['{}', {}, /a probe object needs one of/],
    ['{log: ""}', { log: '' }, /wait-on\[0\]\.log: expected a non-empty string/],
    ['{file: 3}', { file: 3 }, /wait-on\[0\]\.file: expected a non-empty string/],
    ['{cmd: null}', { cmd: null }, /wait-on\[0\]\.cmd: expected a non-empty string/],
  ];
  for (const [id, probe, expect] of objects) b.add('bad-probe', id, mutate(['commands', 1, 'wait-on'], [probe]), expect);
}

function addBadNames(b: Builder): void {
  const names: [string, RegExp][] = [
    ['../escape', /contains "\/"/],
    ['../../etc/passwd', /contains "\/"/],
    ['a/b', /contains "\/"/],
    ['/abs', /contains "\/"/],
    ['a\\b', /contains "\\\\"/],
    ['.hidden', /must not start with "."/],
    ['.', /must not start with "."/],
    ['..', /must not start with "."/],
    ['CON', /reserved device name on Windows \(CON\)/],
    ['nul', /reserved device name on Windows \(NUL\)/],
    ['Aux', /reserved device name on Windows \(AUX\)/],
    ['prn.log', /reserved device name on Windows \(PRN\)/],
    ['com1', /reserved device name on Windows \(COM1\)/],
    ['LPT9.txt', /reserved device name on Windows \(LPT9\)/],
    ['a b', /contains " "/],
    ['tab\there', /contains "\\t"/],
    ['new\nline', /contains "\\n"/],
    ['semi;colon', /contains ";"/],
    ['$HOME', /contains "\$"/],
    ['star*', /contains "\*"/],
    ['名前', /contains "名", "前"/],
    ['emoji😀', /contains/],
    ['x'.repeat(65), /is 65 characters long; a name has at most 64/],
    ['nul\u0000byte', /contains "\\u0000"/],
  ];
  for (const [name, expect] of names) {
    b.add('bad-name', JSON.stringify(name), mutate(['commands', 0, 'name'], name), new RegExp(`commands\\[0\\]\\.name: .*${expect.source}`), {
      cli: name === '../escape' || name === '.hidden' || name === 'CON',
    });
  }
}

function addBadNeeds(b: Builder): void {
  b.add('bad-needs', 'unknown service', mutate(['commands', 1, 'needs'], ['dbb']), /commands\[1\]\.needs\[0\]: unknown service "dbb"; did you mean "db"\?/, { cli: true });
  b.add('bad-needs', 'unknown, nothing close', mutate(['commands', 1, 'needs'], ['zzzzzz']), /unknown service "zzzzzz" \(services: db, api\)/);
  b.add('bad-needs', 'itself', mutate(['commands', 1, 'needs'], ['api']), /a service cannot need itself \("api"\)/);
  b.add('bad-needs', 'a cycle of two', mutate(['commands', 0, 'needs'], ['api']), /needs cycle: db → api → db/);
  b.add('bad-needs', 'duplicate name', mutate(['commands', 1, 'name'], 'db'), /commands\[1\]\.name: duplicate name "db": already used at line \d+/);
  b.add(
    'bad-needs',
    'a cycle of three',
    yaml(
      'commands:',
      '  - {name: a, command: x, needs: c}',
      '  - {name: b, command: x, needs: a}',
      '  - {name: c, command: x, needs: b}',
    ),
    /needs cycle: a → c → b → a/,
  );
}

function addHugeValues(b: Builder): void {
  b.add('huge-value', 'name of 10000 characters', mutate(['commands', 0, 'name'], 'n'.repeat(10_000)), /is 10000 characters long; a name has at most 64/);
  b.add('huge-value', 'timeout 1e300', mutate(['timeout'], 1e300), /timeout: invalid duration .*longer than the 24h limit/);
  b.add('huge-value', 'stop-timeout 2^53', mutate(['stop-timeout'], 2 ** 53), /stop-timeout: invalid duration .*longer than the 24h limit/);
  b.add('huge-value', 'timeout of 60000 digits', yaml(`timeout: ${'9'.repeat(60_000)}`, 'commands:', '  - name: a', '    command: b'), /timeout: invalid duration/);
  b.add('huge-value', 'port of 5000 digits', mutate(['commands', 0, 'wait-on'], `tcp:${'9'.repeat(5000)}`), /is not a port number/);
  b.add('huge-value', 'a command over the size limit', mutate(['commands', 0, 'command'], 'x'.repeat(70_000)), /the config is \d+ KB; at most 64 KB is accepted/, {
    located: false,
    cli: true,
  });
  b.add('huge-value', 'one byte over 64 KiB', `${BASE_YAML}#${'x'.repeat(64 * 1024 - Buffer.byteLength(BASE_YAML) - 1)}\n`, /at most 64 KB is accepted/, { located: false });
  b.add('huge-value', 'a 10 MB file', Buffer.alloc(10 * 1024 * 1024, 'commands: []\n'), /the config is 10\.0 MB; at most 64 KB is accepted/, {
    located: false,
    cli: true,
  });
  const manyDuplicates = yaml('commands:', ...Array.from({ length: 2000 }, () => '  - {name: a, command: x}'));
  b.add('huge-value', '2000 services with one name', manyDuplicates, /duplicate name "a"[\s\S]*… and \d+ more issues/, { cli: true });
  const manyKeys = yaml('commands:', '  - name: a', '    command: b', ...Array.from({ length: 4000 }, (_, i) => `    k${i}: 1`));
  b.add('huge-value', '4000 unknown keys', manyKeys, /unknown key "k0"[\s\S]*… and 3980 more issues/);
  const manyDuplicateKeys = yaml(...Array.from({ length: 6000 }, (_, i) => `k${i % 3000}: 1`), 'commands: []');
  b.add('huge-value', '6000 top-level keys, half of them repeats', manyDuplicateKeys, /:3001:1: syntax error: duplicate key "k0"/);
  const manyEnv = yaml('commands:', '  - name: a', '    command: b', '    env:', ...Array.from({ length: 3000 }, (_, i) => `      ${i}x: 1`));
  b.add('huge-value', '3000 bad env names', manyEnv, /env: invalid variable name "0x"/);
  const manyProbes = yaml('commands:', '  - name: a', '    command: b', '    wait-on:', ...Array.from({ length: 3000 }, (_, i) => `      - tcp:${70_000 + i}`));
  b.add('huge-value', '3000 bad probes', manyProbes, /wait-on\[0\]: invalid tcp probe "tcp:70000"/);
  b.add('huge-value', 'a needs list of 3000 unknown names', mutate(['commands', 1, 'needs'], Array.from({ length: 3000 }, (_, i) => `n${i}`)), /unknown service "n0"/);
  const longCycle = yaml('commands:', ...Array.from({ length: 1200 }, (_, i) => `  - {name: s${i}, command: x, needs: s${(i + 1) % 1200}}`));
  b.add('huge-value', 'a needs cycle through 1200 services', longCycle, /needs cycle: s0 → s1 → .* \(1200 services\)/);
}

function addDeepNesting(b: Builder): void {
  const tooDeep = /nested more than 64 levels deep/;
  b.add('deep-nesting', 'flow lists 32000 deep', `commands: ${'['.repeat(32_000)}${']'.repeat(32_000)}\n`, tooDeep, { cli: true });
  b.add('deep-nesting', 'unclosed flow lists', `commands: ${'['.repeat(65_000)}`, tooDeep);
  b.add('deep-nesting', 'flow maps 12000 deep in env', yaml('commands:', '  - name: a', '    command: b', `    env: ${'{a: '.repeat(12_000)}1${'}'.repeat(12_000)}`), tooDeep);
  b.add('deep-nesting', 'block lists 30000 deep', `${'- '.repeat(30_000)}x\n`, tooDeep, { cli: true });
  b.add('deep-nesting', 'explicit keys 30000 deep', `${'? '.repeat(30_000)}x\n`, tooDeep);
  b.add('deep-nesting', 'JSON objects 9000 deep', `{"commands": ${'{"a": '.repeat(9000)}1${'}'.repeat(9000)}}\n`, tooDeep);
  const indented = (levels: number) => [
    'commands:', '  - name: a', '    command: b', '    env:',
    ...Array.from({ length: levels }, (_, i) => `${' '.repeat(6 + i * 2)}k${i}:`), `${' '.repeat(6 + levels * 2)}v`,
  ];
  b.add('deep-nesting', 'block maps 200 deep in env', yaml(...indented(200)), tooDeep);
  // Under the limit, the validator still gets to say what is wrong with the value.
  b.add('deep-nesting', 'block maps 50 deep in env', yaml(...indented(50)), /commands\[0\]\.env\.k0: expected a string, number or boolean, got a mapping/);
  b.add('deep-nesting', 'wait-on lists 2000 deep', yaml('commands:', '  - name: a', '    command: b', `    wait-on: ${'['.repeat(2000)}tcp:1${']'.repeat(2000)}`), tooDeep);
  b.add('deep-nesting', 'wait-on lists 40 deep', yaml('commands:', '  - name: a', '    command: b', `    wait-on: ${'['.repeat(40)}tcp:1${']'.repeat(40)}`), /wait-on\[0\]: expected one probe, got a nested list/);
  b.add('deep-nesting', 'needs as a deep list', yaml('commands:', '  - name: a', '    command: b', `    needs: ${'['.repeat(30)}a${']'.repeat(30)}`), /needs\[0\]: expected a service name, got a list/);
}

function addNotUtf8(b: Builder): void {
  const text = (s: string) => Buffer.from(s, 'utf8');
  const withBytes = (before: string, bytes: number[], after: string) => Buffer.concat([text(before), Buffer.from(bytes), text(after)]);
  const config = (command: Buffer | string) => Buffer.concat([text('commands:\n  - name: api\n    command: '), typeof command === 'string' ? text(command) : command, text('\n')]);
  b.add('not-utf8', '0xFF in a comment', withBytes('# caf', [0xff], '\ncommands:\n  - name: api\n    command: x\n'), /:1:6: not valid UTF-8: byte 0xFF/, { cli: true });
  b.add('not-utf8', 'Latin-1 é in a command', config(withBytes('echo caf', [0xe9], ' >/dev/null')), /:3:\d+: .*not valid UTF-8/);
  b.add('not-utf8', 'Latin-1 é in a name', withBytes('commands:\n  - name: caf', [0xe9], '\n    command: x\n'), /:2:\d+: .*not valid UTF-8/);
  b.add('not-utf8', 'an overlong "/"', config(withBytes('cat ', [0xc0, 0xaf], 'etc')), /not valid UTF-8/);
  b.add('not-utf8', 'a lone continuation byte', config(withBytes('x', [0x80], 'y')), /not valid UTF-8/);
  b.add('not-utf8', 'a surrogate encoded as UTF-8', config(withBytes('x', [0xed, 0xa0, 0x80], 'y')), /not valid UTF-8/);
  b.add('not-utf8', 'a sequence cut off at the end', config(withBytes('x', [0xe2, 0x82], '')).subarray(0, -1), /not valid UTF-8/);
  b.add('not-utf8', 'UTF-16LE with a byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BASE_YAML, 'utf16le')]), /UTF-16/, { located: false, cli: true });
  b.add('not-utf8', 'UTF-16BE with a byte order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(BASE_YAML, 'utf16le').swap16()]), /UTF-16/, { located: false });
  b.add('not-utf8', 'UTF-16LE without a byte order mark', Buffer.from(BASE_YAML, 'utf16le'), /NUL/);
  b.add('not-utf8', 'a raw NUL byte in a command', config(withBytes('sleep', [0], ' 1000')), /:3:\d+: .*NUL/, { cli: true });
  b.add('not-utf8', 'a NUL escape in a command', config('"sleep\\0 1000"'), /commands\[0\]\.command: .*NUL/);
  b.add('not-utf8', 'a NUL escape in an env value', yaml('commands:', '  - name: a', '    command: b', '    env: {TOKEN: "a\\0b"}'), /commands\[0\]\.env\.TOKEN: .*NUL/);
  b.add('not-utf8', 'a NUL escape in a cmd probe', yaml('commands:', '  - name: a', '    command: b', '    wait-on: "cmd: true\\0"'), /commands\[0\]\.wait-on: .*NUL/);
  b.add('not-utf8', 'a NUL escape in cwd', yaml('commands:', '  - name: a', '    command: b', '    cwd: "dir\\0"'), /commands\[0\]\.cwd: .*NUL/);
  b.add('not-utf8', 'a PNG file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /not valid UTF-8|NUL/);
  b.add('not-utf8', 'a gzip file', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00]), /not valid UTF-8|NUL/);
  const random = createRandom(0xb17e5);
  const noise = Buffer.from(Array.from({ length: 4096 }, () => random.int(256)));
  b.add('not-utf8', '4 KB of random bytes', noise, /not valid UTF-8|NUL/);
}

function addAliasBombs(b: Builder): void {
  const levels = 'abcdefghi'.split('');
  const laughs = levels.map((name, i) => {
    const item = i === 0 ? '"lol"' : `*${levels[i - 1]}`;
    return `${name}: &${name} [${Array.from({ length: 9 }, () => item).join(', ')}]`;
  });
  b.add('alias-bomb', 'billion laughs', yaml(...laughs, 'commands: *i'), /too many alias \(\*anchor\) expansions; the limit is 100/, { located: false, cli: true });
  b.add(
    'alias-bomb',
    'billion laughs in env',
    yaml('x: &x {A: "1"}', ...laughs, 'commands:', '  - name: a', '    command: b', '    env: {<<: *x}', '    needs: *i'),
    /too many alias/,
    { located: false },
  );
  const wide = yaml('commands:', '  - name: a', '    command: &c b', ...Array.from({ length: 101 }, (_, i) => `  - {name: s${i}, command: *c}`));
  b.add('alias-bomb', '101 aliases of one anchor', wide, /too many alias/, { located: false });
  b.add('alias-bomb', 'a merge of 200 aliases', yaml('base: &b {A: "1"}', 'commands:', '  - name: a', '    command: b', `    env: {<<: [${Array.from({ length: 200 }, () => '*b').join(', ')}]}`), /too many alias|unknown key "base"/, { located: false });
  b.add('alias-bomb', 'an alias to an undefined anchor', yaml('commands: *nope'), /:1:11: .*\*nope/);
  b.add('alias-bomb', 'an alias before its anchor', yaml('commands:', '  - name: a', '    command: *later', '  - name: b', '    command: &later x'), /:3:14: .*\*later/);
  b.add('alias-bomb', 'a merge of an undefined anchor', yaml('commands:', '  - <<: *defaults', '    name: a', '    command: b'), /:2:9: .*\*defaults/);
  b.add('alias-bomb', 'a merge of a scalar', yaml('d: &d 5', 'commands:', '  - <<: *d', '    name: a', '    command: b'), /cannot read the document: merge sources must be maps/, { located: false });
  b.add('alias-bomb', 'a self-referencing list', yaml('commands: &a [*a]'), /commands\[0\]: expected a service mapping/);
}

function addSyntax(b: Builder): void {
  const cases: [string, string, RegExp, { located?: boolean; cli?: boolean }?][] = [
    ['an unclosed double quote', yaml('commands:', '  - name: "api', '    command: b'), /syntax error/, { cli: true }],
    ['an unclosed single quote', yaml('commands:', "  - name: 'api", '    command: b'), /syntax error/],
    ['a tab as indentation', yaml('commands:', '\t- name: a', '\t  command: b'), /:2:1: syntax error: tabs are not allowed as indentation/, { cli: true }],
    ['two documents', yaml('commands:', '  - name: a', '    command: b', '---', 'commands: []'), /single YAML document; remove the extra "---"/],
    ['a duplicate key', yaml('commands:', '  - name: a', '    command: b', '    command: c'), /:4:5: syntax error: duplicate key "command"/],
    ['a duplicate top-level key', yaml('timeout: 5s', 'timeout: 6s', 'commands: []'), /:2:1: syntax error: duplicate key "timeout"/],
    ['an unquoted ": " in a value', yaml('commands:', '  - name: a', '    command: b', '    wait-on: log: Listening on'), /:4:\d+: syntax error: .*quote a value that contains ": "/],
    ['bad indentation', yaml('commands:', '  - name: a', '   command: b'), /syntax error/],
    ['an unclosed flow list', yaml('commands: [', '  {name: a, command: b}'), /syntax error/],
    ['an unclosed flow map', yaml('commands:', '  - {name: a, command: b'), /syntax error/],
    ['JSON with a missing comma', '{\n  "commands": [\n    {"name": "a" "command": "b"}\n  ]\n}\n', /:3:\d+: syntax error: .*is a "," missing before it\?/],
    ['JSON with a comment', '{\n  // services\n  "commands": []\n}\n', /:2:3: unknown key "\/\/ services/],
    ['JSON with single quotes and a missing brace', "{'commands': [{'name': 'a', 'command': 'b'}]\n", /syntax error/],
    ['an empty file', '', /the config is empty/, { located: false, cli: true }],
    ['only whitespace', '   \n\n\t\n', /the config is empty/, { located: false }],
    ['only comments', '# bgsvc config\n# todo\n', /the config is empty/, { located: false }],
    ['only a document marker', '---\n', /the config is empty/, { located: false }],
    ['a directive without document', '%YAML 1.2\n', /syntax error|empty/, { located: false }],
    ['a stray "]"', ']\n', /syntax error/],
    ['a stray "}"', yaml('commands:', '  - name: a', '    command: b', '}'), /syntax error/],
    ['a bad escape', yaml('commands:', '  - name: a', '    command: "\\q"'), /syntax error/],
    ['an unknown tag', yaml('commands: !!python/object:os.system ["rm -rf /"]'), /syntax error|tag|expected a list of services/],
    ['a block scalar with a bad indicator', yaml('commands:', '  - name: a', '    command: |x', '      b'), /syntax error/],
    ['a key with no value and no colon', yaml('commands', '  - name: a'), /syntax error|expected a mapping/],
    ['a reserved indicator @', yaml('commands:', '  - name: @api', '    command: b'), /syntax error/],
  ];
  for (const [id, text, expect, options] of cases) b.add('syntax', id, text, expect, options);
}

function addShapes(b: Builder): void {
  const cases: [string, string, RegExp][] = [
    ['a top-level list', yaml('- name: a', '  command: b'), /expected a mapping with a "commands:" list at the top, got a list; put service entries under "commands:"/],
    ['a top-level string', 'npm start\n', /got the string "npm start"/],
    ['a top-level number', '42\n', /got number 42/],
    ['a docker-compose file', yaml('version: "3"', 'services:', '  db:', '    image: postgres'), /services: expected a list of services, got a mapping; write each service as a list entry/],
    ['no commands at all', yaml('timeout: 5s'), /missing "commands"/],
    ['an empty commands list', yaml('commands: []'), /commands: the list is empty/],
    ['a null commands', yaml('commands:'), /commands: the list is empty/],
    ['a service that is a string', yaml('commands:', '  - npm start'), /commands\[0\]: expected a service mapping.*use "background:" instead/],
    ['background with a mapping entry', yaml('background:', '  - {name: a, command: b}'), /background\[0\]: expected a command string, got a mapping/],
    ['background with an empty string', yaml('background:', '  - ""'), /background\[0\]: expected a command string, got an empty string/],
    ['background as a string', yaml('background: npm start'), /background: expected a list of command strings/],
    ['backgroundDirectives as a list', yaml('backgroundDirectives:', '  - name: a'), /backgroundDirectives: expected a mapping with "commands"/],
    ['backgroundDirectives without commands', yaml('backgroundDirectives:', '  shell: bash'), /backgroundDirectives: missing "commands"/],
  ];
  for (const [id, text, expect] of cases) b.add('shape', id, text, expect);
}

/** Every case, in a fixed order (ids are stable, so failures can be looked up). */
export function buildCorpus(): CorpusCase[] {
  const b = new Builder();
  addWrongTypes(b);
  addUnknownKeys(b);
  addBadDurations(b);
  addBadProbes(b);
  addBadNames(b);
  addBadNeeds(b);
  addHugeValues(b);
  addDeepNesting(b);
  addNotUtf8(b);
  addAliasBombs(b);
  addSyntax(b);
  addShapes(b);
  return b.cases;
}

