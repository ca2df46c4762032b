// The one file that imports @actions/core. Everything else in the edge talks to
// this small port, so unit tests pass a fake and @github/local-action can stub
// the toolkit underneath it.
import * as core from '@actions/core';
import { appendStepSummary } from './step-summary.js';
import { writeLine } from './stdout-lines.js';

export interface AnnotationProps {
  title?: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

export interface ActionsIo {
  /** The raw input ('' when unset); not trimmed, so YAML positions stay right. */
  getInput(name: string): string;
  info(text: string): void;
  warning(text: string, props?: AnnotationProps): void;
  error(text: string, props?: AnnotationProps): void;
  startGroup(title: string): void;
  endGroup(): void;
  setOutput(name: string, value: string): void;
  saveState(name: string, value: string): void;
  /** For later steps of the job (GITHUB_ENV). */
  exportVariable(name: string, value: string): void;
  getState(name: string): string;
  setFailed(message: string): void;
  /** Appends markdown to the job summary; throws when the runner gave no summary file. */
  appendSummary(markdown: string): Promise<void>;
}

export interface ActionsIoOptions {
  /**
   * Plain lines (info) go straight to fd 1 (stdout-lines.ts) until the toolkit
   * first writes to process.stdout itself (a command such as ::warning::, or
   * set-output on a runner without GITHUB_OUTPUT); from then on through it, so
   * the two never interleave out of order. Only when the runner started this
   * process: @github/local-action imports the entry and reads core.info.
   */
  directStdout?: boolean;
}

export function createActionsIo(options: ActionsIoOptions = {}): ActionsIo {
  let toolkitWrites = !options.directStdout;
  // Every toolkit call that may print marks the switch before it prints.
  const toolkit =
    <Args extends unknown[]>(call: (...args: Args) => void) =>
    (...args: Args) => {
      toolkitWrites = true;
      call(...args);
    };
  // Outputs, state and variables are file commands when the runner gave the
  // file (it always does now); only without it does the toolkit print them.
  const fileCommand =
    <Args extends unknown[]>(fileVariable: string, call: (...args: Args) => void) =>
    (...args: Args) => {
      if (!process.env[fileVariable]) toolkitWrites = true;
      call(...args);
    };
  return {
    getInput: (name) => core.getInput(name, { trimWhitespace: false }),
    info: (text) => (toolkitWrites ? core.info(text) : writeLine(text)),
    warning: toolkit((text: string, props?: AnnotationProps) => core.warning(text, props ?? {})),
    error: toolkit((text: string, props?: AnnotationProps) => core.error(text, props ?? {})),
    startGroup: toolkit((title: string) => core.startGroup(title)),
    endGroup: toolkit(() => core.endGroup()),
    setOutput: fileCommand('GITHUB_OUTPUT', (name: string, value: string) => core.setOutput(name, value)),
    saveState: fileCommand('GITHUB_STATE', (name: string, value: string) => core.saveState(name, value)),
    exportVariable: fileCommand('GITHUB_ENV', (name: string, value: string) => core.exportVariable(name, value)),
    getState: (name) => core.getState(name),
    setFailed: toolkit((message: string) => core.setFailed(message)),
    appendSummary: async (markdown) => appendStepSummary(process.env.GITHUB_STEP_SUMMARY, markdown),
  };
}
