/**
 * The event package (.timbang): the secretariat's signed file that puts an event on every juror's laptop.
 * It carries the event, a revision that only increases, the enrolled jurors' public keys, and the
 * secretariat's public key; a juror's workspace pins that key on first import and afterwards accepts
 * only newer revisions signed by it, keeping every score already given.
 */
import { z } from 'zod';
import { AppError } from '../../api/errors.ts';
import { Id, type Bilingual, type Event } from '../../core/model.ts';
import { formatIssue, validateEvent } from '../../core/validate-event.ts';
import type { UnlockedKey } from '../keys/key-store.ts';
import { generateKeyPairSync } from 'node:crypto';
import { canonicalJson, fingerprint, publicKeyText, sameFingerprint } from '../keys/signing.ts';
import { findEventRecord, listEvents, saveEvent } from '../events/event-store.ts';
import type { Db } from '../workspace/workspace.ts';
import { readSignedFile, writeSignedFile } from './signed-file.ts';

export const PACKAGE_EXTENSION = '.timbang';

export const JurorKey = z.strictObject({
  jurorId: Id,
  /** The juror's name as typed on their laptop at enrolment. */
  name: z.string(),
  publicKey: z.string().min(1),
  fingerprint: z.string().min(1),
});
export type JurorKey = z.infer<typeof JurorKey>;

const PackagePayload = z.strictObject({
  format: z.literal('timbang.package'),
  formatVersion: z.literal(1),
  revision: z.number().int().min(1),
  issuedAt: z.iso.datetime(),
  /** Checked by validateEvent after the signature, for messages that name the place. */
  event: z.unknown(),
  jurorKeys: z.array(JurorKey),
  secretariat: z.strictObject({ publicKey: z.string().min(1), fingerprint: z.string().min(1) }),
});
type PackagePayload = z.infer<typeof PackagePayload>;

export interface VerifiedPackage {
  event: Event;
  revision: number;
  issuedAt: string;
  jurorKeys: JurorKey[];
  secretariat: { publicKey: string; fingerprint: string };
  /** The file as received, kept so the workspace can show and re-verify what it imported. */
  text: string;
  /** The name of the file it came from, for messages about it. */
  fileName: string;
}

const KIND = { id: 'Paket acara', en: 'Event package', format: 'timbang.package' };

export function writePackage(event: Event, revision: number, issuedAt: string, jurorKeys: JurorKey[], key: UnlockedKey): string {
  const payload: PackagePayload = {
    format: 'timbang.package',
    formatVersion: 1,
    revision,
    issuedAt,
    event,
    jurorKeys,
    secretariat: { publicKey: key.publicKey, fingerprint: key.fingerprint },
  };
  return writeSignedFile(payload, key);
}

export function readPackage(bytes: Uint8Array, fileName: string): VerifiedPackage {
  const payload = readSignedFile(bytes, fileName, KIND, PackagePayload, (p) => p.secretariat.publicKey);
  const refuse = (id: string, en: string, details?: unknown) =>
    new AppError('invalid-file', { id: `${KIND.id} ${fileName}: ${id}`, en: `${KIND.en} ${fileName}: ${en}` }, details);
  if (fingerprint(payload.secretariat.publicKey) !== payload.secretariat.fingerprint) {
    throw refuse('sidik jari sekretariat tidak cocok dengan kuncinya.', "the secretariat's fingerprint does not match its key.");
  }
  const result = validateEvent(payload.event);
  if (!result.ok) {
    throw refuse(
      `acara di dalamnya tidak sah:\n${result.issues.map((i) => `- ${formatIssue(i, 'id')}`).join('\n')}`,
      `the event inside is not valid:\n${result.issues.map((i) => `- ${formatIssue(i, 'en')}`).join('\n')}`,
      result.issues,
    );
  }
  const jurorIds = new Set(result.event.jurors.map((j) => j.id));
  const keyed = new Set<string>();
  for (const juror of payload.jurorKeys) {
    // One key per juror: with two, which one a sheet is checked against would depend on their order.
    if (keyed.has(juror.jurorId)) throw refuse(`dua kunci untuk juri "${juror.jurorId}".`, `two keys for juror "${juror.jurorId}".`);
    keyed.add(juror.jurorId);
    if (!jurorIds.has(juror.jurorId)) throw refuse(`kunci untuk juri "${juror.jurorId}" yang tidak ada di acara.`, `a key for juror "${juror.jurorId}", who is not in the event.`);
    if (fingerprint(juror.publicKey) !== juror.fingerprint) throw refuse(`sidik jari juri ${juror.jurorId} tidak cocok dengan kuncinya.`, `juror ${juror.jurorId}'s fingerprint does not match their key.`);
  }
  return {
    event: result.event,
    revision: payload.revision,
    issuedAt: payload.issuedAt,
    jurorKeys: payload.jurorKeys,
    secretariat: payload.secretariat,
    text: new TextDecoder().decode(bytes),
    fileName,
  };
}

/**
 * Refuses a package that was not signed by the secretariat key the reader pinned: a fingerprint typed from
 * what the secretariat read out, or the key of the secretariat's own workspace (`pinnedFrom` says which).
 * A package carries its signer's public key, so its signature alone proves only that it is whole, not who
 * issued it: a re-signed package (other juror keys, other weights) verifies just as well.
 */
export function requireSecretariat(pkg: VerifiedPackage, pinned: string, pinnedFrom: Bilingual): void {
  if (sameFingerprint(pinned, pkg.secretariat.fingerprint)) return;
  throw new AppError('forbidden', {
    id: `${KIND.id} ${pkg.fileName} ditandatangani kunci sekretariat lain: sidik jari ${pkg.secretariat.fingerprint}, bukan ${pinned} yang disematkan (${pinnedFrom.id}). Paket ditolak; tidak ada lembar yang diperiksa atau digabung.`,
    en: `${KIND.en} ${pkg.fileName} is signed by another secretariat key: fingerprint ${pkg.secretariat.fingerprint}, not the pinned ${pinned} (${pinnedFrom.en}). Package refused; no sheet was verified or merged.`,
  });
}

/**
 * An event as a juror's laptop receives it, signed by a throwaway key made for the occasion and forgotten
 * at once (no later revision can follow it): how a juror tries the demo without a secretariat.
 */
export function demoPackage(demo: Event): VerifiedPackage {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const text = publicKeyText(publicKey);
  const file = writePackage(demo, 1, `${demo.yearHeld}-01-01T00:00:00.000Z`, [], { privateKey, publicKey: text, fingerprint: fingerprint(text) });
  return readPackage(new TextEncoder().encode(file), `${demo.id}-demo${PACKAGE_EXTENSION}`);
}

/** The juror keys in a package already verified on import (as kept in the workspace). */
export function packageJurorKeys(packageText: string): JurorKey[] {
  return z.array(JurorKey).parse((JSON.parse(packageText) as { payload: { jurorKeys: unknown } }).payload.jurorKeys);
}

export type PackageOutcome = 'new' | 'updated' | 'unchanged';

/**
 * Puts a verified package into a juror's workspace, or refuses it with a message that says why:
 * another event, another secretariat key, an older revision, the same revision with other contents,
 * or a revision that would drop nominees, criteria or jurors that already have scores.
 */
export function applyPackage(db: Db, pkg: VerifiedPackage, now = new Date()): { outcome: PackageOutcome; previousRevision: number | null } {
  const eventId = pkg.event.id;
  const other = listEvents(db).find((e) => e.id !== eventId && e.source === 'package');
  if (other) {
    throw new AppError('conflict', {
      id: `Laptop ini sudah dipakai untuk acara "${other.name}" (${other.id}); paket ${pkg.fileName} untuk acara lain, "${pkg.event.name}" (${eventId}).`,
      en: `This laptop is already set up for the event "${other.name}" (${other.id}); the package ${pkg.fileName} is for another event, "${pkg.event.name}" (${eventId}).`,
    });
  }
  const current = findEventRecord(db, eventId);
  if (current?.origin.source === 'authored') {
    throw new AppError('conflict', {
      id: `Acara "${pkg.event.name}" disusun di berkas kerja ini oleh sekretariat; paket ${pkg.fileName} tidak diimpor ke sini.`,
      en: `The event "${pkg.event.name}" is authored in this workspace by the secretariat; the package ${pkg.fileName} is not imported here.`,
    });
  }
  if (current?.origin.source === 'package') {
    if (current.origin.secretariatKey !== pkg.secretariat.publicKey) {
      throw new AppError('conflict', {
        id: `${KIND.id} ${pkg.fileName} ditandatangani kunci sekretariat lain (sidik jari ${pkg.secretariat.fingerprint}), bukan kunci yang dipakai sejak awal (${fingerprint(current.origin.secretariatKey)}). Paket ditolak.`,
        en: `${KIND.en} ${pkg.fileName} is signed by another secretariat key (fingerprint ${pkg.secretariat.fingerprint}), not the one used from the start (${fingerprint(current.origin.secretariatKey)}). Package refused.`,
      });
    }
    if (pkg.revision < current.revision) {
      throw new AppError('conflict', {
        id: `${KIND.id} ${pkg.fileName} revisi ${pkg.revision}, lebih lama dari revisi ${current.revision} yang sudah ada. Paket ditolak; tidak ada yang berubah.`,
        en: `${KIND.en} ${pkg.fileName} is revision ${pkg.revision}, older than revision ${current.revision} already here. Package refused; nothing changed.`,
      });
    }
    if (pkg.revision === current.revision) {
      if (samePackage(current.origin.packageText, pkg.text)) return { outcome: 'unchanged', previousRevision: current.revision };
      throw new AppError('conflict', {
        id: `${KIND.id} ${pkg.fileName} revisi ${pkg.revision} tetapi isinya berbeda dari revisi ${current.revision} yang sudah ada. Minta sekretariat menerbitkan revisi baru.`,
        en: `${KIND.en} ${pkg.fileName} is revision ${pkg.revision} but its contents differ from revision ${current.revision} already here. Ask the secretariat for a new revision.`,
      });
    }
  }
  if (current?.jurorId && !pkg.event.jurors.some((j) => j.id === current.jurorId)) {
    throw new AppError('conflict', {
      id: `${KIND.id} ${pkg.fileName}: revisi ${pkg.revision} tidak lagi memuat ${current.jurorId}, juri laptop ini. Paket ditolak; hubungi sekretariat.`,
      en: `${KIND.en} ${pkg.fileName}: revision ${pkg.revision} no longer includes ${current.jurorId}, this laptop's juror. Package refused; contact the secretariat.`,
    });
  }
  refuseDroppingScored(db, pkg.event);
  saveEvent(db, pkg.event, {
    revision: pkg.revision,
    revisedAt: pkg.issuedAt,
    origin: { source: 'package', packageText: pkg.text, secretariatKey: pkg.secretariat.publicKey },
  }, now);
  return { outcome: current ? 'updated' : 'new', previousRevision: current?.revision ?? null };
}

/** Two package files are the same revision if their signed payloads are equal as canonical JSON. */
function samePackage(a: string, b: string): boolean {
  const payload = (text: string) => canonicalJson((JSON.parse(text) as { payload: unknown }).payload);
  return payload(a) === payload(b);
}

function refuseDroppingScored(db: Db, event: Event): void {
  const scored = (column: string) =>
    (db.prepare(`SELECT DISTINCT ${column} AS id FROM score WHERE event_id = ?`).all(event.id) as { id: string }[]).map((r) => r.id);
  const missing = [
    ...scored('nominee_id').filter((id) => !event.nominees.some((n) => n.id === id)).map((id) => `nominasi/nominee ${id}`),
    ...scored('criterion_code').filter((code) => !event.criteria.some((c) => c.code === code)).map((code) => `kriteria/criterion ${code}`),
    ...scored('juror_id').filter((id) => !event.jurors.some((j) => j.id === id)).map((id) => `juri/juror ${id}`),
  ];
  if (missing.length > 0) {
    throw new AppError('conflict', {
      id: `Revisi ini menghapus yang sudah dinilai: ${missing.join(', ')}. Paket ditolak; nilai tetap aman.`,
      en: `This revision removes what already has scores: ${missing.join(', ')}. Package refused; scores are kept.`,
    });
  }
}
