import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimbangApi } from '../../src/api/contract.ts';
import { createClient, dispatch, transportFrom } from '../../src/api/dispatch.ts';
import { AppError } from '../../src/api/errors.ts';
import { saveAuthored } from '../../src/services/events/authored.ts';
import { demoFiles } from '../../src/services/demo/demo-files.ts';
import { writeEventTemplate } from '../../src/services/events/event-template.ts';
import { fileData } from '../../src/services/file-data.ts';
import { createHandlers } from '../../src/services/handlers.ts';
import { openWorkspace, type Workspace } from '../../src/services/workspace/workspace.ts';
import { validateEvent } from '../../src/core/validate-event.ts';
import { RESOURCES_DIR, demoDocument, tempDir } from '../support/demo.ts';
import { TEST_PASSPHRASE } from '../support/workspace.ts';

const EVENT = 'paritrana-ntt-2025';

describe('the Wawancara shortlist', () => {
  const tmp = tempDir();
  const event = demoDocument();
  event.rounds[1].shortlistSize = 3; // five nominees per category, three go on to the interview
  let secretariatWs: Workspace;
  let jurorWs: Workspace;
  let secretariat: TimbangApi;
  let juror: TimbangApi;
  const client = (ws: Workspace) => {
    const handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' });
    return createClient(transportFrom((m, i) => dispatch(handlers, m, i)));
  };

  beforeAll(async () => {
    secretariatWs = openWorkspace(join(tmp.dir, 'sekretariat.sqlite'));
    jurorWs = openWorkspace(join(tmp.dir, 'juri.sqlite'));
    secretariat = client(secretariatWs);
    juror = client(jurorWs);
    saveAuthored(secretariatWs.db, event);
    const demo = await demoFiles(event);
    for (const [jurorId, text] of demo.enrolments) await secretariat.importEnrolment(fileData(`${jurorId}.timbang-enrol`, text));
    for (const [jurorId, bytes] of demo.sheets) await secretariat.importSheet({ eventId: EVENT, file: fileData(`${jurorId}.xlsx`, bytes) });
  });
  afterAll(() => {
    secretariatWs.close();
    jurorWs.close();
    tmp.remove();
  });

  it('is needed before the interview opens: the sheets carry Seleksi Administrasi only', async () => {
    const { sheets } = await secretariat.listSheets({ eventId: EVENT });
    expect(sheets.every((s) => s.status === 'valid')).toBe(true);
    const result = await secretariat.deliberation({ eventId: EVENT, rule: 'mean' });
    expect(result.completeness.J1['wawancara/ukm']).toBe('missing');
    expect(result.completeness.J1['administrasi/ukm']).toBe('received');
  });

  it('takes the top three of each category by Seleksi Administrasi and makes a new revision', async () => {
    const before = (await secretariat.listEvents({}))[0].revision;
    const issued = await secretariat.issueShortlist({ eventId: EVENT, roundId: 'wawancara', size: 3 });
    expect(issued.revision).toBe(before + 1);
    expect(issued.shortlists).toHaveLength(8);
    const admin = await secretariat.deliberation({ eventId: EVENT, rule: 'mean' });
    for (const list of issued.shortlists) {
      const byAdmin = admin.categories
        .find((c) => c.id === list.categoryId)!
        .ranking.map((n) => ({ id: n.nomineeId, score: n.rounds.administrasi! }))
        .sort((a, b) => b.score - a.score);
      expect(list.nomineeIds.sort()).toEqual(
        byAdmin
          .slice(0, 3)
          .map((n) => n.id)
          .sort(),
      );
    }
  });

  it("opens Wawancara on a juror's laptop for the shortlisted nominees only", async () => {
    await secretariat.createKey({ passphrase: TEST_PASSPHRASE });
    await juror.importPackage(await secretariat.exportPackage({ eventId: EVENT }));
    await juror.chooseJuror({ eventId: EVENT, jurorId: 'J1' });
    const ukm = (await juror.jurorAssignments({ eventId: EVENT }))
      .find((r) => r.roundId === 'wawancara')!
      .categories.find((c) => c.categoryId === 'ukm')!;
    expect(ukm).toMatchObject({ open: true, nominees: 3, required: 15 });
    const shortlisted = (await secretariat.getEvent({ eventId: EVENT })).shortlists!.find(
      (s) => s.roundId === 'wawancara' && s.categoryId === 'ukm',
    )!.nomineeIds;
    const outside = event.nominees.find((n) => n.categoryId === 'ukm' && !shortlisted.includes(n.id))!;
    await juror.recordScore({ eventId: EVENT, roundId: 'wawancara', nomineeId: shortlisted[0], criterionCode: 'W1', value: 4 });
    const refused = await juror
      .recordScore({ eventId: EVENT, roundId: 'wawancara', nomineeId: outside.id, criterionCode: 'W1', value: 4 })
      .catch((e: AppError) => e);
    expect((refused as AppError).bilingual.id).toBe(`${outside.name} tidak masuk daftar pendek babak Wawancara.`);
  });

  it('keeps the issued shortlist when the secretariat re-imports its Excel template, which has no place for it', async () => {
    const current = await secretariat.getEvent({ eventId: EVENT });
    expect(current.shortlists).toHaveLength(8);
    const template = await writeEventTemplate(current);
    const again = await secretariat.importEventTemplate(fileData('acara.xlsx', template));
    expect(again).toMatchObject({ status: 'imported', outcome: 'unchanged' }); // no confirmation for changes nobody made
    expect((await secretariat.getEvent({ eventId: EVENT })).shortlists).toEqual(current.shortlists);
  });

  it('refuses a shortlist naming a nominee of another category', () => {
    const bad = { ...demoDocument(), shortlists: [{ roundId: 'wawancara', categoryId: 'ukm', nomineeIds: ['pemkab-01'] }] };
    bad.rounds[1].shortlistSize = 3;
    const result = validateEvent(bad);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.message.id)).toContain('nominasi "pemkab-01" tidak ada di kategori ini');
  });
});
