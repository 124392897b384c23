/**
 * A second reading of docs/formats.md, written from the document and not from src/: RFC 8785 canonical JSON,
 * the fingerprint, Ed25519 verification from a raw public key, and the results hash from `timbang merge
 * --json`. tests/integration/formats-doc.test.ts checks that it agrees with the real code on the worked
 * example, so the document's words (not only its figures) are checked to be enough for a verifier.
 * Only node:crypto here: nothing from src/ and no canonicalisation package.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';

/** RFC 8785: members sorted by UTF-16 code units, no whitespace, ECMAScript number and string forms. */
export function jcs(value: unknown): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('not I-JSON');
    return Object.is(value, -0) ? '0' : String(value);
  }
  if (typeof value === 'string') {
    if (!value.isWellFormed()) throw new Error('lone surrogate');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    // Array.prototype.sort without a comparator compares UTF-16 code units, as RFC 8785 §3.2.3 asks.
    const keys = entries.map(([k]) => k).sort();
    const record = value as Record<string, unknown>;
    return `{${keys.map((k) => `${JSON.stringify(k)}:${jcs(record[k])}`).join(',')}}`;
  }
  throw new Error(`no JSON form for ${typeof value}`);
}

/** SHA-256 of the 32 raw key bytes; bytes 5i..5i+4 as a big-endian integer, mod 100000, five digits; spaces between. */
export function fingerprintOf(publicKey: string): string {
  const raw = Buffer.from(publicKey, 'base64url');
  if (raw.byteLength !== 32) throw new Error('an Ed25519 public key has 32 bytes');
  const digest = createHash('sha256').update(raw).digest();
  const groups: string[] = [];
  for (let i = 0; i < 5; i++) {
    let n = 0n;
    for (const byte of digest.subarray(i * 5, i * 5 + 5)) n = (n << 8n) | BigInt(byte);
    groups.push(String(n % 100000n).padStart(5, '0'));
  }
  return groups.join(' ');
}

/** Ed25519 (RFC 8032, pure) over the UTF-8 bytes of `message`, the key given as its 32 raw bytes in base64url. */
export function verifyEd25519(publicKey: string, message: string, signature: string): boolean {
  // SubjectPublicKeyInfo for Ed25519 (RFC 8410): a fixed 12-byte prefix, then the raw key.
  const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(publicKey, 'base64url')]);
  const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
  return verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(signature, 'base64'));
}

interface RankedJson {
  rank: number;
  nomineeId: string;
  name: string;
  rounds: Record<string, number | null>;
  final: number | null;
  joint: boolean;
  categoryId?: string;
}

interface AwardsJson {
  categoryId: string;
  size: number;
  minimum: number | null;
  places: { place: number; nomineeIds: string[]; vacant: string | null }[];
}

interface SpecialAwardJson {
  categoryId: string | null;
  name: string;
  nomineeId: string;
}

/**
 * The results hash from the fields `timbang merge --json` prints: the summary object the document lists
 * (scores already at six decimals there), canonicalised, SHA-256, lower-case hex.
 */
export function resultsHashOf(merged: {
  eventId: string;
  rule: string;
  categories: { id: string; name: string; ranking: RankedJson[] }[];
  overall: RankedJson[];
  awards: AwardsJson[];
  specialAwards: SpecialAwardJson[];
}): string {
  const entry = (n: RankedJson) => ({
    rank: n.rank,
    nomineeId: n.nomineeId,
    name: n.name,
    rounds: n.rounds,
    final: n.final,
    joint: n.joint,
  });
  // §9.4: the special awards by category (null first), name and nominee, as code units compare.
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const summary = {
    eventId: merged.eventId,
    rule: merged.rule,
    categories: merged.categories.map((c) => ({ id: c.id, name: c.name, ranking: c.ranking.map(entry) })),
    overall: merged.overall.map((n) => ({ ...entry(n), categoryId: n.categoryId })),
    awards: merged.awards.map((a) => ({
      categoryId: a.categoryId,
      size: a.size,
      minimum: a.minimum,
      places: a.places.map((p) => ({ place: p.place, nomineeIds: p.nomineeIds, vacant: p.vacant })),
    })),
    specialAwards: merged.specialAwards
      .map((a) => ({ categoryId: a.categoryId, name: a.name, nomineeId: a.nomineeId }))
      .sort((a, b) => order(a.categoryId ?? '', b.categoryId ?? '') || order(a.name, b.name) || order(a.nomineeId, b.nomineeId)),
  };
  return createHash('sha256').update(jcs(summary), 'utf8').digest('hex');
}
