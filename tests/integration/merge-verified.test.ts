/**
 * One merge for the app's inbox and the command line (services/merge/merge-verified.ts): the same sheets,
 * stored in a workspace and deliberated there, or given as files to `timbang merge`, give the same results
 * hash; and only a valid sheet takes part, whoever verified it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { demoFiles, type DemoFiles } from '../../src/services/demo/demo-files.ts';
import { saveAuthored } from '../../src/services/events/authored.ts';
import { importEvent } from '../../src/services/events/event-import.ts';
import { deliberation } from '../../src/services/merge/deliberation.ts';
import { mergeVerified, type VerifiedSheet } from '../../src/services/merge/merge-verified.ts';
import { receiveSheet } from '../../src/services/merge/sheet-inbox.ts';
import { enrol, readEnrolment } from '../../src/services/packages/enrolment.ts';
import { readPackage } from '../../src/services/packages/event-package.ts';
import { verifyScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import { openWorkspace } from '../../src/services/workspace/workspace.ts';
import { demoDocument, tempDir } from '../support/demo.ts';

describe('one merge for the inbox and the command line', () => {
  const tmp = tempDir();
  let demo: DemoFiles;
  let verified: VerifiedSheet[];
  beforeAll(async () => {
    demo = await demoFiles(demoDocument());
    const pkg = readPackage(new TextEncoder().encode(demo.packageText), 'event.timbang');
    const context = {
      event: pkg.event,
      latestPackageRevision: pkg.revision,
      jurorKeys: new Map(pkg.jurorKeys.map((k) => [k.jurorId, k.publicKey])),
    };
    verified = [];
    for (const [jurorId, bytes] of demo.sheets) {
      const result = await verifyScoreSheet(new Uint8Array(bytes), `${jurorId}.xlsx`, context);
      verified.push({ key: `${jurorId}.xlsx`, status: result.status, payload: result.payload });
    }
  }, 60_000); // nine sheets signed and verified: seconds, more on a loaded machine
  afterAll(() => tmp.remove());

  it('takes only valid sheets: a sheet verification refused is not used, even with its payload', () => {
    const event = readPackage(new TextEncoder().encode(demo.packageText), 'event.timbang').event;
    const all = mergeVerified(event, verified, 'mean');
    expect(all.deliberation.usedSheets).toBe(9);
    const refused = mergeVerified(event, [{ ...verified[0], status: 'tampered' }, ...verified.slice(1)], 'mean');
    expect(refused.reconciliation.files[0].use).toBe('not-used');
    expect(refused.deliberation.usedSheets).toBe(8);
    expect(refused.deliberation.sheets).toBe(9);
    expect(refused.deliberation.resultsHash).not.toBe(all.deliberation.resultsHash);
  });

  it('gives the same results hash from the workspace inbox as `timbang merge` from the files', async () => {
    // The files, as the command line reads them.
    const dir = join(tmp.dir, 'demo');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'event.timbang'), demo.packageText);
    const sheets = [...demo.sheets].map(([jurorId, bytes]) => {
      const path = join(dir, `${jurorId}.xlsx`);
      writeFileSync(path, bytes);
      return path;
    });
    const out: string[] = [];
    const code = await main(['merge', '--json', '--event', join(dir, 'event.timbang'), ...sheets], {
      out: (line) => out.push(line),
      err: () => {},
    });
    expect(code).toBe(0);
    const fromFiles = JSON.parse(out.join('\n')) as { resultsHash: string; usedSheets: number };

    // The same sheets through the secretariat's inbox.
    const ws = openWorkspace(join(tmp.dir, 'sekretariat.sqlite'));
    try {
      const event = demoDocument();
      expect(importEvent(ws.db, event, 'demo-event.json')).toMatchObject({ status: 'imported', outcome: 'new' });
      for (const [jurorId, text] of demo.enrolments) {
        enrol(ws.db, readEnrolment(new TextEncoder().encode(text), `${jurorId}.timbang-enrol`), `${jurorId}.timbang-enrol`);
      }
      for (const [jurorId, bytes] of demo.sheets) {
        const { sheet } = await receiveSheet(ws.db, event, new Uint8Array(bytes), `${jurorId}.xlsx`);
        expect(sheet.status).toBe('valid');
      }
      const fromInbox = deliberation(ws.db, event, 'mean');
      expect(fromInbox.usedSheets).toBe(fromFiles.usedSheets);
      expect(fromInbox.resultsHash).toBe(fromFiles.resultsHash);
      // Importing the same event again changes nothing; a changed one waits for confirmation.
      expect(importEvent(ws.db, event, 'demo-event.json')).toMatchObject({ status: 'imported', outcome: 'unchanged' });
      const renamed = { ...event, name: `${event.name} (ubah)` };
      expect(importEvent(ws.db, renamed, 'demo-event.json')).toMatchObject({ status: 'needs-confirmation' });
      expect(saveAuthored(ws.db, event)).toBe('unchanged');
    } finally {
      ws.close();
    }
  });
});
