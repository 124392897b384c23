/**
 * The renderer's words come from its i18next files (src/renderer/i18n/id.json and en.json, whose keys
 * tests/unit/i18n.test.ts holds equal): no text written in both languages inline and picked at run time.
 * `pick` stays for what the event itself carries in both languages (a category's name, a rubric level).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/demo.ts';

const dir = join(PROJECT_ROOT, 'src', 'renderer');

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("the renderer's texts", () => {
  it('picks no bilingual literal written inline', () => {
    const inline = sources(dir).flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/\bpick\(\s*\{\s*id:/g)].map((m) => `${relative(PROJECT_ROOT, path)} @${m.index}`),
    );
    expect(inline).toEqual([]);
  });
});
