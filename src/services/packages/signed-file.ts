/**
 * The envelope shared by Timbang's signed JSON files (event packages, enrolment files):
 * `{ payload, signature }`, the signature being Ed25519 over the payload's canonical JSON (RFC 8785),
 * so that re-indenting or reordering the file does not break it, but changing any value does.
 */
import { z } from 'zod';
import { AppError } from '../../api/errors.ts';
import { signedFileKinds, signedFileMessages } from '../../core/messages/package.ts';
import type { Bilingual } from '../../core/model.ts';
import type { UnlockedKey } from '../keys/key-store.ts';
import { signCanonical, verifyCanonical } from '../keys/signing.ts';
import { MAX_SIGNED_FILE_BYTES } from '../files/file-limits.ts';

/** Timbang's signed JSON files by their format marker, to name the file a person picked by mistake. */
const KNOWN_KINDS: Record<string, Bilingual> = {
  'timbang.package': signedFileKinds['timbang.package'](),
  'timbang.enrolment': signedFileKinds['timbang.enrolment'](),
  'timbang.penetapan': signedFileKinds['timbang.penetapan'](),
};

export function writeSignedFile(payload: unknown, key: UnlockedKey, beside: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ payload, signature: signCanonical(payload, key.privateKey), ...beside }, null, 2)}\n`;
}

/**
 * Reads `{payload, signature}`, checks the payload's shape, then the signature with the public key the
 * payload names (`keyOf`). Every refusal names the file and says what is wrong.
 */
export function readSignedFile<T extends z.ZodType>(
  bytes: Uint8Array,
  fileName: string,
  kind: { id: string; en: string; format: string },
  schema: T,
  keyOf: (payload: z.output<T>) => string,
  /** Issue 17: fields beside the payload and signature (a package's document bytes), optional, their hashes pinned in the payload. */
  beside: z.ZodRawShape = {},
): z.output<T> {
  const refuse = (problem: Bilingual, details?: unknown) =>
    new AppError('invalid-file', signedFileMessages.inFile({ kind, fileName, problem }), details);
  if (bytes.byteLength > MAX_SIGNED_FILE_BYTES) {
    throw refuse(signedFileMessages.tooLarge({ bytes: bytes.byteLength, max: MAX_SIGNED_FILE_BYTES }));
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw refuse(signedFileMessages.zipFile());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse(signedFileMessages.notUtf8());
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw refuse(signedFileMessages.notJson());
  }
  const format = (json as { payload?: { format?: unknown } } | null)?.payload?.format;
  const other = typeof format === 'string' && format !== kind.format ? KNOWN_KINDS[format] : undefined;
  if (other) throw refuse(signedFileMessages.otherKind({ other }));
  const envelope = z.strictObject({ payload: schema, signature: z.base64().min(1), ...beside }).safeParse(json);
  if (!envelope.success) {
    const where = envelope.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    throw refuse(signedFileMessages.unexpectedContents({ where }), envelope.error.issues);
  }
  const { payload, signature } = envelope.data as { payload: z.output<T>; signature: string };
  if (!verifyCanonical(payload, signature, keyOf(payload))) {
    throw refuse(signedFileMessages.badSignature());
  }
  return payload;
}
