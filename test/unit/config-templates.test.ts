// Shared definitions (issue 17): `templates:` with params, and `include:` files
// that add templates. What a service gets from its template, and every error
// at file:line:col, in the included file's own positions where it is written there.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig, type Plan } from '../../src/config/index.js';
import { scratchDir } from '../helpers/scratch.js';

const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;

/** A project dir with these files; returns its path. */
function project(files: Record<string, string>): string {
  const dir = scratchDir('templates');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function load(files: Record<string, string>, file = 'bgsvc.yml'): Plan {
  return loadConfig({ cwd: project(files), file });
}

/** The messages a rejected config gives, one `file:line:col: path: message` each. */
function errorsOf(files: Record<string, string>, options: { file?: string; cwd?: string } = {}): string[] {
  const dir = project(files);
  try {
    loadConfig({ cwd: options.cwd === undefined ? dir : join(dir, options.cwd), file: options.file ?? 'bgsvc.yml' });
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const POSTGRES = yaml(
  'templates:',
  '  postgres:',
  '    params: [version, port]',
  '    env: { PGDATA: .pgdata, PGUSER: postgres }',
  '    command: pg_ctlcluster $param_version main start',
  '    wait-on: "cmd: pg_isready -p $param_port"',
  '    stop: pg_ctlcluster $param_version main stop',
  '    timeout: 30s',
);

describe('a service from a template', () => {
  it('gets the template\'s keys, its params as param_<name> in its env, and overrides what it sets', () => {
    const plan = load({
      'bgsvc.yml': yaml(
        'include: [ci/templates.yml]',
        'commands:',
        '  - name: db',
        '    template: postgres',
        '    params: { version: 16, port: "5433" }',
        '    env: { PGUSER: app }',
        '    timeout: 45s',
      ),
      'ci/templates.yml': POSTGRES,
    });
    const [db] = plan.services;
    expect(db).toMatchObject({
      name: 'db',
      command: 'pg_ctlcluster $param_version main start',
      stop: 'pg_ctlcluster $param_version main stop',
      probes: [{ kind: 'cmd', command: 'pg_isready -p $param_port' }],
      timeoutMs: 45_000,
    });
    // env merges, the service's own value winning; params are strings, like env values.
    expect(db?.env).toEqual({ PGDATA: '.pgdata', PGUSER: 'app', param_version: '16', param_port: '5433' });
  });

  it('replaces a whole key it sets: its wait-on list is not added to the template\'s', () => {
    const plan = load({
      'bgsvc.yml': yaml(
        'templates:',
        '  web: { command: npm start, wait-on: [tcp:3000, "log: ready"] }',
        'commands:',
        '  - { name: a, template: web }',
        '  - { name: b, template: web, wait-on: "tcp:4000", command: npm run dev }',
      ),
    });
    expect(plan.services.map((service) => [service.command, service.probes.map((probe) => probe.text)])).toEqual([
      ['npm start', ['tcp:3000', 'log: ready']],
      ['npm run dev', ['tcp:4000']],
    ]);
  });

  it('reads templates from JSON files, and from files that included files include, each once', () => {
    const plan = load({
      'bgsvc.yml': yaml('include: [shared/a.json, shared/b.yml]', 'commands:', '  - { name: r, template: redis, params: { port: 7000 } }', '  - { name: q, template: queue }'),
      'shared/a.json': '{"include": ["deeper/c.yml"], "templates": {"redis": {"params": ["port"], "command": "redis-server --port $param_port"}}}',
      'shared/b.yml': yaml('include: deeper/c.yml'),
      'shared/deeper/c.yml': yaml('templates:', '  queue: { command: ./queue }'),
    });
    expect(plan.services.map((service) => service.command)).toEqual(['redis-server --port $param_port', './queue']);
    expect(plan.services[0]?.env).toEqual({ param_port: '7000' });
  });

  it('takes includes of inline config text relative to the working directory', () => {
    const dir = project({ 'ci/t.yml': yaml('templates:', '  t: { command: ./t }') });
    const plan = loadConfig({ cwd: dir, inlineText: yaml('include: [ci/t.yml]', 'commands: [{ name: x, template: t }]'), inlineLabel: 'input "services"' });
    expect(plan.services[0]?.command).toBe('./t');
  });

  it('accepts templates in config text without a file', () => {
    const plan = parseConfig(yaml('templates:', '  t: { command: ./t, params: [a] }', 'commands: [{ name: x, template: t, params: { a: 1 } }]'), { source: 'bgsvc.yml', cwd: '/work' });
    expect(plan.services[0]).toMatchObject({ command: './t', env: { param_a: '1' } });
  });
});

describe('template errors, at file:line:col of both places', () => {
  const main = (...service: string[]): string => yaml('include: [ci/templates.yml]', 'commands:', '  - name: db', '    template: postgres', ...service);

  it('a missing param: at the service, naming the template\'s params in the included file', () => {
    expect(errorsOf({ 'bgsvc.yml': main('    params: { version: "16" }'), 'ci/templates.yml': POSTGRES })).toEqual([
      'bgsvc.yml:5:5: commands[0].params: missing param "port" (template "postgres" at ci/templates.yml:3:5 takes version, port)',
    ]);
  });

  it('params missing altogether: at the template: line', () => {
    expect(errorsOf({ 'bgsvc.yml': main(), 'ci/templates.yml': POSTGRES })).toEqual([
      'bgsvc.yml:4:15: commands[0].template: missing params "version", "port" (template "postgres" at ci/templates.yml:3:5 takes version, port)',
    ]);
  });

  it('an unknown param: at its key, with what the template takes', () => {
    expect(errorsOf({ 'bgsvc.yml': main('    params: { version: 16, port: 1, user: x }'), 'ci/templates.yml': POSTGRES })).toEqual([
      'bgsvc.yml:5:37: commands[0].params.user: unknown param "user" (template "postgres" at ci/templates.yml:3:5 takes version, port)',
    ]);
  });

  it('a misspelt param: once, as unknown with a suggestion, not also as missing', () => {
    expect(errorsOf({ 'bgsvc.yml': main('    params: { verison: 16, port: 1 }'), 'ci/templates.yml': POSTGRES })).toEqual([
      'bgsvc.yml:5:15: commands[0].params.verison: unknown param "verison"; did you mean "version"? (template "postgres" at ci/templates.yml:3:5 takes version, port)',
    ]);
  });

  it('params on a template that takes none, and params without a template', () => {
    expect(
      errorsOf({
        'bgsvc.yml': yaml('templates:', '  t: { command: x }', 'commands:', '  - { name: a, template: t, params: { v: 1 } }', '  - { name: b, command: y, params: { v: 1 } }'),
      }),
    ).toEqual([
      'bgsvc.yml:4:39: commands[0].params.v: unknown param "v" (template "t" at bgsvc.yml:2:3 takes no params)',
      'bgsvc.yml:5:28: commands[1].params: "params" fill in a template\'s params; add "template: <name>", or remove them',
    ]);
  });

  it('an unknown template, with a suggestion among those defined', () => {
    expect(errorsOf({ 'bgsvc.yml': yaml('include: [ci/templates.yml]', 'commands: [{ name: db, template: postgre }]'), 'ci/templates.yml': POSTGRES })).toEqual([
      'bgsvc.yml:2:34: commands[0].template: no template "postgre"; did you mean "postgres"? (defined: postgres)',
    ]);
  });

  it('a bad value in an included template: in that file, once however many services use it', () => {
    const templates = yaml('templates:', '  web:', '    command: npm start', '    timeout: abc123', '    wait-on: "htp://x"');
    const errors = errorsOf({
      'bgsvc.yml': yaml('include: [ci/web.yml]', 'commands:', '  - { name: a, template: web }', '  - { name: b, template: web }'),
      'ci/web.yml': templates,
    });
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^ci\/web\.yml:4:14: templates\.web\.timeout: /);
    expect(errors[1]).toMatch(/^ci\/web\.yml:5:14: templates\.web\.wait-on: unknown probe "htp:\/\/x"/);
  });

  it('a template\'s needs that names no service: where the template wrote it', () => {
    const errors = errorsOf({
      'bgsvc.yml': yaml('include: [t.yml]', 'commands: [{ name: api, template: app }]'),
      't.yml': yaml('templates:', '  app:', '    command: x', '    needs: [db]'),
    });
    expect(errors).toEqual([expect.stringMatching(/^t\.yml:4:13: templates\.app\.needs\[0\]: unknown service "db"/)]);
  });

  it('keys a template cannot have, and a template name defined twice, naming the first', () => {
    const errors = errorsOf({
      'bgsvc.yml': yaml('include: [ci/templates.yml]', 'templates:', '  postgres: { command: x }', 'commands: [{ name: a, command: y }]'),
      'ci/templates.yml': yaml('templates:', '  postgres: { name: pg, template: other, command: x, wait_on: tcp:1 }'),
    });
    expect(errors).toEqual([
      'ci/templates.yml:2:3: templates.postgres: template "postgres" is already defined at bgsvc.yml:3:3; template names must be unique across the config and the files it includes',
    ]);
    expect(
      errorsOf({ 'bgsvc.yml': yaml('templates:', '  pg: { name: pg, template: other, command: x, wait_on: tcp:1, params: [1a] }', 'commands: [{ name: a, command: y }]') }),
    ).toEqual([
      'bgsvc.yml:2:9: templates.pg: "name" does not belong in a template: each service that uses it gives its own',
      'bgsvc.yml:2:19: templates.pg: a template cannot use another template; copy the keys it needs',
      'bgsvc.yml:2:48: templates.pg: unknown key "wait_on"; did you mean "wait-on"?',
      'bgsvc.yml:2:73: templates.pg.params[0]: invalid param name "1a": letters, digits and "_", not starting with a digit (it becomes $param_<name>)',
    ]);
  });

  it('a param also set in env', () => {
    expect(
      errorsOf({ 'bgsvc.yml': yaml('templates:', '  t: { command: x, params: [v] }', 'commands:', '  - { name: a, template: t, params: { v: 1 }, env: { param_v: 2 } }') }),
    ).toEqual(['bgsvc.yml:4:54: commands[0].env.param_v: "param_v" is set by params (v); leave it out of env']);
  });
});

describe('include errors', () => {
  it('a cycle, at the entry that closes it, naming the files in order', () => {
    expect(
      errorsOf({
        'bgsvc.yml': yaml('include: [a.yml]', 'commands: [{ name: x, command: y }]'),
        'a.yml': yaml('include: [sub/b.yml]'),
        'sub/b.yml': yaml('include: [../a.yml]'),
      }),
    ).toEqual(['sub/b.yml:1:11: include[0]: include cycle: a.yml → sub/b.yml → a.yml; a file cannot include itself, directly or through others']);
    expect(errorsOf({ 'bgsvc.yml': yaml('include: [bgsvc.yml]', 'commands: [{ name: x, command: y }]') })).toEqual([
      'bgsvc.yml:1:11: include[0]: include cycle: bgsvc.yml → bgsvc.yml; a file cannot include itself, directly or through others',
    ]);
  });

  it('a path that escapes the working directory with ..', () => {
    const [error] = errorsOf({ 'project/bgsvc.yml': yaml('include: [../shared.yml]', 'commands: [{ name: x, command: y }]'), 'shared.yml': yaml('templates: {}') }, { cwd: 'project' });
    expect(error).toMatch(/^bgsvc\.yml:1:11: include\[0\]: "\.\.\/shared\.yml" is outside the working directory \S+\/project \(it is \S+\/shared\.yml\); included files must be inside it$/);
  });

  it('a symbolic link that leads outside the working directory', () => {
    const dir = project({ 'outside.yml': yaml('templates: {}'), 'project/bgsvc.yml': yaml('include: [link.yml]', 'commands: [{ name: x, command: y }]') });
    symlinkSync(join(dir, 'outside.yml'), join(dir, 'project', 'link.yml'));
    expect(() => loadConfig({ cwd: join(dir, 'project'), file: 'bgsvc.yml' })).toThrow(/bgsvc\.yml:1:11: include\[0\]: "link\.yml" leads through a symbolic link to \S+\/outside\.yml, outside the working directory/);
  });

  it('a URL, an absolute path, a missing file and a directory', () => {
    const errors = errorsOf({
      'bgsvc.yml': yaml('include:', '  - https://example.com/t.yml', '  - /etc/t.yml', '  - nope.yml', '  - ci', 'commands: [{ name: x, command: y }]'),
      'ci/t.yml': yaml('templates: {}'),
    });
    expect(errors[0]).toBe('bgsvc.yml:2:5: include[0]: "https://example.com/t.yml" is a URL; include takes files in the repository only (commit the file, or fetch it in an earlier step)');
    expect(errors[1]).toBe('bgsvc.yml:3:5: include[1]: "/etc/t.yml" is an absolute path; write it relative to this file');
    expect(errors[2]).toMatch(/^bgsvc\.yml:4:5: include\[2\]: cannot include "nope\.yml": no such file \(looked at \S+\/nope\.yml\)$/);
    expect(errors[3]).toMatch(/^bgsvc\.yml:5:5: include\[3\]: cannot include "ci": it is a directory/);
  });

  it('an included file that defines services or defaults: it may only add templates', () => {
    expect(
      errorsOf({
        'bgsvc.yml': yaml('include: [ci/more.yml]', 'commands: [{ name: x, command: y }]'),
        'ci/more.yml': yaml('templates: {}', 'timeout: 5s', 'commands: [{ name: sneaky, command: rm -rf . }]', 'tempaltes: {}'),
      }),
    ).toEqual([
      'ci/more.yml:2:1: an included file may only add templates (and include more files); "timeout" belongs in the config that includes it',
      'ci/more.yml:3:1: an included file may only add templates (and include more files); "commands" belongs in the config that includes it',
      'ci/more.yml:4:1: unknown key "tempaltes"; did you mean "templates"?',
    ]);
  });

  it('syntax errors and bad JSON in an included file, in its own name and positions, after the config\'s own', () => {
    const errors = errorsOf({
      'bgsvc.yml': yaml('include: [ci/t.json]', 'commands: [{ name: x, command: y, timeout: soon }]'),
      'ci/t.json': '{\n  "templates": {"a": {"command": "x"}\n  "b": 1\n}\n',
    });
    expect(errors[0]).toMatch(/^bgsvc\.yml:2:44: commands\[0\]\.timeout: /);
    expect(errors[1]).toMatch(/^ci\/t\.json:3:3: syntax error: missing , between flow map items$/);
  });

  it('an empty included file', () => {
    expect(errorsOf({ 'bgsvc.yml': yaml('include: [e.yml]', 'commands: [{ name: x, command: y }]'), 'e.yml': '# nothing yet\n' })).toEqual([
      'e.yml: an included file adds templates: expected a mapping with "templates:", got nothing (null)',
    ]);
  });
});
