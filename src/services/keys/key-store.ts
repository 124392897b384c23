/**
 * The workspace's own Ed25519 key pair, made on first use. The private key never rests unencrypted:
 * Electron's safeStorage (the OS keychain) seals it in the app; where that is absent (CLI, browser
 * bridge, tests, Linux without a keyring) a passphrase does, through scrypt and AES-256-GCM.
 * Once opened, the key lives in memory for the session only.
 *
 * A key sealed by the keychain also gets, at creation, a copy sealed by a backup passphrase: the keychain
 * can fail to open what it sealed (another desktop session, a reset Windows password, "Deny" on macOS),
 * and a juror's key must not be lost with it ("Buka dengan frasa sandi cadangan").
 *
 * The keychain answers asynchronously (safeStorage's async API; the synchronous one is deprecated in
 * Electron 45 and gone in 46), while create and unlock answer at once: the keychain's copy of a new key
 * is written when the keychain answers (until then, and if it never does, the backup copy holds the key),
 * and unlock asks the keychain, says "still opening" (KEYCHAIN_PENDING) until it has answered, and uses
 * the answer on the next call. The Electron main process retries that call itself once the keychain is
 * idle, so the user never sees it; `settled()` waits for the same.
 */
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  scryptSync,
  type KeyObject,
} from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../api/errors.ts';
import { keyMessages } from '../../core/messages/keys.ts';
import type { Bilingual } from '../../core/model.ts';
import type { Db } from '../workspace/workspace.ts';
import { fingerprint, publicKeyText, type PublicKeyText } from './signing.ts';

/** Seals secrets with the operating system's keychain (Electron safeStorage's async API); absent outside the app. */
export interface OsSecretStore {
  seal(secret: Buffer): Promise<Buffer>;
  /** shouldReEncrypt: the keychain's own key changed since this was sealed; seal it again and store that. */
  open(sealed: Buffer): Promise<{ secret: Buffer; shouldReEncrypt: boolean }>;
}

export type KeyProtection = 'os' | 'passphrase';

export interface KeyStatus {
  state: 'none' | 'locked' | 'unlocked';
  protection: KeyProtection;
  publicKey?: PublicKeyText;
  fingerprint?: string;
}

export interface UnlockedKey {
  privateKey: KeyObject;
  publicKey: PublicKeyText;
  fingerprint: string;
}

/**
 * The details of a 'key-locked' refusal: `keychain: 'pending'` while the keychain has not answered yet
 * (ask again); `recovery: true` when the keychain cannot open the key and the backup passphrase can.
 */
export interface KeyLockedDetails {
  keychain?: 'pending' | 'failed';
  recovery?: boolean;
}
export const KEYCHAIN_PENDING = 'pending';

/** scrypt cost: N = 2^15, r = 8 (about 32 MiB, a tenth of a second): slow to guess, quick to open. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
export const MIN_PASSPHRASE_LENGTH = 8;

export const PassphraseSealed = z.strictObject({
  kdf: z.literal('scrypt'),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.base64(),
  iv: z.base64(),
  tag: z.base64(),
  ciphertext: z.base64(),
});

type KeychainAnswer = { pending: true } | { pending: false; pkcs8: Buffer } | { pending: false; failure: string };

interface KeyRow {
  public_key: string;
  fingerprint: string;
  protection: KeyProtection;
  /** JSON of a passphrase seal, or the keychain's sealed bytes in base64 ('' while the keychain has not stored its copy). */
  sealed_private_key: string;
  /** With protection 'os': the same key sealed by the backup passphrase (null for a key made before migration 9). */
  recovery_sealed_private_key: string | null;
}

export class KeyStore {
  private readonly db: Db;
  private readonly os: OsSecretStore | undefined;
  private unlocked: UnlockedKey | undefined;
  /** What the keychain said when last asked to open the key (kept until the next unlock uses it). */
  private keychain: KeychainAnswer | undefined;
  private readonly background = new Set<Promise<void>>();

  constructor(db: Db, os?: OsSecretStore) {
    this.db = db;
    this.os = os;
  }

  status(): KeyStatus {
    const row = this.row();
    const protection = row?.protection ?? (this.os ? 'os' : 'passphrase');
    if (!row) return { state: 'none', protection };
    return { state: this.unlocked ? 'unlocked' : 'locked', protection, publicKey: row.public_key, fingerprint: row.fingerprint };
  }

  /**
   * Makes this workspace's key pair. Without the OS keychain the passphrase seals it; with the keychain,
   * the keychain seals it and the passphrase seals the backup copy, so a passphrase is always needed.
   */
  create(passphrase?: string, now = new Date()): UnlockedKey {
    if (this.row()) throw new AppError('conflict', keyMessages.alreadyThere());
    const secret = requirePassphrase(passphrase, this.os ? 'backup' : 'key');
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
    const text = publicKeyText(publicKey);
    const sealed = JSON.stringify(sealWithPassphrase(pkcs8, secret));
    this.db
      .prepare(
        'INSERT INTO workspace_key (id, public_key, fingerprint, protection, sealed_private_key, recovery_sealed_private_key, created_at) VALUES (1, ?, ?, ?, ?, ?, ?)',
      )
      .run(text, fingerprint(text), this.os ? 'os' : 'passphrase', this.os ? '' : sealed, this.os ? sealed : null, now.toISOString());
    if (this.os) this.storeKeychainCopy(pkcs8);
    this.unlocked = { privateKey, publicKey: text, fingerprint: fingerprint(text) };
    return this.unlocked;
  }

  /**
   * Opens the private key for this session: with the passphrase; or, for a key the keychain sealed, with
   * the keychain (no passphrase given) or with the backup passphrase (one given).
   */
  unlock(passphrase?: string): UnlockedKey {
    const row = this.row();
    if (!row) throw noKey();
    if (this.unlocked) return this.unlocked;
    let pkcs8: Buffer;
    if (row.protection === 'passphrase') {
      pkcs8 = openWithPassphrase(PassphraseSealed.parse(JSON.parse(row.sealed_private_key)), passphrase ?? '');
    } else if (passphrase) {
      if (row.recovery_sealed_private_key === null) throw noRecoveryCopy();
      pkcs8 = openWithPassphrase(PassphraseSealed.parse(JSON.parse(row.recovery_sealed_private_key)), passphrase);
    } else {
      pkcs8 = this.fromKeychain(row);
    }
    const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    if (publicKeyText(createPublicKey(privateKey)) !== row.public_key) {
      throw new AppError('forbidden', keyMessages.privateKeyMismatch());
    }
    // Opened with the backup passphrase: the keychain could not, or holds no copy. Give it a fresh one
    // (after a reset Windows password, say, the keychain works again but lost its old key).
    if (row.protection === 'os' && passphrase && this.os) this.storeKeychainCopy(pkcs8);
    this.unlocked = { privateKey, publicKey: row.public_key, fingerprint: row.fingerprint };
    return this.unlocked;
  }

  /** The opened key, for signing; a clear refusal while it is locked or absent. */
  requireUnlocked(): UnlockedKey {
    if (this.unlocked) return this.unlocked;
    if (!this.row()) throw noKey();
    throw new AppError('key-locked', keyMessages.locked());
  }

  lock(): void {
    this.unlocked = undefined;
  }

  /** Forgets everything held in memory about the key (the workspace underneath was replaced: continuity/workspace-move.ts). */
  forget(): void {
    this.unlocked = undefined;
    this.keychain = undefined;
  }

  /** The opened private key's PKCS#8 bytes, to seal again for another laptop (continuity/workspace-move.ts); refused while locked. */
  exportPrivateKey(): Buffer {
    return this.requireUnlocked().privateKey.export({ format: 'der', type: 'pkcs8' });
  }

  /**
   * A key that arrived with a moved workspace (continuity/workspace-move.ts), opened with the passphrase chosen
   * at export: sealed again on this laptop, by its keychain when it has one (the passphrase then seals the
   * backup copy, as at creation), else kept under that passphrase (`sealed`, as the file carried it).
   * The private key must be the workspace's own (its public key is in the moved database).
   */
  adoptMoved(pkcs8: Buffer, passphrase: string, sealed: z.infer<typeof PassphraseSealed>): UnlockedKey {
    const row = this.row();
    if (!row) throw noKey();
    const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    if (publicKeyText(createPublicKey(privateKey)) !== row.public_key) {
      throw new AppError('forbidden', keyMessages.movedKeyMismatch());
    }
    this.forget();
    if (this.os) {
      this.db
        .prepare("UPDATE workspace_key SET protection = 'os', sealed_private_key = '', recovery_sealed_private_key = ? WHERE id = 1")
        .run(JSON.stringify(sealWithPassphrase(pkcs8, passphrase)));
      this.storeKeychainCopy(pkcs8);
    } else {
      this.db
        .prepare(
          "UPDATE workspace_key SET protection = 'passphrase', sealed_private_key = ?, recovery_sealed_private_key = NULL WHERE id = 1",
        )
        .run(JSON.stringify(PassphraseSealed.parse(sealed)));
    }
    this.unlocked = { privateKey, publicKey: row.public_key, fingerprint: row.fingerprint };
    return this.unlocked;
  }

  /** Resolves when everything asked of the keychain so far has been answered and stored. */
  async settled(): Promise<void> {
    while (this.background.size > 0) await Promise.all(this.background);
  }

  /** The keychain's answer for this key: asks for it the first time, and refuses until it is in. */
  private fromKeychain(row: KeyRow): Buffer {
    if (!this.os) {
      throw new AppError('forbidden', keyMessages.sealedByKeychain({ hasBackup: Boolean(row.recovery_sealed_private_key) }));
    }
    if (row.sealed_private_key === '') throw keychainFailed(row, keyMessages.keychainHoldsNoCopy());
    if (!this.keychain) this.askKeychain(row.sealed_private_key);
    const current = this.keychain!;
    if (current.pending) {
      throw new AppError('key-locked', keyMessages.keychainPending(), { keychain: KEYCHAIN_PENDING } satisfies KeyLockedDetails);
    }
    this.keychain = undefined; // used once: the next unlock asks again
    if ('failure' in current) throw keychainFailed(row, { id: current.failure, en: current.failure });
    return current.pkcs8;
  }

  private askKeychain(sealed: string): void {
    this.keychain = { pending: true };
    this.track(
      this.os!.open(Buffer.from(sealed, 'base64')).then(
        ({ secret, shouldReEncrypt }) => {
          this.keychain = { pending: false, pkcs8: secret };
          if (shouldReEncrypt) this.storeKeychainCopy(secret, sealed);
        },
        (error: unknown) => {
          this.keychain = { pending: false, failure: error instanceof Error ? error.message : String(error) };
        },
      ),
    );
  }

  /**
   * Has the keychain seal the key and stores that, replacing `replacing` (or whatever is there when
   * omitted). If the keychain refuses, the stored copies stay as they were: the backup copy still opens the key.
   */
  private storeKeychainCopy(pkcs8: Buffer, replacing?: string): void {
    this.track(
      this.os!.seal(pkcs8).then(
        (sealed) => {
          this.db
            .prepare(
              "UPDATE workspace_key SET sealed_private_key = ? WHERE id = 1 AND protection = 'os' AND (? IS NULL OR sealed_private_key = ?)",
            )
            .run(sealed.toString('base64'), replacing ?? null, replacing ?? null);
        },
        () => undefined,
      ),
    );
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch(() => undefined).finally(() => this.background.delete(tracked));
    this.background.add(tracked);
  }

  private row(): KeyRow | undefined {
    return this.db
      .prepare(
        'SELECT public_key, fingerprint, protection, sealed_private_key, recovery_sealed_private_key FROM workspace_key WHERE id = 1',
      )
      .get() as KeyRow | undefined;
  }
}

function keychainFailed(row: KeyRow, cause: Bilingual): AppError {
  if (row.recovery_sealed_private_key === null) return noRecoveryCopy(cause);
  return new AppError('key-locked', keyMessages.keychainFailed({ cause }), {
    keychain: 'failed',
    recovery: true,
  } satisfies KeyLockedDetails);
}

function noRecoveryCopy(cause?: Bilingual): AppError {
  return new AppError('key-locked', keyMessages.noRecoveryCopy({ cause }), {
    keychain: 'failed',
    recovery: false,
  } satisfies KeyLockedDetails);
}

function noKey(): AppError {
  return new AppError('not-found', keyMessages.noKey());
}

function requirePassphrase(passphrase: string | undefined, role: 'key' | 'backup'): string {
  if (!passphrase || passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError(
      'invalid-input',
      role === 'key'
        ? keyMessages.passphraseTooShort({ min: MIN_PASSPHRASE_LENGTH })
        : keyMessages.backupPassphraseTooShort({ min: MIN_PASSPHRASE_LENGTH }),
    );
  }
  return passphrase;
}

/** The AES key a passphrase gives with a seal's salt and scrypt cost (as written, or as a file read asks for it). */
export const passphraseKey = (passphrase: string, salt: Buffer, cost: { N: number; r: number; p: number }) =>
  scryptSync(passphrase.normalize('NFC'), salt, 32, { N: cost.N, r: cost.r, p: cost.p, maxmem: SCRYPT.maxmem });

/**
 * Seals bytes by a passphrase: scrypt, then AES-256-GCM. The ciphertext comes apart from the seal's parameters
 * (a key keeps it inside, in base64; the move file writes the database's bytes after its JSON header).
 */
export function sealBytes(
  secret: Buffer,
  passphrase: string,
): { seal: Omit<z.infer<typeof PassphraseSealed>, 'ciphertext'>; ciphertext: Buffer } {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', passphraseKey(passphrase, salt, SCRYPT), iv);
  const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
  return {
    seal: {
      kdf: 'scrypt',
      N: SCRYPT.N,
      r: SCRYPT.r,
      p: SCRYPT.p,
      salt: salt.toString('base64'),
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    },
    ciphertext,
  };
}

export function sealWithPassphrase(secret: Buffer, passphrase: string): z.infer<typeof PassphraseSealed> {
  const { seal, ciphertext } = sealBytes(secret, passphrase);
  return { ...seal, ciphertext: ciphertext.toString('base64') };
}

export function openWithPassphrase(sealed: z.infer<typeof PassphraseSealed>, passphrase: string): Buffer {
  const key = passphraseKey(passphrase, Buffer.from(sealed.salt, 'base64'), sealed);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new AppError('forbidden', keyMessages.wrongPassphrase());
  }
}
