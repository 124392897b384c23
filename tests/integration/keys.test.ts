import { readFileSync } from 'node:fs';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/api/errors.ts';
import { KEYCHAIN_PENDING, KeyStore, openWithPassphrase, type OsSecretStore } from '../../src/services/keys/key-store.ts';
import {
  canonicalJson,
  fingerprint,
  publicKeyText,
  sameFingerprint,
  signCanonical,
  verifyCanonical,
} from '../../src/services/keys/signing.ts';
import { openWorkspace } from '../../src/services/workspace/workspace.ts';
import { TEST_PASSPHRASE, testWorkspace, type TestWorkspace } from '../support/workspace.ts';
import { openKeychain } from '../../electron/main/keychain.ts';

/** Stands in for safeStorage behind the key store: XOR with a versioned pad, answering on a later turn. */
function fakeKeychain() {
  let version = 1;
  const later = <T>(value: () => T) =>
    new Promise<T>((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(value());
        } catch (e) {
          reject(e as Error);
        }
      }, 5),
    );
  const keychain = {
    sealed: [] as Buffer[],
    opened: 0,
    failOpen: undefined as string | undefined,
    failSeal: false,
    rotate: () => void (version += 1),
    seal: (secret: Buffer) =>
      later(() => {
        if (keychain.failSeal) throw new Error('keychain refused');
        const box = Buffer.concat([Buffer.from([version]), secret.map((b) => b ^ (0x50 + version))]);
        keychain.sealed.push(box);
        return box;
      }),
    open: (box: Buffer) =>
      later(() => {
        if (keychain.failOpen) throw new Error(keychain.failOpen);
        keychain.opened += 1;
        const made = box[0];
        return { secret: Buffer.from(box.subarray(1).map((b) => b ^ (0x50 + made))), shouldReEncrypt: made !== version };
      }),
  };
  return keychain satisfies OsSecretStore;
}

/** Electron's safeStorage as far as the app's keychain uses it. */
function fakeSafeStorage() {
  const storage = {
    encrypted: [] as string[],
    reEncrypt: false,
    isAsyncEncryptionAvailable: () => Promise.resolve(true),
    getSelectedStorageBackend: () => 'gnome_libsecret' as const,
    encryptStringAsync: (text: string) => {
      storage.encrypted.push(text);
      return Promise.resolve(Buffer.from(`disegel:${text}`));
    },
    decryptStringAsync: (sealed: Buffer) =>
      Promise.resolve({ result: sealed.toString().slice('disegel:'.length), shouldReEncrypt: storage.reEncrypt }),
  };
  return storage;
}

function keyRow(t: TestWorkspace) {
  return t.ws.db.prepare('SELECT sealed_private_key, recovery_sealed_private_key FROM workspace_key').get() as {
    sealed_private_key: string;
    recovery_sealed_private_key: string | null;
  };
}

function catchError(run: () => unknown): AppError | undefined {
  try {
    run();
  } catch (error) {
    return error as AppError;
  }
  return undefined;
}

describe('workspace keys', () => {
  let t: TestWorkspace;
  afterEach(() => t.close());

  it('makes an Ed25519 key on first use and reports its fingerprint as five groups of five digits', () => {
    t = testWorkspace();
    expect(t.keys.status()).toEqual({ state: 'none', protection: 'passphrase' });
    const key = t.keys.create(TEST_PASSPHRASE);
    expect(key.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(key.fingerprint).toMatch(/^\d{5} \d{5} \d{5} \d{5} \d{5}$/);
    expect(t.keys.status()).toEqual({
      state: 'unlocked',
      protection: 'passphrase',
      publicKey: key.publicKey,
      fingerprint: key.fingerprint,
    });
    expect(publicKeyText(createPublicKey(key.privateKey))).toBe(key.publicKey);
  });

  it('keeps the same fingerprint for a key, across sessions', () => {
    t = testWorkspace();
    const created = t.keys.create(TEST_PASSPHRASE);
    const again = new KeyStore(t.ws.db);
    expect(again.status()).toMatchObject({ state: 'locked', fingerprint: created.fingerprint });
    expect(again.unlock(TEST_PASSPHRASE).fingerprint).toBe(created.fingerprint);
    expect(fingerprint(created.publicKey)).toBe(created.fingerprint);
  });

  it('stores the private key so it cannot be read without the passphrase', () => {
    t = testWorkspace();
    const key = t.keys.create(TEST_PASSPHRASE);
    t.ws.db.pragma('wal_checkpoint(TRUNCATE)');
    const raw = readFileSync(t.ws.path);
    const pkcs8 = key.privateKey.export({ format: 'der', type: 'pkcs8' });
    const secret = pkcs8.subarray(pkcs8.length - 32); // the 32-byte Ed25519 seed
    expect(raw.includes(secret)).toBe(false);
    expect(raw.includes(Buffer.from(secret.toString('base64')))).toBe(false);

    const reopened = new KeyStore(openWorkspace(t.ws.path).db);
    expect(() => reopened.unlock('salah-sandi-ini')).toThrow('Frasa sandi salah.');
    expect(() => reopened.requireUnlocked()).toThrow(AppError);
    expect(reopened.unlock(TEST_PASSPHRASE).publicKey).toBe(key.publicKey);
  });

  it('refuses a short passphrase, and a second key', () => {
    t = testWorkspace();
    expect(() => t.keys.create('pendek')).toThrow('Frasa sandi minimal 8 karakter.');
    t.keys.create(TEST_PASSPHRASE);
    expect(() => t.keys.create(TEST_PASSPHRASE)).toThrow('Sudah ada kunci tanda tangan di sini.');
  });

  it('seals with the OS keychain (asynchronously) and keeps a backup copy sealed by a passphrase, asked for at creation', async () => {
    const keychain = fakeKeychain();
    t = testWorkspace('os', keychain);
    expect(t.keys.status()).toEqual({ state: 'none', protection: 'os' });
    expect(() => t.keys.create()).toThrow('Frasa sandi cadangan minimal 8 karakter');
    const key = t.keys.create(TEST_PASSPHRASE);
    expect(t.keys.status()).toMatchObject({ state: 'unlocked', protection: 'os', fingerprint: key.fingerprint });
    await t.keys.settled();
    expect(keychain.sealed).toHaveLength(1);
    const row = keyRow(t);
    expect(row.sealed_private_key).toBe(keychain.sealed[0].toString('base64'));
    // The backup copy is a passphrase seal like any other (scrypt, AES-256-GCM), and opens the same key.
    const backup = JSON.parse(row.recovery_sealed_private_key!);
    expect(backup).toMatchObject({ kdf: 'scrypt' });
    expect(openWithPassphrase(backup, TEST_PASSPHRASE)).toEqual(key.privateKey.export({ format: 'der', type: 'pkcs8' }));
  });

  it('opens a keychain-sealed key in a later session through the keychain, without a passphrase', async () => {
    const keychain = fakeKeychain();
    t = testWorkspace('os', keychain);
    const key = t.keys.create(TEST_PASSPHRASE);
    await t.keys.settled();
    const later = new KeyStore(t.ws.db, keychain);
    expect(later.status()).toMatchObject({ state: 'locked', protection: 'os' });
    // The keychain answers asynchronously: the first call asks it, and says so until it has answered.
    const pending = catchError(() => later.unlock());
    expect(pending).toMatchObject({ code: 'key-locked', details: { keychain: KEYCHAIN_PENDING } });
    await later.settled();
    expect(later.unlock().publicKey).toBe(key.publicKey);
    expect(keychain.opened).toBe(1);
  });

  it('honours shouldReEncrypt: the key is sealed again by the keychain and stored', async () => {
    const keychain = fakeKeychain();
    t = testWorkspace('os', keychain);
    const key = t.keys.create(TEST_PASSPHRASE);
    await t.keys.settled();
    const before = keyRow(t).sealed_private_key;
    keychain.rotate(); // the keychain's own key changed: old copies still open, and say they should be sealed again
    const later = new KeyStore(t.ws.db, keychain);
    catchError(() => later.unlock());
    await later.settled();
    expect(later.unlock().publicKey).toBe(key.publicKey);
    const after = keyRow(t).sealed_private_key;
    expect(after).not.toBe(before);
    expect(keychain.sealed).toHaveLength(2);
    // The new copy opens without asking to be sealed again.
    const third = new KeyStore(t.ws.db, keychain);
    catchError(() => third.unlock());
    await third.settled();
    expect(third.unlock().publicKey).toBe(key.publicKey);
    expect(keyRow(t).sealed_private_key).toBe(after);
  });

  it('when the keychain cannot open the key, offers the backup passphrase, and then gives the keychain a fresh copy', async () => {
    const keychain = fakeKeychain();
    t = testWorkspace('os', keychain);
    const key = t.keys.create(TEST_PASSPHRASE);
    await t.keys.settled();
    keychain.failOpen = 'Access denied';
    const later = new KeyStore(t.ws.db, keychain);
    catchError(() => later.unlock());
    await later.settled();
    const refused = catchError(() => later.unlock());
    expect(refused).toMatchObject({ code: 'key-locked', details: { keychain: 'failed', recovery: true } });
    expect(refused?.bilingual.id).toContain(
      'Keychain sistem operasi tidak dapat membuka kunci ini (Access denied). Buka dengan frasa sandi cadangan',
    );
    expect(refused?.bilingual.en).toContain('Open it with the backup passphrase');
    expect(() => later.unlock('salah-sandi-ini')).toThrow('Frasa sandi salah.');
    expect(later.unlock(TEST_PASSPHRASE).publicKey).toBe(key.publicKey);
    await later.settled();
    expect(keychain.sealed).toHaveLength(2); // a fresh keychain copy, stored
    expect(keyRow(t).sealed_private_key).toBe(keychain.sealed[1].toString('base64'));
    keychain.failOpen = undefined;
    const next = new KeyStore(t.ws.db, keychain);
    catchError(() => next.unlock());
    await next.settled();
    expect(next.unlock().publicKey).toBe(key.publicKey);
  });

  it('a key whose keychain copy was never stored (the keychain refused at creation) opens with the backup passphrase', async () => {
    const keychain = fakeKeychain();
    keychain.failSeal = true;
    t = testWorkspace('os', keychain);
    const key = t.keys.create(TEST_PASSPHRASE);
    await t.keys.settled();
    expect(t.keys.status()).toMatchObject({ state: 'unlocked', protection: 'os' });
    expect(keyRow(t).sealed_private_key).toBe('');
    const later = new KeyStore(t.ws.db, keychain);
    expect(catchError(() => later.unlock())).toMatchObject({ code: 'key-locked', details: { recovery: true } });
    expect(later.unlock(TEST_PASSPHRASE).publicKey).toBe(key.publicKey);
  });

  it('a keychain key made before backup copies existed (migration 9) says plainly that only the keychain opens it', async () => {
    const keychain = fakeKeychain();
    t = testWorkspace('os', keychain);
    t.keys.create(TEST_PASSPHRASE);
    await t.keys.settled();
    t.ws.db.prepare('UPDATE workspace_key SET recovery_sealed_private_key = NULL').run();
    keychain.failOpen = 'no keyring';
    const later = new KeyStore(t.ws.db, keychain);
    catchError(() => later.unlock());
    await later.settled();
    const refused = catchError(() => later.unlock());
    expect(refused).toMatchObject({ code: 'key-locked', details: { recovery: false } });
    expect(refused?.bilingual.id).toContain('dibuat tanpa salinan frasa sandi cadangan');
    expect(() => later.unlock(TEST_PASSPHRASE)).toThrow('dibuat tanpa salinan frasa sandi cadangan');
  });

  it('outside the app (no keychain), a keychain-sealed key opens only with its backup passphrase', async () => {
    const keychain = fakeKeychain();
    t = testWorkspace('os', keychain);
    const key = t.keys.create(TEST_PASSPHRASE);
    await t.keys.settled();
    const cli = new KeyStore(t.ws.db);
    expect(() => cli.unlock()).toThrow(
      'keychain sistem operasi; buka dengan aplikasi Timbang di komputer ini, atau dengan frasa sandi cadangannya',
    );
    expect(cli.unlock(TEST_PASSPHRASE).publicKey).toBe(key.publicKey);
    await cli.settled();
    expect(keychain.sealed).toHaveLength(1); // no keychain here to give a copy to
  });

  it("the app's keychain: safeStorage's async API, none where Linux would use its fixed 'basic_text' password", async () => {
    const storage = fakeSafeStorage();
    expect(await openKeychain({ ...storage, getSelectedStorageBackend: () => 'basic_text' }, 'linux')).toBeUndefined();
    expect(await openKeychain({ ...storage, isAsyncEncryptionAvailable: () => Promise.resolve(false) }, 'win32')).toBeUndefined();
    expect(await openKeychain({ ...storage, getSelectedStorageBackend: () => 'basic_text' }, 'darwin')).toBeDefined(); // a Linux-only backend
    const keychain = (await openKeychain(storage, 'linux'))!;
    const secret = Buffer.from([0, 1, 2, 250, 255]);
    const sealed = await keychain.seal(secret);
    expect(storage.encrypted).toEqual([secret.toString('base64')]); // sealed as base64 text, as keys were before
    expect(await keychain.open(sealed)).toEqual({ secret, shouldReEncrypt: false });
    storage.reEncrypt = true;
    expect(await keychain.open(sealed)).toEqual({ secret, shouldReEncrypt: true });
    // idle() waits for a call in flight, and for what was chained to its answer.
    let reacted = false;
    void keychain.seal(secret).then(() => (reacted = true));
    await keychain.idle();
    expect(reacted).toBe(true);
  });

  it('signs canonical JSON: key order does not matter, any changed value does', () => {
    t = testWorkspace();
    const key = t.keys.create(TEST_PASSPHRASE);
    const signature = signCanonical({ b: [1, 2], a: 'x' }, key.privateKey);
    expect(verifyCanonical({ a: 'x', b: [1, 2] }, signature, key.publicKey)).toBe(true);
    expect(verifyCanonical({ a: 'x', b: [1, 3] }, signature, key.publicKey)).toBe(false);
    expect(verifyCanonical({ a: 'x', b: [1, 2] }, 'AAAA', key.publicKey)).toBe(false);
  });

  it('refuses, in both languages, a value with no canonical JSON form and a key that is not Ed25519', () => {
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const noJson = refusal(() => canonicalJson(undefined));
    expect(noJson).toBeInstanceOf(AppError);
    expect(noJson).toMatchObject({ code: 'internal', bilingual: { en: 'This value has no canonical JSON form, so it cannot be signed.' } });
    const x25519 = generateKeyPairSync('x25519').publicKey;
    const notEd25519 = refusal(() => publicKeyText(x25519));
    expect(notEd25519).toBeInstanceOf(AppError);
    expect(notEd25519).toMatchObject({ code: 'invalid-file', bilingual: { id: 'Kunci ini bukan kunci Ed25519.' } });
  });

  it('compares a fingerprint read aloud whatever the spacing', () => {
    expect(sameFingerprint('12345-67890 11111 22222 33333', '12345 67890 11111 22222 33333')).toBe(true);
    expect(sameFingerprint('12345 67890 11111 22222 33334', '12345 67890 11111 22222 33333')).toBe(false);
  });
});
