/** Shared test helpers: the demo event as shipped, and throwaway workspaces. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Event } from '../../src/core/model.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
export const RESOURCES_DIR = join(PROJECT_ROOT, 'resources');
export const DEMO_EVENT_PATH = join(RESOURCES_DIR, 'demo-event.json');

/** A fresh, deep copy of the demo event document, safe to mutate. */
export function demoDocument(): Event {
  return JSON.parse(readFileSync(DEMO_EVENT_PATH, 'utf8')) as Event;
}

/** A temporary folder removed by the returned function. */
export function tempDir(prefix = 'timbang-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
