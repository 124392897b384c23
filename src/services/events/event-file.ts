/**
 * Reading an event document from disk, including the demo event embedded in resources/.
 * Every failure names the file and, for a content problem, every place in it that is wrong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../api/errors.ts';
import { eventStoreMessages } from '../../core/messages/event.ts';
import type { Event } from '../../core/model.ts';
import { issueLines, validateEvent } from '../../core/validate-event.ts';

export const DEMO_EVENT_FILE = 'demo-event.json';

export function readEventFile(path: string): Event {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('not-found', eventStoreMessages.fileUnreadable({ path, reason }));
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('invalid-event', eventStoreMessages.fileNotJson({ path, reason }));
  }
  const result = validateEvent(document);
  if (!result.ok) {
    const lines = issueLines(result.issues);
    throw new AppError('invalid-event', eventStoreMessages.fileInvalid({ path, lines }), result.issues);
  }
  return result.event;
}

export function readDemoEvent(resourcesDir: string): Event {
  return readEventFile(join(resourcesDir, DEMO_EVENT_FILE));
}
