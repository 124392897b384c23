/**
 * `timbang form`: the paper Lembar Penilaian Juri of one juror for one round and category, as a print-ready
 * A4 PDF (and its HTML), from the signed event package: the same form the secretariat's app prints.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { cliMessages, inBoth } from '../../core/messages/cli.ts';
import { readPackage } from '../../services/packages/event-package.ts';
import { paperFormHtml } from '../../services/paper/paper-form-html.ts';
import { paperFormLayout, sectionName } from '../../services/paper/paper-form.ts';
import { renderPdfWithChromium } from '../../services/report/render-pdf.ts';
import type { CliContext } from '../context.ts';

export function registerFormCommand(program: Command, cli: CliContext): void {
  program
    .command('form')
    .description(
      "cetak Lembar Penilaian Juri kertas (A4 PDF) untuk satu juri, babak dan kategori / print the paper juror's score sheet (A4 PDF) for one juror, round and category",
    )
    .requiredOption('--event <package>', 'paket acara (.timbang) / event package')
    .requiredOption('--juror <id>', 'kode juri, mis. J3 / juror id, e.g. J3')
    .requiredOption('--round <id>', 'babak, mis. administrasi / round id, e.g. administrasi')
    .requiredOption('--category <id>', 'kategori, mis. ukm / category id, e.g. ukm')
    .requiredOption('--pdf <file>', 'berkas PDF keluaran / output PDF')
    .option('--html <file>', "tulis juga HTML formulir / also write the form's HTML")
    .action(async (options: { event: string; juror: string; round: string; category: string; pdf: string; html?: string }) => {
      const pkg = readPackage(new Uint8Array(readFileSync(options.event)), options.event);
      const lang = cli.lang();
      const form = paperFormLayout(pkg.event, pkg.revision, {
        jurorId: options.juror,
        roundId: options.round,
        categoryId: options.category,
      });
      const html = paperFormHtml(form, { lang });
      if (options.html) writeFileSync(options.html, html);
      writeFileSync(options.pdf, await renderPdfWithChromium(html));
      cli.io.out(
        cli.say(
          cliMessages.formWritten({
            formNumber: form.formNumber,
            checksum: form.checksum,
            pdf: options.pdf,
            jurorId: form.juror.id,
            section: inBoth((language) => sectionName(form, language)),
            nominees: form.nominees.length,
            revision: pkg.revision,
          }),
        ),
      );
    });
}
