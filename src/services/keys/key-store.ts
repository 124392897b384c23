/**
 * The workspace's own Ed25519 key pair, made on first use. The private key never rests unencrypted:
 * Electron's safeStorage (the OS keychain) seals it in the app; where that is absent (CLI, browser
 * bridge, tests, Linux without a keyring) a passphrase does, through scrypt and AES-256-GCM.
 * Once opened, the key lives in memory for the session only.
 */
import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, scryptSync, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../api/errors.ts';
import type { Db } from '../workspace/workspace.ts';
import { fingerprint, publicKeyText, type PublicKeyText } from './signing.ts';

/** Seals secrets with the operating system's keychain (Electron safeStorage); absent outside the app. */
export interface OsSecretStore {
  seal(secret: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
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

/** scrypt cost: N = 2^15, r = 8 (about 32 MiB, a tenth of a second): slow to guess, quick to open. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
export const MIN_PASSPHRASE_LENGTH = 8;

const PassphraseSealed = z.strictObject({
  kdf: z.literal('scrypt'),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.base64(),
  iv: z.base64(),
  tag: z.base64(),
  ciphertext: z.base64(),
});

export class KeyStore {
  private readonly db: Db;
  private readonly os: OsSecretStore | undefined;
  private unlocked: UnlockedKey | undefined;

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

  /** Makes this workspace's key pair. A passphrase is required unless the OS keychain is available. */
  create(passphrase?: string, now = new Date()): UnlockedKey {
    if (this.row()) throw new AppError('conflict', { id: 'Sudah ada kunci tanda tangan di sini.', en: 'There is a signing key here already.' });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
    let sealed: string;
    let protection: KeyProtection;
    if (this.os) {
      sealed = this.os.seal(pkcs8).toString('base64');
      protection = 'os';
    } else {
      sealed = JSON.stringify(sealWithPassphrase(pkcs8, requirePassphrase(passphrase)));
      protection = 'passphrase';
    }
    const text = publicKeyText(publicKey);
    this.db
      .prepare('INSERT INTO workspace_key (id, public_key, fingerprint, protection, sealed_private_key, created_at) VALUES (1, ?, ?, ?, ?, ?)')
      .run(text, fingerprint(text), protection, sealed, now.toISOString());
    this.unlocked = { privateKey, publicKey: text, fingerprint: fingerprint(text) };
    return this.unlocked;
  }

  /** Opens the private key for this session: with the OS keychain, or with the passphrase. */
  unlock(passphrase?: string): UnlockedKey {
    const row = this.row();
    if (!row) throw noKey();
    if (this.unlocked) return this.unlocked;
    let pkcs8: Buffer;
    if (row.protection === 'os') {
      if (!this.os) {
        throw new AppError('forbidden', {
          id: 'Kunci ini disegel oleh keychain sistem operasi; buka dengan aplikasi Timbang di komputer ini.',
          en: "This key is sealed by the operating system's keychain; open it with the Timbang app on this computer.",
        });
      }
      pkcs8 = this.os.open(Buffer.from(row.sealed_private_key, 'base64'));
    } else {
      pkcs8 = openWithPassphrase(PassphraseSealed.parse(JSON.parse(row.sealed_private_key)), passphrase ?? '');
    }
    const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    if (publicKeyText(createPublicKey(privateKey)) !== row.public_key) {
      throw new AppError('forbidden', { id: 'Kunci privat tidak cocok dengan kunci publik berkas kerja.', en: "The private key does not match the workspace's public key." });
    }
    this.unlocked = { privateKey, publicKey: row.public_key, fingerprint: row.fingerprint };
    return this.unlocked;
  }

  /** The opened key, for signing; a clear refusal while it is locked or absent. */
  requireUnlocked(): UnlockedKey {
    if (this.unlocked) return this.unlocked;
    if (!this.row()) throw noKey();
    throw new AppError('key-locked', { id: 'Kunci tanda tangan masih terkunci: buka dengan frasa sandi dulu.', en: 'The signing key is locked: open it with the passphrase first.' });
  }

  lock(): void {
    this.unlocked = undefined;
  }

  private row() {
    return this.db.prepare('SELECT public_key, fingerprint, protection, sealed_private_key FROM workspace_key WHERE id = 1').get() as
      | { public_key: string; fingerprint: string; protection: KeyProtection; sealed_private_key: string }
      | undefined;
  }
}

function noKey(): AppError {
  return new AppError('not-found', {
    id: 'Belum ada kunci tanda tangan di sini: buat kunci dulu (bagian "Kunci tanda tangan").',
    en: 'There is no signing key here yet: make one first (the "signing key" section).',
  });
}

function requirePassphrase(passphrase: string | undefined): string {
  if (!passphrase || passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError('invalid-input', {
      id: `Frasa sandi minimal ${MIN_PASSPHRASE_LENGTH} karakter.`,
      en: `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`,
    });
  }
  return passphrase;
}

export function sealWithPassphrase(secret: Buffer, passphrase: string): z.infer<typeof PassphraseSealed> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = scryptSync(passphrase.normalize('NFC'), salt, 32, SCRYPT);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
  return {
    kdf: 'scrypt', N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p,
    salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64'),
  };
}

export function openWithPassphrase(sealed: z.infer<typeof PassphraseSealed>, passphrase: string): Buffer {
  const key = scryptSync(passphrase.normalize('NFC'), Buffer.from(sealed.salt, 'base64'), 32, { N: sealed.N, r: sealed.r, p: sealed.p, maxmem: SCRYPT.maxmem });
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new AppError('forbidden', { id: 'Frasa sandi salah.', en: 'Wrong passphrase.' });
  }
}
