/**
 * The `timbang` command: the secretariat's automation, calling the same services as the app.
 * Returns an exit code instead of exiting, so tests can call it in-process.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { AppError } from '../api/errors.ts';
import { bothLanguages, pick } from '../core/messages/catalog.ts';
import { cliMessages } from '../core/messages/cli.ts';
import { hostWorkspace } from '../services/workspace-host.ts';
import { listBackups, restoreBackup, type Restored } from '../services/workspace/backup.ts';
import { openWorkspace } from '../services/workspace/workspace.ts';
import { registerEventCommands } from './commands/event.ts';
import { registerSheetCommands } from './commands/sheets.ts';
import { registerReportCommands } from './commands/report.ts';
import { registerFormCommand } from './commands/form.ts';
import { registerAuditCommands } from './commands/audit.ts';
import { registerContinuityCommands } from './commands/continuity.ts';
import { APP_VERSION, CLI_PRINTING, PROJECT_ROOT, RESOURCES_DIR, type CliContext, type Io, type Lang } from './context.ts';

const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InvalidArgumentError(bothLanguages(cliMessages.badPort()));
  return port;
}

export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('timbang')
    .description('Timbang: penilaian dewan juri luring / offline jury scoring (Paritrana Award)')
    .version(APP_VERSION)
    .addOption(new Option('--lang <lang>', 'bahasa keluaran / output language').choices(['id', 'en']).default('id'))
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  const lang = () => program.opts<{ lang: Lang }>().lang ?? 'id';
  const cli: CliContext = { io, lang, say: (text) => pick(text, lang()), fail: (code = 1) => (exitCode = code) };

  registerEventCommands(program, cli);
  registerSheetCommands(program, cli);
  registerReportCommands(program, cli);
  registerFormCommand(program, cli);
  registerAuditCommands(program, cli); // issue 16: audit before the penetapan, penetapan export
  registerContinuityCommands(program, cli); // issue 21: workspace export|import, resume, reenrol, key recovery, secretariat rollover, runbook

  const backup = program.command('backup').description('cadangan berkas kerja / workspace backups');
  backup
    .command('list')
    .description('daftar cadangan, terlama dulu / list backups, oldest first')
    .requiredOption('--db <path>', 'berkas kerja / workspace')
    .action((options: { db: string }) => {
      for (const name of listBackups(options.db)) io.out(name);
    });
  backup
    .command('restore')
    .description(
      'pulihkan cadangan; ditolak selama aplikasi atau proses lain membuka berkas kerja / restore a backup; refused while the app or another process has the workspace open',
    )
    .requiredOption('--db <path>', 'berkas kerja / workspace')
    .requiredOption('--from <backup>', 'nama cadangan dari "backup list" / a backup name from "backup list"')
    .action((options: { db: string; from: string }) => {
      let restored: Restored;
      try {
        restored = restoreBackup(options.db, options.from);
      } catch (error) {
        // Another process has the workspace: said in both languages, Indonesian first, whatever --lang asks.
        if (!(error instanceof AppError && error.code === 'conflict')) throw error;
        io.err(error.bilingual.id);
        io.err(error.bilingual.en);
        cli.fail();
        return;
      }
      const undo = `npx timbang backup restore --db "${options.db}" --from ${restored.keptAs}`;
      const said = restored.keptAs
        ? cliMessages.restoredKeptAs({ from: options.from, keptAs: restored.keptAs, undo })
        : restored.damagedKeptAs
          ? cliMessages.restoredDamagedKeptAs({ from: options.from, keptAs: restored.damagedKeptAs })
          : cliMessages.restored({ from: options.from });
      io.out(cli.say(said)); // before the check below, so the way back is known even if the backup does not open
      openWorkspace(options.db, { mustExist: true }).close(); // proves the restored file opens
    });

  program
    .command('serve')
    .description('buka aplikasi di peramban (jembatan API) / serve the app to a browser through the API bridge')
    .option('--db <path>', 'berkas kerja SQLite / workspace database', '.timbang/browser.sqlite')
    .option('--port <port>', 'port (127.0.0.1)', parsePort, 5180)
    .option(
      '--token-file <path>',
      "tulis token akses sesi ini ke berkas (mode 0600), untuk skrip dan uji / write this start's access token to a file (mode 0600), for scripts and tests",
    )
    .action(async (options: { db: string; port: number; tokenFile?: string }) => {
      const { serveBridge } = await import('../bridge/serve.ts');
      const { rmSync, writeFileSync } = await import('node:fs');
      mkdirSync(dirname(resolve(options.db)), { recursive: true });
      // Served even when the file is damaged: the page then says so and offers the backups.
      const host = hostWorkspace(options.db, { resourcesDir: RESOURCES_DIR, appVersion: APP_VERSION, printing: CLI_PRINTING });
      const server = await serveBridge({ handlers: host.handlers, projectRoot: PROJECT_ROOT, port: options.port });
      // The token is always this start's own random one; the file only hands it out (never read back), written
      // before any request is served (no await in between), replaced whole so that only this user can read it.
      if (options.tokenFile) {
        try {
          rmSync(options.tokenFile, { force: true });
          writeFileSync(options.tokenFile, `${server.token}\n`, { mode: 0o600, flag: 'wx' });
        } catch (error) {
          await server.close();
          host.close();
          throw error;
        }
      }
      io.out(`Timbang: ${server.url}`);
      io.out(
        '  buka alamat lengkap ini (dengan #token=…) di peramban; berlaku di tab itu sampai server berhenti; jangan dibagikan / open this full address (with #token=…) in the browser; it works in that tab until the server stops; do not share it',
      );
      io.out(`  (berkas kerja / workspace: ${options.db}; Ctrl+C untuk berhenti / to stop)`);
      const { problem } = await host.handlers.workspaceStatus({});
      if (problem) io.err(cli.say(problem));
      await new Promise<void>((done) => {
        const stop = () =>
          void server.close().then(() => {
            host.close();
            done();
          });
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof AppError) {
      io.err(cli.say(error.bilingual));
      return 1;
    }
    // A file or port problem from the system (ENOENT, EACCES, EADDRINUSE…): its message says what and where.
    if (typeof (error as { code?: unknown }).code === 'string') {
      io.err((error as Error).message);
      return 1;
    }
    throw error;
  }
  return exitCode;
}
