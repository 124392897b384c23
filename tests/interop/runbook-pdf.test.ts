/**
 * Issue 21, item 6: the runbook "Laptop hilang atau rusak / Lupa frasa sandi / Pindah laptop" as a printed page.
 * `timbang runbook` prints it with Chromium through the report's printing service and page frame, and the API
 * does the same (runbookPdf); poppler's pdftotext must read every part, both roles and every step, the header
 * and "Halaman n dari m" on every page. The README holds the same text (runbookMarkdown), so it cannot drift.
 * Needs Debian's chromium and poppler-utils; missing tools fail the test with that message, it is never skipped.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { RUNBOOK, runbookMarkdown } from '../../src/services/continuity/runbook.ts';
import { reportMessages } from '../../src/core/messages/report.ts';
import { CLI_PRINTING } from '../../src/cli/context.ts';
import { laptop } from '../support/continuity.ts';
import { PROJECT_ROOT, RESOURCES_DIR, tempDir } from '../support/demo.ts';
import { createHandlers } from '../../src/services/handlers.ts';

const exec = promisify(execFile);
const ARTIFACTS = join(PROJECT_ROOT, 'tests', 'artifacts', 'runbook');
const TIMEOUT = 120_000;

/** The PDF's text as pdftotext reads it, whitespace folded (a step may wrap across lines), and its page count. */
async function pdfText(pdf: string): Promise<{ text: string; pages: string[] }> {
  const { stdout } = await exec('pdftotext', ['-layout', pdf, '-']).catch((error: Error) => {
    throw new Error(`pdftotext failed (apt-get install -y poppler-utils): ${error.message}`);
  });
  const pages = stdout.split('\f').filter((p) => p.trim());
  return { text: stdout.replace(/\s+/g, ' '), pages };
}

/** What a step prints as: backticks are a monospace span, not characters on paper. */
const printed = (step: string) => step.replaceAll('`', '').replace(/\s+/g, ' ');

describe('the runbook, printed and in the README', () => {
  const tmp = tempDir('timbang-runbook-');
  afterAll(() => tmp.remove());

  for (const lang of ['id', 'en'] as const) {
    it(
      `timbang runbook prints every part, role and step in ${lang === 'id' ? 'Indonesian' : 'English'}, framed like the report`,
      { timeout: TIMEOUT },
      async () => {
        const pdf = join(tmp.dir, `panduan-${lang}.pdf`);
        const out: string[] = [];
        expect(await main(['--lang', lang, 'runbook', '--pdf', pdf], { out: (l) => out.push(l), err: (l) => out.push(l) })).toBe(0);
        mkdirSync(ARTIFACTS, { recursive: true });
        writeFileSync(join(ARTIFACTS, `panduan-${lang}.pdf`), readFileSync(pdf));
        const { text, pages } = await pdfText(pdf);
        const r = RUNBOOK[lang];
        // pdftotext may break a long word at a hyphen or join lines: compare with every space removed.
        const squeezed = text.replace(/\s+/g, '');
        const has = (s: string) => expect(squeezed).toContain(printed(s).replace(/\s+/g, ''));
        has(r.title);
        has(r.intro);
        for (const part of r.parts) {
          has(part.title);
          has(part.when);
          for (const role of part.roles) {
            has(role.who);
            for (const step of role.steps) has(step);
          }
        }
        has(r.keep);
        expect(pages.length).toBeGreaterThanOrEqual(2);
        pages.forEach((page, i) => {
          expect(page).toContain(r.header);
          expect(page.replace(/\s+/g, ' ')).toContain(reportMessages.page({ n: String(i + 1), of: String(pages.length) })[lang]);
        });
      },
    );
  }

  it(
    'the app prints the same page through the printing service (runbookPdf), and the HTML has no script',
    { timeout: TIMEOUT },
    async () => {
      const l = laptop('runbook');
      try {
        const handlers = createHandlers({ workspace: l.ws, resourcesDir: RESOURCES_DIR, appVersion: 'test', printing: CLI_PRINTING });
        const file = await handlers.runbookPdf({ lang: 'id' });
        expect(file.fileName).toBe('panduan-darurat-timbang.pdf');
        const pdf = join(tmp.dir, file.fileName);
        writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
        const { text } = await pdfText(pdf);
        expect(text).toContain('Laptop hilang atau rusak');
        expect(text).toContain('Pindah laptop');
        const { html } = await l.api.runbookHtml({ lang: 'en' });
        expect(html).not.toMatch(/<script/i);
        expect(html).toContain("default-src 'none'");
        await expect(l.api.printRunbook({ lang: 'id' })).rejects.toThrow('Cetak langsung hanya di aplikasi desktop');
      } finally {
        l.close();
      }
    },
  );

  it(
    "the secretariat's recovery code prints on a page of its own for the Ketua, only for the workspace's current recovery key",
    { timeout: TIMEOUT },
    async () => {
      const l = laptop('kode-pemulihan');
      try {
        const handlers = createHandlers({ workspace: l.ws, resourcesDir: RESOURCES_DIR, appVersion: 'test', printing: CLI_PRINTING });
        await handlers.loadDemoEvent({ role: 'sekretariat' });
        await handlers.createKey({ passphrase: 'kupang-juli-2025' });
        const made = await handlers.createRecoveryKey({ eventId: 'paritrana-ntt-2025' });
        const file = await handlers.recoveryCodePdf({ code: made.code, lang: 'id' });
        const pdf = join(tmp.dir, file.fileName);
        writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
        mkdirSync(ARTIFACTS, { recursive: true });
        writeFileSync(join(ARTIFACTS, 'kode-pemulihan.pdf'), readFileSync(pdf));
        const { text } = await pdfText(pdf);
        expect(text).toContain('Kode Pemulihan Kunci Sekretariat');
        // Written in groups of five, wrapped between groups: read back without the spaces and dashes a reader ignores.
        expect(text.replace(/[\s-]/g, '')).toContain(made.code.replaceAll('-', ''));
        expect(text).toContain(`Sidik jari kunci pemulihan ${made.fingerprint}`);
        expect(text).toContain('Paritrana Award Tingkat Provinsi NTT 2025');
        // Another code (or the old one after a replacement) is not printed as this workspace's.
        const again = await handlers.createRecoveryKey({});
        await expect(Promise.resolve().then(() => handlers.recoveryCodePdf({ code: made.code, lang: 'en' }))).rejects.toThrow(
          "This code is not this workspace's recovery key code",
        );
        expect(again.code).not.toBe(made.code);
      } finally {
        l.close();
      }
    },
  );

  it('the README holds the runbook, word for word, in both languages', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(runbookMarkdown('id'));
    expect(readme).toContain(runbookMarkdown('en'));
  });
});
