// Random mutations of config bytes for the fuzz test: the slips that editors,
// merges, copy-paste and broken encodings make, plus plain noise.
import type { Random } from './random.js';

export interface Mutation {
  /** What was done, for the failure report: `flip byte 0x41→0xff at 17`. */
  describe: string;
  bytes: Buffer;
}

const KEYS = [
  'name', 'command', 'cwd', 'env', 'needs', 'wait-on', 'timeout', 'stop', 'stop-signal', 'stop-timeout', 'shell',
  'commands', 'services', 'background', 'backgroundDirectives', 'http', 'tcp', 'log', 'cmd', 'delay', 'status', 'headers',
  'method', 'file', 'socket', '$schema', 'wait_on', 'Name', '<<', '__proto__', 'constructor',
];

const VALUES = [
  '[]', '{}', '1', '0', '-1', 'true', 'null', '~', '""', "''", '"x"', '[a, b]', '{a: 1}', '*x', '&x y', '!!binary AAAA', '|', '>',
  '1e999', '.nan', '-.inf', '0x1F', '0o17', '2001-12-14', 'tcp:0', 'http://', 'log: (', 'delay: -1s', '"\\0"', '"\\x00"',
  '"\\uD800"', '../../etc', '.hidden', 'CON', 'SIGSTOP', '25h', '9'.repeat(400), 'x'.repeat(2000), '"é ünï €"', '- - - x',
  '[[[[[[[[[[', ']]]]', '{{{{', '"unterminated', "'also", '? complex', '%TAG ! tag:x', '--- ', '...', '#', '@', '`',
];

// Characters that mean something to YAML, and a few that mean something to us.
const SIGNIFICANT = [...':-[]{}&*!|>\'"%@`#,?\t\n\r ', '\\', '\0', '\u00a0', '\ufeff', '\u2028', 'é', '😀'];

type Mutator = (bytes: Buffer, random: Random, others: readonly Buffer[]) => Mutation;

const lines = (bytes: Buffer): string[] => bytes.toString('latin1').split('\n');
const joined = (parts: string[]): Buffer => Buffer.from(parts.join('\n'), 'latin1');
const utf8 = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

const MUTATORS: Record<string, Mutator> = {
  flipByte(bytes, random) {
    if (bytes.length === 0) return { describe: 'flip byte in empty input', bytes };
    const copy = Buffer.from(bytes);
    const at = random.int(copy.length);
    const value = random.int(256);
    const before = copy[at] ?? 0;
    copy[at] = value;
    return { describe: `flip byte 0x${before.toString(16)}→0x${value.toString(16)} at ${at}`, bytes: copy };
  },
  flipBit(bytes, random) {
    if (bytes.length === 0) return { describe: 'flip bit in empty input', bytes };
    const copy = Buffer.from(bytes);
    const at = random.int(copy.length);
    const bit = random.int(8);
    copy[at] = (copy[at] ?? 0) ^ (1 << bit);
    return { describe: `flip bit ${bit} at ${at}`, bytes: copy };
  },
  truncate(bytes, random) {
    const at = random.int(bytes.length + 1);
    return { describe: `truncate at ${at}`, bytes: bytes.subarray(0, at) };
  },
  deleteLine(bytes, random) {
    const parts = lines(bytes);
    const at = random.int(parts.length);
    parts.splice(at, 1);
    return { describe: `delete line ${at + 1}`, bytes: joined(parts) };
  },
  duplicateLine(bytes, random) {
    const parts = lines(bytes);
    const at = random.int(parts.length);
    parts.splice(at, 0, parts[at] ?? '');
    return { describe: `duplicate line ${at + 1}`, bytes: joined(parts) };
  },
  swapLines(bytes, random) {
    const parts = lines(bytes);
    const a = random.int(parts.length);
    const b = random.int(parts.length);
    [parts[a], parts[b]] = [parts[b] ?? '', parts[a] ?? ''];
    return { describe: `swap lines ${a + 1} and ${b + 1}`, bytes: joined(parts) };
  },
  swapKey(bytes, random) {
    const parts = lines(bytes);
    const candidates = parts.map((line, index) => [line, index] as const).filter(([line]) => /^(\s*(?:- )?)([^\s:#][^:#]*):/.test(line));
    if (candidates.length === 0) return MUTATORS.insertChars!(bytes, random, []);
    const [line, index] = random.pick(candidates);
    const key = random.pick(KEYS);
    parts[index] = line.replace(/^(\s*(?:- )?)([^\s:#][^:#]*):/, `$1${key}:`);
    return { describe: `key on line ${index + 1} → ${JSON.stringify(key)}`, bytes: joined(parts) };
  },
  swapValue(bytes, random) {
    const parts = lines(bytes);
    const candidates = parts.map((line, index) => [line, index] as const).filter(([line]) => /:\s+\S/.test(line) || /^\s*- \S/.test(line));
    if (candidates.length === 0) return MUTATORS.insertChars!(bytes, random, []);
    const [line, index] = random.pick(candidates);
    const value = utf8(random.pick(VALUES));
    parts[index] = /:\s+\S/.test(line) ? line.replace(/(:\s+)\S.*$/, `$1${value}`) : line.replace(/^(\s*- ).*$/, `$1${value}`);
    return { describe: `value on line ${index + 1} → ${JSON.stringify(value.slice(0, 40))}`, bytes: joined(parts) };
  },
  insertChars(bytes, random) {
    const text = bytes.toString('latin1');
    const at = random.int(text.length + 1);
    const count = 1 + random.int(8);
    const inserted = utf8(Array.from({ length: count }, () => random.pick(SIGNIFICANT)).join(''));
    return { describe: `insert ${JSON.stringify(inserted)} at ${at}`, bytes: Buffer.from(text.slice(0, at) + inserted + text.slice(at), 'latin1') };
  },
  reindent(bytes, random) {
    const parts = lines(bytes);
    const at = random.int(parts.length);
    const line = parts[at] ?? '';
    const change = random.pick([-2, -1, 1, 2, 4]);
    parts[at] = change > 0 ? `${' '.repeat(change)}${line}` : line.replace(new RegExp(`^ {0,${-change}}`), '');
    if (random.chance(0.2)) parts[at] = `\t${parts[at]}`;
    return { describe: `indent line ${at + 1} by ${change}`, bytes: joined(parts) };
  },
  spliceFromOther(bytes, random, others) {
    const other = others.length > 0 ? random.pick(others) : bytes;
    const donor = lines(other);
    const parts = lines(bytes);
    const from = random.int(donor.length);
    const count = 1 + random.int(4);
    const at = random.int(parts.length + 1);
    parts.splice(at, 0, ...donor.slice(from, from + count));
    return { describe: `splice ${count} line(s) of another config at line ${at + 1}`, bytes: joined(parts) };
  },
  repeatBlock(bytes, random) {
    const parts = lines(bytes);
    const from = random.int(parts.length);
    const block = parts.slice(from, from + 1 + random.int(6));
    const times = 2 + random.int(200);
    parts.splice(from, 0, ...Array.from({ length: times }, () => block).flat());
    return { describe: `repeat lines ${from + 1}-${from + block.length} ${times} times`, bytes: joined(parts) };
  },
};

export const MUTATOR_NAMES = Object.keys(MUTATORS);

/** 1-4 random mutations of `base`; `others` donate lines for splices. */
export function mutateConfig(base: Buffer, random: Random, others: readonly Buffer[]): Mutation {
  let bytes = base;
  const done: string[] = [];
  const count = 1 + random.int(4);
  for (let i = 0; i < count; i++) {
    const name = random.pick(MUTATOR_NAMES);
    const mutation = MUTATORS[name]!(bytes, random, others);
    bytes = mutation.bytes;
    done.push(`${name}: ${mutation.describe}`);
  }
  return { describe: done.join('; '), bytes };
}
