/** `timbang event …`: validate an event file, write the Excel template, import an event, issue its package. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../api/errors.ts';
import { pick } from '../../core/messages/catalog.ts';
import { cliMessages } from '../../core/messages/cli.ts';
import type { Bilingual, Event } from '../../core/model.ts';
import type { EventChanges } from '../../api/contract.ts';
import { importEvent } from '../../services/events/event-import.ts';
import { readDemoEvent, readEventFile } from '../../services/events/event-file.ts';
import { findEventRecord } from '../../services/events/event-store.ts';
import { formatTemplateIssue, readEventTemplate, writeEventTemplate } from '../../services/events/event-template.ts';
import { fileData } from '../../services/file-data.ts';
import { createHandlers } from '../../services/handlers.ts';
import { openWorkspace } from '../../services/workspace/workspace.ts';
import { APP_VERSION, PASSPHRASE_VARIABLE, RESOURCES_DIR, type CliContext, type Lang } from '../context.ts';

export function registerEventCommands(program: Command, cli: CliContext): void {
  const event = program.command('event').description('acara: berkas acara, templat Excel, paket / event files, Excel template, package');

  event
    .command('validate')
    .description('periksa berkas acara (JSON) terhadap model / validate an event file (JSON)')
    .argument('<file>', 'berkas acara / event file')
    .option('--json', 'keluaran JSON / JSON output')
    .action(async (file: string, options: { json?: boolean }) => {
      try {
        const parsed = file.toLowerCase().endsWith('.xlsx') ? await readTemplateOrReport(file, cli) : readEventFile(file);
        if (!parsed) return;
        cli.io.out(
          options.json ? JSON.stringify({ file, ok: true, summary: summarize(parsed) }, null, 2) : describeEvent(parsed, cli.lang()),
        );
      } catch (error) {
        if (!(error instanceof AppError) || !options.json) throw error;
        cli.io.err(JSON.stringify({ file, ok: false, code: error.code, issues: error.details ?? [], message: error.bilingual }, null, 2));
        cli.fail();
      }
    });

  event
    .command('template')
    .description('tulis templat Excel untuk menyiapkan acara / write the Excel template for setting up an event')
    .argument('<out>', 'berkas .xlsx / .xlsx file')
    .option('--example', 'isi dengan acara demo sebagai contoh / fill it with the demo event as a worked example')
    .option('--force', 'timpa berkas yang sudah ada / overwrite an existing file')
    .action(async (out: string, options: { example?: boolean; force?: boolean }) => {
      if (!out.toLowerCase().endsWith('.xlsx')) {
        throw new AppError('invalid-input', cliMessages.templateNotXlsx({ out }));
      }
      if (existsSync(out) && !options.force) {
        throw new AppError('conflict', cliMessages.fileExists({ out }));
      }
      writeFileSync(out, await writeEventTemplate(options.example ? readDemoEvent(RESOURCES_DIR) : null));
      cli.io.out(cli.say(cliMessages.templateWritten({ out })));
    });

  event
    .command('import')
    .description('impor acara (templat .xlsx atau JSON) ke berkas kerja / import an event (.xlsx template or JSON) into a workspace')
    .argument('<file>', 'templat .xlsx atau berkas acara .json / .xlsx template or .json event file')
    .requiredOption('--db <path>', 'berkas kerja SQLite / workspace database')
    .option('--replace', 'ganti acara dengan id sama yang sudah ada / replace an existing event with the same id')
    .action(async (file: string, options: { db: string; replace?: boolean }) => {
      // Read before the workspace is opened: a file with errors leaves no workspace behind.
      const read = file.toLowerCase().endsWith('.xlsx') ? await readTemplateOrReport(file, cli) : readEventFile(file);
      if (!read) return;
      const workspace = openWorkspace(options.db);
      try {
        // The app's template import does the same (services/event-import.ts).
        const imported = importEvent(workspace.db, read, basename(file), { replace: options.replace });
        if (imported.status === 'needs-confirmation') {
          reportChanges(imported.changes, cli);
          cli.fail();
          return;
        }
        const { revision } = findEventRecord(workspace.db, imported.event.id)!;
        cli.io.out(describeEvent(imported.event, cli.lang()));
        cli.io.out(cli.say(cliMessages.eventRevisionIn({ revision, outcome: OUTCOMES[imported.outcome](), db: options.db })));
      } finally {
        workspace.close();
      }
    });

  event
    .command('package')
    .description(
      `tulis paket acara bertanda tangan (.timbang); kunci dibuka dengan ${PASSPHRASE_VARIABLE} / write the signed event package; the key opens with ${PASSPHRASE_VARIABLE}`,
    )
    .requiredOption('--db <path>', 'berkas kerja sekretariat / secretariat workspace')
    .requiredOption('--out <file>', 'berkas .timbang / .timbang file')
    .option('--event <id>', 'id acara bila ada lebih dari satu / event id when there are several')
    .option(
      '--documents <dir>',
      "folder dokumen nominasi (sheet Dokumen): DIR/<id nominasi>/<berkas> atau DIR/<berkas> / folder of the nominees' documents (sheet Dokumen): DIR/<nominee id>/<file> or DIR/<file>",
    )
    .action(async (options: { db: string; out: string; event?: string; documents?: string }) => {
      const workspace = openWorkspace(options.db, { mustExist: true });
      try {
        const handlers = createHandlers({ workspace, resourcesDir: RESOURCES_DIR, appVersion: APP_VERSION });
        const eventId = options.event ?? onlyAuthoredEvent(await handlers.listEvents({}));
        await openOrMakeKey(handlers, cli);
        const listed = (await handlers.getEvent({ eventId })).documents ?? [];
        const folder = options.documents;
        // Issue 17: each listed document's file, by nominee folder first; a missing one is named by exportPackage.
        const documents =
          folder === undefined
            ? []
            : listed.flatMap((d) => {
                const path = [join(folder, d.nomineeId, d.fileName), join(folder, d.fileName)].find((p) => existsSync(p));
                return path ? [{ nomineeId: d.nomineeId, fileName: d.fileName, base64: readFileSync(path).toString('base64') }] : [];
              });
        const file = await handlers.exportPackage({ eventId, documents });
        writeFileSync(options.out, Buffer.from(file.base64, 'base64'));
        const key = await handlers.keyStatus({});
        const revision = (await handlers.listEvents({})).find((e) => e.id === eventId)!.revision;
        cli.io.out(cli.say(cliMessages.packageWritten({ revision, out: options.out, fingerprint: key.fingerprint })));
      } finally {
        workspace.close();
      }
    });

  program
    .command('enrol')
    .description("impor berkas pendaftaran kunci juri / import jurors' key enrolment files")
    .requiredOption('--db <path>', 'berkas kerja sekretariat / secretariat workspace')
    .argument('<files...>', 'berkas .timbang-enrol')
    .action(async (files: string[], options: { db: string }) => {
      const workspace = openWorkspace(options.db, { mustExist: true });
      try {
        const handlers = createHandlers({ workspace, resourcesDir: RESOURCES_DIR, appVersion: APP_VERSION });
        for (const file of files) {
          // Each file on its own: one bad file is reported and the others still enrol.
          try {
            const enrolment = await handlers.importEnrolment(fileData(basename(file), readFileSync(file)));
            cli.io.out(`${enrolment.jurorId} · ${enrolment.name} · ${enrolment.fingerprint}`);
          } catch (error) {
            cli.io.err(error instanceof AppError ? cli.say(error.bilingual) : `${file}: ${(error as Error).message}`);
            cli.fail();
          }
        }
      } finally {
        workspace.close();
      }
    });
}

/** How an import left the event, as `timbang event import` says it. */
const OUTCOMES = { new: cliMessages.outcomeNew, updated: cliMessages.outcomeUpdated, unchanged: cliMessages.outcomeUnchanged };

function reportChanges(changes: EventChanges, cli: CliContext): void {
  cli.io.err(cli.say(cliMessages.eventChangedBy({ eventId: changes.eventId })));
  if (changes.name) cli.io.err(`  ${cli.say(cliMessages.changedName())}: ${changes.name.from} → ${changes.name.to}`);
  if (changes.yearHeld) cli.io.err(`  ${cli.say(cliMessages.changedYear())}: ${changes.yearHeld.from} → ${changes.yearHeld.to}`);
  for (const kind of ['categories', 'criteria', 'nominees', 'jurors'] as const) {
    if (changes.removed[kind].length) cli.io.err(`  ${cli.say(cliMessages.removedOf({ kind }))}: ${changes.removed[kind].join('; ')}`);
    if (changes.added[kind].length) cli.io.err(`  ${cli.say(cliMessages.addedOf({ kind }))}: ${changes.added[kind].join('; ')}`);
  }
  if (changes.droppedKeys.length) cli.io.err(`  ${cli.say(cliMessages.droppedKeys())}: ${changes.droppedKeys.join(', ')}`);
}

async function readTemplateOrReport(file: string, cli: CliContext): Promise<Event | null> {
  const result = await readEventTemplate(new Uint8Array(readFileSync(file)), basename(file));
  if (result.ok) return result.event;
  cli.io.err(cli.say(cliMessages.templateErrors({ file, count: result.issues.length })));
  for (const issue of result.issues) cli.io.err(`- ${formatTemplateIssue(issue, cli.lang())}`);
  cli.fail();
  return null;
}

function onlyAuthoredEvent(events: { id: string; source: string }[]): string {
  const authored = events.filter((e) => e.source === 'authored');
  if (authored.length === 1) return authored[0].id;
  throw new AppError(
    'invalid-input',
    authored.length === 0 ? cliMessages.noAuthoredEvent() : cliMessages.severalEvents({ count: authored.length }),
  );
}

/** Opens the workspace key with the passphrase from the environment, making the key on first use. */
export async function openOrMakeKey(handlers: ReturnType<typeof createHandlers>, cli: CliContext): Promise<void> {
  const passphrase = process.env[PASSPHRASE_VARIABLE];
  if (!passphrase) {
    throw new AppError('key-locked', cliMessages.setKeyPassphrase({ variable: PASSPHRASE_VARIABLE }));
  }
  const status = await handlers.keyStatus({});
  if (status.state === 'none') {
    const made = await handlers.createKey({ passphrase });
    cli.io.out(cli.say(cliMessages.newKeyMade({ fingerprint: made.fingerprint })));
  } else {
    await handlers.unlockKey({ passphrase });
  }
}

export function summarize(event: Event) {
  return {
    id: event.id,
    name: event.name,
    yearHeld: event.yearHeld,
    categories: event.categories.length,
    rounds: event.rounds.length,
    criteria: event.criteria.length,
    nominees: event.nominees.length,
    jurors: event.jurors.length,
    conflicts: event.conflicts.length,
  };
}

export function describeEvent(event: Event, lang: Lang): string {
  const s = summarize(event);
  const rounds = [...event.rounds]
    .sort((a, b) => a.order - b.order)
    .map(
      (r) =>
        `${pick(r.name, lang)} ${r.weight}%${r.shortlistSize ? ` (${pick(cliMessages.roundShortlist({ size: r.shortlistSize }), lang)})` : ''}`,
    );
  const lines: Bilingual[] = [
    cliMessages.eventValid({ name: event.name, eventId: event.id }),
    cliMessages.eventYearAndPeriod({
      year: event.yearHeld,
      start: event.periodAssessed.start,
      end: event.periodAssessed.end,
      place: event.place,
    }),
    cliMessages.eventCounts(s),
    cliMessages.eventRounds({ rounds: rounds.join(', ') }),
  ];
  return lines.map((line) => pick(line, lang)).join('\n');
}
