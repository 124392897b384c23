/**
 * Pinning the secretariat's key for `timbang verify`, `merge` and `report`: `--secretariat "12345 67890 …"`
 * (the fingerprint the secretariat reads out, with or without spaces) or `--db W` (the key of the
 * secretariat's own workspace, read without the passphrase and without writing to the file). A package
 * names its own signer, so without a pin anyone can re-sign one with other juror keys and weights.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { AppError } from '../../api/errors.ts';
import { bothLanguages } from '../../core/messages/catalog.ts';
import { cliMessages } from '../../core/messages/cli.ts';
import { workspaceMessages } from '../../core/messages/workspace.ts';
import type { Bilingual } from '../../core/model.ts';
import { KeyStore } from '../../services/keys/key-store.ts';
import { openReadOnly } from '../../services/workspace/read-only.ts';

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
    throw new InvalidArgumentError(bothLanguages(cliMessages.badFingerprint()));
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
    return { fingerprint: options.secretariat, from: cliMessages.fromSecretariatOption() };
  }
  if (options.db) return { ...readWorkspacePin(options.db), from: cliMessages.fromWorkspaceKey({ path: options.db }) };
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
    throw new AppError('invalid-input', cliMessages.packageNotPrepared({ packageFile, eventId, from: pin.from }));
  }
  if (revision !== current) {
    throw new AppError('invalid-input', cliMessages.packageNotCurrent({ packageFile, revision, current }));
  }
}

/** The fingerprint of a secretariat workspace's own signing key, read only (the public key needs no passphrase), and the events it prepared. */
function readWorkspacePin(path: string): { fingerprint: string; authored: Map<string, number> } {
  const db = openReadOnly(path);
  if (!db) throw new AppError('not-found', workspaceMessages.missing({ path }));
  try {
    let status: ReturnType<KeyStore['status']>;
    let events: { id: string; revision: number; source: string }[];
    try {
      status = new KeyStore(db).status();
      events = db.prepare('SELECT id, revision, source FROM event').all() as { id: string; revision: number; source: string }[];
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError('workspace-unreadable', cliMessages.workspaceNotTimbang({ path, reason }));
    }
    const sources = events.map((e) => e.source);
    if (sources.includes('package') && !sources.includes('authored')) {
      throw new AppError('invalid-input', cliMessages.workspaceIsJurors({ path }));
    }
    if (status.state === 'none' || !status.fingerprint) {
      throw new AppError('not-found', cliMessages.workspaceHasNoKey({ path }));
    }
    return {
      fingerprint: status.fingerprint,
      authored: new Map(events.filter((e) => e.source === 'authored').map((e) => [e.id, e.revision])),
    };
  } finally {
    db.close();
  }
}
