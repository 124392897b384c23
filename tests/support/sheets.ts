/** Score sheet test helpers: juror keys, a signed-sheet payload built from the demo event, workbook load/save. */
import ExcelJS from 'exceljs';
import { generateKeyPairSync } from 'node:crypto';
import type { Event } from '../../src/core/model.ts';
import type { UnlockedKey } from '../../src/services/keys/key-store.ts';
import { fingerprint, publicKeyText } from '../../src/services/keys/signing.ts';
import type { VerifyContext } from '../../src/services/sheets/score-sheet.ts';
import { SHEET_FORMAT, type SheetPayload, type SheetSection } from '../../src/services/sheets/sheet-payload.ts';
import { demoDocument } from './demo.ts';

export function jurorKey(): UnlockedKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const text = publicKeyText(publicKey);
  return { privateKey, publicKey: text, fingerprint: fingerprint(text) };
}

export const FORMULA_NOTE = '=HYPERLINK("http://x","klik")';
export const UNICODE_NOTE = 'Pimpinan hadir sendiri; bukti lengkap ✓ — «sangat baik», Ñusa 日本語 😀';
export const MULTILINE_NOTE = 'Baris satu\nBaris dua, dengan  spasi ganda ';
export const DECLARED = { nomineeId: 'ukm-05', reason: 'Kerabat pemilik usaha (dinyatakan di laptop juri)' };

export interface PayloadOptions {
  jurorId?: string;
  name?: string;
  categories?: string[];
  /** Salt for the deterministic marks, so that two jurors' sheets differ. */
  seed?: number;
}

/**
 * A payload as a juror's app would export it: two rounds (Seleksi Administrasi, Wawancara) × the given
 * categories of the demo event, deterministic marks, the demo's conflict of J4 on manufaktur-04, one
 * declared conflict (ukm-05), notes that look like a formula, hold non-ASCII text or span two lines, and
 * in the unfinished section (Wawancara · Manufaktur) two marks still empty.
 */
export function demoSheetPayload(key: UnlockedKey, options: PayloadOptions = {}): SheetPayload {
  const event: Event = demoDocument();
  const jurorId = options.jurorId ?? 'J4';
  const categories = options.categories ?? ['ukm', 'manufaktur'];
  const seed = options.seed ?? 0;
  const juror = event.jurors.find((j) => j.id === jurorId)!;
  const declared = jurorId === 'J4' ? [DECLARED] : [];
  const conflictOf = (nomineeId: string) =>
    event.conflicts.find((c) => c.jurorId === jurorId && c.nomineeId === nomineeId)?.reason ??
    declared.find((d) => d.nomineeId === nomineeId)?.reason ??
    null;
  const rounds = [...event.rounds].sort((a, b) => a.order - b.order);
  const sections: SheetSection[] = [];
  rounds.forEach((round, r) => {
    for (const categoryId of categories) {
      const category = event.categories.find((c) => c.id === categoryId)!;
      const criteria = event.criteria.filter((c) => c.roundId === round.id && c.categoryIds.includes(categoryId));
      const finalized = !(round.id === 'wawancara' && categoryId === 'manufaktur');
      const nominees = event.nominees
        .filter((n) => n.categoryId === categoryId)
        .map((nominee, n) => {
          const conflict = conflictOf(nominee.id);
          const marks = Object.fromEntries(
            criteria.map((criterion, c) => {
              const unscored = conflict !== null || (!finalized && n === 2 && c >= 3);
              return [criterion.code, unscored ? null : String(1 + ((n * 3 + c * 2 + r + seed) % 5))];
            }),
          );
          let note = '';
          if (round.id === 'administrasi' && nominee.id === 'ukm-01') note = FORMULA_NOTE;
          if (nominee.id === 'ukm-02') note = UNICODE_NOTE;
          if (round.id === 'wawancara' && nominee.id === 'manufaktur-01') note = MULTILINE_NOTE;
          return {
            nomineeId: nominee.id,
            name: nominee.fictional ? `${nominee.name}†` : nominee.name,
            region: nominee.region,
            conflict,
            marks,
            note,
          };
        });
      sections.push({
        roundId: round.id,
        roundOrder: round.order,
        roundName: round.name.id,
        categoryId,
        categoryName: category.name.id,
        finalized,
        criteria: criteria.map((c) => ({ code: c.code, label: c.label.id, weight: c.weight, scaleMax: c.scale.max })),
        nominees,
      });
    }
  });
  return {
    format: SHEET_FORMAT,
    formatVersion: 1,
    eventId: event.id,
    eventName: event.name,
    place: event.place,
    packageRevision: 2,
    sheetRevision: 1,
    exportedAt: '2025-06-26T09:15:00.000Z',
    juror: {
      id: juror.id,
      name: options.name ?? 'Maria Ñ. Tefa (contoh)',
      role: juror.role,
      title: juror.title,
      institution: juror.institution,
      publicKey: key.publicKey,
      fingerprint: key.fingerprint,
    },
    declaredConflicts: declared,
    sections,
  };
}

export function verifyContext(keys: Record<string, string>, latestPackageRevision = 2, event = demoDocument()): VerifyContext {
  return { event, latestPackageRevision, jurorKeys: new Map(Object.entries(keys)) };
}

/**
 * The demo event grown to allow a payload that layout tests make up (more categories, more nominees):
 * each section's category joins its round and criteria, and each nominee the payload names joins it.
 */
export function eventAllowing(payload: SheetPayload): Event {
  const event = demoDocument();
  for (const section of payload.sections) {
    if (!event.categories.some((c) => c.id === section.categoryId)) {
      event.categories.push({ id: section.categoryId, name: { id: section.categoryName, en: section.categoryName } });
    }
    const round = event.rounds.find((r) => r.id === section.roundId)!;
    if (!round.categoryIds.includes(section.categoryId)) round.categoryIds.push(section.categoryId);
    for (const { code } of section.criteria) {
      const criterion = event.criteria.find((c) => c.code === code)!;
      if (!criterion.categoryIds.includes(section.categoryId)) criterion.categoryIds.push(section.categoryId);
    }
    for (const entry of section.nominees) {
      if (event.nominees.some((n) => n.id === entry.nomineeId)) continue;
      const fictional = entry.name.endsWith('†');
      event.nominees.push({
        id: entry.nomineeId,
        categoryId: section.categoryId,
        name: fictional ? entry.name.slice(0, -1) : entry.name,
        region: entry.region,
        fictional,
        attributes: {},
      });
    }
    if (round.shortlistSize !== null) {
      event.shortlists = [
        ...(event.shortlists ?? []),
        { roundId: round.id, categoryId: section.categoryId, nomineeIds: section.nominees.map((n) => n.nomineeId) },
      ];
    }
  }
  return event;
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

export function worksheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
