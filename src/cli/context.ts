/** What every CLI command shares: output, language, exit code, and where the project's files are. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Language } from '../core/messages/catalog.ts';
import type { Bilingual } from '../core/model.ts';

export type Lang = Language;

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
export const RESOURCES_DIR = join(PROJECT_ROOT, 'resources');
export const APP_VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface CliContext {
  io: Io;
  lang(): Lang;
  /** A catalog text (core/messages/cli.ts and the others) in the output language. */
  say(text: Bilingual): string;
  fail(code?: number): void;
}

/** The passphrase that opens (or makes) the workspace key from the command line: never a flag, so it stays out of shell history. */
export const PASSPHRASE_VARIABLE = 'TIMBANG_PASSPHRASE';

/** The CLI and the browser bridge print with Debian's Chromium through Playwright, loaded only when asked. */
export const CLI_PRINTING = {
  toPdf: async (html: string) => (await import('../services/report/render-pdf.ts')).renderPdfWithChromium(html),
};
