// The one file that imports @actions/core. Everything else in the edge talks to
// this small port, so unit tests pass a fake and @github/local-action can stub
// the toolkit underneath it.
import * as core from '@actions/core';
import { appendStepSummary } from './step-summary.js';

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

export function createActionsIo(): ActionsIo {
  return {
    getInput: (name) => core.getInput(name, { trimWhitespace: false }),
    info: (text) => core.info(text),
    warning: (text, props) => core.warning(text, props ?? {}),
    error: (text, props) => core.error(text, props ?? {}),
    startGroup: (title) => core.startGroup(title),
    endGroup: () => core.endGroup(),
    setOutput: (name, value) => core.setOutput(name, value),
    saveState: (name, value) => core.saveState(name, value),
    exportVariable: (name, value) => core.exportVariable(name, value),
    getState: (name) => core.getState(name),
    setFailed: (message) => core.setFailed(message),
    appendSummary: async (markdown) => appendStepSummary(process.env.GITHUB_STEP_SUMMARY, markdown),
  };
}
