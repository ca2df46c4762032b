// config/: config text → validated Plan. Depends on nothing else in src/.

export * from './types.js';
export { ConfigError, formatIssue, type ConfigIssue } from './errors.js';
export { loadConfig, type LoadConfigOptions } from './load.js';
export { planFromValues } from './from-values.js';
export { parseConfig, MAX_CONFIG_BYTES } from './parse.js';
export { parseDuration, formatDuration } from './duration.js';
export { parseProbe, PROBE_FORMS } from './probe.js';
