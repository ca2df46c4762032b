import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTLE_MS, DEFAULT_STOP_SIGNAL, DEFAULT_STOP_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, parseConfig, type ServicePlan,
} from '../../src/config/index.js';

const parse = (text: string) => parseConfig(text, { source: 'bgsvc.yml', cwd: '/work/repo' });
const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;

const defaults = (name: string, command: string): ServicePlan => ({
  name,
  command,
  shell: undefined,
  cwd: '/work/repo',
  env: {},
  needs: [],
  probes: [],
  timeoutMs: DEFAULT_TIMEOUT_MS,
  settleMs: DEFAULT_SETTLE_MS,
  stop: undefined,
  stopSignal: DEFAULT_STOP_SIGNAL,
  stopTimeoutMs: DEFAULT_STOP_TIMEOUT_MS,
  line: expect.any(Number),
});

describe('config forms', () => {
  it('reads the commands form with every service key', () => {
    const plan = parse(
      yaml(
        'shell: bash',
        'timeout: 45s',
        'stop-timeout: 3s',
        'commands:',
        '  - name: db',
        '    command: pg_ctl start',
        '    wait-on: "cmd: pg_isready"',
        '    stop: pg_ctl stop -m fast',
        '  - name: api',
        '    command: npm run start:api',
        '    cwd: packages/api',
        '    env: { PORT: "3000", WORKERS: 2, DEBUG: false }',
        '    needs: [db]',
        '    wait-on:',
        '      - http://127.0.0.1:3000/health',
        '      - log: "Listening on"',
        '    timeout: 30s',
        '    stop-signal: SIGINT',
        '    stop-timeout: 0',
        '    shell: sh',
      ),
    );
    expect(plan).toEqual({
      source: 'bgsvc.yml',
      services: [
        {
          ...defaults('db', 'pg_ctl start'),
          shell: 'bash',
          probes: [{ kind: 'cmd', text: 'cmd: pg_isready', command: 'pg_isready' }],
          timeoutMs: 45_000,
          stop: 'pg_ctl stop -m fast',
          stopTimeoutMs: 3_000,
        },
        {
          ...defaults('api', 'npm run start:api'),
          shell: 'sh',
          cwd: '/work/repo/packages/api',
          env: { PORT: '3000', WORKERS: '2', DEBUG: 'false' },
          needs: ['db'],
          probes: [
            {
              kind: 'http', text: 'http://127.0.0.1:3000/health', url: 'http://127.0.0.1:3000/health',
              method: 'GET', status: undefined, headers: {},
            },
            { kind: 'log', text: 'log: Listening on', pattern: 'Listening on' },
          ],
          timeoutMs: 30_000,
          stopSignal: 'SIGINT',
          stopTimeoutMs: 0,
        },
      ],
    });
  });

  it('applies the defaults when a service sets nothing but name and command', () => {
    expect(parse(yaml('commands:', '  - name: web', '    command: npm start')).services).toEqual([defaults('web', 'npm start')]);
  });

  it('accepts services as an alias of commands', () => {
    const plan = parse(yaml('services:', '  - name: redis', '    command: redis-server', '    needs: []'));
    expect(plan.services).toEqual([defaults('redis', 'redis-server')]);
  });

  it('accepts backgroundDirectives verbatim, with its shell as the default', () => {
    const plan = parse(
      yaml(
        'backgroundDirectives:',
        '  shell: bash',
        '  commands:',
        '    - name: static',
        '      command: npx static-server',
        '    - name: mysql',
        '      command: mysql-server',
        '      wait-on: tcp:3306',
      ),
    );
    expect(plan.services.map((s) => [s.name, s.command, s.shell, s.probes.length])).toEqual([
      ['static', 'npx static-server', 'bash', 0],
      ['mysql', 'mysql-server', 'bash', 1],
    ]);
  });

  it('derives unique names for the background list and shows them in the plan', () => {
    const plan = parse(
      yaml(
        'timeout: 2m',
        'background:',
        '  - npx static-server',
        '  - mysql-server',
        '  - npx -y static-server@2 --port 9090',
        '  - PORT=4000 node ./server/index.js',
        '  - npm run start:api',
        '  - sudo /usr/sbin/nginx -g "daemon off;"',
      ),
    );
    expect(plan.services.map((s) => [s.name, s.command, s.timeoutMs])).toEqual([
      ['static-server', 'npx static-server', 120_000],
      ['mysql-server', 'mysql-server', 120_000],
      ['static-server-2', 'npx -y static-server@2 --port 9090', 120_000],
      ['index.js', 'PORT=4000 node ./server/index.js', 120_000],
      ['start-api', 'npm run start:api', 120_000],
      ['nginx', 'sudo /usr/sbin/nginx -g "daemon off;"', 120_000],
    ]);
  });

  it('reads JSON', () => {
    const plan = parse('{"commands": [{"name": "api", "command": "npm start", "wait-on": "tcp:3000", "timeout": 5}]}');
    expect(plan.services).toEqual([
      { ...defaults('api', 'npm start'), probes: [{ kind: 'tcp', text: 'tcp:3000', host: 'localhost', port: 3000 }], timeoutMs: 5_000 },
    ]);
  });

  it('ignores $schema', () => {
    expect(parse(yaml('$schema: ./schema/bgsvc.schema.json', 'commands: [{name: a, command: x}]')).services).toHaveLength(1);
  });

  it('resolves a relative cwd against the directory bgsvc runs in, and keeps an absolute one', () => {
    const plan = parse(yaml('commands:', '  - {name: a, command: x, cwd: ../other}', '  - {name: b, command: x, cwd: /srv}'));
    expect(plan.services.map((s) => s.cwd)).toEqual(['/work/other', '/srv']);
  });

  it.each([
    ['SIGINT', 'SIGINT'],
    ['INT', 'SIGINT'],
    ['sigint', 'SIGINT'],
    ['quit', 'SIGQUIT'],
    ['SIGKILL', 'SIGKILL'],
    ['SIGHUP', 'SIGHUP'],
  ])('normalizes stop-signal %s to %s', (written, signal) => {
    const plan = parse(yaml('commands:', `  - {name: a, command: x, stop-signal: ${written}}`));
    expect(plan.services[0]?.stopSignal).toBe(signal);
  });

  it('shares settings through anchors and merge keys', () => {
    const plan = parse(
      yaml(
        'commands:',
        '  - name: a',
        '    command: ./a',
        '    env: &env { NODE_ENV: test, LOG_LEVEL: debug }',
        '  - name: b',
        '    command: ./b',
        '    env:',
        '      <<: *env',
        '      LOG_LEVEL: info',
      ),
    );
    expect(plan.services.map((s) => s.env)).toEqual([
      { NODE_ENV: 'test', LOG_LEVEL: 'debug' },
      { NODE_ENV: 'test', LOG_LEVEL: 'info' },
    ]);
  });

  it('lets needs name one service as a string and drops repeats', () => {
    const plan = parse(
      yaml('commands:', '  - {name: db, command: x}', '  - {name: api, command: y, needs: db}', '  - {name: web, command: z, needs: [api, db, api]}'),
    );
    expect(plan.services.map((s) => s.needs)).toEqual([[], ['db'], ['api', 'db']]);
  });
});
