/** `timbang report`: the Rekapitulasi Nilai and the Berita Acara as one print-ready PDF (and its HTML). */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { cliMessages, inBoth } from '../../core/messages/cli.ts';
import type { MergeRule } from '../../core/model.ts';
import { renderPdfWithChromium } from '../../services/report/render-pdf.ts';
import { localIsoTime } from '../../services/printing/date-words.ts';
import { reportHtml } from '../../services/report/report-html.ts';
import { REPORT_TEXT } from '../../services/report/report-text.ts';
import type { CliContext } from '../context.ts';
import { cliProgress, withProgress } from '../progress.ts';
import { mergeRuleOption } from './rule-option.ts';
import { pinOptions, secretariatPin, type PinOptions } from './secretariat-pin.ts';
import { deliberateFiles, signerLine, warnNotPinned } from './sheet-files.ts';
// Issue 16: final only under a penetapan record for exactly these results; a draft otherwise.
import { finalUnderPenetapan } from './audit.ts';

export function registerReportCommands(program: Command, cli: CliContext): void {
  pinOptions(
    program
      .command('report')
      .description(
        'Rekapitulasi Nilai dan Berita Acara sebagai PDF siap cetak / the Rekapitulasi and the Berita Acara as a print-ready PDF',
      )
      .requiredOption('--event <package>', 'paket acara (.timbang) / event package')
      .argument('<sheets...>', 'lembar nilai (.xlsx) / score sheets')
      .requiredOption('--pdf <file>', 'berkas PDF keluaran / output PDF')
      .addOption(mergeRuleOption())
      .option('--html <file>', "tulis juga HTML laporan / also write the report's HTML")
      .option(
        '--penetapan <file>',
        "rekaman penetapan: laporan final bila menetapkan hasil lembar-lembar ini (tanpanya: DRAF) / a penetapan record: the report is final when it fixed these sheets' results (without it: a draft)",
      ),
  ).action(
    async (sheets: string[], options: { event: string; pdf: string; rule?: MergeRule; html?: string; penetapan?: string } & PinOptions) => {
      const lang = cli.lang();
      const { signer, summary, rekap } = await withProgress(cliProgress(lang), async (p) => {
        p.step(cliMessages.checkingAndMerging({ count: sheets.length }));
        const merged = await deliberateFiles(options.event, sheets, secretariatPin(options), options.rule);
        const minutes = options.penetapan
          ? finalUnderPenetapan(options.penetapan, merged, secretariatPin(options), options.rule)
          : undefined;
        const html = reportHtml({
          event: merged.event,
          result: merged.summary,
          files: merged.rekap,
          lang,
          generatedAt: localIsoTime(new Date()),
          secretariat: { fingerprint: merged.signer.fingerprint, pinned: merged.signer.pinned },
          minutes,
        });
        if (options.html) writeFileSync(options.html, html);
        p.step(cliMessages.printingPdf({ pdf: options.pdf }));
        writeFileSync(options.pdf, await renderPdfWithChromium(html));
        return merged;
      });
      for (const f of rekap.filter((r) => r.status !== 'valid' || r.use !== 'used')) {
        // The report's own names for the file's status and use (its verification appendix says the same).
        const state = inBoth((language) => {
          const words = REPORT_TEXT[language];
          return `${words.statusName[f.status]}, ${words.useName[f.use].toLowerCase()}`;
        });
        cli.io.err(cli.say(cliMessages.fileAttention({ fileName: f.fileName, state })));
      }
      cli.io.out(
        cli.say(
          cliMessages.reportWritten({
            pdf: options.pdf,
            rule: summary.rule,
            used: summary.usedSheets,
            sheets: summary.sheets,
            hash: summary.resultsHash,
          }),
        ),
      );
      cli.io.out(signerLine(signer, lang));
      warnNotPinned(signer, cli);
    },
  );
}
