import type { ProbeSpec } from '../config/types.js';
import type { PendingProbe } from './wait.js';

// Messages quote a probe the way the user wrote it; the canonical form is for
// probes built in code, which have no source text.
export function describeProbe(probe: ProbeSpec): string {
  const text = probe.text.trim();
  return text.length > 0 ? text : formatProbe(probe);
}

// "tcp:5432 (last: ECONNREFUSED), http://… (last: HTTP 503)": what a deadline
// message names, with why each probe has not passed yet.
export function describePending(pending: PendingProbe[]): string {
  return pending
    .map(({ probe, lastError }) => (lastError ? `${describeProbe(probe)} (last: ${lastError})` : describeProbe(probe)))
    .join(', ');
}

function formatProbe(probe: ProbeSpec): string {
  switch (probe.kind) {
    case 'http':
      return probe.method.toUpperCase() === 'GET' ? probe.url : `${probe.method.toUpperCase()} ${probe.url}`;
    case 'tcp':
      return `tcp:${probe.host.includes(':') ? `[${probe.host}]` : probe.host}:${probe.port}`;
    case 'socket':
      return `socket:${probe.path}`;
    case 'file':
      return `file:${probe.path}`;
    case 'log':
      return `log: ${probe.pattern}`;
    case 'cmd':
      return `cmd: ${probe.command}`;
    case 'delay':
      return `delay: ${probe.ms}ms`;
  }
}
