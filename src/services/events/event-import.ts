/**
 * Importing an event into a secretariat's workspace: the app's template import (the handler
 * `importEventTemplate`) and `timbang event import` both come here, so the two cannot drift. Shortlists the
 * workspace already issued are kept when the file has none (events/authored.ts); an event already here that
 * the file would change is replaced only when the caller says so, and otherwise nothing changes and the
 * caller gets what would.
 */
import type { EventChanges } from '../../api/contract.ts';
import type { Event } from '../../core/model.ts';
import { replacementChanges, saveAuthored, withIssuedShortlists } from './authored.ts';
import { readEventTemplate, type TemplateIssue } from './event-template.ts';
import type { Db } from '../workspace/workspace.ts';

export type EventImport =
  | { status: 'imported'; event: Event; outcome: ReturnType<typeof saveAuthored> }
  /** The file is valid but would replace an event already here: nothing changed until the secretariat confirms. */
  | { status: 'needs-confirmation'; fileName: string; changes: EventChanges };

export type TemplateImportOutcome = EventImport | { status: 'invalid'; fileName: string; issues: TemplateIssue[] };

/** Imports an event already read (from the Excel template or an event file); `replace` confirms replacing one already here. */
export function importEvent(db: Db, read: Event, fileName: string, options: { replace?: boolean } = {}): EventImport {
  const event = withIssuedShortlists(db, read);
  const changes = options.replace ? null : replacementChanges(db, event);
  if (changes) return { status: 'needs-confirmation', fileName, changes };
  return { status: 'imported', event, outcome: saveAuthored(db, event) };
}

/** Reads the Excel template and imports its event; a template with errors imports nothing and lists them. */
export async function importTemplate(
  db: Db,
  bytes: Uint8Array,
  fileName: string,
  options: { replace?: boolean } = {},
): Promise<TemplateImportOutcome> {
  const result = await readEventTemplate(bytes, fileName);
  if (!result.ok) return { status: 'invalid', fileName, issues: result.issues };
  return importEvent(db, result.event, fileName, options);
}
