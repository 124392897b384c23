/**
 * The worked example of docs/formats.md, made by the real code: a tiny event (one category, one round, three
 * fictional nominees, two jurors, one conflict), its package signed by a fixed secretariat key, juror J1's
 * enrolment and score sheet signed by a fixed juror key, and the results of merging that sheet. Ed25519
 * signatures are deterministic, and every time in the example is fixed, so each figure is reproducible.
 * tests/integration/formats-doc.test.ts recomputes the figures and checks that the document shows them.
 */
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import type { Event } from '../../src/core/model.ts';
import { merge } from '../../src/core/merge.ts';
import type { UnlockedKey } from '../../src/services/keys/key-store.ts';
import { canonicalJson, fingerprint, publicKeyText, signCanonical } from '../../src/services/keys/signing.ts';
import { reconcile } from '../../src/services/merge/reconcile.ts';
import { resultsSummary } from '../../src/services/merge/results.ts';
import { writeEnrolment } from '../../src/services/packages/enrolment.ts';
import { writePackage } from '../../src/services/packages/event-package.ts';
import { sheetPayload } from '../../src/services/sheets/sheet-export.ts';
import type { SheetPayload } from '../../src/services/sheets/sheet-payload.ts';

/**
 * Two fixed Ed25519 private keys as PKCS#8 DER in base64 (RFC 8410: the 16-byte prefix
 * 302e020100300506032b657004220420, then the 32-byte seed, here SHA-256 of "Timbang docs/formats.md worked
 * example: secretariat" and of "…: juror"). Published in the document: never use them for anything real.
 */
export const EXAMPLE_KEYS = {
  secretariat: 'MC4CAQAwBQYDK2VwBCIEICm/NDfqot4vhZYW0Euxa2Tjd8PYCi4S3cZ007JjfoZe',
  juror: 'MC4CAQAwBQYDK2VwBCIEIOGIirWoH2To/2bAF0mOTQbRM2TC9jqQwunBEDDyTDzg',
} as const;

export function exampleKey(pkcs8: string): UnlockedKey {
  const privateKey = createPrivateKey({ key: Buffer.from(pkcs8, 'base64'), format: 'der', type: 'pkcs8' });
  const text = publicKeyText(createPublicKey(privateKey));
  return { privateKey, publicKey: text, fingerprint: fingerprint(text) };
}

const rubric = (what: string) =>
  [1, 2, 3, 4, 5].map((score) => ({ score, text: { id: `${what}: tingkat ${score}`, en: `${what}: level ${score}` } }));

/** The tiny event: valid as it stands (tests check it with validateEvent). */
export function exampleEvent(): Event {
  return {
    format: 'timbang.event',
    formatVersion: 1,
    id: 'contoh-2025',
    name: 'Penghargaan Contoh 2025',
    yearHeld: 2025,
    periodAssessed: { start: '2024-01-01', end: '2024-12-31' },
    place: 'Kupang',
    schedule: {},
    categories: [{ id: 'umkm', name: { id: 'Usaha Mikro', en: 'Micro Enterprises' } }],
    rounds: [
      { id: 'seleksi', order: 1, name: { id: 'Seleksi', en: 'Selection' }, weight: 100, categoryIds: ['umkm'], shortlistSize: null },
    ],
    criteria: [
      {
        code: 'K1',
        roundId: 'seleksi',
        categoryIds: ['umkm'],
        label: { id: 'Kepesertaan', en: 'Coverage' },
        weight: 55,
        scale: { min: 1, max: 5, step: 1 },
        rubric: rubric('Kepesertaan'),
      },
      {
        code: 'K2',
        roundId: 'seleksi',
        categoryIds: ['umkm'],
        label: { id: 'Kepatuhan', en: 'Compliance' },
        weight: 45,
        scale: { min: 1, max: 5, step: 0.5 },
        rubric: rubric('Kepatuhan'),
      },
    ],
    nominees: [
      { id: 'umkm-01', categoryId: 'umkm', name: 'Tenun Ikat Lestari', region: 'Sumba Timur', fictional: true, attributes: {} },
      { id: 'umkm-02', categoryId: 'umkm', name: 'Kopi Bajawa Jaya', region: 'Ngada', fictional: true, attributes: {} },
      { id: 'umkm-03', categoryId: 'umkm', name: 'Garam Rote Sejahtera', region: 'Rote Ndao', fictional: true, attributes: {} },
    ],
    jurors: [
      { id: 'J1', role: 'ketua', title: 'Kepala Dinas Contoh', institution: 'Pemerintah Provinsi Contoh' },
      { id: 'J2', role: 'anggota', title: 'Akademisi', institution: 'Universitas Contoh' },
    ],
    conflicts: [{ jurorId: 'J1', nomineeId: 'umkm-03', reason: 'Kerabat pemilik usaha' }],
    merge: {
      rule: 'mean',
      tieBreak: [{ kind: 'topCriterion', roundId: 'seleksi' }, { kind: 'plenary' }],
      disagreementThreshold: 2,
      winnersPerCategory: 1,
      overall: null,
    },
  };
}

export const EXAMPLE_TIMES = {
  packageIssuedAt: '2025-06-01T08:00:00.000Z',
  enrolmentCreatedAt: '2025-06-03T10:00:00.000Z',
  sheetExportedAt: '2025-06-24T09:30:00.000Z',
} as const;

export const EXAMPLE_JUROR_NAME = 'Maria Goreti';

/** The package (revision 1) as the secretariat exports it, carrying J1's enrolled key. */
export function examplePackage(event = exampleEvent()): string {
  const juror = exampleKey(EXAMPLE_KEYS.juror);
  return writePackage(
    event,
    1,
    EXAMPLE_TIMES.packageIssuedAt,
    [{ jurorId: 'J1', name: EXAMPLE_JUROR_NAME, publicKey: juror.publicKey, fingerprint: juror.fingerprint }],
    exampleKey(EXAMPLE_KEYS.secretariat),
  );
}

export function exampleEnrolment(event = exampleEvent()): string {
  return writeEnrolment(event.id, 'J1', EXAMPLE_JUROR_NAME, exampleKey(EXAMPLE_KEYS.juror), new Date(EXAMPLE_TIMES.enrolmentCreatedAt));
}

/**
 * J1's sheet as the juror's app builds it (sheet-export.ts): umkm-01 scored 4 and 3.5 with a note that
 * begins like a formula, umkm-02 scored on K1 only (so the section is not finalized), umkm-03 conflicted.
 */
export function exampleSheetPayload(event = exampleEvent()): SheetPayload {
  return sheetPayload({
    event,
    jurorId: 'J1',
    jurorName: EXAMPLE_JUROR_NAME,
    roundIds: ['seleksi'],
    marks: [
      { roundId: 'seleksi', nomineeId: 'umkm-01', criterionCode: 'K1', value: 4 },
      { roundId: 'seleksi', nomineeId: 'umkm-01', criterionCode: 'K2', value: 3.5 },
      { roundId: 'seleksi', nomineeId: 'umkm-02', criterionCode: 'K1', value: 5 },
    ],
    notes: [
      { roundId: 'seleksi', nomineeId: 'umkm-01', text: '=1+1 bukan rumus' },
      { roundId: 'seleksi', nomineeId: 'umkm-02', text: 'Bukti lengkap ✓' },
    ],
    conflicts: new Map([['umkm-03', 'Kerabat pemilik usaha']]),
    declaredConflicts: [],
    isFinalized: () => false,
    packageRevision: 1,
    sheetRevision: 1,
    exportedAt: EXAMPLE_TIMES.sheetExportedAt,
    key: exampleKey(EXAMPLE_KEYS.juror),
  });
}

/** The signed figures of a payload: its canonical JSON, the SHA-256 of those UTF-8 bytes, and the signature. */
export function signedFigures(payload: unknown, key: UnlockedKey): { canonical: string; bytes: number; sha256: string; signature: string } {
  const canonical = canonicalJson(payload);
  const bytes = Buffer.from(canonical, 'utf8');
  return {
    canonical,
    bytes: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    signature: signCanonical(payload, key.privateKey),
  };
}

/** The results of merging J1's sheet alone by the mean (as `timbang merge` would), with the hash's input. */
export function exampleResults(event = exampleEvent(), payload = exampleSheetPayload(event)) {
  const reconciled = reconcile(event, [{ file: 'J1.xlsx', payload }]);
  const { resultsHash, ...summary } = resultsSummary(event, merge(event, reconciled.marks, 'mean'));
  return { resultsHash, summary, canonical: canonicalJson(summary) };
}
