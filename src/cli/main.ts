/**
 * The `timbang` command: the secretariat's automation, calling the same services as the app.
 * Returns an exit code instead of exiting, so tests can call it in-process.
 */
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { AppError } from '../api/errors.ts';
import type { Bilingual, Event } from '../core/model.ts';
import { readEventFile } from '../services/events/event-file.ts';
import { createHandlers } from '../services/handlers.ts';
import { openWorkspace } from '../services/workspace/workspace.ts';

type Lang = keyof Bilingual;

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
const RESOURCES_DIR = join(PROJECT_ROOT, 'resources');
const APP_VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('timbang')
    .description('Timbang: penilaian dewan juri luring / offline jury scoring (Paritrana Award)')
    .version(APP_VERSION)
    .addOption(new Option('--lang <lang>', 'bahasa keluaran / output language').choices(['id', 'en']).default('id'))
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  const event = program.command('event').description('acara: periksa berkas acara / event files');
  event
    .command('validate')
    .description('periksa berkas acara (JSON) terhadap model / validate an event file (JSON)')
    .argument('<file>', 'berkas acara / event file')
    .option('--json', 'keluaran JSON / JSON output')
    .action((file: string, options: { json?: boolean }) => {
      const lang = program.opts<{ lang: Lang }>().lang;
      try {
        const parsed = readEventFile(file);
        io.out(options.json ? JSON.stringify({ file, ok: true, summary: summarize(parsed) }, null, 2) : describeEvent(parsed, lang));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        io.err(options.json ? JSON.stringify({ file, ok: false, code: error.code, issues: error.details ?? [], message: error.bilingual }, null, 2) : error.bilingual[lang]);
        exitCode = 1;
      }
    });

  program
    .command('serve')
    .description('buka aplikasi di peramban (jembatan API) / serve the app to a browser through the API bridge')
    .option('--db <path>', 'berkas kerja SQLite / workspace database', '.timbang/browser.sqlite')
    .option('--port <port>', 'port (127.0.0.1)', (v) => Number.parseInt(v, 10), 5180)
    .option('--demo', 'muat acara demo / load the demo event')
    .action(async (options: { db: string; port: number; demo?: boolean }) => {
      const { serveBridge } = await import('../bridge/serve.ts');
      mkdirSync(dirname(resolve(options.db)), { recursive: true });
      const workspace = openWorkspace(options.db);
      const handlers = createHandlers({ workspace, resourcesDir: RESOURCES_DIR, appVersion: APP_VERSION });
      if (options.demo) await handlers.loadDemoEvent({});
      const server = await serveBridge({ handlers, projectRoot: PROJECT_ROOT, port: options.port });
      io.out(`Timbang: ${server.url}  (berkas kerja / workspace: ${workspace.path}; Ctrl+C untuk berhenti / to stop)`);
      await new Promise<void>((done) => {
        const stop = () => void server.close().then(() => { workspace.close(); done(); });
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof AppError) {
      io.err(error.bilingual[program.opts<{ lang: Lang }>().lang ?? 'id']);
      return 1;
    }
    throw error;
  }
  return exitCode;
}

function summarize(event: Event) {
  return {
    id: event.id,
    name: event.name,
    yearHeld: event.yearHeld,
    categories: event.categories.length,
    rounds: event.rounds.length,
    criteria: event.criteria.length,
    nominees: event.nominees.length,
    jurors: event.jurors.length,
    conflicts: event.conflicts.length,
  };
}

function describeEvent(event: Event, lang: Lang): string {
  const s = summarize(event);
  const words = lang === 'id'
    ? { ok: 'Berkas acara sah', year: 'Tahun', period: 'periode penilaian', to: 's.d.', cat: 'kategori', nom: 'nominasi', jur: 'juri', rnd: 'babak', crit: 'kriteria', conf: 'konflik kepentingan', rounds: 'Babak', top: 'besar' }
    : { ok: 'Valid event file', year: 'Year', period: 'period assessed', to: 'to', cat: 'categories', nom: 'nominees', jur: 'jurors', rnd: 'rounds', crit: 'criteria', conf: 'conflicts of interest', rounds: 'Rounds', top: 'shortlist' };
  const rounds = [...event.rounds]
    .sort((a, b) => a.order - b.order)
    .map((r) => `${r.name[lang]} ${r.weight}%${r.shortlistSize ? ` (${lang === 'id' ? `${r.shortlistSize} ${words.top}` : `${words.top} ${r.shortlistSize}`})` : ''}`);
  return [
    `✓ ${words.ok}: ${event.name} (${event.id})`,
    `  ${words.year} ${event.yearHeld} · ${words.period} ${event.periodAssessed.start} ${words.to} ${event.periodAssessed.end} · ${event.place}`,
    `  ${s.categories} ${words.cat} · ${s.nominees} ${words.nom} · ${s.jurors} ${words.jur} · ${s.rounds} ${words.rnd} · ${s.criteria} ${words.crit} · ${s.conflicts} ${words.conf}`,
    `  ${words.rounds}: ${rounds.join(', ')}`,
  ].join('\n');
}
