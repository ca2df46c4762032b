// `include: [files…]`: files, relative to the one that lists them, that add
// templates. Only templates: a shared file cannot start services behind the
// back of the config that includes it. Only files inside the working directory
// (the repository), and no URLs: what runs is what the repository holds.

import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { describeValue, isMapping, quote } from './describe.js';
import { parseDocument } from './document.js';
import { ConfigError } from './errors.js';
import type { FieldPath } from './field-path.js';
import { IssueCollector } from './issues.js';
import { readConfigFile } from './read-file.js';
import { didYouMean } from './suggest.js';

/** What an included file may hold. */
const INCLUDED_KEYS = ['$schema', 'include', 'templates'] as const;
/** What belongs only in the main config; named so the message can say where it goes. */
const MAIN_ONLY_KEYS = ['commands', 'services', 'backgroundDirectives', 'background', 'shell', 'timeout', 'stop-timeout', 'settle'];
/** A handful of shared files is normal; hundreds is a generated mistake. */
const MAX_INCLUDED_FILES = 64;
/** `https://…`, `git+ssh://…`, `file://…`: anything with a scheme. */
const URL_LIKE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

export interface IncludedDocument {
  /** The file as messages name it: its path relative to the working directory. */
  source: string;
  root: unknown;
  /** Locates fields in this file's own text. */
  issues: IssueCollector;
}

interface Link {
  /** The real path, so a symlink cannot hide a cycle. */
  real: string;
  source: string;
}

/**
 * Reads every file `root` includes, and the files they include, once each.
 * Problems are reported where the entry is written (a missing file, a cycle,
 * a path outside the working directory) or in the included file itself; the
 * included files' collectors are adopted by `issues`, so one error lists all.
 */
export function loadIncludes(root: unknown, options: { issues: IssueCollector; cwd: string; file?: string }): IncludedDocument[] {
  const loader = new IncludeLoader(options.issues, options.cwd);
  const chain = options.file === undefined ? [] : [{ real: realPath(options.file) ?? options.file, source: options.issues.source }];
  loader.visit(root, options.issues, options.file === undefined ? options.cwd : dirname(options.file), chain);
  return loader.documents;
}

class IncludeLoader {
  readonly documents: IncludedDocument[] = [];
  private readonly loaded = new Set<string>();
  private readonly realCwd: string;

  constructor(
    private readonly main: IssueCollector,
    private readonly cwd: string,
  ) {
    this.realCwd = realPath(cwd) ?? cwd;
  }

  visit(root: unknown, issues: IssueCollector, baseDir: string, chain: Link[]): void {
    if (!isMapping(root) || root.include === undefined) return;
    for (const entry of includeEntries(root.include, issues)) {
      const target = this.resolveEntry(entry.value, entry.path, baseDir, issues);
      if (target === undefined) continue;
      if (chain.some((link) => link.real === target.real)) {
        const cycle = [...chain.slice(chain.findIndex((link) => link.real === target.real)).map((link) => link.source), target.source];
        issues.add(entry.path, `include cycle: ${cycle.join(' → ')}; a file cannot include itself, directly or through others`);
        continue;
      }
      // Included twice, but not in a cycle (two files share a third): its templates count once.
      if (this.loaded.has(target.real)) continue;
      if (this.documents.length >= MAX_INCLUDED_FILES) {
        issues.add(entry.path, `more than ${MAX_INCLUDED_FILES} included files; merge some of them`);
        return;
      }
      this.loaded.add(target.real);
      const document = this.read(target.path, target.source);
      this.main.adopt(document.issues);
      this.documents.push(document);
      checkIncludedKeys(document);
      this.visit(document.root, document.issues, dirname(target.path), [...chain, target]);
    }
  }

  // The entry to an absolute path inside the working directory, or a reported problem.
  private resolveEntry(value: unknown, path: FieldPath, baseDir: string, issues: IssueCollector): (Link & { path: string }) | undefined {
    if (typeof value !== 'string' || value.trim() === '') {
      const got = typeof value === 'string' ? 'an empty string' : describeValue(value);
      issues.add(path, `expected a file path relative to this file, got ${got}`);
      return undefined;
    }
    if (URL_LIKE.test(value)) {
      issues.add(path, `${quote(value)} is a URL; include takes files in the repository only (commit the file, or fetch it in an earlier step)`);
      return undefined;
    }
    if (isAbsolute(value)) {
      issues.add(path, `${quote(value)} is an absolute path; write it relative to this file`);
      return undefined;
    }
    const absolute = resolve(baseDir, value);
    if (isOutside(this.cwd, absolute)) {
      issues.add(path, `${quote(value)} is outside the working directory ${this.cwd} (it is ${absolute}); included files must be inside it`);
      return undefined;
    }
    const problem = fileProblem(absolute);
    if (problem !== undefined) {
      issues.add(path, `cannot include ${quote(value)}: ${problem}`);
      return undefined;
    }
    const real = realPath(absolute) ?? absolute;
    if (isOutside(this.realCwd, real)) {
      issues.add(path, `${quote(value)} leads through a symbolic link to ${real}, outside the working directory ${this.cwd}; included files must be inside it`);
      return undefined;
    }
    return { path: absolute, real, source: relative(this.cwd, absolute).split(sep).join('/') };
  }

  // A file that cannot be read or parsed is reported in its own name, and adds nothing.
  private read(path: string, source: string): IncludedDocument {
    try {
      return { source, ...parseDocument(readConfigFile(path, source), source) };
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const issues = new IssueCollector(source);
      for (const { source: _source, ...issue } of error.issues) issues.addLocated(issue);
      return { source, root: undefined, issues };
    }
  }
}

function includeEntries(value: unknown, issues: IssueCollector): { value: unknown; path: FieldPath }[] {
  // One file may be written without a list around it.
  if (typeof value === 'string') return [{ value, path: ['include'] }];
  if (!Array.isArray(value)) {
    issues.add(['include'], `expected a list of file paths relative to this file, got ${describeValue(value)}`);
    return [];
  }
  return value.map((item: unknown, index) => ({ value: item, path: ['include', index] }));
}

function checkIncludedKeys({ root, issues }: IncludedDocument): void {
  if (root === undefined) return;
  if (!isMapping(root)) {
    issues.add([], `an included file adds templates: expected a mapping with "templates:", got ${describeValue(root)}`);
    return;
  }
  for (const key of Object.keys(root)) {
    if ((INCLUDED_KEYS as readonly string[]).includes(key)) continue;
    const message = MAIN_ONLY_KEYS.includes(key)
      ? `an included file may only add templates (and include more files); ${quote(key)} belongs in the config that includes it`
      : `unknown key ${quote(key)}${didYouMean(key, INCLUDED_KEYS) || ` (an included file may hold: ${INCLUDED_KEYS.join(', ')})`}`;
    issues.add([], message, { at: [key], target: 'key' });
  }
}

function isOutside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

function fileProblem(path: string): string | undefined {
  try {
    return statSync(path).isDirectory() ? `it is a directory (${path})` : undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return `no such file (looked at ${path})`;
    if (code === 'EACCES' || code === 'EPERM') return `permission denied (${path})`;
    return `${error instanceof Error ? error.message : String(error)} (${path})`;
  }
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
