/**
 * Pinning the secretariat's key for `timbang verify`, `merge` and `report`: `--secretariat "12345 67890 …"`
 * (the fingerprint the secretariat reads out, with or without spaces) or `--db W` (the key of the
 * secretariat's own workspace, read without the passphrase and without writing to the file). A package
 * names its own signer, so without a pin anyone can re-sign one with other juror keys and weights.
 */
import Database from 'better-sqlite3';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { AppError } from '../../api/errors.ts';
import type { Bilingual } from '../../core/model.ts';
import { KeyStore } from '../../services/keys/key-store.ts';

export interface PinOptions {
  secretariat?: string;
  db?: string;
}

export interface SecretariatPin {
  /** Five groups of five digits, as the app shows it. */
  fingerprint: string;
  /** Where the pin came from, for messages. */
  from: Bilingual;
  /**
   * With --db: the events that workspace prepared, id → current revision. A package must be the workspace's
   * current one: an older revision may still carry a juror key since removed, or other weights.
   */
  authored?: ReadonlyMap<string, number>;
}

/** A fingerprint as typed (spaces or dashes anywhere, or none) → "12345 67890 12345 67890 12345". */
export function parseFingerprint(value: string): string {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{25}$/.test(digits)) {
    throw new InvalidArgumentError(
      'sidik jari sekretariat adalah 25 angka (lima kelompok lima angka, dengan atau tanpa spasi) / the secretariat fingerprint is 25 digits (five groups of five, with or without spaces)',
    );
  }
  return digits.match(/\d{5}/g)!.join(' ');
}

/** Adds --secretariat and --db (one or the other) to a command that reads an event package. */
export function pinOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--secretariat <fingerprint>',
        'sidik jari kunci sekretariat yang disematkan, mis. "12345 67890 12345 67890 12345" / the pinned secretariat key fingerprint',
      )
        .argParser(parseFingerprint)
        .conflicts('db'),
    )
    .addOption(
      new Option(
        '--db <path>',
        'berkas kerja sekretariat: kuncinya yang disematkan (dibaca saja, tanpa frasa sandi) / secretariat workspace whose key is pinned (read only, no passphrase)',
      ),
    );
}

/** The pin the options ask for, or null when there is none (the output then says the key is not pinned). */
export function secretariatPin(options: PinOptions): SecretariatPin | null {
  if (options.secretariat) {
    return { fingerprint: options.secretariat, from: { id: 'dari --secretariat', en: 'from --secretariat' } };
  }
  if (options.db)
    return { ...readWorkspacePin(options.db), from: { id: `kunci berkas kerja ${options.db}`, en: `the key of workspace ${options.db}` } };
  return null;
}

/**
 * With --db, the package must also be that workspace's own event at its current revision: the key alone
 * would let an older package through (one carrying a juror key the secretariat has since removed).
 * With --secretariat alone the revision cannot be checked; the output says which revision was used.
 */
export function requireCurrentPackage(pin: SecretariatPin, eventId: string, revision: number, packageFile: string): void {
  if (!pin.authored) return;
  const current = pin.authored.get(eventId);
  if (current === undefined) {
    throw new AppError('invalid-input', {
      id: `Paket ${packageFile} untuk acara '${eventId}', yang tidak disiapkan di ${pin.from.id}. Pakai berkas kerja sekretariat acara itu.`,
      en: `Package ${packageFile} is for event '${eventId}', which was not prepared in ${pin.from.en}. Use the workspace of that event's secretariat.`,
    });
  }
  if (revision !== current) {
    throw new AppError('invalid-input', {
      id: `Paket ${packageFile} revisi ${revision}, tetapi revisi acara di berkas kerja sekretariat sekarang ${current}: paket lama bisa memuat kunci juri yang sudah dicabut atau bobot lain. Terbitkan dan pakai paket terbaru (npx timbang event package).`,
      en: `Package ${packageFile} is revision ${revision}, but the event in the secretariat's workspace is now at revision ${current}: an older package may carry a juror key since removed, or other weights. Issue and use the latest package (npx timbang event package).`,
    });
  }
}

/** The fingerprint of a secretariat workspace's own signing key, read only (the public key needs no passphrase), and the events it prepared. */
function readWorkspacePin(path: string): { fingerprint: string; authored: Map<string, number> } {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch {
    throw new AppError('not-found', {
      id: `Berkas kerja ${path} tidak ada (atau tidak dapat dibuka).`,
      en: `Workspace ${path} does not exist (or cannot be opened).`,
    });
  }
  try {
    let status: ReturnType<KeyStore['status']>;
    let events: { id: string; revision: number; source: string }[];
    try {
      status = new KeyStore(db).status();
      events = db.prepare('SELECT id, revision, source FROM event').all() as { id: string; revision: number; source: string }[];
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError('workspace-unreadable', {
        id: `Berkas kerja ${path} tidak dapat dibaca sebagai berkas kerja Timbang (${reason}).`,
        en: `Workspace ${path} cannot be read as a Timbang workspace (${reason}).`,
      });
    }
    const sources = events.map((e) => e.source);
    if (sources.includes('package') && !sources.includes('authored')) {
      throw new AppError('invalid-input', {
        id: `${path} adalah berkas kerja juri, bukan sekretariat: kuncinya kunci juri. Pakai berkas kerja sekretariat, atau --secretariat dengan sidik jari yang dibacakan sekretariat.`,
        en: `${path} is a juror's workspace, not the secretariat's: its key is a juror's. Use the secretariat's workspace, or --secretariat with the fingerprint the secretariat reads out.`,
      });
    }
    if (status.state === 'none' || !status.fingerprint) {
      throw new AppError('not-found', {
        id: `Berkas kerja ${path} belum punya kunci tanda tangan, jadi belum pernah menerbitkan paket acara; tidak ada kunci untuk disematkan.`,
        en: `Workspace ${path} has no signing key yet, so it has never issued an event package; there is no key to pin.`,
      });
    }
    return {
      fingerprint: status.fingerprint,
      authored: new Map(events.filter((e) => e.source === 'authored').map((e) => [e.id, e.revision])),
    };
  } finally {
    db.close();
  }
}
