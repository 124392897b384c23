/** `timbang event …`: validate an event file, write the Excel template, import an event, issue its package. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../api/errors.ts';
import type { Event } from '../../core/model.ts';
import type { EventChanges } from '../../api/contract.ts';
import { replacementChanges, saveAuthored, withIssuedShortlists } from '../../services/events/authored.ts';
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
        throw new AppError('invalid-input', {
          id: `Nama berkas templat harus berakhiran .xlsx: ${out}`,
          en: `The template file name must end in .xlsx: ${out}`,
        });
      }
      if (existsSync(out) && !options.force) {
        throw new AppError('conflict', {
          id: `${out} sudah ada; tidak ditimpa (pakai --force untuk menimpa).`,
          en: `${out} already exists; not overwritten (use --force to overwrite).`,
        });
      }
      writeFileSync(out, await writeEventTemplate(options.example ? readDemoEvent(RESOURCES_DIR) : null));
      cli.io.out(cli.lang() === 'id' ? `Templat ditulis: ${out}` : `Template written: ${out}`);
    });

  event
    .command('import')
    .description('impor acara (templat .xlsx atau JSON) ke berkas kerja / import an event (.xlsx template or JSON) into a workspace')
    .argument('<file>', 'templat .xlsx atau berkas acara .json / .xlsx template or .json event file')
    .requiredOption('--db <path>', 'berkas kerja SQLite / workspace database')
    .option('--replace', 'ganti acara dengan id sama yang sudah ada / replace an existing event with the same id')
    .action(async (file: string, options: { db: string; replace?: boolean }) => {
      const read = file.toLowerCase().endsWith('.xlsx') ? await readTemplateOrReport(file, cli) : readEventFile(file);
      if (!read) return;
      const workspace = openWorkspace(options.db);
      try {
        const parsed = withIssuedShortlists(workspace.db, read);
        const changes = options.replace ? null : replacementChanges(workspace.db, parsed);
        if (changes) {
          reportChanges(changes, cli);
          cli.fail();
          return;
        }
        const outcome = saveAuthored(workspace.db, parsed);
        const { revision } = findEventRecord(workspace.db, parsed.id)!;
        cli.io.out(describeEvent(parsed, cli.lang()));
        const said = {
          id: { new: 'acara baru', updated: 'diperbarui', unchanged: 'tidak berubah' },
          en: { new: 'new event', updated: 'updated', unchanged: 'unchanged' },
        }[cli.lang()][outcome];
        cli.io.out(
          cli.lang() === 'id' ? `  revisi ${revision} (${said}) di ${options.db}` : `  revision ${revision} (${said}) in ${options.db}`,
        );
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
        cli.io.out(
          cli.lang() === 'id'
            ? `Paket revisi ${revision} ditulis ke ${options.out}; sidik jari sekretariat ${key.fingerprint}`
            : `Package revision ${revision} written to ${options.out}; secretariat fingerprint ${key.fingerprint}`,
        );
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
            cli.io.err(error instanceof AppError ? error.bilingual[cli.lang()] : `${file}: ${(error as Error).message}`);
            cli.fail();
          }
        }
      } finally {
        workspace.close();
      }
    });
}

function reportChanges(changes: EventChanges, cli: CliContext): void {
  const id = cli.lang() === 'id';
  cli.io.err(
    id
      ? `Acara "${changes.eventId}" sudah ada di berkas kerja ini dan berkas ini mengubahnya. Tidak ada yang diubah; ulangi dengan --replace bila memang ingin mengganti:`
      : `The event "${changes.eventId}" is already in this workspace and this file changes it. Nothing changed; repeat with --replace to replace it:`,
  );
  if (changes.name) cli.io.err(`  ${id ? 'nama' : 'name'}: ${changes.name.from} → ${changes.name.to}`);
  if (changes.yearHeld) cli.io.err(`  ${id ? 'tahun' : 'year'}: ${changes.yearHeld.from} → ${changes.yearHeld.to}`);
  const kinds = [
    ['categories', 'kategori'],
    ['criteria', 'kriteria'],
    ['nominees', 'nominasi'],
    ['jurors', 'juri'],
  ] as const;
  for (const [kind, word] of kinds) {
    if (changes.removed[kind].length) cli.io.err(`  ${id ? `${word} dihapus` : `${kind} removed`}: ${changes.removed[kind].join('; ')}`);
    if (changes.added[kind].length) cli.io.err(`  ${id ? `${word} ditambah` : `${kind} added`}: ${changes.added[kind].join('; ')}`);
  }
  if (changes.droppedKeys.length)
    cli.io.err(`  ${id ? 'kunci terdaftar yang hilang' : 'enrolled keys dropped'}: ${changes.droppedKeys.join(', ')}`);
}

async function readTemplateOrReport(file: string, cli: CliContext): Promise<Event | null> {
  const result = await readEventTemplate(new Uint8Array(readFileSync(file)), basename(file));
  if (result.ok) return result.event;
  const lang = cli.lang();
  cli.io.err(
    lang === 'id'
      ? `${file}: ${result.issues.length} kesalahan; tidak ada yang diimpor.`
      : `${file}: ${result.issues.length} errors; nothing imported.`,
  );
  for (const issue of result.issues) cli.io.err(`- ${formatTemplateIssue(issue, lang)}`);
  cli.fail();
  return null;
}

function onlyAuthoredEvent(events: { id: string; source: string }[]): string {
  const authored = events.filter((e) => e.source === 'authored');
  if (authored.length === 1) return authored[0].id;
  throw new AppError('invalid-input', {
    id:
      authored.length === 0
        ? 'Berkas kerja ini belum punya acara; impor dulu dengan "timbang event import".'
        : `Ada ${authored.length} acara; pilih dengan --event.`,
    en:
      authored.length === 0
        ? 'This workspace has no event yet; import one with "timbang event import".'
        : `There are ${authored.length} events; choose one with --event.`,
  });
}

/** Opens the workspace key with the passphrase from the environment, making the key on first use. */
export async function openOrMakeKey(handlers: ReturnType<typeof createHandlers>, cli: CliContext): Promise<void> {
  const passphrase = process.env[PASSPHRASE_VARIABLE];
  if (!passphrase) {
    throw new AppError('key-locked', {
      id: `Setel frasa sandi kunci di variabel lingkungan ${PASSPHRASE_VARIABLE} (minimal 8 karakter).`,
      en: `Set the key's passphrase in the environment variable ${PASSPHRASE_VARIABLE} (at least 8 characters).`,
    });
  }
  const status = await handlers.keyStatus({});
  if (status.state === 'none') {
    const made = await handlers.createKey({ passphrase });
    cli.io.out(cli.lang() === 'id' ? `Kunci baru dibuat; sidik jari ${made.fingerprint}` : `New key made; fingerprint ${made.fingerprint}`);
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
  const words =
    lang === 'id'
      ? {
          ok: 'Berkas acara sah',
          year: 'Tahun',
          period: 'periode penilaian',
          to: 's.d.',
          cat: 'kategori',
          nom: 'nominasi',
          jur: 'juri',
          rnd: 'babak',
          crit: 'kriteria',
          conf: 'konflik kepentingan',
          rounds: 'Babak',
          top: 'besar',
        }
      : {
          ok: 'Valid event file',
          year: 'Year',
          period: 'period assessed',
          to: 'to',
          cat: 'categories',
          nom: 'nominees',
          jur: 'jurors',
          rnd: 'rounds',
          crit: 'criteria',
          conf: 'conflicts of interest',
          rounds: 'Rounds',
          top: 'shortlist',
        };
  const rounds = [...event.rounds]
    .sort((a, b) => a.order - b.order)
    .map(
      (r) =>
        `${r.name[lang]} ${r.weight}%${r.shortlistSize ? ` (${lang === 'id' ? `${r.shortlistSize} ${words.top}` : `${words.top} ${r.shortlistSize}`})` : ''}`,
    );
  return [
    `✓ ${words.ok}: ${event.name} (${event.id})`,
    `  ${words.year} ${event.yearHeld} · ${words.period} ${event.periodAssessed.start} ${words.to} ${event.periodAssessed.end} · ${event.place}`,
    `  ${s.categories} ${words.cat} · ${s.nominees} ${words.nom} · ${s.jurors} ${words.jur} · ${s.rounds} ${words.rnd} · ${s.criteria} ${words.crit} · ${s.conflicts} ${words.conf}`,
    `  ${words.rounds}: ${rounds.join(', ')}`,
  ].join('\n');
}
