// Config files must be UTF-8. Decoding leniently would turn a Latin-1 "é" or a
// stray binary byte into U+FFFD, and the service would run a command that
// differs from the one in the file without anyone being told.

import { ConfigError, configErrorAt } from './errors.js';

/** The file's text, or a ConfigError pointing at the first byte that is not UTF-8. */
export function decodeConfig(bytes: Buffer, source: string): string {
  const first = bytes[0];
  const second = bytes[1];
  if ((first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff)) {
    throw configErrorAt(source, 'the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8');
  }
  try {
    // A UTF-8 byte order mark (Windows editors write one) is dropped, as YAML allows.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidUtf8Error(bytes, source);
  }
}

function invalidUtf8Error(bytes: Buffer, source: string): ConfigError {
  const offset = firstInvalidOffset(bytes);
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  // Columns count characters, like the YAML parser's; the bytes before it on its line are valid.
  const column = Buffer.from(bytes.subarray(lineStart, offset)).toString('utf8').length + 1;
  const hex = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return new ConfigError([
    {
      source,
      line,
      column,
      path: '',
      message: `not valid UTF-8: byte 0x${hex} cannot start or continue a character here; save the file as UTF-8 (is it Latin-1 or a binary file?)`,
    },
  ]);
}

// The first byte that does not begin a well-formed UTF-8 character (RFC 3629:
// no overlong forms, no surrogates, nothing past U+10FFFF). Only runs once the
// decoder has said the file is bad, so clarity wins over speed.
function firstInvalidOffset(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined) return i;
      if (k === 1 ? next < low || next > high : (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return bytes.length;
}
