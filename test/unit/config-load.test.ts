import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';

const service = (name: string): string => `commands:\n  - name: ${name}\n    command: echo ${name}\n`;

describe('loadConfig', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bgsvc-config-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, text: string): void => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  };
  const namesFrom = (options: Parameters<typeof loadConfig>[0]): string[] => loadConfig(options).services.map((s) => s.name);

  it('prefers an explicit file over inline text and the default names', () => {
    write('bgsvc.yml', service('default'));
    write('ci/services.yml', service('explicit'));
    expect(namesFrom({ cwd: dir, file: 'ci/services.yml', inlineText: service('inline') })).toEqual(['explicit']);
  });

  it('names an explicit file as the user wrote it', () => {
    write('ci/services.yml', service('explicit'));
    expect(loadConfig({ cwd: dir, file: 'ci/services.yml' }).source).toBe('ci/services.yml');
  });

  it('accepts an absolute explicit file', () => {
    write('elsewhere.json', '{"commands": [{"name": "json", "command": "x"}]}');
    expect(namesFrom({ cwd: '/', file: join(dir, 'elsewhere.json') })).toEqual(['json']);
  });

  it('uses inline text, with its label, when no file is given', () => {
    write('bgsvc.yml', service('default'));
    const plan = loadConfig({ cwd: dir, inlineText: service('inline'), inlineLabel: 'input "services"' });
    expect(plan.services.map((s) => s.name)).toEqual(['inline']);
    expect(plan.source).toBe('input "services"');
  });

  it('treats empty inputs as not given, as unset CI inputs read ""', () => {
    write('bgsvc.yml', service('default'));
    expect(namesFrom({ cwd: dir, file: '', inlineText: '' })).toEqual(['default']);
  });

  it.each([
    [['bgsvc.yml', 'bgsvc.yaml', '.bgsvc.yml'], 'bgsvc.yml'],
    [['bgsvc.yaml', '.bgsvc.yml'], 'bgsvc.yaml'],
    [['.bgsvc.yml'], '.bgsvc.yml'],
  ])('finds %j in order, taking %s', (present, expected) => {
    for (const name of present) write(name, service(name.replace(/^\./, 'dot').replace('.', '-')));
    const plan = loadConfig({ cwd: dir });
    expect(plan.source).toBe(expected);
    expect(plan.services[0]?.command).toBe(`echo ${expected.replace(/^\./, 'dot').replace('.', '-')}`);
  });

  it('skips a directory that has a config name', () => {
    mkdirSync(join(dir, 'bgsvc.yml'));
    write('bgsvc.yaml', service('yaml'));
    expect(namesFrom({ cwd: dir })).toEqual(['yaml']);
  });

  it('says which names it looked for, and where, when there is no config', () => {
    expect(() => loadConfig({ cwd: dir })).toThrow(ConfigError);
    expect(() => loadConfig({ cwd: dir })).toThrow(
      `${dir}: no config found: looked for bgsvc.yml, bgsvc.yaml, .bgsvc.yml in this directory`,
    );
  });

  it('names a missing explicit file and where it looked', () => {
    expect(() => loadConfig({ cwd: dir, file: 'nope.yml' })).toThrow(`nope.yml: config file not found (looked at ${join(dir, 'nope.yml')})`);
  });

  it('rejects a directory given as the config file', () => {
    mkdirSync(join(dir, 'conf'));
    expect(() => loadConfig({ cwd: dir, file: 'conf' })).toThrow('conf: is a directory, not a config file');
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file', () => {
    write('bgsvc.yml', service('x'));
    chmodSync(join(dir, 'bgsvc.yml'), 0o000);
    expect(() => loadConfig({ cwd: dir })).toThrow('bgsvc.yml: cannot read the config file: permission denied');
  });

  it('rejects a 10 MB file by its size, without reading it', () => {
    write('bgsvc.yml', `commands:\n${'  - {name: a, command: x}\n'.repeat(400_000)}`);
    const started = performance.now();
    expect(() => loadConfig({ cwd: dir })).toThrow(/bgsvc\.yml: the config is 9\.\d MB; at most 64 KB is accepted/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reports errors in a found file with its name, line and column', () => {
    write('bgsvc.yml', 'commands:\n  - name: a\n    command: x\n    wait_on: tcp:1\n');
    expect(() => loadConfig({ cwd: dir })).toThrow('bgsvc.yml:4:5: commands[0]: unknown key "wait_on"; did you mean "wait-on"?');
  });

  it('resolves service cwd against the run directory, not the config file directory', () => {
    write('ci/bgsvc.yml', 'commands:\n  - {name: a, command: x, cwd: web}\n');
    expect(loadConfig({ cwd: dir, file: 'ci/bgsvc.yml' }).services[0]?.cwd).toBe(join(dir, 'web'));
  });
});
