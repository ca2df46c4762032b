import { describe, expect, it } from 'vitest';
import { checkServiceName, deriveServiceNames } from '../../src/config/names.js';

describe('service names', () => {
  it.each(['api', 'db-1', 'my_service', 'web.v2', 'A', 'a'.repeat(64), 'console', 'nullable', 'com10'])('accepts %s', (name) => {
    expect(checkServiceName(name)).toBeUndefined();
  });

  it.each([
    ['', 'must not be empty'],
    ['a'.repeat(65), 'is 65 characters long'],
    ['a/b', 'contains "/"'],
    ['a\\b', 'contains "\\\\"'],
    ['a b', 'contains " "'],
    ['.', 'must not start with "."'],
    ['..', 'must not start with "."'],
    ['.hidden', 'must not start with "."'],
    ['CON', 'reserved device name on Windows (CON)'],
    ['nul', 'reserved device name on Windows (NUL)'],
    ['com1', 'reserved device name on Windows (COM1)'],
    ['LPT9.log', 'reserved device name on Windows (LPT9)'],
  ])('rejects %j', (name, fragment) => {
    expect(checkServiceName(name)).toContain(fragment);
  });
});

describe('derived service names', () => {
  it.each([
    ['npx static-server', 'static-server'],
    ['mysql-server', 'mysql-server'],
    ['npx -y http-server@14 -p 8080', 'http-server'],
    ['npx @scope/dev-server', 'dev-server'],
    ['yarn dev', 'dev'],
    ['pnpm run start:api', 'start-api'],
    ['npm run-script serve', 'serve'],
    ['node --inspect ./srv/main.js', 'main.js'],
    ['FOO=1 BAR=2 ./bin/redis-server --port 6380', 'redis-server'],
    ['sudo -E env X=1 exec /usr/sbin/nginx', 'nginx'],
    ['"./my app" --port 1', 'my-app'],
    ['./.hidden-daemon', 'hidden-daemon'],
    ['npx', 'npx'],
    ['???', 'service'],
    ['con', 'svc-con'],
  ])('names %j %j', (command, name) => {
    expect(deriveServiceNames([command])).toEqual([name]);
  });

  it('makes names unique with -2, -3 without colliding with later names', () => {
    expect(deriveServiceNames(['npx serve', 'serve', 'npx serve -p 1', 'serve-2'])).toEqual(['serve', 'serve-2', 'serve-3', 'serve-2-2']);
  });

  it('keeps suffixed names within 64 characters', () => {
    const long = 'x'.repeat(80);
    const names = deriveServiceNames([long, long]);
    expect(names).toEqual(['x'.repeat(64), `${'x'.repeat(62)}-2`]);
  });
});
