/**
 * "Pindahkan berkas kerja": one file (.timbang-pindah) that carries a whole workspace to another laptop,
 * with its private key. A key sealed by the OS keychain opens only on the laptop (and account) that sealed
 * it, so copying workspace.sqlite or a backup gives a workspace that cannot sign; this file re-seals the key
 * under a passphrase chosen at export (never the OS seal), and the importing laptop seals it again with its
 * own keychain (or keeps that passphrase where there is none).
 *
 * The file (docs/formats.md §13):
 *   line 1  "TIMBANG-PINDAH 1"
 *   line 2  the header, one line of JSON: what it holds (events, the key's public half and its passphrase
 *           seal, the database's cipher parameters)
 *   rest    the database: a consistent copy (VACUUM INTO) with the old laptop's seals of the key cleared,
 *           encrypted with AES-256-GCM under a key from scrypt(passphrase), so a lost USB stick shows no
 *           marks, and a changed byte is refused.
 *
 * Importing puts the database into the open workspace with SQLite's online backup (so the app keeps its
 * connection and its lock) after keeping what was there as a backup; a workspace that already holds an event
 * or a key is replaced only when asked to.
 */
import Database from 'better-sqlite3';
import { createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { MovedWorkspace } from '../../api/contract/continuity.ts';
import { AppError } from '../../api/errors.ts';
import type { Bilingual } from '../../core/model.ts';
import { listEvents } from '../events/event-store.ts';
import {
  MIN_PASSPHRASE_LENGTH,
  openWithPassphrase,
  PassphraseSealed,
  passphraseKey,
  sealBytes,
  sealWithPassphrase,
  type KeyStore,
} from '../keys/key-store.ts';
import { fingerprint } from '../keys/signing.ts';
import { backupWorkspace } from '../workspace/backup.ts';
import { LATEST_SCHEMA_VERSION, migrate, type Workspace } from '../workspace/workspace.ts';
import { continuityMessages } from '../../core/messages/continuity.ts';

export const MOVE_EXTENSION = '.timbang-pindah';
const MAGIC = 'TIMBANG-PINDAH 1';

/**
 * scrypt's cost as a file may ask for it: bounded, so that a made-up file cannot make the laptop compute for
 * hours (p) or ask for more memory than the 64 MiB allowed (N, r). Timbang writes N = 2^15, r = 8, p = 1.
 */
const boundedCost = <T extends { N: number; r: number; p: number }>(seal: T) =>
  Number.isInteger(Math.log2(seal.N)) &&
  seal.N >= 2 ** 14 &&
  seal.N <= 2 ** 16 &&
  seal.r >= 1 &&
  seal.r <= 16 &&
  seal.p >= 1 &&
  seal.p <= 4;

const MoveHeader = z.strictObject({
  format: z.literal('timbang.workspace-move'),
  formatVersion: z.literal(1),
  createdAt: z.iso.datetime(),
  /** The schema version (PRAGMA user_version) of the database inside. */
  schemaVersion: z.number().int().min(1),
  /** What the workspace holds, to say so before anything is replaced: the list the import answers with (the contract's MovedWorkspace). */
  events: MovedWorkspace.shape.events,
  /** The workspace's key: its public half and the private half sealed by the export passphrase; null when it had none. */
  key: z
    .strictObject({ publicKey: z.string().min(1), fingerprint: z.string().min(1), sealed: PassphraseSealed.refine(boundedCost) })
    .nullable(),
  /** The database's encryption: scrypt parameters and salt, AES-256-GCM nonce and tag, and the plain length. */
  database: PassphraseSealed.omit({ ciphertext: true })
    .extend({ bytes: z.number().int().min(0) })
    .refine(boundedCost),
});
export type MoveHeader = z.infer<typeof MoveHeader>;

export interface MoveSummary {
  events: MoveHeader['events'];
  /** The key's fingerprint, or null when the workspace had no key. */
  fingerprint: string | null;
}

export interface MovedIn extends MoveSummary {
  /** How the key is sealed on this laptop now: by its keychain, or by the move passphrase. */
  protection: 'os' | 'passphrase' | null;
  /** The backup that keeps what this workspace held before (null: it held nothing worth keeping). */
  keptAs: string | null;
}

function requireMovePassphrase(passphrase: string): string {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError('invalid-input', continuityMessages.movePassphraseTooShort({ minimum: MIN_PASSPHRASE_LENGTH }));
  }
  return passphrase;
}

/**
 * The move file for a workspace: a consistent copy of its database and its key sealed by `passphrase`.
 * The key must be open (a workspace that has a key and cannot open it has nothing to move it with).
 */
export function exportWorkspace(ws: Workspace, keys: KeyStore, passphrase: string, now = new Date()): Buffer {
  requireMovePassphrase(passphrase);
  const status = keys.status();
  let key: MoveHeader['key'] = null;
  if (status.state !== 'none') {
    const pkcs8 = keys.exportPrivateKey(); // refused, saying so, while the key is locked
    key = { publicKey: status.publicKey!, fingerprint: status.fingerprint!, sealed: sealWithPassphrase(pkcs8, passphrase) };
  }
  const plain = consistentCopy(ws, now);
  const { seal, ciphertext: encrypted } = sealBytes(plain, passphrase);
  const header: MoveHeader = {
    format: 'timbang.workspace-move',
    formatVersion: 1,
    createdAt: now.toISOString(),
    schemaVersion: ws.db.pragma('user_version', { simple: true }) as number,
    events: listEvents(ws.db).map((e) => ({ id: e.id, name: e.name, source: e.source, revision: e.revision, jurorId: e.jurorId })),
    key,
    database: { ...seal, bytes: plain.length },
  };
  return Buffer.concat([Buffer.from(`${MAGIC}\n${JSON.stringify(header)}\n`, 'utf8'), encrypted]);
}

/**
 * VACUUM INTO a file beside the workspace (what the connection reads, WAL included), then the copy's seals of
 * the key are cleared (the old keychain's blob is useless elsewhere, and the backup passphrase's copy would be
 * one more thing to guess at) with secure_delete, and the copy read back and removed.
 */
function consistentCopy(ws: Workspace, now: Date): Buffer {
  const copy = `${ws.path}.pindahan-${now.toISOString().replaceAll(':', '-')}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    ws.db.prepare('VACUUM INTO ?').run(copy);
    const db = new Database(copy);
    try {
      db.pragma('secure_delete = ON');
      db.exec("UPDATE workspace_key SET sealed_private_key = '', recovery_sealed_private_key = NULL");
      db.exec('VACUUM');
    } finally {
      db.close();
    }
    return readFileSync(copy);
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  }
}

/** The header of a move file, or a refusal naming the file. */
export function readMoveHeader(bytes: Uint8Array, fileName: string): { header: MoveHeader; body: Buffer } {
  const refuse = (detail: Bilingual) => new AppError('invalid-file', continuityMessages.moveFile({ fileName, detail }));
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const first = buffer.indexOf(0x0a);
  if (first < 0 || buffer.subarray(0, first).toString('latin1') !== MAGIC) {
    throw refuse(continuityMessages.notAMoveFile());
  }
  const second = buffer.indexOf(0x0a, first + 1);
  if (second < 0) throw refuse(continuityMessages.moveFileTruncated());
  let header: MoveHeader;
  try {
    header = MoveHeader.parse(JSON.parse(buffer.subarray(first + 1, second).toString('utf8')));
  } catch {
    throw refuse(continuityMessages.moveHeaderUnexpected());
  }
  if (header.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new AppError(
      'workspace-too-new',
      continuityMessages.moveFileFromNewerTimbang({ fileName, schemaVersion: header.schemaVersion, latest: LATEST_SCHEMA_VERSION }),
    );
  }
  return { header, body: buffer.subarray(second + 1) };
}

/**
 * Puts a moved workspace in place of this one, opened with the passphrase chosen at export. Refused while
 * this workspace holds an event or a key, unless `replace` (then what it held is kept as a backup first);
 * refused, changing nothing, for a wrong passphrase or a changed file. The key is sealed again here:
 * KeyStore.adoptMoved.
 */
export async function importWorkspace(
  ws: Workspace,
  keys: KeyStore,
  bytes: Uint8Array,
  fileName: string,
  passphrase: string,
  { replace = false } = {},
  now = new Date(),
): Promise<MovedIn> {
  const { header, body } = readMoveHeader(bytes, fileName);
  const { database } = header;
  // The key first: a wrong passphrase is said before a second scrypt, and nothing is written.
  const pkcs8 = header.key ? openWithPassphrase(header.key.sealed, passphrase) : null;
  if (header.key && fingerprint(header.key.publicKey) !== header.key.fingerprint) {
    throw new AppError('invalid-file', continuityMessages.moveKeyFingerprintMismatch({ fileName }));
  }
  let plain: Buffer;
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      passphraseKey(passphrase, Buffer.from(database.salt, 'base64'), database),
      Buffer.from(database.iv, 'base64'),
    );
    decipher.setAuthTag(Buffer.from(database.tag, 'base64'));
    plain = Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new AppError(
      header.key ? 'invalid-file' : 'forbidden',
      header.key ? continuityMessages.moveFileDamaged({ fileName }) : continuityMessages.wrongMovePassphrase(),
    );
  }
  if (plain.length !== database.bytes) {
    throw new AppError('invalid-file', continuityMessages.moveFileTruncatedNothingChanged({ fileName }));
  }

  const here = listEvents(ws.db);
  const hasKey = keys.status().state !== 'none';
  if ((here.length > 0 || hasKey) && !replace) {
    const names = here.map((e) => `"${e.name}"`).join(', ');
    throw new AppError('conflict', continuityMessages.workspaceHereNotEmpty({ events: here.length, names, hasKey }), {
      events: here.map((e) => e.name),
      key: hasKey,
    });
  }

  // The plain database, checked as a database before it goes anywhere near the workspace.
  const incoming = `${ws.path}.pindahan-masuk-${now.toISOString().replaceAll(':', '-')}-${randomBytes(4).toString('hex')}.tmp`;
  let keptAs: string | null = null;
  try {
    writeFileSync(incoming, plain, { mode: 0o600 });
    const source = new Database(incoming, { fileMustExist: true });
    try {
      const check = source.pragma('integrity_check', { simple: true });
      const version = source.pragma('user_version', { simple: true }) as number;
      if (
        check !== 'ok' ||
        version !== header.schemaVersion ||
        !source.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event'").get()
      ) {
        throw new AppError('invalid-file', continuityMessages.moveFileNotAWorkspace({ fileName }));
      }
      const row = source.prepare('SELECT public_key FROM workspace_key WHERE id = 1').get() as { public_key: string } | undefined;
      if ((row?.public_key ?? null) !== (header.key?.publicKey ?? null)) {
        throw new AppError('invalid-file', continuityMessages.moveHeaderKeyMismatch({ fileName }));
      }
      if (here.length > 0 || hasKey) keptAs = basename(await backupWorkspace(ws, 'sebelum-pindahan', now));
      keys.forget();
      // Online backup into the open workspace: page by page, under SQLite's locks; the app's connection stays.
      await source.backup(ws.path);
    } finally {
      source.close();
    }
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(incoming + suffix, { force: true });
  }
  migrate(ws.db, ws.path); // a workspace from an older Timbang is brought up to date, as on opening
  let protection: MovedIn['protection'] = null;
  if (pkcs8 && header.key) {
    keys.adoptMoved(pkcs8, passphrase, header.key.sealed);
    protection = keys.status().protection;
  }
  return { events: header.events, fingerprint: header.key?.fingerprint ?? null, protection, keptAs };
}
