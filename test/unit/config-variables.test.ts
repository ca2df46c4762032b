// $VAR and ${VAR} in probe targets and export: values (issue 17, part 1): what
// expands, what is left to the shell, and the errors, at file:line:col.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, type Plan } from '../../src/config/index.js';
import { readProbeAtLaunch } from '../../src/config/service-variables.js';
import { expandVariables, lookupIn, splitVariables } from '../../src/config/variables.js';
import { exportedVariables, formatVariables } from '../../src/report/exported-env.js';

const parse = (text: string, environment: Record<string, string> = {}): Plan =>
  parseConfig(text, { source: 'bgsvc.yml', cwd: '/work', environment });

function errorsOf(text: string, environment: Record<string, string> = {}): string[] {
  try {
    parse(text, environment);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a config error');
}

describe('splitting and expanding', () => {
  it('reads $NAME, ${NAME} and $$, and leaves a $ that starts no name as written', () => {
    expect(expandVariables('http://h:$PORT/${P2}x/$$/a?b=$', lookupIn({ PORT: '1', P2: '2' }))).toEqual({ value: 'http://h:1/2x/$/a?b=$' });
    expect(expandVariables('$A_1-$B', lookupIn({ A_1: 'a', B: 'b' }))).toEqual({ value: 'a-b' });
  });

  it('reports an unknown name instead of expanding it to nothing, and a malformed ${', () => {
    expect(expandVariables('tcp:$PROT', lookupIn({ PORT: '1' }))).toEqual({ error: 'unknown variable $PROT', unknown: 'PROT' });
    expect(splitVariables('x${PORT')).toEqual({ error: expect.stringContaining('"${PORT" is not a variable') });
    expect(splitVariables('x${1A}')).toEqual({ error: expect.stringContaining('"${1A}" is not a variable') });
  });
});

describe('variables in a config', () => {
  it('expands env:, a pinned PORT, BGSVC_SERVICE and the job environment while reading; late values at launch', () => {
    const plan = parse(
      `
commands:
  - name: api
    command: ./api
    port: 3000
    env: { HOST: 127.0.0.1 }
    wait-on:
      - http://$HOST:$PORT/$BGSVC_SERVICE
      - { tcp: "\${HOST}:\${JOB_PORT}" }
      - "log: listening on port \\\\d+$"
      - "cmd: curl -fsS http://$HOST:$PORT/"
      - file:$HOME/ready
`,
      { JOB_PORT: '4000', HOME: '/home/runner' },
    );
    const [service] = plan.services;
    expect(service!.probes.map((probe) => probe.text)).toEqual([
      'http://127.0.0.1:3000/api',
      'tcp:127.0.0.1:4000',
      'log: listening on port \\d+$',
      // A shell string is the shell's to expand, with the same environment.
      'cmd: curl -fsS http://$HOST:$PORT/',
      'file:/home/runner/ready',
    ]);
    expect(service!.probesAtLaunch).toBeUndefined();
    expect(service!.port).toBe(3000);
  });

  it('keeps probes that use a value known only at launch, and reads them then with the real value', () => {
    const plan = parse(`
commands:
  - name: api
    command: ./api
    port: auto
    wait-on: [http://127.0.0.1:$PORT/health, "file:$BGSVC_LOG_DIR/ready"]
    export: { URL: "http://127.0.0.1:$PORT" }
`);
    const [service] = plan.services;
    expect(service!.probesAtLaunch).toEqual(['http://127.0.0.1:$PORT/health', 'file:$BGSVC_LOG_DIR/ready']);
    expect(service!.exports).toEqual({ URL: 'http://127.0.0.1:$PORT' });
    const atLaunch = service!.probesAtLaunch!.map((entry) => readProbeAtLaunch(entry, { PORT: '41234', BGSVC_LOG_DIR: '/l' }));
    expect(atLaunch).toEqual([
      expect.objectContaining({ kind: 'http', url: 'http://127.0.0.1:41234/health' }),
      expect.objectContaining({ kind: 'file', path: '/l/ready' }),
    ]);
  });

  it("a template's params reach probe targets and exports", () => {
    const plan = parse(`
templates:
  db:
    params: [port]
    command: ./db --port $param_port
    wait-on: tcp:127.0.0.1:$param_port
    export: { DB_PORT: $param_port }
commands:
  - { name: db, template: db, params: { port: 5433 } }
`);
    expect(plan.services[0]!.probes[0]).toMatchObject({ kind: 'tcp', host: '127.0.0.1', port: 5433 });
    expect(plan.services[0]!.exports).toEqual({ DB_PORT: '$param_port' });
  });

  it('points at every mistake with file:line:col', () => {
    expect(
      errorsOf(`
commands:
  - name: api
    command: ./api
    port: auto
    env: { PORT: 1 }
    wait-on: [http://127.0.0.1:$PROT/, tcp:$NOPE]
    export:
      BGSVC_X: a
      URL: http://127.0.0.1:$PORT/\${DB
  - name: web
    command: ./web
    port: 0
    wait-on: tcp:$PORT
  - name: Api
    command: ./api2
    port: auto
    export: { URL: x }
`),
    ).toEqual([
      'bgsvc.yml:6:12: commands[0].env: "PORT" is set by "port:" (bgsvc gives the service its port as $PORT); remove one of them',
      'bgsvc.yml:7:15: commands[0].wait-on[0]: unknown variable $PROT: did you mean $PORT?',
      `bgsvc.yml:7:40: commands[0].wait-on[1]: unknown variable $NOPE: the service's environment has no NOPE; set it in its "env:" or in the job's environment (bgsvc adds BGSVC_ID, BGSVC_SERVICE, BGSVC_LOG_DIR, and PORT with "port:")`,
      `bgsvc.yml:9:7: commands[0].export: "BGSVC_X": names starting with BGSVC_ are bgsvc's own (BGSVC_PORT_<NAME> hands on each service's port); choose another`,
      'bgsvc.yml:10:12: commands[0].export.URL: "${DB" is not a variable: write ${NAME} with NAME of letters, digits and _ (or $$ for a literal $)',
      'bgsvc.yml:13:11: commands[1].port: expected "auto" (bgsvc chooses a free port on 127.0.0.1 and ::1 and sets $PORT) or a port number 1-65535, got number 0',
      'bgsvc.yml:17:11: commands[2].port: its port would be handed on as BGSVC_PORT_API, like the port of service "api"; rename one of the services',
    ]);
  });

  it('refuses two services exporting the same name', () => {
    expect(
      errorsOf(`
commands:
  - { name: a, command: ./a, export: { URL: x } }
  - { name: b, command: ./b, export: { URL: y } }
`),
    ).toEqual(['bgsvc.yml:4:40: commands[1].export.URL: "URL" is already exported by service "a"; later steps can see only one value: rename one']);
  });
});

describe('what is handed on', () => {
  const state = (services: object[], stoppedAt?: number) =>
    ({ stoppedAt, services } as unknown as Parameters<typeof exportedVariables>[0]);

  it('hands on ready, running services only, with their ports', () => {
    const variables = exportedVariables(
      state([
        { name: 'db-1', readyAt: 1, port: 5432, exports: { DATABASE_URL: "postgres://a'b@127.0.0.1:5432/x y" } },
        { name: 'gone', readyAt: 1, stoppedAt: 2, port: 1, exports: { GONE: 'x' } },
        { name: 'starting', port: 2 },
      ]),
    );
    expect(variables).toEqual({ BGSVC_PORT_DB_1: '5432', DATABASE_URL: "postgres://a'b@127.0.0.1:5432/x y" });
    expect(exportedVariables(state([{ name: 'a', readyAt: 1, port: 1 }], 5))).toEqual({});
  });

  it('quotes for sh and dotenv', () => {
    const variables = { A: "it's $HOME", B: 'plain/value:1' };
    expect(formatVariables(variables, 'sh')).toBe(`export A='it'\\''s $HOME'\nexport B='plain/value:1'\n`);
    expect(formatVariables(variables, 'dotenv')).toBe(`A="it's \\$HOME"\nB=plain/value:1\n`);
    expect(JSON.parse(formatVariables(variables, 'json'))).toEqual(variables);
  });
});
