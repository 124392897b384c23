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
    .addOption(new Option('--secretariat <fingerprint>', 'sidik jari kunci sekretariat yang disematkan, mis. "12345 67890 12345 67890 12345" / the pinned secretariat key fingerprint')
      .argParser(parseFingerprint).conflicts('db'))
    .addOption(new Option('--db <path>', 'berkas kerja sekretariat: kuncinya yang disematkan (dibaca saja, tanpa frasa sandi) / secretariat workspace whose key is pinned (read only, no passphrase)'));
}

/** The pin the options ask for, or null when there is none (the output then says the key is not pinned). */
export function secretariatPin(options: PinOptions): SecretariatPin | null {
  if (options.secretariat) {
    return { fingerprint: options.secretariat, from: { id: 'dari --secretariat', en: 'from --secretariat' } };
  }
  if (options.db) return { fingerprint: workspaceKeyFingerprint(options.db), from: { id: `kunci berkas kerja ${options.db}`, en: `the key of workspace ${options.db}` } };
  return null;
}

/** The fingerprint of a secretariat workspace's own signing key, read only: the public key needs no passphrase. */
export function workspaceKeyFingerprint(path: string): string {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch {
    throw new AppError('not-found', { id: `Berkas kerja ${path} tidak ada (atau tidak dapat dibuka).`, en: `Workspace ${path} does not exist (or cannot be opened).` });
  }
  try {
    let status: ReturnType<KeyStore['status']>;
    let sources: string[];
    try {
      status = new KeyStore(db).status();
      sources = (db.prepare('SELECT source FROM event').all() as { source: string }[]).map((e) => e.source);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError('workspace-unreadable', {
        id: `Berkas kerja ${path} tidak dapat dibaca sebagai berkas kerja Timbang (${reason}).`,
        en: `Workspace ${path} cannot be read as a Timbang workspace (${reason}).`,
      });
    }
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
    return status.fingerprint;
  } finally {
    db.close();
  }
}
