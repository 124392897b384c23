/**
 * The juror's signed score sheet: written with exceljs, verified cell by cell. Each tamper case edits the
 * written file with exceljs as a person (or a script) would, saves it, and expects the right status and the
 * finding at the right sheet and cell.
 */
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UnlockedKey } from '../../src/services/keys/key-store.ts';
import { canonicalJson, signCanonical } from '../../src/services/keys/signing.ts';
import { verifyScoreSheet, writeScoreSheet, type SheetStatus, type SheetVerification } from '../../src/services/sheets/score-sheet.ts';
import type { SheetPayload } from '../../src/services/sheets/sheet-payload.ts';
import { signatureRows } from '../../src/services/sheets/sheet-signature.ts';
import {
  DECLARED,
  FORMULA_NOTE,
  demoSheetPayload,
  eventAllowing,
  jurorKey,
  loadWorkbook,
  saveWorkbook,
  verifyContext,
  worksheet,
} from '../support/sheets.ts';

const FILE = 'lembar-J4.xlsx';
const SECTION_SHEETS = ['1-ukm', '1-manufaktur', '2-ukm', '2-manufaktur'];

let j4: UnlockedKey;
let j5: UnlockedKey;
let payload: SheetPayload;
let written: Buffer;

beforeAll(async () => {
  j4 = jurorKey();
  j5 = jurorKey();
  payload = demoSheetPayload(j4);
  written = await writeScoreSheet(payload, j4);
});

const enrolled = () => verifyContext({ J4: j4.publicKey, J5: j5.publicKey });

async function verify(bytes: Uint8Array, context = enrolled()): Promise<SheetVerification> {
  return verifyScoreSheet(bytes, FILE, context);
}

/** Loads the written sheet, lets `edit` change it with exceljs, saves and verifies it. */
async function afterEdit(edit: (workbook: ExcelJS.Workbook) => void | Promise<void>, context = enrolled()): Promise<SheetVerification> {
  const workbook = await loadWorkbook(written);
  await edit(workbook);
  return verify(await saveWorkbook(workbook), context);
}

/** The findings of a verification, in one language, one per line (for readable failures). */
const lines = (result: SheetVerification, lang: 'id' | 'en' = 'id') => result.details.map((d) => d[lang]);

function expectStatus(result: SheetVerification, status: SheetStatus): void {
  expect(result.status, lines(result, 'en').join('\n')).toBe(status);
  expect(result.payload).toBeNull();
  expect(result.details.length).toBeGreaterThan(0);
}

/** Replaces the hidden sheet's contents with these values (payload JSON, signature, key). */
function putCarrier(workbook: ExcelJS.Workbook, json: string, signature: string, publicKey: string): void {
  const carrier = worksheet(workbook, 'Tanda tangan');
  carrier.spliceRows(1, carrier.rowCount);
  signatureRows(json, signature, publicKey).forEach(([label, value], r) => {
    carrier.getCell(r + 1, 1).value = label;
    carrier.getCell(r + 1, 2).value = value;
  });
}

function cellText(sheet: ExcelJS.Worksheet, address: string): unknown {
  const cell = sheet.getCell(address);
  return cell.type === ExcelJS.ValueType.Formula ? { formula: cell.formula, result: cell.result } : cell.value;
}

describe('writeScoreSheet', () => {
  it('round trip: the written sheet verifies and returns the signed payload', async () => {
    const result = await verify(written);
    expect(result, lines(result, 'en').join('\n')).toEqual({
      file: FILE,
      status: 'valid',
      juror: 'J4',
      rounds: ['administrasi', 'wawancara'],
      revision: 1,
      details: [],
      payload,
      signingKey: j4.publicKey,
    });
  });

  it('lays out a cover, one protected sheet per section and a very hidden signature sheet', async () => {
    const workbook = await loadWorkbook(written);
    expect(workbook.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      ['Sampul', 'visible'],
      ...SECTION_SHEETS.map((name) => [name, 'visible']),
      ['Tanda tangan', 'veryHidden'],
    ]);
    // exceljs 4.4 reads sheet protection into worksheet.sheetProtection but leaves it out of its typings.
    for (const ws of workbook.worksheets) {
      expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet, ws.name).toBe(true);
    }

    const sheet = worksheet(workbook, '1-ukm');
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '5:6',
    });
    expect(sheet.headerFooter.oddFooter).toContain('Halaman &P dari &N');
    expect(sheet.headerFooter.oddFooter).toContain(j4.fingerprint);
    // The header's "&" in "Perdagangan, Jasa & Pendidikan"-like names is doubled; this category has none.
    expect(worksheet(workbook, '1-manufaktur').headerFooter.oddHeader).toContain('Manufaktur, Pertambangan && Konstruksi');

    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((c) => sheet.getCell(5, c).value)).toEqual([
      'No',
      'ID',
      'Nominasi',
      'Wilayah',
      'UK1 (35%)',
      'UK2 (25%)',
      'UK3 (25%)',
      'UK4 (15%)',
      'Total',
      'Catatan',
      'Keterangan',
    ]);
    expect(sheet.getCell('E6').value).toBe('Pemilik dan pekerja terdaftar (maks 5)');
    // Row 7: Padu Padan, marks 1 3 5 2 → (35·1 + 25·3 + 25·5 + 15·2)/5 = 53.
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => sheet.getCell(7, c).value)).toEqual([
      1,
      'ukm-01',
      'Padu Padan by Erwin Yuan',
      'Nusa Tenggara Timur',
      1,
      3,
      5,
      2,
    ]);
    expect(cellText(sheet, 'I7')).toEqual({ formula: '(35*E7/5*100+25*F7/5*100+25*G7/5*100+15*H7/5*100)/100', result: 53 });
    // The formula-like note is text, never a formula, and shown with an apostrophe first, so that a CSV
    // saved from the sheet keeps it text too (the signed payload keeps it as typed).
    expect(sheet.getCell('J7').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('J7').value).toBe(`'${FORMULA_NOTE}`);
    // The declared conflict: no marks, no total, the reason in Keterangan.
    expect([5, 6, 7, 8, 9].map((c) => sheet.getCell(11, c).value)).toEqual([null, null, null, null, null]);
    expect(sheet.getCell('K11').value).toBe(`Tidak menilai — benturan kepentingan: ${DECLARED.reason}`);

    // The unfinished section: two marks still empty, the total over the marks given, the gap named.
    const draft = worksheet(workbook, '2-manufaktur');
    expect(draft.getCell('A3').value).toContain('Draf (belum final)');
    expect([8, 9].map((c) => draft.getCell(9, c).value)).toEqual([null, null]);
    expect(draft.getCell('L9').value).toBe('Belum dinilai: W4, W5');
    expect(draft.getCell('L10').value).toBe(
      'Tidak menilai — benturan kepentingan: Pengurus asosiasi pengusaha yang membina perusahaan nominasi',
    );
  });

  it('writes the cover: role as on paper, fingerprint, the statement with every conflict, a line to sign', async () => {
    const cover = worksheet(await loadWorkbook(written), 'Sampul');
    const texts: string[] = [];
    cover.eachRow((row) =>
      row.eachCell((cell) => {
        texts.push(String(cell.value));
      }),
    );
    const all = texts.join('\n');
    for (const expected of [
      'Paritrana Award Tingkat Provinsi NTT 2025',
      'Maria Ñ. Tefa (contoh)',
      'Anggota',
      'Unsur Pengusaha',
      'Apindo NTT',
      'Seleksi Administrasi; Wawancara',
      '2025-06-26T09:15:00.000Z',
      j4.fingerprint,
      'Dengan ini saya menyatakan bahwa nilai dalam lembar ini adalah penilaian saya sendiri',
      `Kopi Bajawa Mama Rosa† (ukm-05): ${DECLARED.reason} — dinyatakan oleh juri`,
      'PT Karang Batu Konstruksi† (manufaktur-04): Pengurus asosiasi pengusaha yang membina perusahaan nominasi',
      '( Maria Ñ. Tefa (contoh) )',
      'Yang menyatakan,',
    ])
      expect(all).toContain(expected);
    expect(texts.filter((t) => /^\d+\. /.test(t))).toHaveLength(2);
  });

  it('writes the role of a chair as "Ketua merangkap Anggota"', async () => {
    const key = jurorKey();
    const bytes = await writeScoreSheet(demoSheetPayload(key, { jurorId: 'J1', name: '' }), key);
    const cover = worksheet(await loadWorkbook(bytes), 'Sampul');
    expect(cover.getCell('B8').value).toBe('Ketua merangkap Anggota');
    expect((await verify(bytes, verifyContext({ J1: key.publicKey }))).status).toBe('valid');
  });

  it('refuses a payload naming another key, or not matching the schema', async () => {
    await expect(writeScoreSheet(demoSheetPayload(j4), j5)).rejects.toThrow(/another key/);
    const bad = { ...demoSheetPayload(j4), sheetRevision: 0 };
    await expect(writeScoreSheet(bad, j4)).rejects.toThrow(/sheetRevision/);
  });

  it('cuts long sheet names to 31 characters and keeps them unique', async () => {
    const long = demoSheetPayload(j4);
    const base = long.sections[0];
    long.sections = ['kategori-dengan-nama-yang-sangat-panjang-a', 'kategori-dengan-nama-yang-sangat-panjang-b', 'UKM', 'ukm'].map(
      (categoryId) => ({
        ...base,
        categoryId,
        nominees: base.nominees.map((n) =>
          categoryId === 'ukm' ? n : { ...n, nomineeId: `${categoryId}-${n.nomineeId}`, conflict: null },
        ),
      }),
    );
    const bytes = await writeScoreSheet(long, j4);
    const names = (await loadWorkbook(bytes)).worksheets.map((ws) => ws.name);
    expect(names).toEqual([
      'Sampul',
      '1-kategori-dengan-nama-yang-san',
      '1-kategori-dengan-nama-yang-s~2',
      '1-UKM',
      '1-ukm~2',
      'Tanda tangan',
    ]);
    const verified = await verify(bytes, verifyContext({ J4: j4.publicKey }, 2, eventAllowing(long)));
    expect(verified.status, lines(verified, 'en').join('\n')).toBe('valid');
  });

  it('splits a large payload across cells without breaking characters, and still verifies', async () => {
    const large = demoSheetPayload(j4);
    const section = large.sections[0];
    section.nominees = Array.from({ length: 120 }, (_, i) => ({
      ...section.nominees[i % 4],
      nomineeId: `ukm-${String(i + 1).padStart(3, '0')}`,
      note: `${'😀'.repeat(i % 7)}${'Catatan panjang ✓ '.repeat(20)}${'日本'.repeat(i % 5)}`,
    }));
    const bytes = await writeScoreSheet(large, j4);
    const carrier = worksheet(await loadWorkbook(bytes), 'Tanda tangan');
    expect(carrier.getCell('B4').value).toBeGreaterThan(1);
    const result = await verify(bytes, verifyContext({ J4: j4.publicKey }, 2, eventAllowing(large)));
    expect(result.status, lines(result, 'en').join('\n')).toBe('valid');
    expect(result.payload).toEqual(large);
  });

  it('never starts a piece of the hidden payload where it looks like a formula, so a CSV of that sheet holds none', () => {
    for (const lead of ["=cmd|' /C calc'!A0", '+1', '-2+3', '@SUM(1)', '\t=1']) {
      const json = `${'a'.repeat(30_000)}${lead}${'b'.repeat(10)}`;
      const pieces = signatureRows(json, 'sig', 'key')
        .slice(4)
        .map(([, value]) => String(value));
      expect(pieces.join('')).toBe(json);
      for (const piece of pieces) expect(piece).not.toMatch(/^\s*[=+\-@\t\r]/);
    }
  });

  it('shows text a cell cannot hold without breaking the signature (control characters, \\r\\n)', async () => {
    const odd = demoSheetPayload(j4);
    odd.sections[0].nominees[1].note = 'baris\r\nbaru\u0007 bel\uFFFF';
    const bytes = await writeScoreSheet(odd, j4);
    expect(worksheet(await loadWorkbook(bytes), '1-ukm').getCell('J8').value).toBe('baris\nbaru bel');
    const result = await verify(bytes);
    expect(result.status).toBe('valid');
    expect(result.payload).toEqual(odd);
  });
});

describe('verifyScoreSheet: statuses other than tampering', () => {
  it('still verifies when the signature sheet is only hidden, as LibreOffice saves it', async () => {
    const result = await afterEdit((wb) => {
      worksheet(wb, 'Tanda tangan').state = 'hidden';
    });
    expect(result.status, lines(result, 'en').join('\n')).toBe('valid');
  });

  it('wrong-event: the event id changed and re-signed by the same juror', async () => {
    const other = { ...payload, eventId: 'paritrana-ntt-2024' };
    const result = await afterEdit((wb) => putCarrier(wb, canonicalJson(other), signCanonical(other, j4.privateKey), j4.publicKey));
    expectStatus(result, 'wrong-event');
    expect(result.details[0].id).toBe(
      `Berkas ${FILE}: lembar ini untuk acara "${payload.eventName}" (paritrana-ntt-2024), bukan acara ini, "${payload.eventName}" (paritrana-ntt-2025).`,
    );
    expect(result.juror).toBe('J4');
  });

  it('wrong-event: a package revision the secretariat never issued', async () => {
    const result = await verify(written, verifyContext({ J4: j4.publicKey }, 1));
    expectStatus(result, 'wrong-event');
    expect(result.details.map((d) => d.en)).toEqual([
      `File ${FILE}: scored against event package revision 2, which was never issued (latest: 1).`,
    ]);
  });

  it('unknown-key: no key enrolled for the juror', async () => {
    const result = await verify(written, verifyContext({ J5: j5.publicKey }));
    expectStatus(result, 'unknown-key');
    expect(result.details[0].en).toBe(`File ${FILE}: juror J4 has no enrolled key; this sheet was signed with key ${j4.fingerprint}.`);
  });

  it('unknown-key: another key enrolled for the juror', async () => {
    const result = await verify(written, verifyContext({ J4: j5.publicKey }));
    expectStatus(result, 'unknown-key');
    expect(result.details[0].en).toBe(
      `File ${FILE}: signed with key ${j4.fingerprint}, not the key enrolled for juror J4 (${j5.fingerprint}).`,
    );
  });

  it("unknown-key: another juror signs J4's payload with their own key and stores that key", async () => {
    const result = await afterEdit((wb) => putCarrier(wb, canonicalJson(payload), signCanonical(payload, j5.privateKey), j5.publicKey));
    expectStatus(result, 'unknown-key');
    expect(lines(result, 'en')).toEqual([
      `File ${FILE}: signed with key ${j5.fingerprint}, not the key enrolled for juror J4 (${j4.fingerprint}).`,
      `File ${FILE}: the contents name key ${j4.fingerprint}, but were signed with key ${j5.fingerprint}.`,
      `File ${FILE}: the fingerprint written (${j4.fingerprint}) is not the signing key's (${j5.fingerprint}).`,
    ]);
  });

  it('malformed: not an xlsx at all', async () => {
    for (const bytes of [randomBytes(2000), Buffer.from('Nama,Nilai\nLa Moringa,4\n')]) {
      const result = await verify(bytes);
      expect(result).toEqual({
        file: FILE,
        status: 'malformed',
        juror: null,
        rounds: [],
        revision: null,
        payload: null,
        signingKey: null,
        details: [
          {
            id: `Berkas ${FILE} bukan berkas Excel (.xlsx) yang dapat dibaca. Simpan sebagai "Excel Workbook (.xlsx)" lalu coba lagi.`,
            en: `File ${FILE} is not a readable Excel (.xlsx) file. Save it as "Excel Workbook (.xlsx)" and try again.`,
          },
        ],
      });
    }
  });

  it('malformed: an empty file says it is empty, not that it is no Excel file (issue 19)', async () => {
    const result = await verify(new Uint8Array(0));
    expect(result.status).toBe('malformed');
    expect(result.details).toEqual([
      {
        id: `Berkas ${FILE} kosong (0 byte): tidak berisi apa pun, mungkin penyalinan atau pengunduhannya terputus. Salin atau simpan lagi berkas aslinya.`,
        en: `File ${FILE} is empty (0 bytes): it holds nothing, perhaps its copy or download was cut short. Copy or save the original file again.`,
      },
    ]);
  });

  it('malformed: an xlsx without the signature sheet', async () => {
    const result = await afterEdit((wb) => {
      wb.removeWorksheet(worksheet(wb, 'Tanda tangan').id);
    });
    expectStatus(result, 'malformed');
    expect(result.details[0].en).toBe(`File ${FILE}: has no sheet "Tanda tangan": this is not a signed Timbang score sheet.`);
  });

  it('malformed: payload cells that are not JSON, not the schema, or missing', async () => {
    const notJson = await afterEdit((wb) => {
      worksheet(wb, 'Tanda tangan').getCell('B5').value = '{"format": "timbang.sheet",';
    });
    expectStatus(notJson, 'malformed');
    expect(notJson.details[0].en).toBe(`File ${FILE}: the signed contents (Sheet Tanda tangan) are not JSON.`);

    const wrongShape = { ...payload, sections: [] };
    const schema = await afterEdit((wb) =>
      putCarrier(wb, JSON.stringify(wrongShape), signCanonical(wrongShape, j4.privateKey), j4.publicKey),
    );
    expectStatus(schema, 'malformed');
    expect(schema.details[0].en).toBe(`File ${FILE}: the signed contents do not have the score sheet's shape (sections).`);

    const noMarker = await afterEdit((wb) => {
      worksheet(wb, 'Tanda tangan').getCell('B1').value = null;
    });
    expectStatus(noMarker, 'malformed');
    expect(noMarker.details[0].en).toBe(`File ${FILE}: Sheet Tanda tangan!B1: the format marker is not 'timbang.sheet-signature/1'`);

    const noParts = await afterEdit((wb) => {
      worksheet(wb, 'Tanda tangan').getCell('B4').value = 3;
    });
    expectStatus(noParts, 'malformed');
    expect(noParts.details[0].en).toBe(`File ${FILE}: Sheet Tanda tangan!B6: a payload part is empty or not text`);
  });
});

/** A number format on one cell only (exceljs shares a style object between the cells written alike). */
const formatCell = (cell: ExcelJS.Cell, numFmt: string) => {
  cell.style = { ...cell.style, numFmt };
};

describe('verifyScoreSheet: tampering, named by sheet and cell', () => {
  it('a mark changed', async () => {
    // 1-ukm row 8 is La Moringa; F is UK2, signed 1.
    const result = await afterEdit((wb) => {
      worksheet(wb, '1-ukm').getCell('F8').value = 5;
    });
    expectStatus(result, 'tampered');
    expect(result.details).toEqual([
      {
        id: 'Sheet 1-ukm!F8: nilai 5, yang ditandatangani 1 (UK2, La Moringa)',
        en: 'Sheet 1-ukm!F8: mark 5, signed 1 (UK2, La Moringa)',
      },
    ]);
  });

  it('a mark added where the juror gave none (a conflicted nominee)', async () => {
    const result = await afterEdit((wb) => {
      worksheet(wb, '2-manufaktur').getCell('E10').value = 5;
    });
    expectStatus(result, 'tampered');
    expect(lines(result)).toEqual(['Sheet 2-manufaktur!E10: nilai 5, yang ditandatangani kosong (W1, PT Karang Batu Konstruksi†)']);
  });

  it("a total's cached result changed", async () => {
    const result = await afterEdit((wb) => {
      const cell = worksheet(wb, '1-ukm').getCell('I7');
      cell.value = { formula: cell.formula, result: 99 };
    });
    expectStatus(result, 'tampered');
    expect(lines(result, 'en')).toEqual(['Sheet 1-ukm!I7: total 99, signed 53.00 (Padu Padan by Erwin Yuan)']);
  });

  it("a total's formula changed", async () => {
    const result = await afterEdit((wb) => {
      worksheet(wb, '1-ukm').getCell('I7').value = { formula: '(35*E7/5*100)/100+46', result: 53 };
    });
    expectStatus(result, 'tampered');
    expect(lines(result, 'en')).toEqual([
      'Sheet 1-ukm!I7: total formula =(35*E7/5*100)/100+46, signed =(35*E7/5*100+25*F7/5*100+25*G7/5*100+15*H7/5*100)/100 (Padu Padan by Erwin Yuan)',
    ]);
  });

  it('a note changed, and a note turned into a real formula', async () => {
    const result = await afterEdit((wb) => {
      const sheet = worksheet(wb, '2-manufaktur');
      sheet.getCell('K7').value = 'Baris satu';
      worksheet(wb, '1-ukm').getCell('J7').value = { formula: 'HYPERLINK("http://x","klik")', result: 'klik' };
    });
    expectStatus(result, 'tampered');
    expect(lines(result, 'en')).toEqual([
      `Sheet 1-ukm!J7: note formula =HYPERLINK("http://x","klik"), signed ''${FORMULA_NOTE}' (Padu Padan by Erwin Yuan)`,
      "Sheet 2-manufaktur!K7: note 'Baris satu', signed 'Baris satu⏎Baris dua, dengan  spasi ganda ' (PT Sun Power Inti)",
    ]);
  });

  it("a nominee's name changed", async () => {
    const result = await afterEdit((wb) => {
      worksheet(wb, '1-manufaktur').getCell('C8').value = 'PT Nanda Karya';
    });
    expectStatus(result, 'tampered');
    expect(lines(result)).toEqual([
      "Sheet 1-manufaktur!C8: nama nominasi 'PT Nanda Karya', yang ditandatangani 'PT Nanda Karya Putera Pratama' (manufaktur-02)",
    ]);
  });

  it('two rows swapped', async () => {
    const result = await afterEdit((wb) => {
      const sheet = worksheet(wb, '1-ukm');
      const seven = sheet.getRow(7).values;
      const eight = sheet.getRow(8).values;
      sheet.getRow(7).values = eight;
      sheet.getRow(8).values = seven;
    });
    expectStatus(result, 'tampered');
    const found = lines(result, 'en');
    expect(found).toContain('Sheet 1-ukm!A7:K7: the row of La Moringa (ukm-02) has moved; it was signed at row 8 (order changed)');
    expect(found).toContain(
      'Sheet 1-ukm!A8:K8: the row of Padu Padan by Erwin Yuan (ukm-01) has moved; it was signed at row 7 (order changed)',
    );
  });

  it('a row deleted', async () => {
    const result = await afterEdit((wb) => {
      worksheet(wb, '1-ukm').spliceRows(9, 1);
    });
    expectStatus(result, 'tampered');
    expect(lines(result, 'en')).toEqual(['Sheet 1-ukm!A9:K9: the row of UKM Ghaura (ukm-03) is missing (deleted?)']);
  });

  it('a row added after the last nominee, and one in between', async () => {
    const after = await afterEdit((wb) => {
      worksheet(wb, '1-ukm').getRow(13).values = [6, 'ukm-06', 'UKM Siluman', 'Kupang', 5, 5, 5, 5];
    });
    expectStatus(after, 'tampered');
    expect(lines(after, 'en')).toEqual(["Sheet 1-ukm!A13:K13: an added row that was not signed: 6, 'ukm-06', 'UKM Siluman'"]);

    const between = await afterEdit((wb) => {
      worksheet(wb, '1-ukm').spliceRows(8, 0, [2, 'ukm-99', 'Sisipan', 'Kupang', 5, 5, 5, 5]);
    });
    expectStatus(between, 'tampered');
    // The rows below shift by one but keep their order: only the added row is named.
    expect(lines(between, 'en')).toEqual(["Sheet 1-ukm!A8:K8: an added row that was not signed: 2, 'ukm-99', 'Sisipan'"]);
  });

  it('content typed outside the table', async () => {
    const result = await afterEdit((wb) => {
      worksheet(wb, '2-ukm').getCell('N3').value = 'disetujui';
    });
    expectStatus(result, 'tampered');
    expect(lines(result, 'en')).toEqual(["Sheet 2-ukm!N3: content that was not signed: 'disetujui'"]);
  });

  it('a number format that prints another mark or total than the one signed', async () => {
    // F8 holds La Moringa's UK2, signed 1; I7 is Padu Padan's total, signed 53.00.
    const result = await afterEdit((wb) => {
      formatCell(worksheet(wb, '1-ukm').getCell('F8'), '\\5');
      formatCell(worksheet(wb, '1-ukm').getCell('I7'), '"90,00"');
      formatCell(worksheet(wb, '1-ukm').getCell('G8'), ';;;');
      formatCell(worksheet(wb, '1-ukm').getCell('E8'), '0\\0'); // read as "00" by exceljs itself, printed "40" by Excel
    });
    expectStatus(result, 'tampered');
    expect(lines(result, 'en')).toEqual([
      `Sheet 1-ukm!I7: total prints as '90,00' because of the number format '"90,00"', signed '53.00' (Padu Padan by Erwin Yuan)`,
      "Sheet 1-ukm!E8: mark prints as '40' because of the number format '0\\0', signed '4' (UK1, La Moringa)",
      "Sheet 1-ukm!F8: mark prints as '5' because of the number format '\\5', signed '1' (UK2, La Moringa)",
      "Sheet 1-ukm!G8: mark prints as '' because of the number format ';;;', signed '3' (UK3, La Moringa)",
    ]);
  });

  it('what a formatter may misread, and what prints over the cells, is tampering too', async () => {
    const result = await afterEdit((wb) => {
      const sheet = worksheet(wb, '1-ukm');
      formatCell(sheet.getCell('E7'), '*9General'); // fills the cell with 9s in Excel and LibreOffice
      sheet.getCell('H7').style = { ...sheet.getCell('H7').style, alignment: { horizontal: 'fill' } };
      sheet.addConditionalFormatting({
        ref: 'E8:H8',
        rules: [{ type: 'expression', formulae: ['TRUE'], priority: 1, style: { numFmt: { id: 200, formatCode: '"1"' } } as never }],
      });
      sheet.pageSetup.printArea = 'A1:K7';
      sheet.getRow(9).height = 2;
      const image = wb.addImage({
        base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        extension: 'png',
      });
      sheet.addImage(image, 'F8:F8');
    });
    expectStatus(result, 'tampered');
    const found = lines(result, 'en').join('\n');
    expect(found).toContain(
      "Sheet 1-ukm!E7: mark prints as '1' because of the number format '*9General', signed '1' (UK1, Padu Padan by Erwin Yuan)",
    );
    expect(found).toContain(
      'Sheet 1-ukm!H7: mark is printed repeated across the cell ("fill" alignment), signed \'2\' (UK4, Padu Padan by Erwin Yuan)',
    );
    expect(found).toContain('Sheet 1-ukm!E8:H8: a conditional format can print other figures');
    expect(found).toContain('Sheet 1-ukm: a picture over the cells that was not signed');
    expect(found).toContain('Sheet 1-ukm: print area A1:K7 can leave signed rows out');
    expect(found).toContain('Sheet 1-ukm!A9:K9: the row is hidden');
  });

  it('formats that only change how a signed cell looks stay harmless', async () => {
    const result = await afterEdit((wb) => {
      const sheet = worksheet(wb, '1-ukm');
      formatCell(sheet.getCell('F8'), '0.0'); // 1 printed as 1.0: the same mark
      formatCell(sheet.getCell('I7'), '[Red]0.00');
      sheet.getCell('C8').style = { ...sheet.getCell('C8').style, font: { bold: true, color: { argb: 'FF0000FF' } } };
      sheet.getColumn(3).width = 60;
    });
    expect(result.status, lines(result, 'en').join('\n')).toBe('valid');
  });

  it('accepts totals whose cached results a non-calculating tool dropped, while each formula is the signed one', async () => {
    const dropResults = (wb: ExcelJS.Workbook) => {
      for (const name of SECTION_SHEETS) {
        worksheet(wb, name).eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.formula) cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
          }),
        );
      }
    };
    expect((await afterEdit(dropResults)).status).toBe('valid');
    const changed = await afterEdit((wb) => {
      dropResults(wb);
      worksheet(wb, '1-ukm').getCell('I7').value = { formula: 'SUM(E7:H7)' } as ExcelJS.CellFormulaValue;
    });
    expectStatus(changed, 'tampered');
    expect(lines(changed, 'en')[0]).toMatch(/^Sheet 1-ukm!I7: total formula =SUM\(E7:H7\), signed =/);
  });

  it('a row hidden from the printout', async () => {
    const result = await afterEdit((wb) => {
      worksheet(wb, '1-ukm').getRow(9).hidden = true;
    });
    expectStatus(result, 'tampered');
    expect(lines(result, 'en')).toEqual(['Sheet 1-ukm!A9:K9: the row is hidden']);
  });

  it('a section sheet missing, and a sheet added', async () => {
    const result = await afterEdit((wb) => {
      wb.removeWorksheet(worksheet(wb, '2-ukm').id);
      wb.addWorksheet('Rekap').getCell('A1').value = 'x';
    });
    expectStatus(result, 'tampered');
    expect(lines(result, 'en')).toEqual([
      'Sheet 2-ukm is missing (Wawancara · Usaha Kecil Mikro)',
      'Sheet Rekap: an added sheet that was not signed',
    ]);
  });

  it("the cover's juror name and fingerprint changed", async () => {
    const result = await afterEdit((wb) => {
      const cover = worksheet(wb, 'Sampul');
      cover.getCell('B7').value = 'Orang Lain';
      cover.getCell('B15').value = '11111 22222 33333 44444 55555';
    });
    expectStatus(result, 'tampered');
    expect(lines(result, 'en')).toEqual([
      "Sheet Sampul!B7: juror's name 'Orang Lain', signed 'Maria Ñ. Tefa (contoh)'",
      `Sheet Sampul!B15: key fingerprint '11111 22222 33333 44444 55555', signed '${j4.fingerprint}'`,
    ]);
  });

  it('bad-signature: the signed payload edited', async () => {
    const result = await afterEdit((wb) => {
      const cell = worksheet(wb, 'Tanda tangan').getCell('B5');
      cell.value = String(cell.value).replace('"UK2":"1"', '"UK2":"5"');
    });
    expectStatus(result, 'bad-signature');
    expect(result.details).toEqual([
      {
        id: `Berkas ${FILE}: tanda tangan tidak sah (Sheet Tanda tangan): isi, tanda tangan atau kunci publik diubah setelah ditandatangani, atau rusak.`,
        en: `File ${FILE}: the signature is not valid (Sheet Tanda tangan): the contents, the signature or the public key were changed after signing, or are damaged.`,
      },
    ]);
    expect(result.juror).toBe('J4');
    expect(result.revision).toBe(1);
  });

  it('bad-signature: the signature edited', async () => {
    const result = await afterEdit((wb) => {
      const cell = worksheet(wb, 'Tanda tangan').getCell('B3');
      const signature = Buffer.from(String(cell.value), 'base64');
      signature[10] ^= 1;
      cell.value = signature.toString('base64');
    });
    expectStatus(result, 'bad-signature');
    // Characters a lenient base64 decoder skips are not part of a signature either.
    const padded = await afterEdit((wb) => {
      const cell = worksheet(wb, 'Tanda tangan').getCell('B3');
      cell.value = `${String(cell.value).slice(0, 40)} ${String(cell.value).slice(40)}`;
    });
    expectStatus(padded, 'bad-signature');
  });

  it("bad-signature: the public key replaced by another juror's", async () => {
    const result = await afterEdit((wb) => {
      worksheet(wb, 'Tanda tangan').getCell('B2').value = j5.publicKey;
    });
    expectStatus(result, 'bad-signature');
  });

  it("tampered: another juror's whole payload, signature and key copied in", async () => {
    const j5Payload = demoSheetPayload(j5, { jurorId: 'J5', name: 'Yakobus Riwu (contoh)', seed: 1 });
    const j5Sheet = await loadWorkbook(await writeScoreSheet(j5Payload, j5));
    const result = await afterEdit((wb) => {
      const from = worksheet(j5Sheet, 'Tanda tangan');
      const to = worksheet(wb, 'Tanda tangan');
      from.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          to.getCell(r, c).value = cell.value;
        }),
      );
    });
    // J5's signature and key are genuine and enrolled, so only the visible cells give it away.
    expectStatus(result, 'tampered');
    expect(result.juror).toBe('J5');
    const found = lines(result, 'en');
    expect(found).toContain("Sheet Sampul!B6: juror ID 'J4', signed 'J5'");
    expect(found).toContain(`Sheet Sampul!B15: key fingerprint '${j4.fingerprint}', signed '${j5.fingerprint}'`);
    expect(found.some((line) => /^Sheet 1-ukm!E7: mark \d, signed \d \(UK1, Padu Padan by Erwin Yuan\)$/.test(line))).toBe(true);
  });

  it('reports every finding when the event is wrong and cells were edited too', async () => {
    const other = { ...payload, packageRevision: 3 };
    const result = await afterEdit((wb) => {
      putCarrier(wb, canonicalJson(other), signCanonical(other, j4.privateKey), j4.publicKey);
      worksheet(wb, '1-ukm').getCell('F8').value = 5;
    });
    expectStatus(result, 'wrong-event');
    expect(lines(result, 'en')).toEqual([
      `File ${FILE}: scored against event package revision 3, which was never issued (latest: 2).`,
      'Sheet Sampul!B14: event package revision 2, signed 3',
      'Sheet 1-ukm!F8: mark 5, signed 1 (UK2, La Moringa)',
    ]);
  });
});
