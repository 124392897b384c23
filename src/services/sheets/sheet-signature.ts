/**
 * The hidden sheet "Tanda tangan": a format marker, the public key, the signature and the payload's
 * canonical JSON in chunks of 30,000 characters (Excel holds at most 32,767 in a cell), one per row.
 * Column A names each row for whoever opens the sheet; column B holds the values.
 */
import { sheetVerificationMessages as say } from '../../core/messages/sheet-verification.ts';
import type { Bilingual } from '../../core/model.ts';
import { formulaStart } from '../../core/spreadsheet-text.ts';
import type { XlsxSheet } from '../files/xlsx-reader.ts';
import { SHEET_FORMAT } from './sheet-payload.ts';
import { SIGNATURE_SHEET } from './sheet-layout.ts';

export const SIGNATURE_MARKER = `${SHEET_FORMAT}-signature/1`;
const CHUNK = 30_000;
/** 30 million characters: far beyond any jury, far below what would hurt. */
const MAX_CHUNKS = 1_000;
const ROW = { marker: 1, publicKey: 2, signature: 3, count: 4, firstChunk: 5 } as const;

/**
 * Chunks of at most CHUNK UTF-16 units, never splitting a surrogate pair, and never starting a chunk where
 * the text looks like a formula (a juror's note placed to begin a chunk with =cmd|… would otherwise reach a
 * CSV saved from the hidden sheet): the cut moves back until the next chunk starts harmlessly.
 */
function chunks(text: string): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + CHUNK, text.length);
    while (
      end < text.length &&
      end > start + 1 &&
      (isHighSurrogate(text.charCodeAt(end - 1)) || formulaStart(text.slice(end, end + 64)) !== undefined)
    )
      end--;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * U+FFFE and U+FFFF are valid in JSON strings but not in XML, so they are written as JSON escapes: the text
 * parses to the same payload. (Canonical JSON already escapes control characters; the API makes typed text
 * well-formed, so there is no lone surrogate, which canonical JSON refuses.)
 */
const xmlSafeJson = (json: string) => json.replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

export function signatureRows(json: string, signature: string, publicKey: string): [string, string | number][] {
  const parts = chunks(xmlSafeJson(json));
  return [
    ['Format', SIGNATURE_MARKER],
    ['Kunci publik', publicKey],
    ['Tanda tangan', signature],
    ['Jumlah bagian', parts.length],
    ...parts.map((part, i): [string, string] => [`Isi ${i + 1}`, part]),
  ];
}

export type CarrierRead = { ok: true; json: string; signature: string; publicKey: string } | { ok: false; problem: Bilingual };

const at = (row: number) => `Sheet ${SIGNATURE_SHEET}!B${row}`;

export function readCarrier(sheet: XlsxSheet): CarrierRead {
  const text = (row: number) => {
    const content = sheet.cell(row, 2).content;
    return typeof content === 'string' ? content : undefined;
  };
  const marker = text(ROW.marker);
  if (marker !== SIGNATURE_MARKER) {
    return {
      ok: false,
      problem: say.carrierMarker({ at: at(ROW.marker), marker: SIGNATURE_MARKER, found: marker?.slice(0, 40) }),
    };
  }
  const publicKey = text(ROW.publicKey);
  const signature = text(ROW.signature);
  for (const [row, value, what] of [
    [ROW.publicKey, publicKey, say.carrierPublicKey()],
    [ROW.signature, signature, say.carrierSignature()],
  ] as const) {
    if (value === undefined) return { ok: false, problem: say.carrierEmpty({ at: at(row), what }) };
  }
  const count = sheet.cell(ROW.count, 2).content;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_CHUNKS) {
    return {
      ok: false,
      problem: say.carrierCount({ at: at(ROW.count), max: MAX_CHUNKS }),
    };
  }
  const parts: string[] = [];
  for (let row = ROW.firstChunk; row < ROW.firstChunk + count; row++) {
    const part = text(row);
    if (part === undefined)
      return {
        ok: false,
        problem: say.carrierEmptyPart({ at: at(row) }),
      };
    parts.push(part);
  }
  return { ok: true, json: parts.join(''), signature: signature as string, publicKey: publicKey as string };
}
