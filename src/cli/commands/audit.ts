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
import type { Command } from 'commander';
import { AppError } from '../../api/errors.ts';
import { cliMessages } from '../../core/messages/cli.ts';
import { workspaceMessages } from '../../core/messages/workspace.ts';
import type { Bilingual, Event, MergeRule } from '../../core/model.ts';
import { auditChecklist, NO_RECORDS, type AuditFile, type AuditResult } from '../../services/audit/audit.ts';
import { attendanceItems, auditWith, workspaceAudit } from '../../services/audit/workspace-audit.ts';
import { withExcused } from '../../services/attendance/attendance.ts';
import { getEvent } from '../../services/events/event-store.ts';
import { deliberateReconciled } from '../../services/merge/merge-verified.ts';
import { plenaryRecords } from '../../services/merge/plenary-records.ts';
import type { Reconciliation } from '../../services/merge/reconcile.ts';
import { readPackage, requireSecretariat } from '../../services/packages/event-package.ts';
import { PENETAPAN_EXTENSION, penetapanFile, readPenetapan, type PenetapanPayload } from '../../services/penetapan/penetapan.ts';
import type { Db } from '../../services/workspace/workspace.ts';
import { openReadOnly } from '../../services/workspace/read-only.ts';
import type { CliContext } from '../context.ts';
import { pinOptions, secretariatPin, type PinOptions, type SecretariatPin } from './secretariat-pin.ts';
import {
  mergeFiles,
  signerJson,
  signerLine,
  verifyFiles,
  warnNotPinned,
  type DeliberatedFiles,
  type VerifiedFiles,
} from './sheet-files.ts';
import { mergeRuleOption } from './rule-option.ts';
import type { MinutesStatus } from '../../services/report/minutes-status.ts';

/** A secretariat workspace opened read only: the app may hold it open meanwhile. */
function readWorkspace<T>(path: string, use: (db: Db) => T): T {
  const db = openReadOnly(path);
  if (!db) throw new AppError('not-found', workspaceMessages.missing({ path }));
  try {
    return use(db);
  } catch (error) {
    if (error instanceof Error && /no such table/.test(error.message)) {
      throw new AppError('workspace-unreadable', cliMessages.workspaceTooOld({ path }));
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
      ids.length === 0 ? cliMessages.noSecretariatEvent({ path }) : cliMessages.chooseEventId({ ids: ids.join(', ') }),
    );
  }
  return getEvent(db, id);
}

function printAudit(audit: AuditResult, event: Event, cli: CliContext): void {
  cli.io.out(cli.say(cliMessages.auditHeading({ name: event.name, rule: audit.rule, hash: audit.resultsHash })));
  for (const item of audit.items) {
    cli.io.out(`${item.ok ? '✓' : '✗'} ${cli.say(item.title)} — ${cli.say(item.summary)}`);
    for (const finding of item.findings) cli.io.out(`    ${cli.say(finding)}`);
  }
  const failing = audit.items.filter((i) => !i.ok).length;
  cli.io.out(cli.say(failing === 0 ? cliMessages.auditPassed() : cliMessages.auditFailing({ failing })));
}

/** The checklist for sheet files against a package, with the plenary's records from `db` when given. */
async function auditFiles(
  packageFile: string,
  sheets: string[],
  pin: SecretariatPin | null,
  rule: MergeRule | undefined,
  dbPath: string | undefined,
) {
  const verified = await verifyFiles(packageFile, sheets, pin);
  const { event, signer } = verified;
  const audit = dbPath
    ? readWorkspace(dbPath, (db) => {
        // The plenary's decisions and special awards, as the app's deliberation takes them.
        const { reconciled, summary } = mergeFiles(verified, rule, plenaryRecords(db, event.id));
        return auditWith(db, event, withExcused(db, event.id, summary), auditRows(verified, reconciled));
      })
    : (() => {
        const { reconciled, summary } = mergeFiles(verified, rule);
        return auditChecklist(event, summary, auditRows(verified, reconciled), NO_RECORDS, attendanceItems(event, summary));
      })();
  return { event, audit, signer };
}

/** The audit's row per input file: what verification found and how the reconciliation used it. */
function auditRows({ results, hashes }: VerifiedFiles, reconciled: Reconciliation): AuditFile[] {
  return results.map((r, i) => ({
    fileName: basename(r.file),
    fileHash: hashes[i],
    status: r.status,
    use: reconciled.files[i].use,
    jurorId: r.juror,
    sheetRevision: r.revision,
  }));
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
      .addOption(mergeRuleOption())
      .option('--json', 'keluaran JSON / JSON output'),
  ).action(async (sheets: string[], options: { event?: string; eventId?: string; rule?: MergeRule; json?: boolean } & PinOptions) => {
    let event: Event;
    let audit: AuditResult;
    if (options.event) {
      if (sheets.length === 0) throw new AppError('invalid-input', cliMessages.auditNamesSheets());
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
      if (sheets.length > 0) throw new AppError('invalid-input', cliMessages.auditSheetsNeedEvent());
      ({ event, audit } = readWorkspace(options.db, (db) => {
        const found = workspaceEvent(db, options.eventId, options.db!);
        return { event: found, audit: workspaceAudit(db, found, options.rule ?? found.merge.rule).audit };
      }));
    } else {
      throw new AppError('invalid-input', cliMessages.auditNeedsInputs());
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
      cli.io.out(cli.say(cliMessages.penetapanWritten({ version: file.version, out: options.out })));
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
  const record = readPenetapan(new Uint8Array(readFileSync(file)), basename(file));
  const pin = secretariatPin(options);
  const problems: Bilingual[] = [];
  if (pin && pin.fingerprint !== record.secretariat.fingerprint) {
    problems.push(cliMessages.penetapanSignedByOther({ signed: record.secretariat.fingerprint, pinned: pin.fingerprint, from: pin.from }));
  }
  let recomputed: string | null = null;
  if (options.event) {
    const pkg = readPackage(new Uint8Array(readFileSync(options.event)), options.event);
    if (pin) requireSecretariat(pkg, pin.fingerprint, pin.from);
    if (pkg.event.id !== record.eventId)
      problems.push(cliMessages.penetapanPackageOtherEvent({ packageEvent: pkg.event.id, recordEvent: record.eventId }));
    if (pkg.secretariat.publicKey !== record.secretariat.publicKey) {
      problems.push(
        cliMessages.penetapanPackageOtherKey({ packageKey: pkg.secretariat.fingerprint, recordKey: record.secretariat.fingerprint }),
      );
    }
    const verified = await verifyFiles(options.event, sheets, pin);
    const { results, hashes } = verified;
    // Merged as the record says: its rule, decisions and special awards.
    const { reconciled, summary } = mergeFiles(verified, record.rule, { decisions: record.decisions, specialAwards: record.specialAwards });
    const given = new Set(hashes);
    for (const sheet of record.sheets.filter((s) => s.use === 'used' && !given.has(s.fileHash))) {
      problems.push(cliMessages.penetapanSheetMissing({ fileName: sheet.fileName, fileHash: sheet.fileHash }));
    }
    const used = new Set(record.sheets.filter((s) => s.use === 'used').map((s) => s.fileHash));
    results.forEach((r, i) => {
      if (reconciled.files[i].use === 'used' && !used.has(hashes[i]))
        problems.push(cliMessages.penetapanSheetNotUsed({ fileName: basename(r.file) }));
    });
    recomputed = summary.resultsHash;
    if (recomputed !== record.resultsHash) {
      problems.push(cliMessages.penetapanHashDiffers({ recomputed, recorded: record.resultsHash }));
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
    cli.io.out(cli.say(describe(record)));
    if (recomputed !== null && problems.length === 0) cli.io.out(cli.say(cliMessages.penetapanMatches({ count: sheets.length })));
    if (!pin) cli.io.err(cli.say(cliMessages.penetapanNotPinned()));
    for (const p of problems) cli.io.out(`  ✗ ${cli.say(p)}`);
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

function describe(record: PenetapanPayload): Bilingual {
  return cliMessages.penetapanRecord({
    version: record.version,
    supersedes: record.supersedes,
    eventName: record.eventName,
    fixedAt: record.fixedAt,
    fixedBy: record.fixedBy,
    fingerprint: record.secretariat.fingerprint,
    rule: record.rule,
    resultsHash: record.resultsHash,
    files: record.sheets.length,
    used: record.sheets.filter((s) => s.use === 'used').length,
    decisions: record.decisions.length,
    awards: record.awards.reduce((n, a) => n + a.places.reduce((m, p) => m + p.nomineeIds.length, 0), 0),
    specialAwards: record.specialAwards.length,
    absences: record.absences.length,
    operator: record.audit.operator,
    confirmedBy: record.audit.confirmedBy,
  });
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
  const refuse = (reason: Bilingual) => new AppError('invalid-input', cliMessages.penetapanRefused({ file: basename(file), reason }));
  const signed = record.secretariat.fingerprint;
  if (pin && pin.fingerprint !== signed) throw refuse(cliMessages.penetapanNotPinnedKey({ signed }));
  if (signed !== merged.signer.fingerprint)
    throw refuse(cliMessages.penetapanOtherPackageKey({ signed, packageKey: merged.signer.fingerprint }));
  if (record.eventId !== merged.event.id)
    throw refuse(cliMessages.penetapanForOtherEvent({ recordEvent: record.eventId, eventId: merged.event.id }));
  if (rule && rule !== record.rule) throw refuse(cliMessages.penetapanOtherRule({ recordRule: record.rule, rule }));
  // The same files merged again as the record says: its rule, decisions and special awards.
  const summary = deliberateReconciled(merged.event, record.rule, merged.reconciled, {
    decisions: record.decisions,
    specialAwards: record.specialAwards,
  }).deliberation;
  if (summary.resultsHash !== record.resultsHash) {
    throw refuse(cliMessages.penetapanOtherHash({ hash: summary.resultsHash, version: record.version, recorded: record.resultsHash }));
  }
  merged.summary = summary;
  return { final: true, version: record.version, supersedes: record.supersedes, fixedAt: record.fixedAt, fixedBy: record.fixedBy };
}
