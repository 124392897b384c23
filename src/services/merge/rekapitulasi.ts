/**
 * The Rekapitulasi Nilai workbook: one sheet per category with the ranking, each juror's weighted total
 * per round and the disagreement flags, and a Verifikasi sheet listing every input file with its hash,
 * juror, signing key, revision, status, use and origin (the juror's laptop, or *kertas*: a paper form keyed
 * twice, with who keyed it and the reconciliation's note; a juror's column of a section that came from paper
 * says so). Names, reasons and file names are written as text, never formulas, and every text cell goes
 * through `cells`: one that starts like a formula (=, +, -, @, a tab or a line break) gets a leading apostrophe, so that a CSV saved from this workbook cannot run it either. A
 * sheet's file name is whatever the sender called it ("=cmd|' /C calc'!A0.xlsx" is a valid name).
 */
import ExcelJS from 'exceljs';
import type { Deliberation } from '../../api/contract.ts';
import { compositeKey } from '../../core/composite-key.ts';
import type { Bilingual, Event } from '../../core/model.ts';
import type { PaperLabel } from '../paper/paper-labels.ts';
import { roundScore } from '../../core/score-format.ts';
import { spreadsheetText } from '../../core/spreadsheet-text.ts';
import { REPORT_TEXT } from '../report/report-text.ts';
import { weightedTotal } from '../../core/scoring.ts';
// Issue 16: the awards per category and the special awards, on a sheet of their own.
import { addAwardsSheet } from '../awards/rekap-awards.ts';

/** The secretariat key that signed the package the sheets were checked against, and whether it was pinned. */
export interface SecretariatKey {
  fingerprint: string;
  pinned: boolean;
}

export interface RekapFile {
  fileName: string;
  fileHash: string;
  jurorId: string | null;
  signedWith: string | null;
  sheetRevision: number | null;
  status: string;
  use: string;
  /** A paper sheet (provenance 'kertas'): its form and who keyed it; null or absent for a laptop sheet. */
  paper?: PaperLabel | null;
  /** Where paper took part: why the file's sections are used as they are (paper/paper-rule.ts). */
  notes?: Bilingual[];
  /** Issue 17: the dossier hash the juror's sheet records (the package revision's figures and documents seen). */
  dossierHash?: string | null;
}

type Cell = string | number | null | { richText: { text: string }[] };

/** A row's cells as the workbook holds them: text made safe from formula injection, numbers and empties as they are. */
const cells = (values: readonly Cell[]): Cell[] =>
  values.map((value) => {
    if (typeof value === 'string') return spreadsheetText(value);
    if (value !== null && typeof value === 'object')
      return { richText: [{ text: spreadsheetText(value.richText.map((part) => part.text).join('')) }] };
    return value;
  });

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (text: string, taken: Set<string>) => {
  let name = text.replace(/[:\\/?*[\]]/g, '-').slice(0, 31);
  for (let i = 2; taken.has(name); i++) name = `${name.slice(0, 28)}-${i}`;
  taken.add(name);
  return name;
};

/**
 * `secretariat`: the key that signed the event package, printed beside the results hash; marked when nobody
 * pinned it (the CLI without --secretariat or --db), as the report does.
 */
export async function writeRekapitulasi(
  event: Event,
  result: Deliberation,
  files: readonly RekapFile[],
  secretariat?: SecretariatKey,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Timbang';
  const taken = new Set<string>();
  const rounds = [...event.rounds].sort((a, b) => a.order - b.order);
  const jurors = event.jurors.map((j) => j.id);

  const conflicted = new Set(result.conflicts.map((c) => compositeKey(c.jurorId, c.nomineeId)));
  const fictional = new Set(event.nominees.filter((n) => n.fictional).map((n) => n.id));
  // Demo scores must never pass for real ones, even as a workbook passed around.
  const demo = fictional.size > 0;
  const text = REPORT_TEXT.id;
  // Sections whose marks came from a paper sheet (one section each) that the reconciliation used: labelled 'kertas'.
  const fromPaper = new Set(
    files.flatMap((f) => (f.paper && f.use === 'used' ? [compositeKey(f.jurorId ?? '', f.paper.roundId, f.paper.categoryId)] : [])),
  );
  const signerText = secretariat
    ? `${text.packageSigner(secretariat.fingerprint)} (${secretariat.pinned ? text.pinned : text.notPinned})`
    : '';
  for (const category of result.categories) {
    const sheet = workbook.addWorksheet(sheetName(category.name, taken), {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    sheet.addRow(cells([`Rekapitulasi Nilai — ${event.name}${demo ? ` — ${text.demoHeader}` : ''}`])).font = { bold: true, size: 13 };
    sheet.addRow(
      cells([
        `Kategori: ${category.name}`,
        '',
        `Aturan: ${text.ruleName[result.rule]}`,
        '',
        `Hash hasil: ${result.resultsHash}`,
        signerText,
        demo ? text.fictionalNote : '',
      ]),
    );
    const header = [
      'Peringkat',
      'Nominasi',
      ...rounds.map((r) => r.name.id),
      'Nilai akhir',
      ...rounds.flatMap((r) =>
        jurors.map((j) => `${j} · ${r.name.id}${fromPaper.has(compositeKey(j, r.id, category.id)) ? ' (kertas)' : ''}`),
      ),
      'Tanda beda pendapat',
      'Benturan kepentingan (×)',
      'Peringkat bersama',
    ];
    const headerRow = sheet.addRow(cells(header));
    headerRow.font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 3, xSplit: 2 }];
    for (const n of category.ranking) {
      const perJuror = rounds.flatMap((round) => {
        const criteria = event.criteria.filter((c) => c.roundId === round.id && c.categoryIds.includes(category.id));
        return jurors.map((jurorId) => {
          if (conflicted.has(compositeKey(jurorId, n.nomineeId))) return '×';
          const marks = new Map(
            result.marks
              .filter((m) => m.jurorId === jurorId && m.roundId === round.id && m.nomineeId === n.nomineeId)
              .map((m) => [m.criterionCode, m.value]),
          );
          const total = weightedTotal(criteria, marks);
          return total.scored === total.of ? roundScore(total.total) : null;
        });
      });
      const flags = result.flags
        .filter((f) => f.nomineeId === n.nomineeId)
        .map((f) => `${f.jurorId} ${f.criterionCode}=${f.value} (median ${f.median})`);
      sheet.addRow(
        cells([
          n.rank,
          { richText: [{ text: `${n.name}${fictional.has(n.nomineeId) ? '†' : ''}` }] },
          ...rounds.map((r) => (n.rounds[r.id] === null || n.rounds[r.id] === undefined ? null : roundScore(n.rounds[r.id]!))),
          n.final === null ? null : roundScore(n.final),
          ...perJuror,
          flags.join('; '),
          result.conflicts
            .filter((c) => c.nomineeId === n.nomineeId)
            .map((c) => `${c.jurorId}: ${c.reason}${c.declared ? ' (dinyatakan juri)' : ''}`)
            .join('; '),
          n.joint ? 'ya' : '',
        ]),
      );
    }
    sheet.getColumn(2).width = 40;
    sheet.headerFooter.oddFooter = '&L' + `Hash: ${result.resultsHash.slice(0, 16)}…` + '&RHalaman &P dari &N';
  }

  const verification = workbook.addWorksheet('Verifikasi');
  verification.addRow(
    cells([
      'Berkas',
      'Juri',
      'Sidik jari kunci',
      'Revisi lembar',
      'Status',
      'Dipakai',
      'SHA-256 berkas',
      'Asal lembar',
      'Catatan rekonsiliasi',
    ]),
  ).font = { bold: true };
  for (const f of files) {
    verification.addRow(
      cells([
        { richText: [{ text: f.fileName }] },
        f.jurorId,
        f.signedWith,
        f.sheetRevision,
        text.statusName[f.status],
        text.useName[f.use],
        f.fileHash,
        f.paper ? text.paperOrigin(f.paper.formNumber, f.paper.operators, f.paper.scanSha256) : text.laptopOrigin,
        (f.notes ?? []).map((n) => n.id).join(' '),
      ]),
    );
  }
  // After the file rows, so that their row numbers stay as they were.
  if (signerText) verification.addRow(cells([signerText]));
  verification.getColumn(1).width = 30;
  verification.getColumn(3).width = 32;
  verification.getColumn(7).width = 66;
  verification.getColumn(8).width = 48;
  verification.getColumn(9).width = 60;
  addAwardsSheet(workbook, event, result); // issue 16: last, so the other sheets keep their order
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
