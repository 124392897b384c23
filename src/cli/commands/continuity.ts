/**
 * Continuity from the command line (issue 21): `timbang workspace export|import` (move a workspace to another
 * laptop), `timbang resume` (a juror's new laptop takes back the marks of their own signed sheets),
 * `timbang reenrol` (the secretariat re-enrols a juror from a new laptop: a key change), `timbang key recovery`
 * (the secretariat's recovery code, given once), `timbang secretariat rollover` (a new secretariat workspace
 * takes the event over with a new key) and `timbang runbook` (the printed emergency guide).
 *
 * Passphrases come from the environment, never from flags (they would stay in the shell history):
 * TIMBANG_PASSPHRASE opens (or makes) the workspace key as in every other command; `workspace export` seals the
 * file with TIMBANG_MOVE_PASSPHRASE when set, else with TIMBANG_PASSPHRASE; `secretariat rollover --old-db`
 * opens the old key with TIMBANG_OLD_PASSPHRASE.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../api/errors.ts';
import { cliMessages } from '../../core/messages/cli.ts';
import type { Bilingual } from '../../core/model.ts';
import { listKeyChanges, reenrol } from '../../services/continuity/juror-keys.ts';
import { resumeFromSheets } from '../../services/continuity/resume.ts';
import { runbookHtml } from '../../services/continuity/runbook.ts';
import {
  createRecoveryKey,
  currentRecoveryKey,
  findRecoveryCode,
  recoveryFileText,
  takeOverEvent,
  type RolloverSigner,
} from '../../services/continuity/secretariat-keys.ts';
import { exportWorkspace, importWorkspace } from '../../services/continuity/workspace-move.ts';
import { authoredEvent } from '../../services/events/authored.ts';
import { listEvents } from '../../services/events/event-store.ts';
import { KeyStore } from '../../services/keys/key-store.ts';
import { readEnrolment } from '../../services/packages/enrolment.ts';
import { readPackage } from '../../services/packages/event-package.ts';
import { renderPdfWithChromium } from '../../services/report/render-pdf.ts';
import { openWorkspace, type Workspace } from '../../services/workspace/workspace.ts';
import { PASSPHRASE_VARIABLE, type CliContext } from '../context.ts';

export const MOVE_PASSPHRASE_VARIABLE = 'TIMBANG_MOVE_PASSPHRASE';
export const OLD_PASSPHRASE_VARIABLE = 'TIMBANG_OLD_PASSPHRASE';

function passphrase(variable: string, purpose: Bilingual): string {
  const value = process.env[variable];
  if (!value) {
    throw new AppError('key-locked', cliMessages.setPassphrase({ purpose, variable }));
  }
  return value;
}

async function withWorkspace<T>(path: string, options: { mustExist?: boolean }, work: (ws: Workspace) => Promise<T> | T): Promise<T> {
  const ws = openWorkspace(path, options);
  try {
    return await work(ws);
  } finally {
    ws.close();
  }
}

/** A recovery code written to a file (mode 0600, never over an existing file) or, without one, to stdout once. */
function handOutRecoveryCode(cli: CliContext, made: ReturnType<typeof createRecoveryKey>, eventName: string | null, out?: string): void {
  if (out) {
    if (existsSync(out)) throw new AppError('conflict', cliMessages.recoveryFileExists({ out }));
    writeFileSync(out, recoveryFileText(made, eventName), { mode: 0o600, flag: 'wx' });
    cli.io.out(cli.say(cliMessages.recoveryCodeWritten({ fingerprint: made.fingerprint, out })));
    return;
  }
  cli.io.out(cli.say(cliMessages.recoveryCodeShown({ fingerprint: made.fingerprint })));
  cli.io.out(`  ${made.code}`);
}

export function registerContinuityCommands(program: Command, cli: CliContext): void {
  const workspace = program.command('workspace').description('pindahkan berkas kerja ke laptop lain / move a workspace to another laptop');
  workspace
    .command('export')
    .description(
      `tulis berkas pindahan (.timbang-pindah): berkas kerja dan kuncinya, disegel frasa sandi ${MOVE_PASSPHRASE_VARIABLE} (atau ${PASSPHRASE_VARIABLE}) / write the move file: the workspace and its key, sealed by a passphrase`,
    )
    .requiredOption('--db <path>', 'berkas kerja / workspace')
    .requiredOption('--out <file>', 'berkas .timbang-pindah / .timbang-pindah file')
    .action(async (options: { db: string; out: string }) => {
      await withWorkspace(options.db, { mustExist: true }, (ws) => {
        const keys = new KeyStore(ws.db);
        if (keys.status().state !== 'none') keys.unlock(passphrase(PASSPHRASE_VARIABLE, cliMessages.passphraseOfKey()));
        const sealWith = process.env[MOVE_PASSPHRASE_VARIABLE] || passphrase(PASSPHRASE_VARIABLE, cliMessages.passphraseForMove());
        writeFileSync(options.out, exportWorkspace(ws, keys, sealWith), { mode: 0o600 });
        const status = keys.status();
        cli.io.out(
          cli.say(cliMessages.moveFileWritten({ out: options.out, events: listEvents(ws.db).length, fingerprint: status.fingerprint })),
        );
      });
    });
  workspace
    .command('import')
    .description(`terima berkas pindahan ke berkas kerja (frasa sandi dari ${PASSPHRASE_VARIABLE}) / receive a move file into a workspace`)
    .argument('<file>', 'berkas .timbang-pindah / .timbang-pindah file')
    .requiredOption('--db <path>', 'berkas kerja tujuan (baru) / target workspace (new)')
    .option(
      '--replace',
      'ganti berkas kerja yang sudah berisi (isinya disimpan sebagai cadangan dulu) / replace a workspace that holds something (kept as a backup first)',
    )
    .action(async (file: string, options: { db: string; replace?: boolean }) => {
      const secret = passphrase(PASSPHRASE_VARIABLE, cliMessages.passphraseOfMoveFile());
      await withWorkspace(options.db, {}, async (ws) => {
        const moved = await importWorkspace(ws, new KeyStore(ws.db), new Uint8Array(readFileSync(file)), basename(file), secret, {
          replace: options.replace,
        });
        const events =
          moved.events
            .map((e) => `${e.name} (${e.id}, ${cli.say(cliMessages.revision())} ${e.revision}${e.jurorId ? `, ${e.jurorId}` : ''})`)
            .join('; ') || '—';
        cli.io.out(cli.say(cliMessages.workspaceMoved({ db: options.db, events })));
        if (moved.fingerprint) cli.io.out(cli.say(cliMessages.movedKey({ fingerprint: moved.fingerprint, variable: PASSPHRASE_VARIABLE })));
        if (moved.keptAs) cli.io.out(cli.say(cliMessages.movedKeptAs({ keptAs: moved.keptAs })));
      });
    });

  program
    .command('resume')
    .description(
      "juri: pulihkan nilai dari lembar nilai bertanda tangan sendiri di laptop baru / juror: take back the marks of one's own signed sheets on a new laptop",
    )
    .requiredOption('--db <path>', 'berkas kerja juri / juror workspace')
    .option('--event <id>', 'id acara / event id')
    .argument('<sheets...>', 'lembar nilai (.xlsx) / score sheets')
    .action(async (sheets: string[], options: { db: string; event?: string }) => {
      await withWorkspace(options.db, { mustExist: true }, async (ws) => {
        const eventId = options.event ?? listEvents(ws.db).find((e) => e.source === 'package')?.id;
        if (!eventId) throw new AppError('not-found', cliMessages.noPackageEvent());
        const result = await resumeFromSheets(
          ws.db,
          new KeyStore(ws.db),
          eventId,
          sheets.map((s) => ({ fileName: basename(s), bytes: new Uint8Array(readFileSync(s)) })),
        );
        for (const s of result.sheets) {
          cli.io.out(
            cli.say(
              cliMessages.resumedSheet({
                fileName: s.fileName,
                revision: s.sheetRevision,
                signedWith: s.signedWith,
                previousKey: s.previousKey,
                marks: s.marks,
              }),
            ),
          );
        }
        cli.io.out(
          cli.say(
            cliMessages.resumed({
              marks: result.marks,
              unchanged: result.unchanged,
              notes: result.notes,
              conflicts: result.conflicts,
              finalized: result.finalized.length,
              next: result.nextSheetRevision,
            }),
          ),
        );
        for (const n of result.notFinalized) cli.io.err(cli.say(n.reason));
      });
    });

  program
    .command('reenrol')
    .description(
      'sekretariat: daftarkan ulang juri dari laptop baru (laptop hilang atau rusak); kunci lama terikat pada kunci baru / secretariat: re-enrol a juror from a new laptop; the old key is bound to the new one',
    )
    .requiredOption('--db <path>', 'berkas kerja sekretariat / secretariat workspace')
    .requiredOption('--reason <text>', 'alasan, mis. "laptop hilang" / reason, e.g. "laptop lost"')
    .argument('<file>', 'berkas .timbang-enrol dari laptop baru / .timbang-enrol file from the new laptop')
    .action(async (file: string, options: { db: string; reason: string }) => {
      await withWorkspace(options.db, { mustExist: true }, async (ws) => {
        const payload = readEnrolment(new Uint8Array(readFileSync(file)), basename(file));
        authoredEvent(ws.db, payload.eventId);
        const { enrolment, change } = await reenrol(ws.db, payload, basename(file), options.reason);
        if (!change) {
          cli.io.out(`${enrolment.jurorId} · ${enrolment.name} · ${enrolment.fingerprint}`);
          return;
        }
        cli.io.out(
          cli.say(
            cliMessages.reenrolled({
              jurorId: change.jurorId,
              previous: change.previousFingerprint,
              next: change.nextFingerprint,
              after: change.continuesAfterRevision,
            }),
          ),
        );
        cli.io.out(cli.say(cliMessages.keyChangesRecorded({ count: listKeyChanges(ws.db, payload.eventId).length })));
      });
    });

  const key = program.command('key').description('kunci berkas kerja / the workspace key');
  key
    .command('recovery')
    .description(
      'sekretariat: buat kunci pemulihan; kodenya diberikan sekali (untuk Ketua) / secretariat: make the recovery key; its code is given once (for the Ketua)',
    )
    .requiredOption('--db <path>', 'berkas kerja sekretariat / secretariat workspace')
    .option(
      '--out <file>',
      'tulis kode ke berkas ini (mode 0600) alih-alih ke layar / write the code to this file (mode 0600) instead of the screen',
    )
    .option(
      '--replace',
      'ganti kunci pemulihan yang ada (yang lama tidak berlaku sejak paket berikutnya) / replace the existing recovery key (the old one is void from the next package)',
    )
    .action(async (options: { db: string; out?: string; replace?: boolean }) => {
      await withWorkspace(options.db, { mustExist: true }, (ws) => {
        if (new KeyStore(ws.db).status().state === 'none') {
          throw new AppError('not-found', cliMessages.makeSecretariatKeyFirst());
        }
        const existing = currentRecoveryKey(ws.db);
        if (existing && !options.replace) {
          throw new AppError(
            'conflict',
            cliMessages.recoveryKeyExists({ fingerprint: existing.fingerprint, createdAt: existing.createdAt }),
          );
        }
        const events = listEvents(ws.db).filter((e) => e.source === 'authored');
        handOutRecoveryCode(cli, createRecoveryKey(ws.db), events.length === 1 ? events[0].name : null, options.out);
      });
    });

  program
    .command('secretariat')
    .description('kunci sekretariat / the secretariat key')
    .command('rollover')
    .description(
      'berkas kerja sekretariat baru mengambil alih acara dengan kunci baru, ditandatangani kode pemulihan atau kunci lama / a new secretariat workspace takes the event over with a new key, signed by the recovery code or the old key',
    )
    .requiredOption('--db <path>', 'berkas kerja sekretariat yang baru / the new secretariat workspace')
    .requiredOption(
      '--from-package <file>',
      'paket acara terakhir yang ditandatangani kunci lama / the last event package the old key signed',
    )
    .requiredOption('--reason <text>', 'alasan / reason')
    .option('--recovery-code <code>', 'kode pemulihan dari Ketua / the recovery code from the Ketua')
    .option('--recovery-file <file>', 'berkas kode pemulihan / the recovery code file')
    .option(
      '--old-db <path>',
      `berkas kerja lama, bila kuncinya masih dapat dibuka (${OLD_PASSPHRASE_VARIABLE}) / the old workspace, if its key still opens`,
    )
    .option('--recovery-out <file>', 'tulis kode pemulihan BARU ke berkas ini / write the NEW recovery code to this file')
    .action(
      async (options: {
        db: string;
        fromPackage: string;
        reason: string;
        recoveryCode?: string;
        recoveryFile?: string;
        oldDb?: string;
        recoveryOut?: string;
      }) => {
        const given = [options.recoveryCode, options.recoveryFile, options.oldDb].filter(Boolean).length;
        if (given !== 1) {
          throw new AppError('invalid-input', cliMessages.rolloverNeedsOneSigner());
        }
        const pkg = readPackage(new Uint8Array(readFileSync(options.fromPackage)), options.fromPackage);
        let signer: RolloverSigner;
        let old: Workspace | null = null;
        if (options.oldDb) {
          old = openWorkspace(options.oldDb, { mustExist: true });
          const oldKeys = new KeyStore(old.db);
          signer = {
            kind: 'previous',
            key: oldKeys.unlock(passphrase(OLD_PASSPHRASE_VARIABLE, cliMessages.passphraseOfOldKey())),
          };
        } else {
          const code = options.recoveryCode ?? findRecoveryCode(readFileSync(options.recoveryFile!, 'utf8'));
          if (!code) throw new AppError('invalid-input', cliMessages.noRecoveryCodeIn({ file: String(options.recoveryFile) }));
          signer = { kind: 'recovery', code };
        }
        try {
          await withWorkspace(options.db, {}, (ws) => {
            const keys = new KeyStore(ws.db);
            const secret = passphrase(PASSPHRASE_VARIABLE, cliMessages.passphraseOfNewSecretariatKey());
            const made = keys.status().state === 'none';
            const newKey = made ? keys.create(secret) : keys.unlock(secret);
            if (made) cli.io.out(cli.say(cliMessages.newKeyMade({ fingerprint: newKey.fingerprint })));
            const rollover = takeOverEvent(ws.db, newKey, pkg, signer, options.reason);
            cli.io.out(
              cli.say(
                cliMessages.eventTakenOver({
                  eventId: rollover.eventId,
                  previous: rollover.previousFingerprint,
                  next: rollover.nextFingerprint,
                  byRecovery: rollover.signedBy === 'recovery',
                  revision: rollover.revision,
                }),
              ),
            );
            // The recovery key that signed is spent: this workspace gets its own, handed out once.
            handOutRecoveryCode(cli, createRecoveryKey(ws.db), pkg.event.name, options.recoveryOut);
          });
        } finally {
          old?.close();
        }
      },
    );

  program
    .command('runbook')
    .description(
      'cetak panduan darurat: laptop hilang atau rusak, lupa frasa sandi, pindah laptop (A4 PDF) / print the emergency guide (A4 PDF)',
    )
    .requiredOption('--pdf <file>', 'berkas PDF keluaran / output PDF')
    .option('--html <file>', 'tulis juga HTML-nya / also write its HTML')
    .action(async (options: { pdf: string; html?: string }) => {
      const html = runbookHtml(cli.lang());
      if (options.html) writeFileSync(options.html, html);
      writeFileSync(options.pdf, await renderPdfWithChromium(html));
      cli.io.out(cli.say(cliMessages.runbookWritten({ pdf: options.pdf })));
    });
}
