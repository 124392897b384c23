/**
 * The juror's signed score sheet (Lembar Penilaian Juri): an .xlsx that people read, print and sign by hand,
 * and a tamper-evident record for the secretariat. The signature (Ed25519 over the payload's canonical JSON)
 * covers values, not file bytes, so a harmless re-save in Excel or LibreOffice still verifies; any visible
 * cell that no longer says what the signed payload says is named by sheet and address.
 *
 * Layout: sheet-layout.ts (shared by writing and verifying); writing: sheet-write.ts; the hidden carrier of
 * payload and signature: sheet-signature.ts; the cell-by-cell comparison: sheet-verify.ts.
 */
import type { SheetStatus } from '../../api/contract/sheets.ts';
import { AppError } from '../../api/errors.ts';
import { sheetVerificationMessages as say } from '../../core/messages/sheet-verification.ts';
import { xlsxMessages, zipMessages } from '../../core/messages/zip.ts';
import type { Bilingual, Event } from '../../core/model.ts';
import type { UnlockedKey } from '../keys/key-store.ts';
import { fingerprint, signCanonical, verifyCanonical } from '../keys/signing.ts';
import { SheetPayload } from './sheet-payload.ts';
import { SIGNATURE_SHEET } from './sheet-layout.ts';
import { readCarrier } from './sheet-signature.ts';
import { isNotAZip } from '../files/zip-guard.ts';
import { readXlsx, type XlsxBook } from '../files/xlsx-reader.ts';
import { compareVisible } from './sheet-verify.ts';
import { contentFindings } from './sheet-content.ts';
import { writeWorkbook } from './sheet-write.ts';
import { paperKeyFindings } from '../paper/paper-verify.ts';

/**
 * Signs the payload with the juror's key and writes the workbook. Refuses a payload that does not match
 * the schema, names another key than the one signing, or cannot be shown (a scale maximum of zero).
 */
export async function writeScoreSheet(payload: SheetPayload, key: UnlockedKey): Promise<Buffer> {
  const parsed = SheetPayload.safeParse(payload);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw new AppError('invalid-input', say.payloadShape({ where }), parsed.error.issues);
  }
  if (payload.juror.publicKey !== key.publicKey) {
    throw new AppError('invalid-input', say.payloadNamesOtherKey({ jurorId: payload.juror.id }));
  }
  if (payload.juror.fingerprint !== fingerprint(key.publicKey)) {
    throw new AppError('invalid-input', say.payloadFingerprint({ written: payload.juror.fingerprint, key: fingerprint(key.publicKey) }));
  }
  const unusable = payload.sections.flatMap((s) => s.criteria).find((c) => !(c.scaleMax > 0) || !Number.isFinite(c.weight));
  if (unusable) {
    throw new AppError('invalid-input', say.unusableCriterion({ code: unusable.code }));
  }
  return writeWorkbook(payload, signCanonical(payload, key.privateKey), key.publicKey);
}

/**
 * The workbook as verification reads it, in one pass over the zip (files/xlsx-reader.ts); refused with the
 * words of the importers that load workbooks (files/xlsx-file.ts): empty, no readable Excel file, or what the
 * zip guard found.
 */
function readWorkbook(bytes: Uint8Array, fileName: string): XlsxBook {
  const unreadable = () => new AppError('invalid-file', xlsxMessages.unreadable({ fileName }));
  if (bytes.byteLength === 0) {
    throw new AppError('invalid-file', xlsxMessages.empty({ fileName }));
  }
  try {
    return readXlsx(bytes, fileName);
  } catch (error) {
    if (error instanceof AppError && !isNotAZip(error)) throw error;
    throw unreadable();
  }
}

/** The verdict on a sheet, as the contract declares it (api/contract/sheets.ts); re-exported for the services that keep it. */
export type { SheetStatus };

export interface VerifyContext {
  /** The event as the secretariat holds it now (its latest package revision): what every signed mark is checked against. */
  event: Event;
  /** Package revisions 1..latestPackageRevision are ones the secretariat issued. */
  latestPackageRevision: number;
  /** juror id → the public key (base64url text, as in signing.ts) enrolled for that juror. */
  jurorKeys: ReadonlyMap<string, string>;
  /** The secretariat's public key: the only key a paper sheet (provenance 'kertas') may be signed with. */
  secretariatKey?: string;
}

export interface SheetVerification {
  file: string;
  status: SheetStatus;
  /** The juror id from the payload when readable. */
  juror: string | null;
  /** Round ids in the payload. */
  rounds: string[];
  /** The sheet revision. */
  revision: number | null;
  /** Every finding, each naming the sheet and cell where there is one. */
  details: Bilingual[];
  /** The signed payload when status is 'valid' (null otherwise). */
  payload: SheetPayload | null;
  /** The public key the sheet was signed with, when readable: what the secretariat may accept by hand for an unknown key. */
  signingKey: string | null;
}

/**
 * Checks a score sheet, in this order: readable and in the expected format (else 'malformed'); the signature
 * against the key stored with it ('bad-signature'); the event and package revision ('wrong-event'); the key
 * being the one enrolled for the juror, or for a paper sheet the secretariat's own ('unknown-key'); what the
 * payload says against the event's rules ('invalid-content', sheet-content.ts); every visible cell against the
 * payload ('tampered').
 * Once the signature holds, every later check still runs, so `details` lists all findings; the status is
 * the first that has one. Never throws: any failure to read is 'malformed'.
 */
export async function verifyScoreSheet(bytes: Uint8Array, fileName: string, context: VerifyContext): Promise<SheetVerification> {
  let signingKey: string | null = null;
  const result = (status: SheetStatus, details: Bilingual[], payload?: SheetPayload): SheetVerification => ({
    file: fileName,
    status,
    juror: payload?.juror.id ?? null,
    rounds: payload ? [...new Set(payload.sections.map((s) => s.roundId))] : [],
    revision: payload?.sheetRevision ?? null,
    details,
    payload: status === 'valid' && payload ? payload : null,
    signingKey,
  });
  const malformed = (problem: Bilingual) => result('malformed', [zipMessages.inFile({ fileName, problem })]);

  try {
    let workbook: XlsxBook;
    try {
      workbook = readWorkbook(bytes, fileName);
    } catch (error) {
      if (error instanceof AppError) return result('malformed', [error.bilingual]);
      throw error;
    }
    const carrierSheet = workbook.sheet(SIGNATURE_SHEET);
    if (!carrierSheet) {
      return malformed(say.noCarrier({ sheet: SIGNATURE_SHEET }));
    }
    const carrier = readCarrier(carrierSheet);
    if (!carrier.ok) return malformed(carrier.problem);
    let json: unknown;
    try {
      json = JSON.parse(carrier.json);
    } catch {
      return malformed(say.carrierNotJson({ sheet: SIGNATURE_SHEET }));
    }
    const parsed = SheetPayload.safeParse(json);
    if (!parsed.success) {
      const where = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(root)'))].slice(0, 8).join(', ');
      return malformed(say.carrierNotPayload({ where }));
    }
    const payload = parsed.data;
    signingKey = carrier.publicKey;

    if (!verifyCanonical(payload, carrier.signature, signingKey)) {
      return result('bad-signature', [zipMessages.inFile({ fileName, problem: say.badSignature({ sheet: SIGNATURE_SHEET }) })], payload);
    }

    const event: Bilingual[] = [];
    if (payload.eventId !== context.event.id) {
      // Named as people know the events; the ids only where the names alone would not tell them apart.
      const same = payload.eventName === context.event.name;
      const theirs = `"${payload.eventName}"${same ? ` (${payload.eventId})` : ''}`;
      const ours = `"${context.event.name}"${same ? ` (${context.event.id})` : ''}`;
      event.push(zipMessages.inFile({ fileName, problem: say.otherEvent({ theirs, ours }) }));
    }
    if (payload.packageRevision > context.latestPackageRevision) {
      event.push(
        zipMessages.inFile({
          fileName,
          problem: say.unissuedRevision({ revision: payload.packageRevision, latest: context.latestPackageRevision }),
        }),
      );
    }

    const key: Bilingual[] = [];
    const jurorId = payload.juror.id;
    const signedWith = fingerprint(signingKey);
    const enrolled = context.jurorKeys.get(jurorId);
    if (payload.provenance) {
      // A paper sheet is the secretariat's typing of a juror's paper form: signed by the secretariat's key, never a juror's.
      key.push(...paperKeyFindings(payload.provenance, signingKey, context.secretariatKey, fileName));
    } else if (enrolled === undefined) {
      key.push(zipMessages.inFile({ fileName, problem: say.noEnrolledKey({ jurorId, signedWith }) }));
    } else if (enrolled !== signingKey) {
      key.push(zipMessages.inFile({ fileName, problem: say.notEnrolledKey({ jurorId, signedWith, enrolled: fingerprint(enrolled) }) }));
    }
    if (payload.juror.publicKey !== signingKey) {
      key.push(
        zipMessages.inFile({ fileName, problem: say.contentsNameOtherKey({ named: fingerprint(payload.juror.publicKey), signedWith }) }),
      );
    }
    if (payload.juror.fingerprint !== signedWith) {
      key.push(zipMessages.inFile({ fileName, problem: say.writtenFingerprint({ written: payload.juror.fingerprint, signedWith }) }));
    }

    // Content is judged against this event only: another event's sheet is 'wrong-event' and nothing more.
    const content = event.length
      ? []
      : contentFindings(context.event, payload, context).map((f) => say.contentInFile({ fileName, finding: f }));
    const cells = compareVisible(workbook, payload);
    const details = [...event, ...key, ...content, ...cells];
    const status: SheetStatus = event.length
      ? 'wrong-event'
      : key.length
        ? 'unknown-key'
        : content.length
          ? 'invalid-content'
          : cells.length
            ? 'tampered'
            : 'valid';
    return result(status, details, payload);
  } catch (error) {
    if (error instanceof AppError) return result('malformed', [error.bilingual]);
    // A library's own words mean nothing to the secretariat; what to do next does.
    return malformed(say.unreadableContents());
  }
}
