import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../src/api/contract.ts';
import { createClient, dispatch, transportFrom } from '../../src/api/dispatch.ts';
import { AppError } from '../../src/api/errors.ts';
import { createHandlers } from '../../src/services/handlers.ts';
import { reconcile } from '../../src/services/merge/reconcile.ts';
import { verifyScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import { openWorkspace, type Workspace } from '../../src/services/workspace/workspace.ts';
import { RESOURCES_DIR, demoDocument, tempDir } from '../support/demo.ts';

const EVENT = 'paritrana-ntt-2025';
const EVENT_DOC = demoDocument();

describe('juror scoring through the API', () => {
  let tmp: ReturnType<typeof tempDir>;
  let ws: Workspace;
  let api: ReturnType<typeof createClient>;
  let handlers: Handlers;
  beforeEach(async () => {
    tmp = tempDir();
    ws = openWorkspace(join(tmp.dir, 'juri.sqlite'));
    handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' });
    api = createClient(transportFrom((method, input) => dispatch(handlers, method, input)));
    await api.loadDemoEvent({ role: 'juri' });
    await api.chooseJuror({ eventId: EVENT, jurorId: 'J4' });
  });
  afterEach(() => {
    ws.close();
    tmp.remove();
  });

  const mark = (nomineeId: string, criterionCode: string, value: number | null, roundId = 'administrasi') =>
    api.recordScore({ eventId: EVENT, roundId, nomineeId, criterionCode, value });
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: AppError) => e,
    );
  const rows = () => ws.db.prepare('SELECT count(*) AS n FROM score').get() as { n: number };

  it('keeps three edits as three history rows, the latest being the current value', async () => {
    await mark('ukm-01', 'UK1', 3);
    await mark('ukm-01', 'UK1', 5);
    await mark('ukm-01', 'UK1', 4);
    const history = await api.scoreHistory({ eventId: EVENT, roundId: 'administrasi', nomineeId: 'ukm-01', criterionCode: 'UK1' });
    expect(history.map((h) => [h.previous, h.value])).toEqual([
      [null, 3],
      [3, 5],
      [5, 4],
    ]);
    const state = await api.scoringState({ eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm' });
    expect(state.marks).toEqual([{ nomineeId: 'ukm-01', criterionCode: 'UK1', value: 4 }]);
    expect(ws.db.prepare('SELECT count(*) AS n FROM score').get()).toEqual({ n: 3 });
  });

  it('is committed to disk when the call returns (another connection sees it)', async () => {
    await mark('ukm-02', 'UK3', 2);
    const other = openWorkspace(ws.path);
    expect(other.db.prepare("SELECT value FROM score WHERE nominee_id = 'ukm-02'").get()).toEqual({ value: 2 });
    other.close();
  });

  it('refuses a value off the scale, in both languages, and writes nothing', async () => {
    for (const value of [0, 6, 3.5, -1]) {
      const error = await failure(mark('ukm-01', 'UK1', value));
      expect(error.bilingual.id).toBe(`Nilai ${value} di luar skala UK1: 1–5, kelipatan 1.`);
      expect(error.bilingual.en).toBe(`Score ${value} is off UK1's scale: 1–5, in steps of 1.`);
    }
    expect(rows()).toEqual({ n: 0 });
  });

  it('refuses a criterion of another round or category', async () => {
    expect((await failure(mark('ukm-01', 'BU1', 3))).bilingual.en).toBe(
      'Criterion "BU1" is not scored for Padu Padan by Erwin Yuan in round Administrative Selection.',
    );
    expect((await failure(mark('ukm-01', 'W1', 3))).code).toBe('invalid-input');
  });

  it('refuses a conflicted write: the event conflict of J4 with PT Karang Batu Konstruksi', async () => {
    const error = await failure(mark('manufaktur-04', 'BU1', 4));
    expect(error.code).toBe('forbidden');
    expect(error.bilingual.id).toMatch(/^Tidak menilai — benturan kepentingan: /);
    expect(rows()).toEqual({ n: 0 });
  });

  it('keeps a conflict the juror declares, clears marks given before, and refuses new ones', async () => {
    await mark('jasa-keuangan-02', 'BU1', 4);
    await api.declareConflict({ eventId: EVENT, nomineeId: 'jasa-keuangan-02', reason: 'Saudara kandung bekerja di Bank NTT' });
    const state = await api.scoringState({ eventId: EVENT, roundId: 'administrasi', categoryId: 'jasa-keuangan' });
    expect(state.marks).toEqual([]);
    expect(state.conflicts).toEqual([{ nomineeId: 'jasa-keuangan-02', reason: 'Saudara kandung bekerja di Bank NTT', declared: true }]);
    expect((await failure(mark('jasa-keuangan-02', 'BU2', 3))).bilingual.id).toContain('Saudara kandung bekerja di Bank NTT');
    const history = await api.scoreHistory({
      eventId: EVENT,
      roundId: 'administrasi',
      nomineeId: 'jasa-keuangan-02',
      criterionCode: 'BU1',
    });
    expect(history.map((h) => h.value)).toEqual([4, null]);
  });

  it('withdraws a conflict the juror declared by mistake, bringing back the marks it cleared, and keeps the record', async () => {
    await mark('jasa-keuangan-02', 'BU1', 4);
    await mark('jasa-keuangan-02', 'BU2', 2);
    await api.declareConflict({ eventId: EVENT, nomineeId: 'jasa-keuangan-02', reason: 'salah klik' });
    expect(await api.withdrawConflict({ eventId: EVENT, nomineeId: 'jasa-keuangan-02', reason: 'Tertekan tidak sengaja' })).toEqual({
      restoredMarks: 2,
    });
    const state = await api.scoringState({ eventId: EVENT, roundId: 'administrasi', categoryId: 'jasa-keuangan' });
    expect(state.conflicts).toEqual([]);
    expect(state.marks.filter((m) => m.nomineeId === 'jasa-keuangan-02')).toEqual([
      { nomineeId: 'jasa-keuangan-02', criterionCode: 'BU1', value: 4 },
      { nomineeId: 'jasa-keuangan-02', criterionCode: 'BU2', value: 2 },
    ]);
    const history = await api.scoreHistory({
      eventId: EVENT,
      roundId: 'administrasi',
      nomineeId: 'jasa-keuangan-02',
      criterionCode: 'BU1',
    });
    expect(history.map((h) => h.value)).toEqual([4, null, 4]); // nothing erased
    expect(ws.db.prepare('SELECT reason, withdrawn_reason AS why FROM withdrawn_conflict').all()).toEqual([
      { reason: 'salah klik', why: 'Tertekan tidak sengaja' },
    ]);
    await mark('jasa-keuangan-02', 'BU3', 3); // scoring goes on

    // Not twice, and never a conflict the secretariat set in the event (J4 × PT Karang Batu Konstruksi).
    expect((await failure(api.withdrawConflict({ eventId: EVENT, nomineeId: 'jasa-keuangan-02', reason: 'lagi' }))).code).toBe('not-found');
    expect((await failure(api.withdrawConflict({ eventId: EVENT, nomineeId: 'manufaktur-04', reason: 'ingin menilai' }))).code).toBe(
      'forbidden',
    );
  });

  it('refuses to finalize while marks are missing, naming them; then locks; reopening is recorded', async () => {
    const missing = await failure(api.finalizeRound({ eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm' }));
    expect(missing.code).toBe('incomplete');
    expect(missing.bilingual.id).toContain('Padu Padan by Erwin Yuan: UK1, UK2, UK3, UK4');

    const ukm = ['ukm-01', 'ukm-02', 'ukm-03', 'ukm-04', 'ukm-05'];
    for (const nominee of ukm)
      for (const code of ['UK1', 'UK2', 'UK3', 'UK4']) if (!(nominee === 'ukm-05' && code === 'UK4')) await mark(nominee, code, 3);
    const one = await failure(api.finalizeRound({ eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm' }));
    expect(one.bilingual.id).toContain('Kopi Bajawa Mama Rosa: UK4.');
    await mark('ukm-05', 'UK4', 5);
    expect(await api.finalizeRound({ eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm' })).toEqual({ finalized: true });

    const locked = await failure(mark('ukm-01', 'UK1', 4));
    expect(locked.bilingual.id).toContain('sudah difinalisasi dan terkunci');
    expect((await failure(api.saveNote({ eventId: EVENT, roundId: 'administrasi', nomineeId: 'ukm-01', text: 'x' }))).code).toBe(
      'forbidden',
    );
    const assignment = (await api.jurorAssignments({ eventId: EVENT }))[0].categories.find((c) => c.categoryId === 'ukm')!;
    expect(assignment).toMatchObject({ required: 20, scored: 20, finalized: true });

    expect((await api.scoringState({ eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm' })).sheetRevision).toBe(1);
    expect(
      await api.reopenRound({ eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm', reason: 'Salah ketik UK1 La Moringa' }),
    ).toEqual({ sheetRevision: 2 });
    await mark('ukm-01', 'UK1', 4);
    const reopenRow = ws.db.prepare("SELECT reason FROM finalization WHERE action = 'reopen'").get();
    expect(reopenRow).toEqual({ reason: 'Salah ketik UK1 La Moringa' });
  });

  it('gives an exported sheet a new revision whenever its content changed, so the newer file supersedes the older', async () => {
    const { publicKey } = await api.createKey({ passphrase: 'kupang-juli-2025' });
    const exported = async () => {
      const file = await api.exportSheet({ eventId: EVENT, name: 'Yohanes', roundIds: ['administrasi'] });
      const verified = await verifyScoreSheet(Buffer.from(file.base64, 'base64'), file.fileName, {
        event: EVENT_DOC,
        latestPackageRevision: 1,
        jurorKeys: new Map([['J4', publicKey!]]),
      });
      expect(verified.status).toBe('valid');
      return { fileName: file.fileName, payload: verified.payload! };
    };
    await mark('ukm-01', 'UK1', 3);
    const first = await exported();
    expect(first.fileName).toBe('lembar-nilai-J4-revisi-1.xlsx');
    // A fictional demo nominee carries its † on the sheet as in every other output.
    expect(first.payload.sections.find((s) => s.categoryId === 'ukm')!.nominees.find((n) => n.nomineeId === 'ukm-04')!.name).toBe(
      'Tenun Ikat Sumba Lestari†',
    );
    expect((await exported()).fileName).toBe('lembar-nilai-J4-revisi-1.xlsx'); // nothing changed: the same revision, an identical copy
    await mark('ukm-01', 'UK2', 4); // one more mark, no reopening: the round was never finalized
    const second = await exported();
    expect(second.fileName).toBe('lembar-nilai-J4-revisi-2.xlsx');
    expect((await api.scoringState({ eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm' })).sheetRevision).toBe(3);

    // The secretariat's reconciliation: the newer supersedes, no conflict.
    const { files } = reconcile(demoDocument(), [
      { file: 'a', payload: first.payload },
      { file: 'b', payload: second.payload },
    ]);
    expect(files.map((f) => f.use)).toEqual(['stale', 'used']);
  });

  it('keeps notes per nominee and round, the latest text being current', async () => {
    await api.saveNote({ eventId: EVENT, roundId: 'wawancara', nomineeId: 'pemkab-01', text: 'Bupati hadir' });
    await api.saveNote({ eventId: EVENT, roundId: 'wawancara', nomineeId: 'pemkab-01', text: 'Bupati hadir, paparan berbasis data' });
    const state = await api.scoringState({ eventId: EVENT, roundId: 'wawancara', categoryId: 'pemkab' });
    expect(state.notes).toEqual([{ nomineeId: 'pemkab-01', text: 'Bupati hadir, paparan berbasis data' }]);
  });

  it('keeps half an emoji pasted into a note from breaking the signed sheet', async () => {
    await api.createKey({ passphrase: 'kupang-juli-2025' });
    await api.saveNote({ eventId: EVENT, roundId: 'administrasi', nomineeId: 'ukm-01', text: 'Bukti lengkap \uD83D' });
    const state = await api.scoringState({ eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm' });
    expect(state.notes).toEqual([{ nomineeId: 'ukm-01', text: 'Bukti lengkap \uFFFD' }]);
    const file = await api.exportSheet({ eventId: EVENT, name: 'Yohanes \uDC00', roundIds: ['administrasi'] });
    expect(file.fileName).toMatch(/\.xlsx$/);
  });

  it('counts progress per round and category, conflicts excluded', async () => {
    await mark('manufaktur-01', 'BU1', 5);
    const manufaktur = (await api.jurorAssignments({ eventId: EVENT }))[0].categories.find((c) => c.categoryId === 'manufaktur')!;
    expect(manufaktur).toMatchObject({ nominees: 4, conflicted: 1, criteria: 5, required: 20, scored: 1, finalized: false, open: true });
  });

  it('scores only as the juror this laptop was set up for', async () => {
    const raw = await dispatch(handlers, 'recordScore', {
      eventId: EVENT,
      roundId: 'administrasi',
      nomineeId: 'ukm-01',
      criterionCode: 'UK1',
      value: 4,
      jurorId: 'J1',
    });
    expect(raw).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
