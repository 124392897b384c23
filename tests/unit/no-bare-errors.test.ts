/**
 * No bare Error escapes the Node side: every failure a service, the API layer, the bridge or the desktop
 * shell raises is an AppError with a code the contract can declare and a message in both languages
 * (src/api/errors.ts). A bare `new Error(…)` (or TypeError, RangeError) would reach a person as English
 * only, under the code 'internal'. Comments are not code: a sentence mentioning one does not count.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/demo.ts';

const SCANNED = ['src/services', 'src/core', 'src/api', 'src/bridge', 'electron'];
const BARE = /\bnew\s+(Error|TypeError|RangeError)\s*\(/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|cts|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The code without its comments, line numbers kept (string contents are kept too: close enough for this check). */
const withoutComments = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

describe('errors', () => {
  it('no bare Error, TypeError or RangeError is raised in services, core, api, bridge or electron', () => {
    const found: string[] = [];
    for (const root of SCANNED) {
      for (const file of sourceFiles(join(PROJECT_ROOT, root))) {
        withoutComments(readFileSync(file, 'utf8'))
          .split('\n')
          .forEach((line, i) => {
            for (const match of line.matchAll(BARE)) found.push(`${relative(PROJECT_ROOT, file)}:${i + 1}: new ${match[1]}(`);
          });
      }
    }
    expect(found, 'throw an AppError (src/api/errors.ts) with a catalog message instead').toEqual([]);
  });
});
