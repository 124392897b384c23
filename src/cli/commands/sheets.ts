/** `timbang demo`, `timbang verify`, `timbang sheet export`: juror score sheets from the command line. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { AppError } from '../../api/errors.ts';
import { bothLanguages } from '../../core/messages/catalog.ts';
import { cliMessages } from '../../core/messages/cli.ts';
import type { MergeRule } from '../../core/model.ts';
import { formatScore } from '../../core/score-format.ts';
import { writeRekapitulasi } from '../../services/merge/rekapitulasi.ts';
import { readDemoEvent } from '../../services/events/event-file.ts';
import { demoFiles, nationalDemoFiles, type DemoFiles } from '../../services/demo/demo-files.ts';
import { LIMITS, NATIONAL } from '../../services/demo/national-demo.ts';
import { createHandlers } from '../../services/handlers.ts';
import { openWorkspace } from '../../services/workspace/workspace.ts';
import { APP_VERSION, RESOURCES_DIR, type CliContext } from '../context.ts';
import { cliProgress, withProgress } from '../progress.ts';
import { openOrMakeKey } from './event.ts';
import { mergeRuleOption } from './rule-option.ts';
import { pinOptions, secretariatPin, type PinOptions } from './secretariat-pin.ts';
import { deliberateFiles, signerJson, signerLine, verifyFiles, warnNotPinned } from './sheet-files.ts';
// Issue 16: `verify --penetapan` reads and checks a penetapan record.
import { verifyPenetapanCommand } from './audit.ts';

export function registerSheetCommands(program: Command, cli: CliContext): void {
  const whole = (what: string) => (v: string) => {
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n))
      throw new InvalidArgumentError(`${what}: ${bothLanguages(cliMessages.wholeNumber())}`);
    return n;
  };
  program
    .command('demo')
    .description(
      "tulis paket acara demo dan lembar nilai bertanda tangan para juri (bawaan: acara NTT, sembilan juri) / write the demo package and the jurors' signed sheets (default: the NTT event, nine jurors)",
    )
    .requiredOption('--out <dir>', 'folder keluaran / output folder')
    .option(
      '--seed <n>',
      'benih nilai acak; tanpa benih, urutan pemenang sesuai publikasi / random seed; without one, the published order',
      (v) => Number.parseInt(v, 10),
    )
    .option(
      '--nominees <n>',
      `demo skala nasional: jumlah nominasi (${LIMITS.nominees.join('–')}, bawaan ${NATIONAL.nominees}) / national-scale demo: number of nominees (default ${NATIONAL.nominees})`,
      whole('--nominees'),
    )
    .option(
      '--jurors <n>',
      `demo skala nasional: jumlah juri (${LIMITS.jurors.join('–')}, bawaan ${NATIONAL.jurors}) / national-scale demo: number of jurors (default ${NATIONAL.jurors})`,
      whole('--jurors'),
    )
    .option(
      '--criteria <n>',
      `demo skala nasional: kriteria per babak (${LIMITS.criteria.join('–')}, bawaan ${NATIONAL.criteria}) / national-scale demo: criteria per round (default ${NATIONAL.criteria})`,
      whole('--criteria'),
    )
    .action(async (options: { out: string; seed?: number; nominees?: number; jurors?: number; criteria?: number }) => {
      const base = readDemoEvent(RESOURCES_DIR);
      const national = options.nominees !== undefined || options.jurors !== undefined || options.criteria !== undefined;
      let files: DemoFiles;
      const progress = cliProgress(cli.lang());
      if (national) {
        const size = {
          nominees: options.nominees ?? NATIONAL.nominees,
          jurors: options.jurors ?? NATIONAL.jurors,
          criteria: options.criteria ?? NATIONAL.criteria,
        };
        for (const [name, [min, max]] of Object.entries(LIMITS)) {
          const value = size[name as keyof typeof size];
          if (value < min || value > max) {
            throw new AppError('invalid-input', cliMessages.demoSizeOutOfRange({ name, min, max, value }));
          }
        }
        files = await withProgress(progress, async (p) => {
          p.step(cliMessages.buildingNationalDemo({ nominees: size.nominees, jurors: size.jurors }));
          return nationalDemoFiles(base, size, options.seed);
        });
      } else {
        files = await demoFiles(base, options.seed);
      }
      await withProgress(progress, async (p) => {
        mkdirSync(join(options.out, 'sheets'), { recursive: true });
        mkdirSync(join(options.out, 'enrolments'), { recursive: true });
        writeFileSync(join(options.out, 'event.timbang'), files.packageText);
        let written = 0;
        for (const [jurorId, bytes] of files.sheets) {
          p.count(++written, files.sheets.size, cliMessages.writingSheet({ jurorId }));
          writeFileSync(join(options.out, 'sheets', `${jurorId}.xlsx`), bytes);
        }
        for (const [jurorId, text] of files.enrolments) writeFileSync(join(options.out, 'enrolments', `${jurorId}.timbang-enrol`), text);
      });
      cli.io.out(cli.say(cliMessages.demoWritten({ out: options.out, sheets: files.sheets.size, seed: files.seed })));
    });

  pinOptions(
    program
      .command('verify')
      .description('periksa lembar nilai juri terhadap paket acara / verify juror score sheets against the event package')
      .option('--event <package>', 'paket acara (.timbang) / event package')
      .argument('[sheets...]', 'lembar nilai (.xlsx) / score sheets')
      .option(
        '--penetapan <file>',
        'periksa rekaman penetapan (tanda tangan; dengan --event dan lembar: hash hasilnya) / check a penetapan record (signature; with --event and sheets: its results hash)',
      )
      .option('--json', 'keluaran JSON / JSON output'),
  ).action(async (sheets: string[], options: { event?: string; penetapan?: string; json?: boolean } & PinOptions) => {
    if (options.penetapan) return verifyPenetapanCommand(cli, options.penetapan, options, sheets);
    if (!options.event || sheets.length === 0) {
      throw new AppError('invalid-input', cliMessages.verifyNeedsInputs());
    }
    const event = options.event;
    const { results, signer } = await withProgress(cliProgress(cli.lang(), options), (p) => {
      p.step(cliMessages.checkingSheets({ count: sheets.length }));
      return verifyFiles(event, sheets, secretariatPin(options));
    });
    const lang = cli.lang();
    if (options.json) {
      const secretariat = signerJson(signer);
      cli.io.out(
        JSON.stringify(
          results.map(({ payload: _payload, signingKey: _key, ...rest }) => ({ ...rest, secretariat })),
          null,
          2,
        ),
      );
    } else {
      cli.io.out(signerLine(signer, lang));
      for (const r of results) {
        cli.io.out(
          `${r.status.padEnd(15)} ${r.file}  ${r.juror ?? '-'}  ${r.rounds.join(',') || '-'}  ${cli.say(cliMessages.revision())} ${r.revision ?? '-'}`,
        );
        for (const detail of r.details) cli.io.out(`    ${cli.say(detail)}`);
      }
    }
    warnNotPinned(signer, cli);
    if (results.some((r) => r.status !== 'valid')) cli.fail();
  });

  pinOptions(
    program
      .command('merge')
      .description('gabungkan lembar nilai yang sah menjadi peringkat / merge the valid sheets into rankings')
      .requiredOption('--event <package>', 'paket acara (.timbang) / event package')
      .argument('<sheets...>', 'lembar nilai (.xlsx) / score sheets')
      .addOption(mergeRuleOption())
      .option('--out <file>', 'tulis Rekapitulasi Nilai (.xlsx) / write the Rekapitulasi workbook (.xlsx)')
      .option('--json', 'keluaran JSON / JSON output'),
  ).action(async (sheets: string[], options: { event: string; rule?: MergeRule; out?: string; json?: boolean } & PinOptions) => {
    const progress = cliProgress(cli.lang(), options);
    const { event, results, signer, reconciled, summary } = await withProgress(progress, async (p) => {
      p.step(cliMessages.checkingAndMerging({ count: sheets.length }));
      const merged = await deliberateFiles(options.event, sheets, secretariatPin(options), options.rule);
      if (options.out) {
        p.step(cliMessages.writingRekapitulasi({ out: options.out }));
        writeFileSync(
          options.out,
          await writeRekapitulasi(merged.event, merged.summary, merged.rekap, {
            fingerprint: merged.signer.fingerprint,
            pinned: merged.signer.pinned,
          }),
        );
      }
      return merged;
    });
    const files = results.map((r, i) => ({
      file: r.file,
      status: r.status,
      juror: r.juror,
      revision: r.revision,
      use: reconciled.files[i].use,
    }));
    warnNotPinned(signer, cli);
    if (options.json) {
      const { marks: _marks, flags: _flags, ...brief } = summary;
      cli.io.out(JSON.stringify({ ...brief, secretariat: signerJson(signer), files }, null, 2));
      return;
    }
    for (const f of files) cli.io.out(`${f.status.padEnd(15)} ${f.use.padEnd(9)} ${f.file}`);
    for (const category of summary.categories) {
      cli.io.out(`\n${category.name}`);
      for (const n of category.ranking) {
        cli.io.out(
          `  ${String(n.rank).padStart(2)}${n.joint ? '=' : ' '} ${n.name.padEnd(44)} ${formatScore(n.final, cli.lang()).padStart(6)}`,
        );
      }
    }
    cli.io.out(`\n${cli.say(event.merge.overall?.name ?? cliMessages.overall())}`);
    for (const n of summary.overall)
      cli.io.out(
        `  ${String(n.rank).padStart(2)}${n.joint ? '=' : ' '} ${n.name.padEnd(44)} ${formatScore(n.final, cli.lang()).padStart(6)}`,
      );
    cli.io.out(`\n${cli.say(cliMessages.rulesAndHash({ rule: summary.rule, hash: summary.resultsHash }))}`);
    cli.io.out(signerLine(signer, cli.lang()));
  });

  const sheet = program.command('sheet').description('lembar nilai juri / juror score sheets');
  sheet
    .command('export')
    .description('ekspor lembar nilai bertanda tangan dari berkas kerja juri / export the signed score sheet from a juror workspace')
    .requiredOption('--db <path>', 'berkas kerja juri / juror workspace')
    .requiredOption('--out <file>', 'berkas .xlsx')
    .requiredOption('--name <name>', "nama juri seperti di lembar / the juror's name as printed on the sheet")
    .option('--round <id...>', 'babak yang diekspor (bawaan: semua) / rounds to export (default: all)')
    .action(async (options: { db: string; out: string; name: string; round?: string[] }) => {
      const workspace = openWorkspace(options.db, { mustExist: true });
      try {
        const handlers = createHandlers({ workspace, resourcesDir: RESOURCES_DIR, appVersion: APP_VERSION });
        const events = (await handlers.listEvents({})).filter((e) => e.source === 'package');
        if (events.length !== 1) {
          throw new AppError('not-found', cliMessages.noPackageReceived());
        }
        await openOrMakeKey(handlers, cli);
        const event = await handlers.getEvent({ eventId: events[0].id });
        const file = await withProgress(cliProgress(cli.lang()), async (p) => {
          p.step(cliMessages.buildingSheet());
          return handlers.exportSheet({
            eventId: events[0].id,
            name: options.name,
            roundIds: options.round ?? event.rounds.map((r) => r.id),
          });
        });
        writeFileSync(options.out, Buffer.from(file.base64, 'base64'));
        cli.io.out(cli.say(cliMessages.sheetWritten({ out: options.out, fileName: file.fileName })));
      } finally {
        workspace.close();
      }
    });
}
