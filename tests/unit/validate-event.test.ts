import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/core/model.ts';
import { formatIssue, validateEvent } from '../../src/core/validate-event.ts';
import { demoDocument } from '../support/demo.ts';

/** Validates a mutated demo event and returns its issues as "place: message" lines in both languages. */
function problems(mutate: (event: Event) => void): { id: string[]; en: string[] } {
  const event = demoDocument();
  mutate(event);
  const result = validateEvent(event);
  expect(result.ok).toBe(false);
  return { id: result.issues.map((i) => formatIssue(i, 'id')), en: result.issues.map((i) => formatIssue(i, 'en')) };
}

describe('validateEvent refuses an invalid event and names the place', () => {
  it('criteria weights of a round and category not summing to 100', () => {
    const found = problems((e) => {
      e.criteria.find((c) => c.code === 'W2')!.weight = 20;
    });
    // W2 serves all eight categories: one problem, reported once.
    expect(found.id).toEqual([
      'Babak Wawancara, kategori Pemerintah Kabupaten/Kota, Pemerintah Desa/Kelurahan (+6): total bobot 95, harus 100',
    ]);
    expect(found.en).toEqual([
      'Round Interview, category Pemerintah Kabupaten/Kota, Pemerintah Desa/Kelurahan (+6): weights total 95, must be 100',
    ]);
  });

  it('writes a decimal total the way each language does', () => {
    const found = problems((e) => {
      e.criteria.find((c) => c.code === 'UK2')!.weight = 24.5;
    });
    expect(found.id).toEqual(['Babak Seleksi Administrasi, kategori Usaha Kecil Mikro: total bobot 99,5, harus 100']);
    expect(found.en).toEqual(['Round Administrative Selection, category Usaha Kecil Mikro: weights total 99.5, must be 100']);
  });

  it('points a weight-sum problem at every weight involved', () => {
    const event = demoDocument();
    event.criteria.find((c) => c.code === 'UK2')!.weight = 30;
    const result = validateEvent(event);
    expect(result.ok).toBe(false);
    const codes = result.issues[0].related!.map(([, index]) => event.criteria[index as number].code);
    expect(codes).toEqual(['UK1', 'UK2', 'UK3', 'UK4']);
    expect(result.issues[0].related!.every((path) => path[2] === 'weight')).toBe(true);
  });

  it('round weights not summing to 100', () => {
    const found = problems((e) => {
      e.rounds[1].weight = 30;
    });
    expect(found.id).toEqual(['Babak: total bobot babak 90, harus 100']);
  });

  it('a duplicate nominee id', () => {
    const found = problems((e) => {
      e.nominees[7].id = e.nominees[3].id;
    });
    expect(found.id).toEqual([
      `Nominasi ${demoDocument().nominees[3].id}: id "${demoDocument().nominees[3].id}" dipakai lebih dari sekali`,
    ]);
  });

  it('a conflict naming an unknown juror', () => {
    const found = problems((e) => {
      e.conflicts[0].jurorId = 'J10';
    });
    expect(found.id).toEqual(['Konflik J10–manufaktur-04: juri "J10" tidak dikenal']);
    expect(found.en).toEqual(['Conflict J10–manufaktur-04: unknown juror "J10"']);
  });

  it('a rubric with fewer levels than the scale', () => {
    const found = problems((e) => {
      e.criteria.find((c) => c.code === 'BU3')!.rubric.pop();
    });
    expect(found.id).toEqual(['Kriteria BU3: rubrik punya 4 level (1, 2, 3, 4), skala 1–5 butuh 5 level berurutan (1, 2, 3, 4, 5)']);
  });

  it('a scale whose minimum is above its maximum', () => {
    const found = problems((e) => {
      e.criteria.find((c) => c.code === 'PD1')!.scale = { min: 5, max: 1, step: 1 };
    });
    expect(found.id).toEqual(['Kriteria PD1: skala minimum 5 harus di bawah maksimum 1']);
  });

  it('a nominee in an unknown category, and a criterion in a category its round does not cover', () => {
    const found = problems((e) => {
      e.nominees[0].categoryId = 'pariwisata';
      e.rounds[1].categoryIds = e.rounds[1].categoryIds.filter((c) => c !== 'ukm');
    });
    expect(found.id).toContain('Nominasi pemkab-01: kategori "pariwisata" tidak dikenal');
    expect(found.id).toContain('Kriteria W1: kategori "ukm" tidak dinilai di babak Wawancara');
  });

  it('structural errors: a wrong type and a missing field, each at its path, in both languages', () => {
    const event = demoDocument() as unknown as Record<string, unknown[]>;
    (event.criteria[2] as Record<string, unknown>).weight = 'dua puluh lima';
    delete (event.jurors[4] as Record<string, unknown>).institution;
    const result = validateEvent(event);
    expect(result.ok).toBe(false);
    const lines = result.issues.map((i) => formatIssue(i, 'id'));
    const code = (event.criteria[2] as { code: string }).code;
    expect(lines).toEqual([
      `Kriteria ${code} › bobot: Input tidak valid: diharapkan angka, diterima teks`,
      'Juri J5 › instansi: Input tidak valid: diharapkan teks, diterima kosong',
    ]);
    expect(result.issues[0].message.en).toBe('Invalid input: expected number, received string');
    expect(result.issues[0].path).toEqual(['criteria', 2, 'weight']);
  });

  it('reports every problem at once rather than the first only', () => {
    const found = problems((e) => {
      e.rounds[0].weight = 50;
      e.conflicts[1].nomineeId = 'tidak-ada';
      e.jurors[2].role = 'ketua';
    });
    expect(found.id).toHaveLength(3);
  });

  it('accepts the demo event untouched', () => {
    expect(validateEvent(demoDocument())).toMatchObject({ ok: true, issues: [] });
  });
});

describe('validateEvent refuses text that a spreadsheet could take for a formula', () => {
  const MESSAGE = {
    id: (start: string) => `tidak boleh diawali ${start}: Excel dan LibreOffice dapat membacanya sebagai rumus`,
    en: (start: string) => `must not begin with ${start}: Excel and LibreOffice may read it as a formula`,
  };

  it.each([
    ['=', `=cmd|' /C calc'!A0`, '"="', '"="'],
    ['+', `+SUM(1)+cmd|' /C calc'!A0`, '"+"', '"+"'],
    ['-', `-2+3+cmd|' /C notepad'!A0`, '"-"', '"-"'],
    ['@', '@SUM(1+1)', '"@"', '"@"'],
    ['TAB', '\t=1+1', 'tab', 'a tab'],
    ['CR', '\r=1+1', 'ganti baris', 'a line break'],
  ])("a nominee's name beginning with %s, named as the nominee's name in both languages", (_, name, startId, startEn) => {
    const found = problems((e) => {
      e.nominees[0].name = name;
    });
    expect(found.id).toEqual([`Nominasi pemkab-01 › nama: ${MESSAGE.id(startId)}`]);
    expect(found.en).toEqual([`Nominee pemkab-01 › name: ${MESSAGE.en(startEn)}`]);
  });

  it('every text of the event that a workbook or the report shows, each named where people fill it in', () => {
    const event = demoDocument();
    const bad = '=HYPERLINK("http://contoh.invalid","klik")';
    const w1 = event.criteria.find((c) => c.code === 'W1')!;
    event.name = bad;
    event.place = bad;
    event.schedule.interviews!.venue = bad;
    event.schedule.ceremony!.venue = bad;
    event.categories[0].name.id = bad;
    event.rounds[1].name.en = bad;
    w1.label.id = bad;
    w1.rubric[2].text.en = bad;
    event.nominees[1].region = bad;
    event.nominees[2].attributes = { catatan: bad, [bad]: 'ya' };
    event.jurors[0].title = bad;
    event.jurors[1].institution = bad;
    event.jurors[2].name = bad;
    event.conflicts[0].reason = bad;
    event.merge.overall!.name.en = bad;
    const result = validateEvent(event);
    expect(result.ok).toBe(false);
    const where = result.issues.map((issue) => issue.where);
    expect(where.map((w) => w.id)).toEqual([
      'nama acara',
      'tempat',
      'jadwal › wawancara › tempat',
      'jadwal › penganugerahan › tempat',
      'Kategori pemkab › nama (Indonesia)',
      'Babak wawancara › nama (English)',
      'Kriteria W1 › label (Indonesia)',
      'Kriteria W1 › rubrik skor 3 › teks (English)',
      `Nominasi ${event.nominees[1].id} › wilayah`,
      `Nominasi ${event.nominees[2].id} › atribut › catatan`,
      `Nominasi ${event.nominees[2].id} › atribut`,
      'Juri J1 › jabatan',
      'Juri J2 › instansi',
      'Juri J3 › nama',
      `Konflik ${event.conflicts[0].jurorId}–${event.conflicts[0].nomineeId} › alasan`,
      'penggabungan nilai › peringkat umum › nama (English)',
    ]);
    expect(where.map((w) => w.en)).toContain('Criterion W1 › rubric score 3 › text (English)');
    expect(where.map((w) => w.en)).toContain('Category pemkab › name (Indonesian)');
    expect(result.issues.find((i) => i.path.join('.') === `nominees.2.attributes.${bad}`)?.message).toEqual({
      id: `nama atribut "${bad}" ${MESSAGE.id('"="')}`,
      en: `attribute name "${bad}" ${MESSAGE.en('"="')}`,
    });
    for (const issue of result.issues.filter((i) => i.path.at(-1) !== bad)) {
      expect(issue.message).toEqual({ id: MESSAGE.id('"="'), en: MESSAGE.en('"="') });
    }
  });

  it('spaces before the = do not hide it', () => {
    const found = problems((e) => {
      e.jurors[0].institution = '   =1+1';
    });
    expect(found.en).toEqual([`Juror J1 › institution: ${MESSAGE.en('"="')}`]);
  });

  it('accepts what only looks close: a region "-", negative numbers, =, +, - or @ inside the text', () => {
    const event = demoDocument();
    event.nominees[0].region = '-';
    event.nominees[1].region = '--';
    event.nominees[2].attributes = { selisih: '-2,5', saldo: -12, kontak: 'humas@contoh.id' };
    event.nominees[3].name = 'PT Maju = Jaya + Sentosa - Abadi @ Kupang';
    event.conflicts[0].reason = 'Kerabat (suami/istri) — "=" bukan awal kalimat';
    expect(validateEvent(event)).toMatchObject({ ok: true, issues: [] });
  });

  it('reports formula-like text beside structural errors, and an id such as "=x" once', () => {
    const event = demoDocument() as unknown as Record<string, Record<string, unknown>[]>;
    event.jurors[0].institution = 42;
    event.jurors[1].title = '@SUM(1)';
    event.categories[0].id = '=x';
    const result = validateEvent(event);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.path.join('.'))).toEqual(['categories.0.id', 'jurors.0.institution', 'jurors.1.title']);
    expect(result.issues[2].message.id).toBe(MESSAGE.id('"@"'));
  });

  it('the demo event has none', () => {
    expect(validateEvent(demoDocument()).ok).toBe(true);
  });
});

describe('nominee evidence (issue 17): figures and documents', () => {
  const figure = (over: Partial<NonNullable<Event['figures']>[number]> = {}) => ({
    nomineeId: 'pemkab-01',
    label: { id: 'Cakupan kepesertaan', en: 'Coverage' },
    value: 34.9,
    unit: '%',
    source: 'BPJS Ketenagakerjaan',
    date: '2024-12-31',
    criterionCodes: ['PD3'],
    ...over,
  });

  it("accepts figures linked to criteria of the nominee's category, and documents", () => {
    const event = demoDocument();
    event.figures = [figure()];
    event.documents = [{ nomineeId: 'pemkab-01', fileName: 'Perda-3-2023.pdf', kind: 'perda' }];
    expect(validateEvent(event).ok).toBe(true);
  });

  it('names an unknown nominee, a criterion of another category and a twice-listed file, in both languages', () => {
    const found = problems((e) => {
      e.figures = [figure({ nomineeId: 'nobody' }), figure({ criterionCodes: ['BU1'] })];
      e.documents = [
        { nomineeId: 'pemkab-01', fileName: 'SK.pdf', kind: 'sk' },
        { nomineeId: 'pemkab-01', fileName: 'sk.PDF', kind: 'sk' },
      ];
    });
    expect(found.id).toEqual([
      'Data nobody › Cakupan kepesertaan: nominasi "nobody" tidak dikenal',
      'Data pemkab-01 › Cakupan kepesertaan: kriteria BU1 tidak dinilai di kategori Pemerintah Kabupaten/Kota',
      'Dokumen pemkab-01 › sk.PDF: berkas "sk.PDF" tercantum dua kali untuk nominasi ini',
    ]);
    expect(found.en[0]).toBe('Figure nobody › Cakupan kepesertaan: unknown nominee "nobody"');
  });

  it('refuses a document that is not a PDF, JPG or PNG, naming it', () => {
    const found = problems((e) => {
      e.documents = [{ nomineeId: 'pemkab-01', fileName: 'paparan.pptx', kind: 'presentasi' }];
    });
    expect(found.id).toEqual(['Dokumen pemkab-01 › paparan.pptx: harus nama berkas PDF, JPG atau PNG tanpa folder']);
    expect(found.en).toEqual(['Document pemkab-01 › paparan.pptx: must be a PDF, JPG or PNG file name without folders']);
  });
});

describe('score scales', () => {
  it('accepts marks on the scale and its step only', async () => {
    const { isOnScale } = await import('../../src/core/scale.ts');
    const half = { min: 1, max: 5, step: 0.5 };
    expect([1, 1.5, 4.5, 5].every((v) => isOnScale(v, half))).toBe(true);
    expect([0.5, 5.5, 1.25, Number.NaN].some((v) => isOnScale(v, half))).toBe(false);
  });

  it('writes marks as canonical decimals, whatever float noise a spreadsheet adds', async () => {
    const { canonicalScore } = await import('../../src/core/scale.ts');
    expect(canonicalScore(3.4999999999999996, { min: 1, max: 5, step: 0.5 })).toBe('3.5');
    expect(canonicalScore(4.000000000000001, { min: 1, max: 5, step: 1 })).toBe('4');
    expect(canonicalScore(7.25, { min: 0, max: 10, step: 0.25 })).toBe('7.25');
  });
});
