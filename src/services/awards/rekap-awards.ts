/**
 * The Rekapitulasi's "Penghargaan" sheet (issue 16): every category's places in order, each with its holder
 * (or "tidak ditetapkan" and why), then the special awards. Added after the other sheets, so their order and
 * row numbers stay as they were. Text goes through spreadsheetText, as in the rest of the workbook.
 */
import type ExcelJS from 'exceljs';
import type { Deliberation } from '../../api/contract.ts';
import type { Event } from '../../core/model.ts';
import { roundScore } from '../../core/score-format.ts';
import { spreadsheetText } from '../../core/spreadsheet-text.ts';

const VACANCY: Record<string, string> = {
  'below-minimum': 'tidak ditetapkan: Nilai Akhir di bawah batas minimum',
  incomplete: 'tidak ditetapkan: tidak ada nominasi yang dinilai di semua babak',
  'no-nominee': 'tidak ditetapkan: tidak ada nominasi',
  shared: 'dipegang bersama oleh peringkat di atasnya',
};

const text = (value: string | null) => (value === null ? null : spreadsheetText(value));

export function addAwardsSheet(workbook: ExcelJS.Workbook, event: Event, result: Deliberation): void {
  const sheet = workbook.addWorksheet('Penghargaan', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const fictional = new Set(event.nominees.filter((n) => n.fictional).map((n) => n.id));
  const nameOf = (id: string) => {
    const nominee = event.nominees.find((n) => n.id === id);
    return nominee ? `${nominee.name}${fictional.has(id) ? '†' : ''}` : id;
  };
  const finalOf = new Map(result.categories.flatMap((c) => c.ranking.map((n) => [n.nomineeId, n.final] as const)));
  sheet.addRow(['Kategori', 'Penghargaan', 'Nominasi', 'Nilai akhir', 'Keterangan']).font = { bold: true };
  for (const awards of result.awards) {
    const category = text(event.categories.find((c) => c.id === awards.categoryId)?.name.id ?? awards.categoryId);
    for (const place of awards.places) {
      if (place.vacant) {
        const minimum = place.vacant === 'below-minimum' && awards.minimum !== null ? ` ${String(awards.minimum).replace('.', ',')}` : '';
        sheet.addRow([category, `Terbaik ${place.place}`, null, null, text(`${VACANCY[place.vacant]}${minimum}`)]);
        continue;
      }
      for (const nomineeId of place.nomineeIds) {
        const final = finalOf.get(nomineeId);
        sheet.addRow([
          category,
          `Terbaik ${place.place}`,
          text(nameOf(nomineeId)),
          final === null || final === undefined ? null : roundScore(final),
          place.nomineeIds.length > 1 ? 'bersama' : null,
        ]);
      }
    }
  }
  for (const award of result.specialAwards) {
    const category =
      award.categoryId === null ? 'Seluruh acara' : (event.categories.find((c) => c.id === award.categoryId)?.name.id ?? award.categoryId);
    sheet.addRow([
      text(category),
      text(award.name),
      text(nameOf(award.nomineeId)),
      null,
      text(`${award.reason} (diputuskan oleh ${award.decidedBy})`),
    ]);
  }
  sheet.getColumn(1).width = 44;
  sheet.getColumn(2).width = 22;
  sheet.getColumn(3).width = 44;
  sheet.getColumn(4).width = 12;
  sheet.getColumn(5).width = 60;
}
