import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, type ConfigIssue } from '../../src/config/index.js';

// Parses text that must be rejected and returns what the user would be told.
function rejectionOf(text: string, source = 'bgsvc.yml'): ConfigError {
  try {
    parseConfig(text, { source, cwd: '/work' });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

function issuesOf(text: string, source?: string): ConfigIssue[] {
  return rejectionOf(text, source).issues;
}

const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;

interface ErrorCase {
  title: string;
  text: string;
  path: string;
  line: number | undefined;
  column: number | undefined;
  message: string;
}

const cases: ErrorCase[] = [
  {
    title: 'a duplicate name, at the second one, naming the first line',
    text: yaml('commands:', '  - name: api', '    command: a', '  - name: api', '    command: b'),
    path: 'commands[1].name', line: 4, column: 11,
    message: 'duplicate name "api": already used at line 2',
  },
  {
    title: 'a name with a slash',
    text: yaml('commands:', '  - name: web/api', '    command: a'),
    path: 'commands[0].name', line: 2, column: 11,
    message: '"web/api" contains "/"; use only letters, digits',
  },
  {
    title: 'a name that is ..',
    text: yaml('commands:', '  - name: ..', '    command: a'),
    path: 'commands[0].name', line: 2, column: 11,
    message: '".." must not start with "."',
  },
  {
    title: 'a name that is a Windows device',
    text: yaml('commands:', '  - name: Nul', '    command: a'),
    path: 'commands[0].name', line: 2, column: 11,
    message: 'reserved device name on Windows (NUL)',
  },
  {
    title: 'a name longer than 64 characters',
    text: yaml('commands:', `  - name: ${'a'.repeat(65)}`, '    command: a'),
    path: 'commands[0].name', line: 2, column: 11,
    message: 'is 65 characters long; a name has at most 64',
  },
  {
    title: 'a missing command, at the mapping',
    text: yaml('commands:', '  - name: api', '    cwd: web'),
    path: 'commands[0]', line: 2, column: 5,
    message: 'missing "command" (the shell command that starts the service)',
  },
  {
    title: 'a missing name, at the mapping',
    text: yaml('commands:', '  - command: npm start'),
    path: 'commands[0]', line: 2, column: 5,
    message: 'missing "name"',
  },
  {
    title: 'an empty name value, at its key',
    text: yaml('commands:', '  - name:', '    command: a'),
    path: 'commands[0].name', line: 2, column: 5,
    message: 'expected a string, got nothing (null)',
  },
  {
    title: 'a command that is not a string',
    text: yaml('commands:', '  - name: a', '    command: [npm, start]'),
    path: 'commands[0].command', line: 3, column: 14,
    message: 'expected a non-empty string, got a list',
  },
  {
    title: 'wait_on, with a suggestion, at the key',
    text: yaml('commands:', '  - name: api', '    command: a', '    wait_on: tcp:3000'),
    path: 'commands[0]', line: 4, column: 5,
    message: 'unknown key "wait_on"; did you mean "wait-on"?',
  },
  {
    title: 'waitOn, with a suggestion',
    text: yaml('commands:', '  - name: api', '    command: a', '    waitOn: tcp:3000'),
    path: 'commands[0]', line: 4, column: 5,
    message: 'unknown key "waitOn"; did you mean "wait-on"?',
  },
  {
    title: 'stop_timeout, with a suggestion',
    text: yaml('commands:', '  - name: api', '    command: a', '    stop_timeout: 5s'),
    path: 'commands[0]', line: 4, column: 5,
    message: 'unknown key "stop_timeout"; did you mean "stop-timeout"?',
  },
  {
    title: 'an unknown key with nothing close, listing the allowed keys',
    text: yaml('commands:', '  - name: api', '    command: a', '    image: redis'),
    path: 'commands[0]', line: 4, column: 5,
    message: 'unknown key "image" (allowed: name, command, cwd, env, needs, wait-on',
  },
  {
    title: 'a misspelt top-level key, without a second "missing" issue',
    text: yaml('comands:', '  - name: api', '    command: a'),
    path: '', line: 1, column: 1,
    message: 'unknown key "comands"; did you mean "commands"?',
  },
  {
    title: 'the abc123 duration',
    text: yaml('commands:', '  - name: api', '    command: a', '    timeout: abc123'),
    path: 'commands[0].timeout', line: 4, column: 14,
    message: 'invalid duration "abc123" (expected a number of seconds, or numbers with units ms, s, m or h, e.g. 500ms, 30s, 2m, 1h30m)',
  },
  {
    title: 'a negative duration',
    text: yaml('commands:', '  - name: api', '    command: a', '    stop-timeout: -1s'),
    path: 'commands[0].stop-timeout', line: 4, column: 19,
    message: 'invalid duration "-1s": must not be negative',
  },
  {
    title: 'a zero timeout',
    text: yaml('timeout: 0', 'commands:', '  - name: api', '    command: a'),
    path: 'timeout', line: 1, column: 10,
    message: 'invalid duration 0: must be greater than 0',
  },
  {
    title: 'a duration over a day',
    text: yaml('commands:', '  - name: api', '    command: a', '    timeout: 25h'),
    path: 'commands[0].timeout', line: 4, column: 14,
    message: 'invalid duration "25h": 25h is longer than the 24h limit',
  },
  {
    title: 'an unknown probe form, with the accepted forms and a correction',
    text: yaml('commands:', '  - name: api', '    command: a', '    wait-on: htp://localhost:3000'),
    path: 'commands[0].wait-on', line: 4, column: 14,
    message:
      'unknown probe "htp://localhost:3000" (expected http://…, https://…, tcp:PORT, tcp:HOST:PORT, socket:PATH, file:PATH, log: REGEX, cmd: COMMAND or delay: DURATION); did you mean "http://localhost:3000"?',
  },
  {
    title: 'a bare path as a probe, suggesting file:',
    text: yaml('commands:', '  - name: api', '    command: a', '    wait-on: [tcp:1, /tmp/ready]'),
    path: 'commands[0].wait-on[1]', line: 4, column: 22,
    message: 'did you mean "file:/tmp/ready"?',
  },
  {
    title: 'a tcp probe without a port',
    text: yaml('commands:', '  - name: api', '    command: a', '    wait-on:', '      - tcp:abc'),
    path: 'commands[0].wait-on[0]', line: 5, column: 9,
    message: 'invalid tcp probe "tcp:abc": "abc" is not a port number (1-65535)',
  },
  {
    title: 'an unknown key in a probe object, at the key',
    text: yaml('commands:', '  - name: api', '    command: a', '    wait-on:', '      - http: http://x', '        stauts: 200'),
    path: 'commands[0].wait-on[0]', line: 6, column: 9,
    message: 'unknown probe key "stauts"; did you mean "status"?',
  },
  {
    title: 'a bad status in a probe object, at the value',
    text: yaml('commands:', '  - name: api', '    command: a', '    wait-on:', '      - http: http://x', '        status: 700'),
    path: 'commands[0].wait-on[0].status', line: 6, column: 17,
    message: 'expected HTTP status codes from 100 to 599, got 700',
  },
  {
    title: 'a regex that does not compile',
    text: yaml('commands:', '  - name: api', '    command: a', '    wait-on:', '      - log: "(unclosed"'),
    path: 'commands[0].wait-on[0].log', line: 5, column: 14,
    message: 'invalid regular expression "(unclosed": Unterminated group',
  },
  {
    title: 'needs naming a missing service, with a suggestion',
    text: yaml('commands:', '  - name: db', '    command: a', '  - name: api', '    command: b', '    needs: [dbb]'),
    path: 'commands[1].needs[0]', line: 6, column: 13,
    message: 'unknown service "dbb"; did you mean "db"?',
  },
  {
    title: 'needs naming a missing service, listing the known ones',
    text: yaml('commands:', '  - name: db', '    command: a', '  - name: api', '    command: b', '    needs: cache'),
    path: 'commands[1].needs', line: 6, column: 12,
    message: 'unknown service "cache" (services: db, api)',
  },
  {
    title: 'a service that needs itself',
    text: yaml('commands:', '  - name: api', '    command: b', '    needs: api'),
    path: 'commands[0].needs', line: 4, column: 12,
    message: 'a service cannot need itself ("api")',
  },
  {
    title: 'a needs cycle, as a path from the first service in the file',
    text: yaml(
      'commands:',
      '  - name: a', '    command: x', '    needs: [c]',
      '  - name: b', '    command: x', '    needs: [a]',
      '  - name: c', '    command: x', '    needs: [b]',
    ),
    path: 'commands[0].needs[0]', line: 4, column: 13,
    message: 'needs cycle: a → c → b → a; no start order exists',
  },
  {
    title: 'a YAML syntax error, with the parser position',
    text: yaml('commands:', '  - name: a', '   command: x'),
    path: '', line: 3, column: 1,
    message: 'syntax error:',
  },
  {
    title: 'an unquoted "log: …" value, with how to quote it',
    text: yaml('commands:', '  - name: a', '    command: x', '    wait-on: log: Listening on'),
    path: '', line: 4, column: 14,
    message: 'quote a value that contains ": " (for example wait-on: "log: Listening on")',
  },
  {
    title: 'a duplicate YAML key, naming it',
    text: yaml('commands:', '  - name: a', '    command: x', '    command: y'),
    path: '', line: 4, column: 5,
    message: 'syntax error: duplicate key "command"; a key may appear only once',
  },
  {
    title: 'tab indentation',
    text: 'commands:\n\t- name: a\n',
    path: '', line: 2, column: 1,
    message: 'tabs are not allowed as indentation in YAML; indent with spaces',
  },
  {
    title: 'two YAML documents',
    text: yaml('commands: []', '---', 'commands: []'),
    path: '', line: 2, column: 1,
    message: 'the config must be a single YAML document',
  },
  {
    title: 'JSON with a missing comma, with line and column',
    text: '{\n  "commands": [\n    {"name": "a" "command": "x"}\n  ]\n}\n',
    path: '', line: 3, column: 18,
    message: 'syntax error: unexpected double-quoted-scalar token (is a "," missing before it?)',
  },
  {
    title: 'JSON with an unclosed object',
    text: '{\n  "commands": [\n    {"name": "a", "command": "x"}\n  ]\n',
    path: '', line: 5, column: 1,
    message: 'syntax error:',
  },
  {
    title: 'a top-level list',
    text: yaml('- name: a', '  command: x'),
    path: '', line: 1, column: 1,
    message: 'expected a mapping with a "commands:" list at the top, got a list; put service entries under "commands:"',
  },
  {
    title: 'a top-level scalar',
    text: yaml('npm start'),
    path: '', line: 1, column: 1,
    message: 'expected a mapping with a "commands:" list at the top, got the string "npm start"',
  },
  {
    title: 'a service written at the top level',
    text: yaml('name: api', 'command: npm start'),
    path: '', line: 2, column: 1,
    message: '"command" is a service key; put services in a "commands:" list',
  },
  {
    title: 'no service list at all',
    text: yaml('shell: bash'),
    path: '', line: 1, column: 1,
    message: 'missing "commands": a list of services',
  },
  {
    title: 'an empty commands list',
    text: yaml('commands: []'),
    path: 'commands', line: 1, column: 11,
    message: 'the list is empty; add at least one service',
  },
  {
    title: 'a commands key with no value',
    text: yaml('commands:'),
    path: 'commands', line: 1, column: 1,
    message: 'the list is empty',
  },
  {
    title: 'the services alias, with its own name in paths',
    text: yaml('services:', '  - name: a/b', '    command: x'),
    path: 'services[0].name', line: 2, column: 11,
    message: 'contains "/"',
  },
  {
    title: 'docker-compose style services, with how to write them',
    text: yaml('services:', '  api:', '    command: x'),
    path: 'services', line: 2, column: 3,
    message: 'expected a list of services, got a mapping; write each service as a list entry: "- name: api"',
  },
  {
    title: 'a command string in commands, pointing to background',
    text: yaml('commands:', '  - npm start'),
    path: 'commands[0]', line: 2, column: 5,
    message: 'got the string "npm start"; for plain command strings use "background:" instead',
  },
  {
    title: 'commands and services together',
    text: yaml('commands: [{name: a, command: x}]', 'services: [{name: b, command: y}]'),
    path: 'services', line: 2, column: 1,
    message: '"services" cannot be combined with "commands"',
  },
  {
    title: 'background mixed with commands',
    text: yaml('background: [x]', 'commands: [{name: b, command: y}]'),
    path: 'background', line: 1, column: 1,
    message: '"background" cannot be combined with "commands"',
  },
  {
    title: 'a default beside backgroundDirectives',
    text: yaml('shell: bash', 'backgroundDirectives:', '  commands: [{name: a, command: x}]'),
    path: 'shell', line: 1, column: 1,
    message: 'with "backgroundDirectives", put "shell" inside it',
  },
  {
    title: 'backgroundDirectives without commands',
    text: yaml('backgroundDirectives:', '  shell: bash'),
    path: 'backgroundDirectives', line: 2, column: 3,
    message: 'missing "commands"',
  },
  {
    title: 'a background entry that is not a string',
    text: yaml('background:', '  - npx static-server', '  - {name: a, command: b}'),
    path: 'background[1]', line: 3, column: 5,
    message: 'expected a command string, got a mapping; use "commands:" for services with options',
  },
  {
    title: 'a null env value',
    text: yaml('commands:', '  - name: a', '    command: x', '    env:', '      TOKEN:'),
    path: 'commands[0].env.TOKEN', line: 5, column: 7,
    message: 'expected a string, number or boolean, got nothing (null); write "" for an empty value',
  },
  {
    title: 'an env value that is a mapping',
    text: yaml('commands:', '  - name: a', '    command: x', '    env: { A: { b: 1 } }'),
    path: 'commands[0].env.A', line: 4, column: 15,
    message: 'got a mapping',
  },
  {
    title: 'an env key that is not a variable name',
    text: yaml('commands:', '  - name: a', '    command: x', '    env: { 1PORT: "3000" }'),
    path: 'commands[0].env', line: 4, column: 12,
    message: 'invalid variable name "1PORT"',
  },
  {
    title: 'an unknown signal',
    text: yaml('commands:', '  - name: a', '    command: x', '    stop-signal: SIGTREM'),
    path: 'commands[0].stop-signal', line: 4, column: 18,
    message: 'unknown signal "SIGTREM"; did you mean "SIGTERM"?',
  },
  {
    title: 'a signal that suspends instead of stopping',
    text: yaml('commands:', '  - name: a', '    command: x', '    stop-signal: STOP'),
    path: 'commands[0].stop-signal', line: 4, column: 18,
    message: '"STOP" suspends the service instead of stopping it',
  },
  {
    title: 'a long value, quoted and shortened',
    text: yaml('commands:', '  - name: a', '    command: x', `    wait-on: "${'x'.repeat(200)}"`),
    path: 'commands[0].wait-on', line: 4, column: 14,
    message: `unknown probe "${'x'.repeat(59)}…" (expected`,
  },
];

describe('config errors', () => {
  it.each(cases)('reports $title', ({ text, path, line, column, message }) => {
    const issues = issuesOf(text);
    const issue = issues.find((candidate) => candidate.message.includes(message));
    expect(issue, `no issue containing ${JSON.stringify(message)} in ${JSON.stringify(issues, null, 2)}`).toBeDefined();
    expect(issue).toMatchObject({ source: 'bgsvc.yml', path, line, column });
  });

  it('formats each issue as file:line:column: path: message, one per line', () => {
    const error = rejectionOf(
      yaml('commands:', '  - name: api', '    command: a', '    wait_on: tcp:1', '  - name: web', '    command: b', '    wait-on: htp://localhost:3000'),
    );
    expect(error.message.split('\n')).toEqual([
      'bgsvc.yml:4:5: commands[0]: unknown key "wait_on"; did you mean "wait-on"?',
      'bgsvc.yml:7:14: commands[1].wait-on: unknown probe "htp://localhost:3000" (expected http://…, https://…, tcp:PORT, tcp:HOST:PORT, socket:PATH, file:PATH, log: REGEX, cmd: COMMAND or delay: DURATION); did you mean "http://localhost:3000"?',
    ]);
    expect(error.name).toBe('ConfigError');
  });

  it('collects every problem in the file, in file order, not just the first', () => {
    const issues = issuesOf(
      yaml(
        'commands:',
        '  - name: b', '    command: x', '    needs: [zzz]',
        '  - name: a/b', '    command: y', '    timeout: 2d',
        '  - name: c', '    wait-on: nope',
      ),
    );
    expect(issues.map((issue) => `${issue.line}:${issue.path}`)).toEqual([
      '4:commands[0].needs[0]',
      '5:commands[1].name',
      '7:commands[1].timeout',
      '8:commands[2]',
      '9:commands[2].wait-on',
    ]);
  });

  it('reports a bad name once, not again where another service needs it', () => {
    const issues = issuesOf(yaml('commands:', '  - {name: web/api, command: x}', '  - {name: e2e, command: y, needs: [web/api]}'));
    expect(issues.map((issue) => issue.path)).toEqual(['commands[0].name']);
  });

  it('shows at most 20 issues and counts the rest', () => {
    const services = Array.from({ length: 30 }, (_, i) => `  - {name: "s${i}/x", command: x}`);
    const error = rejectionOf(yaml('commands:', ...services));
    expect(error.issues).toHaveLength(20);
    expect(error.message.split('\n')).toHaveLength(21);
    expect(error.message).toMatch(/… and 10 more issues$/);
  });

  it('labels inline text with its label', () => {
    const [issue] = issuesOf(yaml('commands:', '  - name: a'), 'input "services"');
    expect(issue).toMatchObject({ source: 'input "services"', line: 2, column: 5 });
    expect(rejectionOf(yaml('commands:', '  - name: a'), 'input "services"').message).toMatch(/^input "services":2:5: commands\[0\]: missing "command"/);
  });

  it.each([
    ['an empty file', ''],
    ['only whitespace', '  \n\n'],
    ['only comments', '# services go here\n  # later\n'],
    ['a document marker and nothing else', '---\n'],
  ])('rejects %s as empty, without a position', (_title, text) => {
    const error = rejectionOf(text);
    expect(error.issues).toEqual([
      { source: 'bgsvc.yml', path: '', message: expect.stringContaining('the config is empty: expected a "commands:" list') },
    ]);
    expect(error.message).toMatch(/^bgsvc\.yml: the config is empty/);
  });

  it('stops an alias bomb instead of expanding it', () => {
    const bomb = yaml(
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'commands: *e',
    );
    const started = performance.now();
    expect(rejectionOf(bomb).message).toContain('too many alias (*anchor) expansions');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('rejects a 10 MB config quickly, by size', () => {
    const huge = `commands:\n${'  - {name: a, command: x}\n'.repeat(400_000)}`;
    const started = performance.now();
    expect(rejectionOf(huge).message).toMatch(/the config is 9\.\d MB; at most 64 KB is accepted/);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it.each([
    ['deeply nested flow lists', '['.repeat(30_000)],
    ['one error per character', ']'.repeat(30_000)],
    ['thousands of bad services', `commands:\n${'  - {name: a/b, command: 1, wait_on: x, timeout: abc}\n'.repeat(500)}`],
  ])('fails fast on %s just under the size limit', (_title, text) => {
    const started = performance.now();
    expect(() => parseConfig(text, { source: 'bgsvc.yml', cwd: '/work' })).toThrow(ConfigError);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
