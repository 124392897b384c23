import { readFileSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/api/errors.ts';
import { KeyStore } from '../../src/services/keys/key-store.ts';
import { fingerprint, publicKeyText, sameFingerprint, signCanonical, verifyCanonical } from '../../src/services/keys/signing.ts';
import { openWorkspace } from '../../src/services/workspace/workspace.ts';
import { TEST_PASSPHRASE, testWorkspace, type TestWorkspace } from '../support/workspace.ts';

describe('workspace keys', () => {
  let t: TestWorkspace;
  afterEach(() => t.close());

  it('makes an Ed25519 key on first use and reports its fingerprint as five groups of five digits', () => {
    t = testWorkspace();
    expect(t.keys.status()).toEqual({ state: 'none', protection: 'passphrase' });
    const key = t.keys.create(TEST_PASSPHRASE);
    expect(key.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(key.fingerprint).toMatch(/^\d{5} \d{5} \d{5} \d{5} \d{5}$/);
    expect(t.keys.status()).toEqual({ state: 'unlocked', protection: 'passphrase', publicKey: key.publicKey, fingerprint: key.fingerprint });
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

  it('uses the OS keychain when there is one, without a passphrase', () => {
    const sealed: Buffer[] = [];
    const os = {
      seal: (secret: Buffer) => {
        const box = Buffer.from(secret.map((b) => b ^ 0x5a)); // stands in for safeStorage
        sealed.push(box);
        return box;
      },
      open: (box: Buffer) => Buffer.from(box.map((b) => b ^ 0x5a)),
    };
    t = testWorkspace('os', os);
    const key = t.keys.create();
    expect(t.keys.status().protection).toBe('os');
    expect(sealed).toHaveLength(1);
    expect(new KeyStore(t.ws.db, os).unlock().publicKey).toBe(key.publicKey);
    expect(() => new KeyStore(t.ws.db).unlock(TEST_PASSPHRASE)).toThrow('keychain sistem operasi');
  });

  it('signs canonical JSON: key order does not matter, any changed value does', () => {
    t = testWorkspace();
    const key = t.keys.create(TEST_PASSPHRASE);
    const signature = signCanonical({ b: [1, 2], a: 'x' }, key.privateKey);
    expect(verifyCanonical({ a: 'x', b: [1, 2] }, signature, key.publicKey)).toBe(true);
    expect(verifyCanonical({ a: 'x', b: [1, 3] }, signature, key.publicKey)).toBe(false);
    expect(verifyCanonical({ a: 'x', b: [1, 2] }, 'AAAA', key.publicKey)).toBe(false);
  });

  it('compares a fingerprint read aloud whatever the spacing', () => {
    expect(sameFingerprint('12345-67890 11111 22222 33333', '12345 67890 11111 22222 33333')).toBe(true);
    expect(sameFingerprint('12345 67890 11111 22222 33334', '12345 67890 11111 22222 33333')).toBe(false);
  });
});
