/**
 * Issue 17: the nominees' documents travel inside the event package. Only PDF, JPG and PNG (by their first
 * bytes, not just their names), capped per file and per package; each file's SHA-256 and size are written
 * into the event's `documents` list, which lies inside the signed payload, while the bytes ride beside it in
 * the envelope (`documents`, base64). A juror's laptop checks every byte against the pinned hash and refuses
 * the whole package, naming the document, if one does not match.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../api/errors.ts';
import { documentMessages } from '../../core/messages/package.ts';
import type { Bilingual, Event, EvidenceDocument } from '../../core/model.ts';
import { DOCUMENT_FILE_NAME } from '../../core/validate-event.ts';
import { canonicalJson } from '../keys/signing.ts';

/** One document: a scanned Perda or a presentation fits; a package stays well below the signed file's 20 MiB. */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
/** All documents of one package together (base64 adds a third on the way). */
export const MAX_PACKAGE_DOCUMENT_BYTES = 12 * 1024 * 1024;

/** The bytes of one document, beside the signed payload. */
export const PackedDocument = z.strictObject({
  nomineeId: z.string(),
  fileName: z.string(),
  data: z.base64(),
});
export type PackedDocument = z.infer<typeof PackedDocument>;

export type DocumentType = 'pdf' | 'jpg' | 'png';

/** The type a file's first bytes say it is, or null for anything else. */
export function documentType(bytes: Uint8Array): DocumentType | null {
  const starts = (...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf'; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return 'jpg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  return null;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const MIME: Record<DocumentType, string> = { pdf: 'application/pdf', jpg: 'image/jpeg', png: 'image/png' };
export const documentMime = (type: DocumentType) => MIME[type];

const extensionType = (fileName: string): DocumentType | null => {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return ext === 'pdf' ? 'pdf' : ext === 'jpg' || ext === 'jpeg' ? 'jpg' : ext === 'png' ? 'png' : null;
};

const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

/**
 * The event with every listed document's hash and size filled in, and the bytes to bundle. `files` gives
 * each document's bytes by nominee and file name. Refuses, naming the file: a listed document without its
 * file, a file that is no PDF, JPG or PNG (or whose name says another type), one too large, or all too large.
 */
export function bundleDocuments(
  event: Event,
  files: ReadonlyMap<string, Uint8Array>,
  key = documentKey,
): { event: Event; documents: PackedDocument[] } {
  const listed = event.documents ?? [];
  let total = 0;
  const pinned: EvidenceDocument[] = [];
  const packed: PackedDocument[] = [];
  for (const doc of listed) {
    const name = `${doc.fileName} (${doc.nomineeId})`;
    const bytes = files.get(key(doc));
    if (!bytes) throw new AppError('invalid-input', documentMessages.fileMissing({ name }));
    const type = documentType(bytes);
    if (!DOCUMENT_FILE_NAME.test(doc.fileName) || type === null || extensionType(doc.fileName) !== type) {
      throw new AppError('invalid-input', documentMessages.wrongType({ name }));
    }
    if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
      throw new AppError('invalid-input', documentMessages.tooLarge({ name, size: mib(bytes.byteLength), max: mib(MAX_DOCUMENT_BYTES) }));
    }
    total += bytes.byteLength;
    if (total > MAX_PACKAGE_DOCUMENT_BYTES) {
      throw new AppError('invalid-input', documentMessages.overPackageLimit({ name, max: mib(MAX_PACKAGE_DOCUMENT_BYTES) }));
    }
    pinned.push({ ...doc, sha256: sha256Hex(bytes), size: bytes.byteLength });
    packed.push({ nomineeId: doc.nomineeId, fileName: doc.fileName, data: Buffer.from(bytes).toString('base64') });
  }
  return { event: listed.length > 0 ? { ...event, documents: pinned } : event, documents: packed };
}

export const documentKey = (doc: { nomineeId: string; fileName: string }) => `${doc.nomineeId}/${doc.fileName}`;

/**
 * Checks the bundled bytes against the hashes the signed event pins: every listed document present once,
 * of the pinned size and SHA-256, and nothing else. Returns the bytes by documentKey. `refuse` names the package.
 */
export function verifyDocuments(
  event: Event,
  packed: readonly PackedDocument[],
  refuse: (problem: Bilingual) => Error,
): Map<string, Uint8Array> {
  const byKey = new Map<string, Uint8Array>();
  for (const doc of packed) {
    if (byKey.has(documentKey(doc))) throw refuse(documentMessages.twice({ name: `${doc.fileName} (${doc.nomineeId})` }));
    byKey.set(documentKey(doc), Buffer.from(doc.data, 'base64'));
  }
  const listed = event.documents ?? [];
  for (const doc of listed) {
    const name = `${doc.fileName} (${doc.nomineeId})`;
    const bytes = byKey.get(documentKey(doc));
    if (!doc.sha256 || doc.size === undefined) throw refuse(documentMessages.noPinnedHash({ name }));
    if (!bytes) throw refuse(documentMessages.notInPackage({ name }));
    if (bytes.byteLength !== doc.size || sha256Hex(bytes) !== doc.sha256) {
      throw refuse(documentMessages.hashMismatch({ name }));
    }
  }
  for (const key of byKey.keys()) {
    if (!listed.some((doc) => documentKey(doc) === key)) throw refuse(documentMessages.notListed({ key }));
  }
  return byKey;
}

/**
 * Issue 17: the dossier of a package revision, as one SHA-256 (hex): the nominees' figures and each document's
 * pinned hash, over canonical JSON. A juror's sheet records the dossier it was scored with; null when the event
 * carries no evidence at all.
 */
export function dossierHash(event: Pick<Event, 'figures' | 'documents'>): string | null {
  const figures = event.figures ?? [];
  const documents = (event.documents ?? []).map((d) => ({
    nomineeId: d.nomineeId,
    fileName: d.fileName,
    kind: d.kind,
    sha256: d.sha256 ?? null,
    size: d.size ?? null,
  }));
  if (figures.length === 0 && documents.length === 0) return null;
  return createHash('sha256').update(canonicalJson({ figures, documents })).digest('hex');
}
