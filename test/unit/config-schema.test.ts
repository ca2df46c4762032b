// The JSON Schema (for editors) and the parser (for bgsvc) describe one format;
// these tests fail when either changes without the other.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.js';
import { SERVICE_KEYS } from '../../src/config/service.js';
import { TEMPLATE_KEYS } from '../../src/config/templates.js';

const root = join(import.meta.dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'schema', 'bgsvc.schema.json'), 'utf8')) as Record<string, unknown>;
// Union types ("string or number") are plain JSON Schema; strict mode only asks to opt in.
const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);

const fixtureDir = join(root, 'test', 'fixtures', 'config', 'valid');
const fixtures = readdirSync(fixtureDir).filter((name) => /\.(ya?ml|json)$/.test(name));

const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;
const svc = (extra: string): string => yaml('commands:', `  - {name: api, command: npm start, ${extra}}`);

describe('schema and parser agree', () => {
  it('has fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(5);
  });

  it.each(fixtures)('accepts the valid fixture %s in both', (name) => {
    const text = readFileSync(join(fixtureDir, name), 'utf8');
    expect(() => parseConfig(text, { source: name, cwd: '/work' })).not.toThrow();
    const valid = validate(parseYaml(text, { merge: true }));
    expect(validate.errors ?? [], name).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each([
    ['a service list that is not a list', yaml('commands: npm start')],
    ['an empty service list', yaml('commands: []')],
    ['no service list', yaml('shell: bash')],
    ['commands and services together', yaml('commands: [{name: a, command: x}]', 'services: [{name: b, command: y}]')],
    ['commands and background together', yaml('commands: [{name: a, command: x}]', 'background: [y]')],
    ['a default beside backgroundDirectives', yaml('timeout: 5s', 'backgroundDirectives: {commands: [{name: a, command: x}]}')],
    ['backgroundDirectives without commands', yaml('backgroundDirectives: {shell: bash}')],
    ['an unknown top-level key', yaml('comands: [{name: a, command: x}]')],
    ['an unknown service key', svc('wait_on: tcp:1')],
    ['a missing command', yaml('commands: [{name: a}]')],
    ['a missing name', yaml('commands: [{command: x}]')],
    ['a numeric name', yaml('commands: [{name: 1, command: x}]')],
    ['a name with a slash', yaml('commands: [{name: a/b, command: x}]')],
    ['a name that is ..', yaml('commands: [{name: "..", command: x}]')],
    ['a hidden-file name', yaml('commands: [{name: .env, command: x}]')],
    ['a Windows device name', yaml('commands: [{name: Com1, command: x}]')],
    ['a name too long', yaml(`commands: [{name: ${'a'.repeat(65)}, command: x}]`)],
    ['an empty command', svc('command: ""').replace('command: npm start, ', '')],
    ['a list as command', yaml('commands: [{name: a, command: [npm, start]}]')],
    ['a duration abc123', svc('timeout: abc123')],
    ['a duration -1s', svc('stop-timeout: -1s')],
    ['a duration 1m30 (a bare number after a unit)', svc('timeout: 1m30')],
    ['a duration in parsecs', svc('timeout: 5 parsecs')],
    ['a compound zero timeout', svc('timeout: 0m0s')],
    ['a zero timeout', svc('timeout: 0s')],
    ['a negative number timeout', svc('timeout: -5')],
    ['a timeout over 24h as a number', svc('timeout: 90000')],
    ['an env value that is null', svc('env: {A: null}')],
    ['an env value that is a list', svc('env: {A: [1]}')],
    ['an env key that is not a name', svc('env: {1A: x}')],
    ['env as a list', svc('env: [A=1]')],
    ['needs as a number', svc('needs: 1')],
    ['an unknown probe form', svc('wait-on: "htp://localhost:3000"')],
    ['a bare path probe', svc('wait-on: /tmp/x')],
    ['tcp:abc', svc('wait-on: "tcp:abc"')],
    ['a number as probe', svc('wait-on: 3000')],
    ['a probe object with two kinds', svc('wait-on: {http: "http://x", tcp: 1}')],
    ['a probe object with an unknown key', svc('wait-on: {http: "http://x", stauts: 200}')],
    ['status on a tcp probe', svc('wait-on: {tcp: 1, status: 200}')],
    ['a status out of range', svc('wait-on: {http: "http://x", status: 700}')],
    ['an empty status list', svc('wait-on: {http: "http://x", status: []}')],
    ['a method with a space', svc('wait-on: {http: "http://x", method: "GET /"}')],
    ['a tcp port as a word', svc('wait-on: {tcp: abc}')],
    ['a delay that is not a duration', svc('wait-on: {delay: soon}')],
    ['an empty log pattern', svc('wait-on: {log: ""}')],
    ['a signal as a number', svc('stop-signal: 15')],
    ['a signal with a space', svc('stop-signal: "SIG TERM"')],
    ['a background entry that is a mapping', yaml('background: [{name: a, command: x}]')],
    ['an empty background list', yaml('background: []')],
    ['$schema as a number', yaml('$schema: 1', 'commands: [{name: a, command: x}]')],
    ['neither command nor template', yaml('commands: [{name: a, cwd: x}]')],
    ['params without a template', yaml('commands: [{name: a, command: x, params: {v: 1}}]')],
    ['a param value that is a list', yaml('templates: {t: {command: x, params: [v]}}', 'commands: [{name: a, template: t, params: {v: [1]}}]')],
    ['a template with a name', yaml('templates: {t: {name: t, command: x}}', 'commands: [{name: a, template: t}]')],
    ['a template using a template', yaml('templates: {t: {template: u, command: x}}', 'commands: [{name: a, command: y}]')],
    ['a template with an unknown key', yaml('templates: {t: {command: x, wait_on: "tcp:1"}}', 'commands: [{name: a, template: t}]')],
    ['template params as a mapping', yaml('templates: {t: {command: x, params: {v: 1}}}', 'commands: [{name: a, command: y}]')],
    ['a param name starting with a digit', yaml('templates: {t: {command: x, params: [1v]}}', 'commands: [{name: a, command: y}]')],
    ['templates as a list', yaml('templates: [{command: x}]', 'commands: [{name: a, command: y}]')],
    ['an include URL', yaml('include: [https://example.com/t.yml]', 'commands: [{name: a, command: y}]')],
    ['an absolute include', yaml('include: [/etc/t.yml]', 'commands: [{name: a, command: y}]')],
    ['an include that is a number', yaml('include: 1', 'commands: [{name: a, command: y}]')],
  ])('rejects %s in both', (_title, text) => {
    expect(() => parseConfig(text, { source: 'bgsvc.yml', cwd: '/work' })).toThrow();
    expect(validate(parseYaml(text))).toBe(false);
  });

  // One grammar (config/duration.ts); the schema can check its form, not the 24h limit on strings.
  it.each(['30s', '1h30m', '2m 5s', '1.5s', '10 s', '5sec', '2 minutes', '30S', '1s500ms', '10', '0.5', '23h59m'])(
    'accepts the duration %j in both, as a timeout, a stop-timeout and a delay probe',
    (duration) => {
      for (const text of [svc(`timeout: "${duration}"`), svc(`stop-timeout: "${duration}"`), svc(`wait-on: "delay: ${duration}"`), svc(`wait-on: {delay: "${duration}"}`)]) {
        expect(() => parseConfig(text, { source: 'bgsvc.yml', cwd: '/work' }), text).not.toThrow();
        expect(validate(parseYaml(text)), `${text}${JSON.stringify(validate.errors)}`).toBe(true);
      }
    },
  );

  it.each(['abc123', '1m30', '.5s', '1e3', 's30', '30s later', '-1s'])('rejects the duration %j in both, wherever it is', (duration) => {
    for (const text of [svc(`timeout: "${duration}"`), svc(`stop-timeout: "${duration}"`), svc(`wait-on: "delay: ${duration}"`), svc(`wait-on: {delay: "${duration}"}`)]) {
      expect(() => parseConfig(text, { source: 'bgsvc.yml', cwd: '/work' }), text).toThrow();
      expect(validate(parseYaml(text)), text).toBe(false);
    }
  });

  it('lets a template have every service key but name, template and params, and a list of params', () => {
    const definitions = schema.definitions as Record<string, { properties: Record<string, unknown> }>;
    expect(Object.keys(definitions.template?.properties ?? {}).sort()).toEqual([...TEMPLATE_KEYS].sort());
    expect(Object.keys(definitions.service?.properties ?? {}).sort()).toEqual([...SERVICE_KEYS].sort());
  });

  it('describes every property, so editors can explain each key', () => {
    const undocumented: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      if (typeof record.properties === 'object' && record.properties !== null) {
        for (const [key, property] of Object.entries(record.properties as Record<string, Record<string, unknown>>)) {
          if (typeof property.description !== 'string' && !describedByReference(property)) undocumented.push(`${path}.${key}`);
        }
      }
      for (const [key, child] of Object.entries(record)) visit(child, `${path}/${key}`);
    };
    const describedByReference = (property: Record<string, unknown>): boolean => {
      const target = typeof property.$ref === 'string' ? property.$ref.split('/').pop() : undefined;
      const definitions = schema.definitions as Record<string, { description?: unknown }>;
      return target !== undefined && typeof definitions[target]?.description === 'string';
    };
    visit(schema, '#');
    expect(undocumented).toEqual([]);
  });
});
