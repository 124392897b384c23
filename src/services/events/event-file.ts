/**
 * Reading an event document from disk, including the demo event embedded in resources/.
 * Every failure names the file and, for a content problem, every place in it that is wrong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../api/errors.ts';
import type { Event } from '../../core/model.ts';
import { formatIssue, validateEvent } from '../../core/validate-event.ts';

export const DEMO_EVENT_FILE = 'demo-event.json';

export function readEventFile(path: string): Event {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('not-found', {
      id: `Berkas ${path} tidak dapat dibaca (${reason}).`,
      en: `File ${path} cannot be read (${reason}).`,
    });
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('invalid-event', {
      id: `Berkas ${path} bukan JSON yang sah (${reason}).`,
      en: `File ${path} is not valid JSON (${reason}).`,
    });
  }
  const result = validateEvent(document);
  if (!result.ok) {
    const count = result.issues.length;
    throw new AppError(
      'invalid-event',
      {
        id: `Berkas ${path}: ${count} kesalahan.\n${result.issues.map((i) => `- ${formatIssue(i, 'id')}`).join('\n')}`,
        en: `File ${path}: ${count} error${count === 1 ? '' : 's'}.\n${result.issues.map((i) => `- ${formatIssue(i, 'en')}`).join('\n')}`,
      },
      result.issues,
    );
  }
  return result.event;
}

export function readDemoEvent(resourcesDir: string): Event {
  return readEventFile(join(resourcesDir, DEMO_EVENT_FILE));
}
