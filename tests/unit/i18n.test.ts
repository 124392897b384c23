/**
 * Both interface languages have the same keys, and every fixed key the renderer asks for exists.
 * (Keys built at run time, like `jurorRole.${role}`, are covered by the end-to-end tests.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/demo.ts';

const dir = join(PROJECT_ROOT, 'src', 'renderer');
const load = (lang: string) => JSON.parse(readFileSync(join(dir, 'i18n', `${lang}.json`), 'utf8')) as Record<string, unknown>;

function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('interface texts', () => {
  const id = keys(load('id')).sort();
  const en = keys(load('en')).sort();

  it('has the same keys in Bahasa Indonesia and English', () => {
    expect(en).toEqual(id);
  });

  it('has every key the renderer uses', () => {
    const used = new Set(sources(dir).flatMap((text) => [...text.matchAll(/\bt\(\s*'([\w.]+)'/g)].map((m) => m[1])));
    expect(used.size).toBeGreaterThan(50);
    const known = new Set(id.map((k) => k.replace(/_(one|other)$/, '')));
    expect([...used].filter((key) => !known.has(key))).toEqual([]);
  });
});
