import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/core/model.ts';
import {
  formatTemplateIssue,
  readEventTemplate,
  writeEventTemplate,
  type TemplateImport,
  type TemplateIssue,
} from '../../src/services/events/event-template.ts';
import { demoDocument } from '../support/demo.ts';

/** The seven sheets a template must have, then the optional Penugasan (issue 16), Data and Dokumen (issue 17). */
const SHEET_NAMES = ['Acara', 'Kategori', 'Babak', 'Kriteria', 'Nominasi', 'Juri', 'Konflik', 'Penugasan', 'Data', 'Dokumen'];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Writes the event's template, lets `edit` change it as a person would in Excel, saves it and reads it back. */
async function readEdited(edit: (workbook: ExcelJS.Workbook) => void, event: Event = demoDocument()): Promise<TemplateImport> {
  const workbook = await load(await writeEventTemplate(event));
  edit(workbook);
  return readEventTemplate(Buffer.from(await workbook.xlsx.writeBuffer()), 'acara.xlsx');
}

/** The issues of an edited demo template, which must be refused. */
async function issuesAfter(edit: (workbook: ExcelJS.Workbook) => void, event?: Event): Promise<TemplateIssue[]> {
  const result = await readEdited(edit, event);
  if (result.ok) throw new Error('the edited template was accepted');
  return result.issues;
}

const lines = (issues: TemplateIssue[], lang: 'id' | 'en') => issues.map((issue) => formatTemplateIssue(issue, lang));

/** Sheet row of a criterion of the demo event: data starts at row 3, in the event's order. */
const criterionRow = (code: string) => 3 + demoDocument().criteria.findIndex((c) => c.code === code);

describe('writeEventTemplate and readEventTemplate round trip', () => {
  it('reads the demo template back as the demo event', async () => {
    const demo = demoDocument();
    const result = await readEventTemplate(await writeEventTemplate(demo), 'demo.xlsx');
    expect(result).toEqual({ ok: true, event: demo });
  });

  it('writes a formula-like name of an event stored before it was refused as literal text, and refuses it on reading back', async () => {
    const event = demoDocument();
    event.nominees[0].name = '=HYPERLINK("http://x","klik")';
    const bytes = await writeEventTemplate(event);
    const cell = sheet(await load(bytes), 'Nominasi').getCell('C3');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe('=HYPERLINK("http://x","klik")');
    const result = await readEventTemplate(bytes, 'demo.xlsx');
    expect(result.ok).toBe(false);
    expect(lines((result as { issues: TemplateIssue[] }).issues, 'en')).toEqual([
      `Nominasi!C3: name must not begin with "=": Excel and LibreOffice may read it as a formula, found '=HYPERLINK("http://x","klik")'`,
    ]);
  });

  it('keeps nominee attributes with their types, one column per key', async () => {
    const event = demoDocument();
    event.nominees[0].attributes = { jumlahPekerja: 1250, patuh: true, npwp: '01.234.567.8-901.000', kode: '007' };
    event.nominees[2].attributes = { jumlahPekerja: 84.5, catatan: 'Lihat =SUM(A1:A2) di lampiran', selisih: '-2,5' };
    const bytes = await writeEventTemplate(event);
    const nominees = sheet(await load(bytes), 'Nominasi');
    expect([6, 7, 8, 9, 10, 11].map((c) => nominees.getCell(1, c).value)).toEqual([
      'jumlahPekerja',
      'patuh',
      'npwp',
      'kode',
      'catatan',
      'selisih',
    ]);
    expect(nominees.getCell('F3').type).toBe(ExcelJS.ValueType.Number);
    expect(nominees.getCell('G3').type).toBe(ExcelJS.ValueType.Boolean);
    expect(nominees.getCell('I3').type).toBe(ExcelJS.ValueType.String);
    expect(await readEventTemplate(bytes, 'demo.xlsx')).toEqual({ ok: true, event });
  });

  it('round-trips an event without the optional parts', async () => {
    const event = demoDocument();
    event.schedule = {};
    event.merge.overall = null;
    event.merge.tieBreak = [];
    delete event.rounds[1].interview;
    event.rounds[1].shortlistSize = null;
    event.jurors[0].name = 'Dr. Maria Goreti';
    event.nominees[0].region = '';
    expect(await readEventTemplate(await writeEventTemplate(event), 'acara.xlsx')).toEqual({ ok: true, event });
  });

  it('writes the widest scale as rubric pairs and reads a 0–6 scale back', async () => {
    const event = demoDocument();
    const w1 = event.criteria[0];
    w1.scale = { min: 0, max: 6, step: 0.5 };
    w1.rubric = Array.from({ length: 7 }, (_, i) => ({ score: i, text: { id: `Level ${i}`, en: `Level ${i} (en)` } }));
    const bytes = await writeEventTemplate(event);
    const criteria = sheet(await load(bytes), 'Kriteria');
    expect(criteria.getCell(1, 9 + 13).value).toBe('Rubrik 7 (Indonesia)');
    expect(criteria.getCell(1, 9 + 14).value).toBe('Rubrik 7 (English)');
    expect(await readEventTemplate(bytes, 'acara.xlsx')).toEqual({ ok: true, event });
  });

  it('reads what people type: dates and numbers as text, day-first dates, percentages, padded text, rows left empty in between', async () => {
    const result = await readEdited((workbook) => {
      sheet(workbook, 'Acara').getCell('B6').value = '2024-01-01';
      sheet(workbook, 'Acara').getCell('B7').value = '31/12/2024';
      sheet(workbook, 'Kriteria').getCell('F3').value = '30';
      // Weights as Excel stores "25%" typed into a cell (0.25 in a percent format), and as text.
      const percent = sheet(workbook, 'Kriteria').getCell('F4');
      expect(percent.value).toBe(25);
      percent.value = 0.25;
      percent.numFmt = '0%';
      sheet(workbook, 'Kriteria').getCell('F5').value = `${sheet(workbook, 'Kriteria').getCell('F5').value}%`;
      sheet(workbook, 'Kategori').getCell('B3').value = '   Pemerintah Kabupaten/Kota  ';
      const conflicts = sheet(workbook, 'Konflik');
      conflicts.getRow(7).values = ['J9', 'perdagangan-04', 'Anggota dewan pembina yayasan nominasi'];
      conflicts.getRow(4).values = [];
    });
    expect(result).toEqual({ ok: true, event: demoDocument() });
  });

  it('reads formulas as their saved results, false and 0 included', async () => {
    const event = demoDocument();
    event.nominees[0].attributes = { patuh: false, tunggakan: 0 };
    const result = await readEdited((workbook) => {
      sheet(workbook, 'Kriteria').getCell('F3').value = { formula: '15*2', result: 30 };
      sheet(workbook, 'Nominasi').getCell('F3').value = { formula: 'FALSE()', result: false };
      sheet(workbook, 'Nominasi').getCell('G3').value = { formula: '2-2', result: 0 };
    }, event);
    expect(result).toEqual({ ok: true, event });
  });
});

describe('nominee evidence (issue 17): sheets Data and Dokumen', () => {
  const withEvidence = (): Event => ({
    ...demoDocument(),
    figures: [
      {
        nomineeId: 'pemkab-01',
        label: { id: 'Cakupan kepesertaan', en: 'Coverage' },
        value: 34.9,
        unit: '%',
        source: 'BPJS Ketenagakerjaan',
        date: '2024-12-31',
        criterionCodes: ['PD3'],
      },
      {
        nomineeId: 'pemkab-01',
        label: { id: 'Pekerja rentan dibiayai APBD', en: 'Vulnerable workers funded' },
        value: 100000,
        unit: 'orang',
        source: 'Pemkab',
        date: '2024-12-31',
      },
    ],
    documents: [{ nomineeId: 'pemkab-01', fileName: 'Perda-3-2023.pdf', kind: 'perda' }],
  });

  it('round-trips figures and documents', async () => {
    const event = withEvidence();
    expect(await readEventTemplate(await writeEventTemplate(event), 'acara.xlsx')).toEqual({ ok: true, event });
  });

  it('reads an older template without Data and Dokumen as an event without evidence', async () => {
    const result = await readEdited((workbook) => {
      workbook.removeWorksheet(sheet(workbook, 'Data').id);
      workbook.removeWorksheet(sheet(workbook, 'Dokumen').id);
    }, withEvidence());
    const { figures: _figures, documents: _documents, ...withoutEvidence } = withEvidence();
    expect(result).toEqual({ ok: true, event: withoutEvidence });
  });

  it('reads Indonesian numbers typed as text: 34,90 and 100.000', async () => {
    const result = await readEdited((workbook) => {
      sheet(workbook, 'Data').getCell('D3').value = '34,90';
      sheet(workbook, 'Data').getCell('D4').value = '100.000';
    }, withEvidence());
    if (!result.ok) throw new Error(lines(result.issues, 'en').join('\n'));
    expect(result.event.figures!.map((f) => f.value)).toEqual([34.9, 100000]);
  });

  it('names every unreadable cell by sheet and cell, in both languages', async () => {
    const issues = await issuesAfter((workbook) => {
      sheet(workbook, 'Data').getCell('D4').value = 'banyak';
      sheet(workbook, 'Dokumen').getCell('C3').value = 'video';
    }, withEvidence());
    expect(lines(issues, 'id')).toEqual([
      "Data!D4: nilai harus angka ≥ 0 (mis. 34,90 atau 100.000), ditemukan 'banyak'",
      "Dokumen!C3: jenis harus salah satu dari: perda, sk, kuesioner, presentasi, foto, ditemukan 'video'",
    ]);
    expect(lines(issues, 'en')[0]).toBe("Data!D4: value must be a number ≥ 0 (e.g. 34,90 or 100.000), found 'banyak'");
  });

  it('names an unknown nominee, a criterion of another category and a file that is no PDF, JPG or PNG at their cells', async () => {
    const issues = await issuesAfter((workbook) => {
      sheet(workbook, 'Data').getCell('A3').value = 'pemkab-99';
      sheet(workbook, 'Data').getCell('H4').value = 'BU1';
      sheet(workbook, 'Dokumen').getCell('B3').value = 'paparan.pptx';
    }, withEvidence());
    expect(lines(issues, 'id')).toEqual([
      'Data!A3: Data pemkab-99 › Cakupan kepesertaan: nominasi "pemkab-99" tidak dikenal',
      'Data!H4: Data pemkab-01 › Pekerja rentan dibiayai APBD: kriteria BU1 tidak dinilai di kategori Pemerintah Kabupaten/Kota',
      'Dokumen!B3: Dokumen pemkab-01 › paparan.pptx: harus nama berkas PDF, JPG atau PNG tanpa folder',
    ]);
    expect(lines(issues, 'en')[2]).toBe(
      'Dokumen!B3: Document pemkab-01 › paparan.pptx: must be a PDF, JPG or PNG file name without folders',
    );
  });
});

describe('the empty template', () => {
  it('has the seven sheets, Penugasan, Data and Dokumen with bold headings, grey hints, frozen panes and no data', async () => {
    const workbook = await load(await writeEventTemplate(null));
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(SHEET_NAMES);
    for (const ws of workbook.worksheets) {
      expect(ws.getCell('A1').value, ws.name).toBeTruthy();
      expect(ws.getCell('A1').font?.bold, ws.name).toBe(true);
      expect(ws.getCell('A2').value, ws.name).toBeTruthy();
      expect(ws.getCell('A2').font?.italic, ws.name).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      if (ws.name !== 'Acara') expect(ws.rowCount, ws.name).toBe(2);
    }
    expect(sheet(workbook, 'Kriteria').getRow(1).values).toEqual([
      undefined,
      'Kode',
      'Babak',
      'Kategori',
      'Label (Indonesia)',
      'Label (English)',
      'Bobot',
      'Skala min',
      'Skala maks',
      'Langkah',
      ...[1, 2, 3, 4, 5].flatMap((k) => [`Rubrik ${k} (Indonesia)`, `Rubrik ${k} (English)`]),
    ]);
    expect(sheet(workbook, 'Kriteria').getCell('F2').value).toMatch(/^Weight/);
    const event = sheet(workbook, 'Acara');
    expect(event.getCell('A3').value).toBe('ID acara');
    expect(event.getCell('B3').value).toBeNull();
    expect(event.getCell('C3').value).toMatch(/^Event ID/);
  });

  it('reads back with issues, not an exception', async () => {
    const result = await readEventTemplate(await writeEventTemplate(null), 'kosong.xlsx');
    expect(result.ok).toBe(false);
    const id = lines((result as { issues: TemplateIssue[] }).issues, 'id');
    expect(id).toContain('Acara!B3: ID acara wajib diisi');
    expect(id).toContain('sheet Kategori belum berisi data (mulai baris 3)');
    expect(id).toContain('sheet Juri belum berisi data (mulai baris 3)');
    expect(id).not.toContain('sheet Nominasi belum berisi data (mulai baris 3)');
  });
});

describe('drop-downs and number checks', () => {
  it('offer the ids of the other sheets and the fixed choices', async () => {
    for (const bytes of [await writeEventTemplate(null), await writeEventTemplate(demoDocument())]) {
      const workbook = await load(bytes);
      const list = (name: string, address: string) => {
        const validation = sheet(workbook, name).getCell(address).dataValidation;
        expect(validation?.type, `${name}!${address}`).toBe('list');
        return validation.formulae[0];
      };
      expect(list('Kriteria', 'B3')).toBe('Babak!$A$3:$A$500');
      expect(list('Kriteria', 'B500')).toBe('Babak!$A$3:$A$500');
      expect(list('Nominasi', 'B3')).toBe('Kategori!$A$3:$A$500');
      expect(list('Nominasi', 'E3')).toBe('"Ya,Tidak"');
      expect(list('Juri', 'B3')).toBe('"ketua,sekretaris,anggota"');
      expect(list('Konflik', 'A3')).toBe('Juri!$A$3:$A$500');
      expect(list('Konflik', 'B3')).toBe('Nominasi!$A$3:$A$500');
      expect(list('Acara', 'B15')).toBe('"mean,trimmed,median,zscore"');
    }
  });

  it('check weights as decimals 0–100 and counts as whole numbers', async () => {
    const workbook = await load(await writeEventTemplate(null));
    const check = (name: string, address: string) => {
      const { type, operator, formulae } = sheet(workbook, name).getCell(address).dataValidation;
      return { type, operator, formulae };
    };
    expect(check('Kriteria', 'F3')).toEqual({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    expect(check('Babak', 'E3')).toEqual({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    expect(check('Babak', 'B3')).toEqual({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [1] });
    expect(check('Babak', 'G3')).toEqual({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [1] });
    expect(check('Babak', 'H3')).toEqual({ type: 'whole', operator: 'between', formulae: [1, 240] });
    expect(check('Babak', 'I3')).toEqual({ type: 'whole', operator: 'between', formulae: [1, 240] });
    expect(check('Kriteria', 'G3')).toEqual({ type: 'whole', operator: 'between', formulae: [-100, 100] });
    expect(check('Kriteria', 'H3')).toEqual({ type: 'whole', operator: 'between', formulae: [-100, 100] });
    expect(check('Acara', 'B5')).toEqual({ type: 'whole', operator: 'between', formulae: [2000, 2200] });
    expect(check('Acara', 'B18')).toEqual({ type: 'whole', operator: 'between', formulae: [1, 10] });
  });
});

describe('readEventTemplate reports each mistake at its sheet and cell, in both languages', () => {
  it('1. a missing sheet', async () => {
    const issues = await issuesAfter((workbook) => workbook.removeWorksheet(sheet(workbook, 'Konflik').id));
    expect(issues).toEqual([{ sheet: 'Konflik', cell: null, message: { id: 'sheet Konflik tidak ada', en: 'sheet Konflik is missing' } }]);
    expect(lines(issues, 'en')).toEqual(['sheet Konflik is missing']);
  });

  it('2. a renamed column heading', async () => {
    const issues = await issuesAfter((workbook) => {
      sheet(workbook, 'Kriteria').getCell('F1').value = 'Weight';
    });
    expect(lines(issues, 'id')).toEqual(["Kriteria!F1: judul kolom harus 'Bobot', ditemukan 'Weight'"]);
    expect(lines(issues, 'en')).toEqual(["Kriteria!F1: column heading must be 'Bobot', found 'Weight'"]);
  });

  it('2b. a renamed row label on sheet Acara', async () => {
    const issues = await issuesAfter((workbook) => {
      sheet(workbook, 'Acara').getCell('A8').value = 'Kota';
    });
    expect(lines(issues, 'id')).toEqual(["Acara!A8: label baris harus 'Tempat (kota)', ditemukan 'Kota'"]);
    expect(lines(issues, 'en')).toEqual(["Acara!A8: row label must be 'Tempat (kota)', found 'Kota'"]);
  });

  it('3. text in a number column, without also reporting the weight sums it spoils', async () => {
    const issues = await issuesAfter((workbook) => {
      sheet(workbook, 'Kriteria').getCell(`F${criterionRow('W5')}`).value = 'dua puluh';
    });
    expect(issues).toEqual([
      {
        sheet: 'Kriteria',
        cell: 'F7',
        message: { id: "bobot harus angka 0–100, ditemukan 'dua puluh'", en: "weight must be a number 0–100, found 'dua puluh'" },
      },
    ]);
  });

  it('4. weights not summing to 100, at every weight cell involved', async () => {
    const issues = await issuesAfter((workbook) => {
      sheet(workbook, 'Kriteria').getCell(`F${criterionRow('UK2')}`).value = 30;
    });
    expect(lines(issues, 'id')).toEqual([
      'Kriteria!F21, F22, F23, F24: Babak Seleksi Administrasi, kategori Usaha Kecil Mikro: total bobot 105, harus 100',
    ]);
    expect(lines(issues, 'en')).toEqual([
      'Kriteria!F21, F22, F23, F24: Round Administrative Selection, category Usaha Kecil Mikro: weights total 105, must be 100',
    ]);
  });

  it('4b. a criterion weight shared by all categories', async () => {
    const issues = await issuesAfter((workbook) => {
      sheet(workbook, 'Kriteria').getCell(`F${criterionRow('W2')}`).value = 20;
    });
    expect(lines(issues, 'id')).toEqual([
      'Kriteria!F3, F4, F5, F6, F7: Babak Wawancara, kategori Pemerintah Kabupaten/Kota, Pemerintah Desa/Kelurahan (+6): total bobot 95, harus 100',
    ]);
  });

  it('5. a nominee in an unknown category', async () => {
    const issues = await issuesAfter((workbook) => {
      sheet(workbook, 'Nominasi').getCell('B3').value = 'pariwisata';
    });
    expect(lines(issues, 'id')).toEqual(['Nominasi!B3: Nominasi pemkab-01: kategori "pariwisata" tidak dikenal']);
    expect(lines(issues, 'en')).toEqual(['Nominasi!B3: Nominee pemkab-01: unknown category "pariwisata"']);
  });

  it('6. a duplicate id, at its second occurrence', async () => {
    const issues = await issuesAfter((workbook) => {
      sheet(workbook, 'Nominasi').getCell('A10').value = 'pemkab-04';
    });
    expect(lines(issues, 'id')).toEqual(['Nominasi!A10: Nominasi pemkab-04: id "pemkab-04" dipakai lebih dari sekali']);
    expect(lines(issues, 'en')).toEqual(['Nominasi!A10: Nominee pemkab-04: id "pemkab-04" is used more than once']);
  });

  it('7. a conflict with an unknown juror', async () => {
    const issues = await issuesAfter((workbook) => {
      sheet(workbook, 'Konflik').getCell('A3').value = 'J10';
    });
    expect(lines(issues, 'id')).toEqual(['Konflik!A3: Konflik J10–manufaktur-04: juri "J10" tidak dikenal']);
    expect(lines(issues, 'en')).toEqual(['Konflik!A3: Conflict J10–manufaktur-04: unknown juror "J10"']);
  });

  it('8. an empty required cell', async () => {
    const issues = await issuesAfter((workbook) => {
      sheet(workbook, 'Juri').getCell('D5').value = null;
    });
    expect(lines(issues, 'id')).toEqual(['Juri!D5: instansi wajib diisi']);
    expect(lines(issues, 'en')).toEqual(['Juri!D5: institution is required']);
  });

  it('8b. a required row of an optional group', async () => {
    const issues = await issuesAfter((workbook) => {
      sheet(workbook, 'Acara').getCell('B10').value = null;
      sheet(workbook, 'Acara').getCell('B22').value = null;
    });
    expect(lines(issues, 'id')).toEqual([
      'Acara!B10: wawancara selesai wajib diisi bila jadwal wawancara diisi',
      'Acara!B22: jumlah peringkat umum wajib diisi bila peringkat umum diisi',
    ]);
    expect(lines(issues, 'en')).toEqual([
      'Acara!B10: interviews end is required when the interview schedule is filled in',
      'Acara!B22: overall ranking size is required when the overall ranking is filled in',
    ]);
  });

  it('9. a scale minimum above its maximum, at both cells', async () => {
    const row = criterionRow('PD1');
    const issues = await issuesAfter((workbook) => {
      sheet(workbook, 'Kriteria').getCell(`G${row}`).value = 5;
      sheet(workbook, 'Kriteria').getCell(`H${row}`).value = 1;
    });
    expect(lines(issues, 'id')).toEqual(['Kriteria!G8:H8: Kriteria PD1: skala minimum 5 harus di bawah maksimum 1']);
    expect(lines(issues, 'en')).toEqual(['Kriteria!G8:H8: Criterion PD1: scale minimum 5 must be below maximum 1']);
  });

  it('10. a rubric level the scale needs left empty', async () => {
    const row = criterionRow('BU3');
    const issues = await issuesAfter((workbook) => {
      sheet(workbook, 'Kriteria').getCell(`R${row}`).value = null;
      sheet(workbook, 'Kriteria').getCell(`S${row}`).value = null;
    });
    expect(lines(issues, 'id')).toEqual(['Kriteria!R18: Rubrik 5 kosong: skala 1–5 butuh 5 level rubrik (Rubrik 1–5)']);
    expect(lines(issues, 'en')).toEqual(['Kriteria!R18: Rubric 5 is empty: scale 1–5 needs 5 rubric levels (Rubrik 1–5)']);
  });

  it('10b. a rubric level beyond the scale filled in', async () => {
    const row = criterionRow('BU3');
    const issues = await issuesAfter((workbook) => {
      sheet(workbook, 'Kriteria').getCell(`H${row}`).value = 4;
    });
    expect(lines(issues, 'id')).toEqual(['Kriteria!R18: Rubrik 5 terisi, padahal skala 1–4 hanya butuh 4 level rubrik (Rubrik 1–4)']);
    expect(lines(issues, 'en')).toEqual(['Kriteria!R18: Rubric 5 is filled in, but scale 1–4 needs only 4 rubric levels (Rubrik 1–4)']);
  });

  it('10c. half a rubric level', async () => {
    const issues = await issuesAfter((workbook) => {
      sheet(workbook, 'Kriteria').getCell(`M${criterionRow('W1')}`).value = '  ';
    });
    expect(lines(issues, 'id')).toEqual(['Kriteria!M3: rubrik 2 (English) wajib diisi']);
    expect(lines(issues, 'en')).toEqual(['Kriteria!M3: rubric 2 (English) is required']);
  });

  it('reports every mistake at once: the cells first, then the event as a whole', async () => {
    const issues = await issuesAfter((workbook) => {
      sheet(workbook, 'Acara').getCell('B5').value = 'dua ribu dua lima';
      sheet(workbook, 'Acara').getCell('B16').value = 'babak:final; pleno';
      sheet(workbook, 'Kriteria').getCell('F1').value = 'Weight';
      sheet(workbook, 'Kriteria').getCell('F7').value = 'dua puluh';
      sheet(workbook, 'Kriteria').getCell('G8').value = 5;
      sheet(workbook, 'Kriteria').getCell('H8').value = 1;
      sheet(workbook, 'Kriteria').getCell('R18').value = null;
      sheet(workbook, 'Kriteria').getCell('S18').value = null;
      sheet(workbook, 'Nominasi').getCell('B3').value = 'pariwisata';
      sheet(workbook, 'Nominasi').getCell('A10').value = 'pemkab-04';
      sheet(workbook, 'Juri').getCell('D5').value = null;
      sheet(workbook, 'Konflik').getCell('A3').value = 'J10';
    });
    expect(lines(issues, 'id')).toEqual([
      "Acara!B5: tahun penyelenggaraan harus bilangan bulat 2000–2200, ditemukan 'dua ribu dua lima'",
      "Kriteria!F1: judul kolom harus 'Bobot', ditemukan 'Weight'",
      "Kriteria!F7: bobot harus angka 0–100, ditemukan 'dua puluh'",
      'Kriteria!R18: Rubrik 5 kosong: skala 1–5 butuh 5 level rubrik (Rubrik 1–5)',
      'Juri!D5: instansi wajib diisi',
      'Nominasi!A10: Nominasi pemkab-04: id "pemkab-04" dipakai lebih dari sekali',
      'Kriteria!G8:H8: Kriteria PD1: skala minimum 5 harus di bawah maksimum 1',
      'Nominasi!B3: Nominasi pemkab-01: kategori "pariwisata" tidak dikenal',
      'Konflik!A3: Konflik J10–manufaktur-04: juri "J10" tidak dikenal',
      'Acara!B16: Penentuan peringkat seri: babak "final" tidak dikenal',
    ]);
    expect(lines(issues, 'en')).toContain('Acara!B16: Tie-break: unknown round "final"');
  });

  it('other cell problems: a date, a choice, the tie-break, a category id, a period running backwards', async () => {
    const issues = await issuesAfter((workbook) => {
      const event = sheet(workbook, 'Acara');
      event.getCell('B6').value = '2025-01-01';
      event.getCell('B12').value = '4 Juli';
      event.getCell('B13').value = '31/02/2025';
      event.getCell('B15').value = 'rata-rata';
      event.getCell('B16').value = 'acak';
      sheet(workbook, 'Kategori').getCell('A3').value = 'pem kab';
    });
    expect(lines(issues, 'en')).toEqual([
      "Acara!B12: plenary date must be a date (yyyy-mm-dd or dd/mm/yyyy), found '4 Juli'",
      "Acara!B13: ceremony date must be a date (yyyy-mm-dd or dd/mm/yyyy), found '31/02/2025'",
      "Acara!B15: merge rule must be one of: mean, trimmed, median, zscore, found 'rata-rata'",
      "Acara!B16: tie-break must be steps separated by semicolons: babak:<round ID>, kriteria-utama:<round ID> or pleno, found 'acak'",
      // Not also "unknown category pemkab" at every reference to it: the list of categories is incomplete.
      "Kategori!A3: ID must be an ID: letters, digits, dot, underscore or hyphen, at most 64 characters, found 'pem kab'",
      'Acara!B6:B7: Period assessed: start 2025-01-01 is after end 2024-12-31',
    ]);
  });

  it('a value in a column without a heading on sheet Nominasi', async () => {
    const issues = await issuesAfter((workbook) => {
      sheet(workbook, 'Nominasi').getCell('G5').value = 'x';
    });
    expect(lines(issues, 'id')).toEqual(['Nominasi!G5: kolom ini tidak berjudul: tulis nama atributnya di baris 1']);
  });
});

describe('readEventTemplate refuses text a spreadsheet could take for a formula, at its sheet and cell', () => {
  const because = {
    id: 'Excel dan LibreOffice dapat membacanya sebagai rumus',
    en: 'Excel and LibreOffice may read it as a formula',
  };

  it.each([
    ['=', `=cmd|' /C calc'!A0`, '"="', '"="'],
    ['+', `+SUM(1)+cmd|' /C calc'!A0`, '"+"', '"+"'],
    ['-', `-2+3+cmd|' /C notepad'!A0`, '"-"', '"-"'],
    ['@', '@SUM(1+1)', '"@"', '"@"'],
    ['TAB', '\tPT Tab Tersembunyi', 'tab', 'a tab'],
    ['CR', '\r=1+1', 'ganti baris', 'a line break'],
  ])("a nominee's name beginning with %s", async (_, typed, startId, startEn) => {
    const issues = await issuesAfter((workbook) => {
      sheet(workbook, 'Nominasi').getCell('C3').value = typed;
    });
    // XML reads a carriage return back as a line feed: the cell holds "\n=1+1" by then.
    const shown = typed.replace('\t', '\\t').replace('\r', '\\n');
    expect(lines(issues, 'id')).toEqual([`Nominasi!C3: nama tidak boleh diawali ${startId}: ${because.id}, ditemukan '${shown}'`]);
    expect(lines(issues, 'en')).toEqual([`Nominasi!C3: name must not begin with ${startEn}: ${because.en}, found '${shown}'`]);
  });

  it('on every sheet: names, places, labels, rubric texts, positions, reasons and attributes, each once', async () => {
    const bad = '=HYPERLINK("http://contoh.invalid","klik")';
    const issues = await issuesAfter((workbook) => {
      sheet(workbook, 'Acara').getCell('B4').value = bad; // Nama acara
      sheet(workbook, 'Acara').getCell('B8').value = `  ${bad}`; // Tempat, with spaces before
      sheet(workbook, 'Acara').getCell('B21').value = bad; // Peringkat umum: nama (English)
      sheet(workbook, 'Kategori').getCell('C4').value = bad;
      sheet(workbook, 'Babak').getCell('C3').value = { richText: [{ text: '=' }, { text: 'SUM(1)' }] };
      sheet(workbook, 'Kriteria').getCell('D3').value = bad;
      sheet(workbook, 'Kriteria').getCell('L3').value = bad; // Rubrik 2 (Indonesia)
      sheet(workbook, 'Nominasi').getCell('D4').value = bad;
      sheet(workbook, 'Nominasi').getCell('F1').value = 'catatan';
      sheet(workbook, 'Nominasi').getCell('F5').value = bad;
      sheet(workbook, 'Nominasi').getCell('G1').value = '@kolom';
      sheet(workbook, 'Nominasi').getCell('G6').value = 'ya';
      sheet(workbook, 'Juri').getCell('C3').value = bad;
      sheet(workbook, 'Juri').getCell('E4').value = '-Maria';
      sheet(workbook, 'Konflik').getCell('C3').value = '@SUM(1)';
      // A real formula whose saved result is such text.
      sheet(workbook, 'Juri').getCell('D6').value = { formula: 'CONCATENATE("=","1+1")', result: '=1+1' };
    });
    expect(issues.map((issue) => `${issue.sheet}!${issue.cell}`)).toEqual([
      'Acara!B4',
      'Acara!B8',
      'Acara!B21',
      'Kategori!C4',
      'Babak!C3',
      'Kriteria!D3',
      'Kriteria!L3',
      'Nominasi!G1',
      'Nominasi!D4',
      'Nominasi!F5',
      'Juri!C3',
      'Juri!E4',
      'Juri!D6',
      'Konflik!C3',
    ]);
    const id = lines(issues, 'id');
    expect(id[0]).toBe(`Acara!B4: nama acara tidak boleh diawali "=": ${because.id}, ditemukan '${bad}'`);
    expect(id).toContain(`Nominasi!F5: atribut 'catatan' tidak boleh diawali "=": ${because.id}, ditemukan '${bad}'`);
    expect(id).toContain(`Nominasi!G1: judul kolom atribut tidak boleh diawali "@": ${because.id}, ditemukan '@kolom'`);
    expect(id).toContain(`Juri!E4: nama tidak boleh diawali "-": ${because.id}, ditemukan '-Maria'`);
    expect(id).toContain(`Kriteria!L3: rubrik 2 (Indonesia) tidak boleh diawali "=": ${because.id}, ditemukan '${bad}'`);
    expect(lines(issues, 'en')).toContain(`Konflik!C3: reason must not begin with "@": ${because.en}, found '@SUM(1)'`);
    expect(lines(issues, 'en')).toContain(`Juri!D6: institution must not begin with "=": ${because.en}, found '=1+1'`);
  });

  it('accepts a region written "-", negative numbers and =, +, - or @ inside the text', async () => {
    const event = demoDocument();
    event.nominees[0].region = '-';
    event.nominees[1].attributes = { saldo: -3, selisih: '-2,5', kontak: 'humas@contoh.id' };
    event.jurors[0].institution = 'Dinas A + B = Satu';
    const result = await readEventTemplate(await writeEventTemplate(event), 'acara.xlsx');
    expect(result.ok, result.ok ? '' : lines(result.issues, 'en').join('\n')).toBe(true);
    expect(result).toEqual({ ok: true, event });
  });
});

describe('files that are not a template', () => {
  it.each([
    ['random bytes', 'acara.xlsx', randomBytes(2048)],
    ['a text file', 'catatan.txt', new TextEncoder().encode('ID;Nama\npemkab;Pemerintah Kabupaten/Kota\n')],
  ])('%s gives one issue naming the file', async (_, fileName, bytes) => {
    const result = await readEventTemplate(bytes, fileName);
    expect(result.ok).toBe(false);
    const { issues } = result as { issues: TemplateIssue[] };
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ sheet: '', cell: null });
    expect(formatTemplateIssue(issues[0], 'id')).toBe(
      `Berkas ${fileName} bukan berkas Excel (.xlsx) yang dapat dibaca. Simpan sebagai "Excel Workbook (.xlsx)" lalu coba lagi.`,
    );
    expect(formatTemplateIssue(issues[0], 'en')).toBe(
      `File ${fileName} is not a readable Excel (.xlsx) file. Save it as "Excel Workbook (.xlsx)" and try again.`,
    );
  });

  it('an empty file says it is empty, not that it is no Excel file (issue 19)', async () => {
    const result = await readEventTemplate(new Uint8Array(), 'kosong.xlsx');
    const { issues } = result as { issues: TemplateIssue[] };
    expect(issues).toHaveLength(1);
    expect(formatTemplateIssue(issues[0], 'id')).toBe(
      'Berkas kosong.xlsx kosong (0 byte): tidak berisi apa pun, mungkin penyalinan atau pengunduhannya terputus. Salin atau simpan lagi berkas aslinya.',
    );
    expect(formatTemplateIssue(issues[0], 'en')).toBe(
      'File kosong.xlsx is empty (0 bytes): it holds nothing, perhaps its copy or download was cut short. Copy or save the original file again.',
    );
  });

  it('an empty workbook, or one with other sheets, gives one issue naming the file', async () => {
    const empty = new ExcelJS.Workbook();
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = 'halo';
    for (const workbook of [empty, other]) {
      const result = await readEventTemplate(Buffer.from(await workbook.xlsx.writeBuffer()), 'Buku1.xlsx');
      expect(result).toEqual({
        ok: false,
        issues: [
          {
            sheet: '',
            cell: null,
            message: {
              id: 'Berkas Buku1.xlsx bukan templat acara Timbang: tidak ada satu pun sheet Acara, Kategori, Babak, Kriteria, Nominasi, Juri, Konflik.',
              en: 'File Buku1.xlsx is not a Timbang event template: it has none of the sheets Acara, Kategori, Babak, Kriteria, Nominasi, Juri, Konflik.',
            },
          },
        ],
      });
    }
  });
});

describe('formatTemplateIssue', () => {
  it('puts sheet and cell before the message when there is a cell', () => {
    const issue: TemplateIssue = {
      sheet: 'Kriteria',
      cell: 'F14',
      message: { id: 'bobot harus angka 0–100', en: 'weight must be a number 0–100' },
    };
    expect(formatTemplateIssue(issue, 'id')).toBe('Kriteria!F14: bobot harus angka 0–100');
    expect(formatTemplateIssue(issue, 'en')).toBe('Kriteria!F14: weight must be a number 0–100');
    expect(
      formatTemplateIssue({ ...issue, cell: null, message: { id: 'sheet Konflik tidak ada', en: 'sheet Konflik is missing' } }, 'en'),
    ).toBe('sheet Konflik is missing');
  });
});
