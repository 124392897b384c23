/**
 * `timbang audit` (periksa sebelum penetapan), `timbang penetapan export`, and the penetapan part of
 * `timbang verify --penetapan` (issue 16, items 4 and 5).
 *
 * `timbang audit --event PKG SHEETS… [--json]` takes the inputs of `timbang merge`; with `--db W` the
 * plenary's records (decisions, special awards, acknowledged flags, sheets set aside, the confirmation of
 * the verification appendix, absences) come from the secretariat's workspace, whose key is then pinned as
 * well. `timbang audit --db W` alone audits the workspace's own event and inbox. Exit 1 while any item of
 * the checklist fails, each failing item named with what fails.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { Option, type Command } from 'commander';
import { AppError } from '../../api/errors.ts';
import type { Event, MergeRule } from '../../core/model.ts';
import { auditChecklist, NO_RECORDS, type AuditFile, type AuditResult } from '../../services/audit/audit.ts';
import { attendanceItems, auditWith, workspaceAudit } from '../../services/audit/workspace-audit.ts';
import { withExcused } from '../../services/attendance/attendance.ts';
import { specialAwards } from '../../services/awards/special-awards.ts';
import { getEvent } from '../../services/events/event-store.ts';
import { deliberate, decisions } from '../../services/merge/deliberation.ts';
import { reconcile } from '../../services/merge/reconcile.ts';
import { readPackage, requireSecretariat } from '../../services/packages/event-package.ts';
import { PENETAPAN_EXTENSION, penetapanFile, readPenetapan, type PenetapanPayload } from '../../services/penetapan/penetapan.ts';
import type { Db } from '../../services/workspace/workspace.ts';
import type { CliContext, Lang } from '../context.ts';
import { pinOptions, secretariatPin, type PinOptions, type SecretariatPin } from './secretariat-pin.ts';
import { signerJson, signerLine, verifyFiles, warnNotPinned, type DeliberatedFiles } from './sheet-files.ts';
import type { MinutesStatus } from '../../services/report/minutes-status.ts';

const RULE_OPTION = () =>
  new Option('--rule <rule>', "aturan penggabungan / merge rule (bawaan: aturan acara / default: the event's)").choices([
    'mean',
    'trimmed',
    'median',
    'zscore',
  ]);

/** A secretariat workspace opened read only: the app may hold it open meanwhile. */
function readWorkspace<T>(path: string, use: (db: Db) => T): T {
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch {
    throw new AppError('not-found', {
      id: `Berkas kerja ${path} tidak ada (atau tidak dapat dibuka).`,
      en: `Workspace ${path} does not exist (or cannot be opened).`,
    });
  }
  try {
    return use(db);
  } catch (error) {
    if (error instanceof Error && /no such table/.test(error.message)) {
      throw new AppError('workspace-unreadable', {
        id: `Berkas kerja ${path} dibuat Timbang yang lebih lama: buka sekali di aplikasi (atau dengan perintah yang menulis) agar diperbarui.`,
        en: `Workspace ${path} was made by an older Timbang: open it once in the app (or with a command that writes) to upgrade it.`,
      });
    }
    throw error;
  } finally {
    db.close();
  }
}

/** The workspace's authored event: the only one, or the one named. */
function workspaceEvent(db: Db, eventId: string | undefined, path: string): Event {
  const ids = (db.prepare("SELECT id FROM event WHERE source = 'authored' ORDER BY id").all() as { id: string }[]).map((r) => r.id);
  const id = eventId ?? (ids.length === 1 ? ids[0] : undefined);
  if (!id || !ids.includes(id)) {
    throw new AppError(
      'not-found',
      ids.length === 0
        ? { id: `Berkas kerja ${path} tidak memuat acara sekretariat.`, en: `Workspace ${path} holds no secretariat event.` }
        : { id: `Pilih acara dengan --event-id: ${ids.join(', ')}.`, en: `Choose the event with --event-id: ${ids.join(', ')}.` },
    );
  }
  return getEvent(db, id);
}

function printAudit(audit: AuditResult, event: Event, cli: CliContext): void {
  const lang: Lang = cli.lang();
  cli.io.out(
    lang === 'id'
      ? `Periksa sebelum penetapan — ${event.name} (aturan ${audit.rule}, hash hasil ${audit.resultsHash})`
      : `Audit before the penetapan — ${event.name} (rule ${audit.rule}, results hash ${audit.resultsHash})`,
  );
  for (const item of audit.items) {
    cli.io.out(`${item.ok ? '✓' : '✗'} ${item.title[lang]} — ${item.summary[lang]}`);
    for (const finding of item.findings) cli.io.out(`    ${finding[lang]}`);
  }
  const failing = audit.items.filter((i) => !i.ok).length;
  cli.io.out(
    failing === 0
      ? lang === 'id'
        ? 'Lolos: hasil dapat ditetapkan.'
        : 'Passed: the results can be fixed.'
      : lang === 'id'
        ? `Belum lolos: ${failing} butir gagal.`
        : `Not passed: ${failing} items fail.`,
  );
}

/** The checklist for sheet files against a package, with the plenary's records from `db` when given. */
async function auditFiles(
  packageFile: string,
  sheets: string[],
  pin: SecretariatPin | null,
  rule: MergeRule | undefined,
  dbPath: string | undefined,
) {
  const { event, results, hashes, signer } = await verifyFiles(packageFile, sheets, pin);
  const reconciled = reconcile(
    event,
    results.map((r, i) => ({ file: `${r.file}\u0000${String(i).padStart(6, '0')}`, payload: r.status === 'valid' ? r.payload : null })),
  );
  const files: AuditFile[] = results.map((r, i) => ({
    fileName: basename(r.file),
    fileHash: hashes[i],
    status: r.status,
    use: reconciled.files[i].use,
    jurorId: r.juror,
    sheetRevision: r.revision,
  }));
  const chosenRule = rule ?? event.merge.rule;
  const audit = dbPath
    ? readWorkspace(dbPath, (db) =>
        auditWith(
          db,
          event,
          withExcused(
            db,
            event.id,
            deliberate(
              event,
              chosenRule,
              reconciled,
              reconciled.files.map((f) => f.use),
              decisions(db, event.id),
              specialAwards(db, event.id),
            ),
          ),
          files,
        ),
      )
    : (() => {
        const result = deliberate(
          event,
          chosenRule,
          reconciled,
          reconciled.files.map((f) => f.use),
          [],
        );
        return auditChecklist(event, result, files, NO_RECORDS, attendanceItems(event, result));
      })();
  return { event, audit, signer };
}

export function registerAuditCommands(program: Command, cli: CliContext): void {
  pinOptions(
    program
      .command('audit')
      .description(
        'periksa sebelum penetapan: daftar periksa, keluar 1 selama ada yang gagal / the audit before the penetapan: exit 1 while anything fails',
      )
      .option('--event <package>', 'paket acara (.timbang); tanpa ini: acara di --db / event package; without it: the event in --db')
      .argument('[sheets...]', 'lembar nilai (.xlsx) / score sheets')
      .option('--event-id <id>', 'acara di --db bila lebih dari satu / the event in --db when there are several')
      .addOption(RULE_OPTION())
      .option('--json', 'keluaran JSON / JSON output'),
  ).action(async (sheets: string[], options: { event?: string; eventId?: string; rule?: MergeRule; json?: boolean } & PinOptions) => {
    let event: Event;
    let audit: AuditResult;
    if (options.event) {
      if (sheets.length === 0)
        throw new AppError('invalid-input', {
          id: 'Sebutkan lembar nilai (.xlsx) setelah --event.',
          en: 'Name the score sheets (.xlsx) after --event.',
        });
      const checked = await auditFiles(options.event, sheets, secretariatPin(options), options.rule, options.db);
      ({ event, audit } = checked);
      if (!options.json) cli.io.out(signerLine(checked.signer, cli.lang()));
      warnNotPinned(checked.signer, cli);
      if (options.json) {
        cli.io.out(JSON.stringify({ ...audit, secretariat: signerJson(checked.signer) }, null, 2));
        if (!audit.passed) cli.fail();
        return;
      }
    } else if (options.db) {
      if (sheets.length > 0)
        throw new AppError('invalid-input', {
          id: 'Lembar nilai dibaca dengan --event PAKET; tanpa --event, audit memeriksa kotak masuk berkas kerja.',
          en: "Sheets are read with --event PACKAGE; without --event, audit checks the workspace's inbox.",
        });
      ({ event, audit } = readWorkspace(options.db, (db) => {
        const found = workspaceEvent(db, options.eventId, options.db!);
        return { event: found, audit: workspaceAudit(db, found, options.rule ?? found.merge.rule).audit };
      }));
    } else {
      throw new AppError('invalid-input', {
        id: 'Sebutkan --event PAKET dengan lembar nilainya, atau --db BERKAS-KERJA.',
        en: 'Give --event PACKAGE with its sheets, or --db WORKSPACE.',
      });
    }
    if (options.json) cli.io.out(JSON.stringify(audit, null, 2));
    else printAudit(audit, event, cli);
    if (!audit.passed) cli.fail();
  });

  const penetapan = program.command('penetapan').description('rekaman penetapan hasil / the penetapan records');
  penetapan
    .command('export')
    .description(
      'tulis rekaman penetapan bertanda tangan dari berkas kerja sekretariat / write a signed penetapan record from the secretariat workspace',
    )
    .requiredOption('--db <path>', 'berkas kerja sekretariat / secretariat workspace')
    .requiredOption('--out <file>', `berkas ${PENETAPAN_EXTENSION}`)
    .option('--event-id <id>', 'acara bila lebih dari satu / the event when there are several')
    .option('--version <n>', 'versi penetapan (bawaan: terbaru) / penetapan version (default: the latest)', (v) => Number.parseInt(v, 10))
    .action((options: { db: string; out: string; eventId?: string; version?: number }) => {
      const file = readWorkspace(options.db, (db) =>
        penetapanFile(db, workspaceEvent(db, options.eventId, options.db).id, options.version),
      );
      writeFileSync(options.out, file.text);
      cli.io.out(
        cli.lang() === 'id'
          ? `Penetapan versi ${file.version} ditulis: ${options.out}`
          : `Penetapan version ${file.version} written: ${options.out}`,
      );
    });
}

/**
 * `timbang verify --penetapan FILE [--event PKG SHEETS…]`: the record's signature (and its key against the
 * pin); with the package and sheets, that they are the files it lists and that merging them as it says
 * (its rule, decisions, special awards) gives its results hash. Exit 1 on any mismatch.
 */
export async function verifyPenetapanCommand(
  cli: CliContext,
  file: string,
  options: { event?: string; json?: boolean } & PinOptions,
  sheets: string[],
): Promise<void> {
  const lang = cli.lang();
  const record = readPenetapan(new Uint8Array(readFileSync(file)), basename(file));
  const pin = secretariatPin(options);
  const problems: { id: string; en: string }[] = [];
  if (pin && pin.fingerprint !== record.secretariat.fingerprint) {
    problems.push({
      id: `ditandatangani kunci ${record.secretariat.fingerprint}, bukan kunci sekretariat yang disematkan ${pin.fingerprint} (${pin.from.id})`,
      en: `signed with key ${record.secretariat.fingerprint}, not the pinned secretariat key ${pin.fingerprint} (${pin.from.en})`,
    });
  }
  let recomputed: string | null = null;
  if (options.event) {
    const pkg = readPackage(new Uint8Array(readFileSync(options.event)), options.event);
    if (pin) requireSecretariat(pkg, pin.fingerprint, pin.from);
    if (pkg.event.id !== record.eventId)
      problems.push({
        id: `paket untuk acara ${pkg.event.id}, penetapan untuk ${record.eventId}`,
        en: `the package is for event ${pkg.event.id}, the penetapan for ${record.eventId}`,
      });
    if (pkg.secretariat.publicKey !== record.secretariat.publicKey) {
      problems.push({
        id: `paket ditandatangani kunci ${pkg.secretariat.fingerprint}, penetapan kunci ${record.secretariat.fingerprint}`,
        en: `the package is signed with key ${pkg.secretariat.fingerprint}, the penetapan with ${record.secretariat.fingerprint}`,
      });
    }
    const { event, results, hashes } = await verifyFiles(options.event, sheets, pin);
    const reconciled = reconcile(
      event,
      results.map((r, i) => ({ file: `${r.file}\u0000${String(i).padStart(6, '0')}`, payload: r.status === 'valid' ? r.payload : null })),
    );
    const given = new Set(hashes);
    for (const sheet of record.sheets.filter((s) => s.use === 'used' && !given.has(s.fileHash))) {
      problems.push({
        id: `lembar yang dipakai penetapan tidak diberikan: ${sheet.fileName} (${sheet.fileHash})`,
        en: `a sheet the penetapan used is not given: ${sheet.fileName} (${sheet.fileHash})`,
      });
    }
    const used = new Set(record.sheets.filter((s) => s.use === 'used').map((s) => s.fileHash));
    results.forEach((r, i) => {
      if (reconciled.files[i].use === 'used' && !used.has(hashes[i]))
        problems.push({
          id: `lembar yang tidak dipakai penetapan: ${basename(r.file)}`,
          en: `a sheet the penetapan did not use: ${basename(r.file)}`,
        });
    });
    recomputed = deliberate(
      event,
      record.rule,
      reconciled,
      reconciled.files.map((f) => f.use),
      record.decisions,
      record.specialAwards,
    ).resultsHash;
    if (recomputed !== record.resultsHash) {
      problems.push({
        id: `penggabungan ulang memberi hash hasil ${recomputed}, penetapan menyebut ${record.resultsHash}`,
        en: `merging again gives results hash ${recomputed}, the penetapan says ${record.resultsHash}`,
      });
    }
  }
  if (options.json) {
    cli.io.out(
      JSON.stringify(
        { file, valid: problems.length === 0, pinned: pin !== null, recomputedHash: recomputed, problems, record: summary(record) },
        null,
        2,
      ),
    );
  } else {
    cli.io.out(describe(record, lang));
    if (recomputed !== null && problems.length === 0)
      cli.io.out(
        lang === 'id'
          ? `Penggabungan ulang ${sheets.length} lembar memberi hash yang sama: cocok.`
          : `Merging the ${sheets.length} sheets again gives the same hash: it matches.`,
      );
    if (!pin)
      cli.io.err(
        lang === 'id'
          ? 'Perhatian: kunci sekretariat belum disematkan (--secretariat atau --db); tanda tangan hanya dicek dengan kunci yang disebut rekaman itu sendiri.'
          : 'Attention: secretariat key not pinned (--secretariat or --db); the signature is only checked with the key the record names itself.',
      );
    for (const p of problems) cli.io.out(`  ✗ ${p[lang]}`);
  }
  if (problems.length > 0) cli.fail();
}

function summary(record: PenetapanPayload) {
  const { sheets, decisions: chosen, specialAwards: special, awards, absences, ...rest } = record;
  return {
    ...rest,
    sheets: sheets.length,
    decisions: chosen.length,
    specialAwards: special.length,
    awards: awards.reduce((n, a) => n + a.places.reduce((m, p) => m + p.nomineeIds.length, 0), 0),
    absences: absences.length,
  };
}

function describe(record: PenetapanPayload, lang: Lang): string {
  const awards = record.awards.reduce((n, a) => n + a.places.reduce((m, p) => m + p.nomineeIds.length, 0), 0);
  const used = record.sheets.filter((s) => s.use === 'used').length;
  return lang === 'id'
    ? [
        `Penetapan versi ${record.version}${record.supersedes ? ` (menggantikan versi ${record.supersedes})` : ''} — ${record.eventName}: tanda tangan sah.`,
        `  ditetapkan ${record.fixedAt} oleh ${record.fixedBy}; kunci sekretariat ${record.secretariat.fingerprint}`,
        `  aturan ${record.rule}, hash hasil ${record.resultsHash}`,
        `  ${record.sheets.length} berkas (${used} dipakai), ${record.decisions.length} keputusan pleno, ${awards} penghargaan tempat, ${record.specialAwards.length} penghargaan khusus, ${record.absences.length} juri berhalangan`,
        `  diperiksa: operator ${record.audit.operator}, dikonfirmasi ${record.audit.confirmedBy}`,
      ].join('\n')
    : [
        `Penetapan version ${record.version}${record.supersedes ? ` (supersedes version ${record.supersedes})` : ''} — ${record.eventName}: signature valid.`,
        `  fixed ${record.fixedAt} by ${record.fixedBy}; secretariat key ${record.secretariat.fingerprint}`,
        `  rule ${record.rule}, results hash ${record.resultsHash}`,
        `  ${record.sheets.length} files (${used} used), ${record.decisions.length} plenary decisions, ${awards} place awards, ${record.specialAwards.length} special awards, ${record.absences.length} jurors absent`,
        `  audited: operator ${record.audit.operator}, confirmed by ${record.audit.confirmedBy}`,
      ].join('\n');
}

/**
 * `timbang report --penetapan FILE`: the report prints as final only when the record (signed by the key
 * that signed the package, and pinned when a pin is given) fixed exactly the results of these sheets,
 * merged by its rule with its decisions and special awards. The merged summary becomes that one.
 */
export function finalUnderPenetapan(
  file: string,
  merged: DeliberatedFiles,
  pin: SecretariatPin | null,
  rule: MergeRule | undefined,
): MinutesStatus {
  const record = readPenetapan(new Uint8Array(readFileSync(file)), basename(file));
  const refuse = (id: string, en: string) =>
    new AppError('invalid-input', { id: `Penetapan ${basename(file)}: ${id}`, en: `Penetapan ${basename(file)}: ${en}` });
  if (pin && pin.fingerprint !== record.secretariat.fingerprint)
    throw refuse(
      `ditandatangani kunci ${record.secretariat.fingerprint}, bukan kunci yang disematkan.`,
      `signed with key ${record.secretariat.fingerprint}, not the pinned key.`,
    );
  if (record.secretariat.fingerprint !== merged.signer.fingerprint)
    throw refuse(
      `ditandatangani kunci ${record.secretariat.fingerprint}, paket acara kunci ${merged.signer.fingerprint}.`,
      `signed with key ${record.secretariat.fingerprint}, the event package with ${merged.signer.fingerprint}.`,
    );
  if (record.eventId !== merged.event.id)
    throw refuse(`untuk acara ${record.eventId}, bukan ${merged.event.id}.`, `is for event ${record.eventId}, not ${merged.event.id}.`);
  if (rule && rule !== record.rule)
    throw refuse(
      `menetapkan hasil dengan aturan ${record.rule}, bukan ${rule}.`,
      `fixed the results by the rule ${record.rule}, not ${rule}.`,
    );
  const summary = deliberate(
    merged.event,
    record.rule,
    merged.reconciled,
    merged.reconciled.files.map((f) => f.use),
    record.decisions,
    record.specialAwards,
  );
  if (summary.resultsHash !== record.resultsHash) {
    throw refuse(
      `lembar-lembar ini memberi hash hasil ${summary.resultsHash}, penetapan versi ${record.version} menetapkan ${record.resultsHash}.`,
      `these sheets give results hash ${summary.resultsHash}, penetapan version ${record.version} fixed ${record.resultsHash}.`,
    );
  }
  merged.summary = summary;
  return { final: true, version: record.version, supersedes: record.supersedes, fixedAt: record.fixedAt, fixedBy: record.fixedBy };
}
