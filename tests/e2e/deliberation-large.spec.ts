/**
 * Issue 18: the deliberation screen of a large event asks for what it shows. A secretariat workspace holds
 * a national-scale event (`timbang demo --nominees 2000 --jurors 3 --criteria 12`: 2,000 nominees, every
 * sheet imported and valid); the Rekapitulasi tab shows the rankings from a deliberation that carries no
 * marks, and a nominee's protocol (every juror's mark per criterion) is fetched when the nominee is opened.
 *
 * The workspace is prepared through the services (importing 2,000-nominee sheets through the file picker
 * is another test's business) and served by a `timbang serve` of its own, entered through its token.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { saveAuthored } from '../../src/services/events/authored.ts';
import { nationalDemoFiles } from '../../src/services/demo/demo-files.ts';
import { receiveSheet } from '../../src/services/merge/sheet-inbox.ts';
import { enrol, readEnrolment } from '../../src/services/packages/enrolment.ts';
import { openWorkspace } from '../../src/services/workspace/workspace.ts';
import { tokenFile, WORKSPACES } from '../playwright.config.ts';
import { demoDocument } from '../support/demo.ts';
import { withToken } from '../support/e2e-bridge.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** A port of its own, clear of the config's servers. */
const PORT = WORKSPACES.main + 20;

let server: ChildProcess | undefined;
let dir = '';

test.afterAll(() => {
  server?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("a large event: rankings first, without the marks; a nominee's protocol when opened", async ({ page }) => {
  test.setTimeout(300_000);
  dir = mkdtempSync(join(tmpdir(), 'timbang-nasional-'));
  const demo = await nationalDemoFiles(demoDocument(), { nominees: 2000, jurors: 3, criteria: 12 });
  const workspace = join(dir, 'sekretariat.sqlite');
  const ws = openWorkspace(workspace);
  try {
    saveAuthored(ws.db, demo.event);
    for (const [jurorId, text] of demo.enrolments)
      enrol(ws.db, readEnrolment(new TextEncoder().encode(text), `${jurorId}.timbang-enrol`), `${jurorId}.timbang-enrol`);
    for (const [jurorId, bytes] of demo.sheets) {
      const { sheet } = await receiveSheet(ws.db, demo.event, new Uint8Array(bytes), `${jurorId}.xlsx`);
      expect(sheet.status).toBe('valid');
    }
  } finally {
    ws.close();
  }
  server = spawn(
    process.execPath,
    ['src/cli/timbang.js', 'serve', '--db', workspace, '--port', String(PORT), '--token-file', tokenFile(PORT)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((ready, fail) => {
    let said = '';
    server!.stdout!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('Timbang:')) ready();
    });
    server!.on('exit', (code) => fail(new Error(`timbang serve stopped (${code}): ${said}`)));
  });

  // Every API call the page makes, by method.
  const calls: string[] = [];
  page.on('request', (request) => {
    const method = /\/api\/(\w+)/.exec(request.url())?.[1];
    if (method) calls.push(method);
  });

  await page.goto(withToken(`http://127.0.0.1:${PORT}/`));
  await page.getByRole('radio', { name: /^Sekretariat/ }).check();
  await page.locator(`[data-event="${demo.event.id}"] button`).click();
  const answered = page.waitForResponse((r) => r.url().includes('/api/deliberation'), { timeout: 120_000 });
  await page.getByRole('tab', { name: 'Rekapitulasi' }).click();
  const deliberation = await (await answered).text();
  // 2,000 nominees ranked over eight categories.
  await expect(page.locator('tr[data-ranked]')).toHaveCount(2000, { timeout: 60_000 });
  await expect(page.getByTestId('results-hash')).toHaveText(/^[0-9a-f]{64}$/);

  // The deliberation came without the marks (3 jurors × 2,000 nominees × 24 criteria, less the conflicted) and is small.
  const summary = JSON.parse(deliberation) as { ok: boolean; value: Record<string, unknown> };
  expect(summary.ok).toBe(true);
  expect(summary.value.marks).toBeUndefined();
  expect(summary.value.flags).toBeUndefined();
  expect(summary.value.markCount).toBe((demo.event.jurors.length * 2000 - demo.event.conflicts.length) * 24);
  expect(Buffer.byteLength(deliberation)).toBeLessThan(2 * 1024 * 1024);
  expect(calls).not.toContain('nomineeProtocol');

  // Opening a nominee fetches that nominee's protocol, and only it.
  const first = page.locator('section[data-result="pemkab"] tr[data-ranked]').first();
  const nomineeId = (await first.getAttribute('data-ranked'))!;
  const fetched = page.waitForResponse((r) => r.url().includes('/api/nomineeProtocol'));
  await first.getByRole('button').click();
  const value = (JSON.parse(await (await fetched).text()) as { value: { nomineeId: string; marks: { nomineeId: string }[] } }).value;
  const protocol = page.getByTestId(`protocol-${nomineeId}`);
  await expect(protocol).toBeVisible();
  // Both rounds, one row per juror, one cell per criterion: marks 1–5 where the juror scored.
  await expect(protocol.locator('table')).toHaveCount(2);
  await expect(protocol.locator('tbody tr')).toHaveCount(2 * demo.event.jurors.length);
  const cells = await protocol.locator('tbody td').allTextContents();
  expect(cells).toHaveLength(2 * demo.event.jurors.length * 12);
  const marks = cells.filter((c) => /^[1-5]( !)?$/.test(c));
  expect(marks.length).toBeGreaterThan(cells.length / 2);
  expect(calls.filter((c) => c === 'nomineeProtocol')).toHaveLength(1);
  expect(value.nomineeId).toBe(nomineeId);
  expect(value.marks.every((m) => m.nomineeId === nomineeId)).toBe(true);
  expect(value.marks).toHaveLength(marks.length);
});
