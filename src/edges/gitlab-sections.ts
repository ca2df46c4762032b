// GitLab's collapsible job-log sections:
// https://docs.gitlab.com/ci/jobs/job_logs/#custom-collapsible-sections
// A marker is a line of its own: ESC[0K, the keyword, ESC-erase, then the header.

const ERASE = '\u001b[0K';
const SECTION_NAME_CHARS = /[^A-Za-z0-9_.-]/g;

export interface SectionOptions {
  /** Shown folded until clicked. */
  collapsed: boolean;
  /** Unix time in seconds; GitLab shows the section's duration from the two stamps. */
  at: number;
}

// GitLab ignores a marker whose name has anything outside [A-Za-z0-9_.-].
export function toSectionName(text: string): string {
  const name = text.replace(SECTION_NAME_CHARS, '_');
  return name === '' ? 'section' : name;
}

export function sectionStart(name: string, header: string, options: SectionOptions): string {
  const flags = options.collapsed ? '[collapsed=true]' : '';
  return `${ERASE}section_start:${options.at}:${toSectionName(name)}${flags}\r${ERASE}${header}\n`;
}

export function sectionEnd(name: string, at: number): string {
  return `${ERASE}section_end:${at}:${toSectionName(name)}\r${ERASE}\n`;
}

// A service's own output must not open or close our sections (a nested CI tool
// writing markers to its log would otherwise end the fold early).
export function neutralizeMarkers(line: string): string {
  return line.replace(/\u001b\[0K|\r/g, '');
}
