/**
 * The juror's signed score sheet (Lembar Penilaian Juri): an .xlsx that people read, print and sign by hand,
 * and a tamper-evident record for the secretariat. The signature (Ed25519 over the payload's canonical JSON)
 * covers values, not file bytes, so a harmless re-save in Excel or LibreOffice still verifies; any visible
 * cell that no longer says what the signed payload says is named by sheet and address.
 *
 * Layout: sheet-layout.ts (shared by writing and verifying); writing: sheet-write.ts; the hidden carrier of
 * payload and signature: sheet-signature.ts; the cell-by-cell comparison: sheet-verify.ts.
 */
import { AppError } from '../../api/errors.ts';
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
    throw new AppError(
      'invalid-input',
      {
        id: `Isi lembar penilaian tidak sesuai format (${where}).`,
        en: `The score sheet payload does not have the expected shape (${where}).`,
      },
      parsed.error.issues,
    );
  }
  if (payload.juror.publicKey !== key.publicKey) {
    throw new AppError('invalid-input', {
      id: `Lembar penilaian juri ${payload.juror.id} menyebut kunci lain daripada kunci yang menandatangani.`,
      en: `Juror ${payload.juror.id}'s score sheet names another key than the one signing it.`,
    });
  }
  if (payload.juror.fingerprint !== fingerprint(key.publicKey)) {
    throw new AppError('invalid-input', {
      id: `Sidik jari pada lembar penilaian (${payload.juror.fingerprint}) bukan sidik jari kunci ini (${fingerprint(key.publicKey)}).`,
      en: `The fingerprint on the score sheet (${payload.juror.fingerprint}) is not this key's (${fingerprint(key.publicKey)}).`,
    });
  }
  const unusable = payload.sections.flatMap((s) => s.criteria).find((c) => !(c.scaleMax > 0) || !Number.isFinite(c.weight));
  if (unusable) {
    throw new AppError('invalid-input', {
      id: `Kriteria ${unusable.code}: skala maksimum harus lebih dari 0 dan bobot harus angka.`,
      en: `Criterion ${unusable.code}: the scale maximum must be above 0 and the weight a number.`,
    });
  }
  return writeWorkbook(payload, signCanonical(payload, key.privateKey), key.publicKey);
}

/**
 * The workbook as verification reads it, in one pass over the zip (files/xlsx-reader.ts); refused with the
 * words of the importers that load workbooks (files/xlsx-file.ts): empty, no readable Excel file, or what the
 * zip guard found.
 */
function readWorkbook(bytes: Uint8Array, fileName: string): XlsxBook {
  const unreadable = () =>
    new AppError('invalid-file', {
      id: `Berkas ${fileName} bukan berkas Excel (.xlsx) yang dapat dibaca. Simpan sebagai "Excel Workbook (.xlsx)" lalu coba lagi.`,
      en: `File ${fileName} is not a readable Excel (.xlsx) file. Save it as "Excel Workbook (.xlsx)" and try again.`,
    });
  if (bytes.byteLength === 0) {
    throw new AppError('invalid-file', {
      id: `Berkas ${fileName} kosong (0 byte): tidak berisi apa pun, mungkin penyalinan atau pengunduhannya terputus. Salin atau simpan lagi berkas aslinya.`,
      en: `File ${fileName} is empty (0 bytes): it holds nothing, perhaps its copy or download was cut short. Copy or save the original file again.`,
    });
  }
  try {
    return readXlsx(bytes, fileName);
  } catch (error) {
    if (error instanceof AppError && !isNotAZip(error)) throw error;
    throw unreadable();
  }
}

export type SheetStatus = 'valid' | 'tampered' | 'bad-signature' | 'unknown-key' | 'wrong-event' | 'invalid-content' | 'malformed';

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
  const malformed = (id: string, en: string) => result('malformed', [{ id: `Berkas ${fileName}: ${id}`, en: `File ${fileName}: ${en}` }]);

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
      return malformed(
        `tidak ada sheet "${SIGNATURE_SHEET}": ini bukan lembar penilaian Timbang yang ditandatangani.`,
        `has no sheet "${SIGNATURE_SHEET}": this is not a signed Timbang score sheet.`,
      );
    }
    const carrier = readCarrier(carrierSheet);
    if (!carrier.ok) return malformed(carrier.problem.id, carrier.problem.en);
    let json: unknown;
    try {
      json = JSON.parse(carrier.json);
    } catch {
      return malformed(
        `isi yang ditandatangani (Sheet ${SIGNATURE_SHEET}) bukan JSON.`,
        `the signed contents (Sheet ${SIGNATURE_SHEET}) are not JSON.`,
      );
    }
    const parsed = SheetPayload.safeParse(json);
    if (!parsed.success) {
      const where = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(root)'))].slice(0, 8).join(', ');
      return malformed(
        `isi yang ditandatangani tidak sesuai format lembar penilaian (${where}).`,
        `the signed contents do not have the score sheet's shape (${where}).`,
      );
    }
    const payload = parsed.data;
    signingKey = carrier.publicKey;

    if (!verifyCanonical(payload, carrier.signature, signingKey)) {
      return result(
        'bad-signature',
        [
          {
            id: `Berkas ${fileName}: tanda tangan tidak sah (Sheet ${SIGNATURE_SHEET}): isi, tanda tangan atau kunci publik diubah setelah ditandatangani, atau rusak.`,
            en: `File ${fileName}: the signature is not valid (Sheet ${SIGNATURE_SHEET}): the contents, the signature or the public key were changed after signing, or are damaged.`,
          },
        ],
        payload,
      );
    }

    const event: Bilingual[] = [];
    if (payload.eventId !== context.event.id) {
      // Named as people know the events; the ids only where the names alone would not tell them apart.
      const same = payload.eventName === context.event.name;
      const theirs = `"${payload.eventName}"${same ? ` (${payload.eventId})` : ''}`;
      const ours = `"${context.event.name}"${same ? ` (${context.event.id})` : ''}`;
      event.push({
        id: `Berkas ${fileName}: lembar ini untuk acara ${theirs}, bukan acara ini, ${ours}.`,
        en: `File ${fileName}: this sheet is for the event ${theirs}, not this event, ${ours}.`,
      });
    }
    if (payload.packageRevision > context.latestPackageRevision) {
      event.push({
        id: `Berkas ${fileName}: dinilai dengan revisi paket acara ${payload.packageRevision}, yang tidak pernah diterbitkan (terbaru: ${context.latestPackageRevision}).`,
        en: `File ${fileName}: scored against event package revision ${payload.packageRevision}, which was never issued (latest: ${context.latestPackageRevision}).`,
      });
    }

    const key: Bilingual[] = [];
    const jurorId = payload.juror.id;
    const signedWith = fingerprint(signingKey);
    const enrolled = context.jurorKeys.get(jurorId);
    if (payload.provenance) {
      // A paper sheet is the secretariat's typing of a juror's paper form: signed by the secretariat's key, never a juror's.
      key.push(...paperKeyFindings(payload.provenance, signingKey, context.secretariatKey, fileName));
    } else if (enrolled === undefined) {
      key.push({
        id: `Berkas ${fileName}: juri ${jurorId} belum punya kunci terdaftar; lembar ini ditandatangani dengan kunci ${signedWith}.`,
        en: `File ${fileName}: juror ${jurorId} has no enrolled key; this sheet was signed with key ${signedWith}.`,
      });
    } else if (enrolled !== signingKey) {
      key.push({
        id: `Berkas ${fileName}: ditandatangani dengan kunci ${signedWith}, bukan kunci yang terdaftar untuk juri ${jurorId} (${fingerprint(enrolled)}).`,
        en: `File ${fileName}: signed with key ${signedWith}, not the key enrolled for juror ${jurorId} (${fingerprint(enrolled)}).`,
      });
    }
    if (payload.juror.publicKey !== signingKey) {
      key.push({
        id: `Berkas ${fileName}: isi menyebut kunci ${fingerprint(payload.juror.publicKey)}, tetapi ditandatangani dengan kunci ${signedWith}.`,
        en: `File ${fileName}: the contents name key ${fingerprint(payload.juror.publicKey)}, but were signed with key ${signedWith}.`,
      });
    }
    if (payload.juror.fingerprint !== signedWith) {
      key.push({
        id: `Berkas ${fileName}: sidik jari yang tertulis (${payload.juror.fingerprint}) bukan sidik jari kunci penanda tangan (${signedWith}).`,
        en: `File ${fileName}: the fingerprint written (${payload.juror.fingerprint}) is not the signing key's (${signedWith}).`,
      });
    }

    // Content is judged against this event only: another event's sheet is 'wrong-event' and nothing more.
    const content = event.length
      ? []
      : contentFindings(context.event, payload, context).map((f) => ({
          id: `Berkas ${fileName}, ${f.id}`,
          en: `File ${fileName}, ${f.en}`,
        }));
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
    return malformed(
      'isinya tidak dapat dibaca sebagai lembar penilaian Timbang. Minta juri mengekspor ulang lembarnya dari aplikasi.',
      'its contents cannot be read as a Timbang score sheet. Ask the juror to export the sheet again from the app.',
    );
  }
}
