/**
 * The event template after LibreOffice Calc has opened and saved it, as a secretariat without Microsoft Excel
 * would: it must read back unchanged. Needs LibreOffice (apt-get install -y libreoffice-calc-nogui).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Event } from '../../src/core/model.ts';
import { formatTemplateIssue, readEventTemplate, writeEventTemplate } from '../../src/services/events/event-template.ts';
import { demoDocument, tempDir } from '../support/demo.ts';

const run = promisify(execFile);
// LibreOffice's first start in a fresh profile takes a while, more so on a busy machine.
const LIBREOFFICE_TIMEOUT = 180_000;

/** An event that uses what the demo does not: attributes of each type, a name with formula signs inside, a 0–6 scale. */
function eventWithExtras(): Event {
  const event = demoDocument();
  event.nominees[0].name = 'PT Maju = Jaya + Sentosa';
  event.nominees[0].attributes = { jumlahPekerja: 1250, patuh: true, terlambat: false, npwp: '01.234.567.8-901.000', kode: '007' };
  event.nominees[1].attributes = { jumlahPekerja: 84.5 };
  const w1 = event.criteria[0];
  w1.scale = { min: 0, max: 6, step: 0.5 };
  w1.rubric = Array.from({ length: 7 }, (_, i) => ({ score: i, text: { id: `Level ${i}`, en: `Level ${i} (en)` } }));
  return event;
}

const cases: Record<string, () => Event> = { demo: demoDocument, extras: eventWithExtras };

describe('the event template re-saved by LibreOffice Calc', () => {
  const work = tempDir('timbang-libreoffice-');
  afterAll(() => work.remove());

  /** Writes every case and has LibreOffice re-save them in one start; each test awaits it, so each fails without LibreOffice. */
  let conversion: Promise<string> | undefined;
  async function convert(): Promise<string> {
    try {
      await run('soffice', ['--version']);
    } catch {
      throw new Error('LibreOffice (soffice) is not installed; install it with: apt-get install -y libreoffice-calc-nogui');
    }
    const files = await Promise.all(
      Object.entries(cases).map(async ([name, event]) => {
        const file = join(work.dir, `${name}.xlsx`);
        writeFileSync(file, await writeEventTemplate(event()));
        return file;
      }),
    );
    const saved = join(work.dir, 'saved');
    mkdirSync(saved);
    // A profile of its own, so that parallel runs and a user's open LibreOffice do not clash.
    const profile = pathToFileURL(join(work.dir, 'profile')).href;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', saved, ...files], {
      timeout: LIBREOFFICE_TIMEOUT,
    });
    return saved;
  }

  it.each(Object.keys(cases))(
    '%s reads back unchanged',
    async (name) => {
      conversion ??= convert();
      const saved = await conversion;
      const result = await readEventTemplate(readFileSync(join(saved, `${name}.xlsx`)), `${name}.xlsx`);
      if (!result.ok) expect.fail(result.issues.map((issue) => formatTemplateIssue(issue, 'en')).join('\n'));
      expect(result).toEqual({ ok: true, event: cases[name]() });
    },
    LIBREOFFICE_TIMEOUT,
  );
});
