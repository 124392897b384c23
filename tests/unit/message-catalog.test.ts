/**
 * One message catalog (issue 20): every sentence a person reads outside the renderer's own labels comes
 * from a typed entry in src/core/messages, in both languages. This checks every declared entry is complete,
 * and that no bilingual text is written inline elsewhere (the renderer's i18next JSON is tests/unit/i18n.test.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { declaredEntries, LANGUAGES } from '../../src/core/messages/catalog.ts';
import { PROJECT_ROOT } from '../support/demo.ts';

const MESSAGES_DIR = join(PROJECT_ROOT, 'src', 'core', 'messages');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Any parameter name a wording reads: `p.name`, `params.name` or a destructured `{ name }`. */
const placeholder = new Proxy({} as Record<string, unknown>, {
  get: (_target, key) => (key === Symbol.toPrimitive ? () => '‹x›' : typeof key === 'string' ? `‹${key}›` : undefined),
});

describe('the message catalog', () => {
  beforeAll(async () => {
    for (const file of sourceFiles(MESSAGES_DIR)) await import(pathToFileURL(file).href);
  });

  it('declares its entries in domains, each entry in both languages and of the same kind', () => {
    expect(declaredEntries.length).toBeGreaterThan(5);
    const domains = declaredEntries.map(([domain]) => domain);
    expect(domains.filter((domain, index) => domains.indexOf(domain) !== index)).toEqual([]);
    const problems: string[] = [];
    for (const [domain, entries] of declaredEntries) {
      for (const [name, entry] of Object.entries(entries)) {
        const where = `${domain}.${name}`;
        const kinds = LANGUAGES.map((language) => typeof entry[language]);
        if (kinds.some((kind) => kind !== 'string' && kind !== 'function')) problems.push(`${where}: missing a language (${kinds})`);
        else if (kinds[0] !== kinds[1]) problems.push(`${where}: fixed text in one language, parameters in the other`);
        for (const language of LANGUAGES) {
          const wording = entry[language] as unknown;
          let text: unknown = wording;
          if (typeof wording === 'function') {
            try {
              text = (wording as (p: unknown) => unknown)(placeholder);
            } catch {
              text = '‹computed›'; // a wording that formats numbers or lists cannot take a placeholder; its tests cover it
            }
          }
          // (a wording that looks its parameter up in a table gives nothing for a placeholder; its own tests cover it)
          if (typeof text === 'string' && text.trim() === '') problems.push(`${where}.${language}: empty`);
          if (text === null || (typeof text !== 'string' && typeof text !== 'undefined')) problems.push(`${where}.${language}: not text`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('is the only place bilingual sentences are written (src and electron, outside src/core/messages)', () => {
    // An object with both languages as text (a placeholder such as '?' is no sentence).
    const inline = /\{\s*id:\s*['"`](?=[\p{L}\d$])[^]*?\ben:\s*['"`]/gu;
    const found = [...sourceFiles(join(PROJECT_ROOT, 'src')), ...sourceFiles(join(PROJECT_ROOT, 'electron'))]
      .filter((file) => !file.startsWith(MESSAGES_DIR + '/') && !file.includes(`${join('src', 'renderer')}/`))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return [...text.matchAll(inline)]
          .filter((m) => m[0].length < 600) // one object literal, not a match spanning unrelated code
          .map((m) => `${relative(PROJECT_ROOT, file)}:${text.slice(0, m.index).split('\n').length}`);
      });
    expect(found).toEqual([]);
  });

  it('has no language ternaries where sentences are chosen (the CLI, the bridge, the desktop shell, the handlers)', () => {
    // Formatting conventions (a decimal comma, "pukul" in a date) live with their formatter in core.
    const ternary = /\blang(uage)?\s*===\s*['"](id|en)['"]\s*\?/;
    const places = ['src/cli', 'src/bridge', 'src/api', 'src/services/handlers', 'electron'].map((place) => join(PROJECT_ROOT, place));
    const found = places
      .flatMap((place) => sourceFiles(place))
      .filter((file) => ternary.test(readFileSync(file, 'utf8')))
      .map((file) => relative(PROJECT_ROOT, file));
    expect(found).toEqual([]);
  });
});
