import { net } from '../builtins.js';

// URL hostnames keep IPv6 brackets ("[::1]"), but sockets want the bare address.
export function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

// Node 17+ resolves `localhost` to ::1 first while many servers bind 127.0.0.1
// only, so a probe tries both; a wildcard bind address is reached via loopback.
export function probeAddresses(host: string): string[] {
  const bare = stripBrackets(host).toLowerCase();
  if (bare === 'localhost') return ['127.0.0.1', '::1'];
  if (bare === '0.0.0.0' || bare === '') return ['127.0.0.1'];
  if (bare === '::') return ['::1'];
  return [bare];
}

// Only a target on this machine can be "taken" by a leftover process we could name.
export function isLoopbackHost(host: string): boolean {
  const bare = stripBrackets(host).toLowerCase();
  if (bare === 'localhost' || bare === '0.0.0.0' || bare === '::') return true;
  if (net().isIPv4(bare)) return bare.startsWith('127.');
  // The URL parser canonicalises IPv6 spellings (0:0:0:0:0:0:0:1, ::ffff:127.0.0.1).
  if (net().isIPv6(bare)) return ['[::1]', '[::ffff:7f00:1]'].includes(new URL(`http://[${bare}]/`).hostname);
  return false;
}
