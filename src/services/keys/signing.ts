/**
 * Ed25519 signatures over canonical JSON (RFC 8785), and fingerprints people can read aloud.
 * All cryptography is node:crypto; canonical JSON comes from the `canonicalize` package.
 */
import canonicalize from 'canonicalize';
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { AppError } from '../../api/errors.ts';
import { keyMessages } from '../../core/messages/keys.ts';

/** A public key as text: the 32 raw Ed25519 bytes in base64url (the JWK "x" member). */
export type PublicKeyText = string;

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  // Every value signed here is a JSON object read from a file or the database: undefined cannot reach it.
  if (text === undefined) throw new AppError('internal', keyMessages.noCanonicalJson());
  return text;
}

export function publicKeyText(key: KeyObject): PublicKeyText {
  const jwk = key.export({ format: 'jwk' });
  // A key of another kind can only come from outside (a moved workspace's private key): the file is wrong.
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new AppError('invalid-file', keyMessages.notEd25519());
  return jwk.x;
}

export function publicKeyFromText(text: PublicKeyText): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: text }, format: 'jwk' });
}

/**
 * Five groups of five digits from SHA-256 of the raw public key (like Signal's safety numbers):
 * digits read aloud well in Indonesian and English, and 25 digits leave no practical room for a
 * look-alike key.
 */
export function fingerprint(publicKey: PublicKeyText): string {
  const digest = createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest();
  const groups: string[] = [];
  for (let i = 0; i < 5; i++) {
    const chunk = digest.readUIntBE(i * 5, 5); // 40 bits
    groups.push(String(chunk % 100_000).padStart(5, '0'));
  }
  return groups.join(' ');
}

/** Compares a fingerprint as typed by a person (any spaces or dashes) with the real one. */
export function sameFingerprint(typed: string, actual: string): boolean {
  const digits = (s: string) => s.replace(/[\s-]/g, '');
  return digits(typed) === digits(actual);
}

export function signCanonical(payload: unknown, privateKey: KeyObject): string {
  return sign(null, Buffer.from(canonicalJson(payload), 'utf8'), privateKey).toString('base64');
}

/** An Ed25519 signature in standard, padded base64: 64 bytes, exactly 88 characters, nothing a lenient decoder skips. */
const SIGNATURE_TEXT = /^[A-Za-z0-9+/]{86}==$/;

export function verifyCanonical(payload: unknown, signature: string, publicKey: PublicKeyText): boolean {
  if (!SIGNATURE_TEXT.test(signature)) return false;
  try {
    return verify(null, Buffer.from(canonicalJson(payload), 'utf8'), publicKeyFromText(publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false; // a malformed key or signature is simply not a valid signature
  }
}
