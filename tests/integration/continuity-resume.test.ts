/**
 * Issue 21, items 2 and 4: J3's laptop dies after the Seleksi Administrasi. On a new laptop J3 makes a new key;
 * the secretariat re-enrols J3 (a key change statement, signed by the secretariat, rides in the next package);
 * J3 resumes from their own last signed sheet, signed with the OLD key; the marks come back as history rows
 * naming that sheet, finalized sections stay final, and the next sheet has a higher revision. At the
 * secretariat both keys' sheets are J3's: the old one superseded (stale), not in conflict, and the merge
 * counts the continued marks once. The report's appendix says the key changed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileData } from '../../src/api/contract.ts';
import { AppError } from '../../src/api/errors.ts';
import { main } from '../../src/cli/main.ts';
import { merge } from '../../src/core/merge.ts';
import { authoredEvent } from '../../src/services/events/authored.ts';
import { listReceived } from '../../src/services/merge/sheet-inbox.ts';
import { readPackage } from '../../src/services/packages/event-package.ts';
import { EVENT, bytesOf, jurorLaptop, laptop, PASSPHRASE, scoreSection, secretariatLaptop, type Laptop } from '../support/continuity.ts';
import { tempDir } from '../support/demo.ts';

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: AppError) => e,
  );
const OLD_MARK = (n: number, c: number) => 1 + ((n * 2 + c) % 5);

describe('a juror resumes from their own sheet after re-enrolment', () => {
  const open: Laptop[] = [];
  const track = <T extends Laptop>(l: T) => (open.push(l), l);
  afterEach(() => {
    for (const l of open.splice(0)) l.close();
  });

  /**
   * The story up to the loss: J3 scores Seleksi Administrasi · UKM (finalized) and two interview marks, sends
   * sheet revision 1, reopens with a reason (a correction), finalizes and sends revision 2. The secretariat
   * imports both. Then the laptop dies.
   */
  async function beforeTheLoss({ secretariatHasSecond = true } = {}) {
    const secretariat = track(await secretariatLaptop());
    const old = track(await jurorLaptop(secretariat, 'J3', 'Maria Goreti', { laptopName: 'lama' }));
    await old.api.unlockKey({ passphrase: PASSPHRASE });
    await scoreSection(old, 'administrasi', 'ukm', OLD_MARK);
    await old.api.finalizeRound({ eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm' });
    await old.api.recordScore({ eventId: EVENT, roundId: 'wawancara', nomineeId: 'ukm-01', criterionCode: 'W1', value: 5 });
    await old.api.saveNote({ eventId: EVENT, roundId: 'wawancara', nomineeId: 'ukm-01', text: 'Pimpinan hadir sendiri' });
    const first = await old.api.exportSheet({ eventId: EVENT, name: 'Maria Goreti', roundIds: ['administrasi', 'wawancara'] });
    await old.api.reopenRound({ eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm', reason: 'Salah ketik UK1 ukm-02' });
    await old.api.recordScore({ eventId: EVENT, roundId: 'administrasi', nomineeId: 'ukm-02', criterionCode: 'UK1', value: 2 });
    await old.api.finalizeRound({ eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm' });
    const second = await old.api.exportSheet({ eventId: EVENT, name: 'Maria Goreti', roundIds: ['administrasi', 'wawancara'] });
    expect([first.fileName, second.fileName]).toEqual(['lembar-nilai-J3-revisi-1.xlsx', 'lembar-nilai-J3-revisi-2.xlsx']);
    expect((await secretariat.api.importSheet({ eventId: EVENT, file: first })).sheet.status).toBe('valid');
    if (secretariatHasSecond) expect((await secretariat.api.importSheet({ eventId: EVENT, file: second })).sheet.status).toBe('valid');
    const oldKey = (await old.api.keyStatus({})).fingerprint!;
    return { secretariat, old, first, second, oldKey };
  }

  /** The new laptop up to the key change: package, identity, a new key, its enrolment refused, then re-enrolled. */
  async function newLaptopReenrolled(secretariat: Laptop) {
    const fresh = track(laptop('baru'));
    await fresh.api.importPackage(await secretariat.api.exportPackage({ eventId: EVENT }));
    await fresh.api.chooseJuror({ eventId: EVENT, jurorId: 'J3' });
    await fresh.api.createKey({ passphrase: PASSPHRASE });
    const enrolment = await fresh.api.exportEnrolment({ eventId: EVENT, name: 'Maria Goreti' });
    // Not ready before the new key is enrolled: the package does not carry it.
    expect(await fresh.api.resumeStatus({ eventId: EVENT })).toMatchObject({ jurorId: 'J3', ready: false, previousKeys: [] });
    // A plain import never replaces an enrolled key…
    expect((await failure(secretariat.api.importEnrolment(enrolment))).bilingual.id).toContain('J3 sudah terdaftar dengan kunci lain');
    // …a re-enrolment with a reason does, recording the key change.
    expect(await secretariat.api.reenrolJuror({ eventId: EVENT, file: enrolment, reason: 'Laptop rusak terkena air' })).toMatchObject({
      changed: true,
      enrolment: { jurorId: 'J3', confirmedAt: null },
    });
    const update = await fresh.api.importPackage(await secretariat.api.exportPackage({ eventId: EVENT }));
    expect(update.outcome).toBe('updated');
    return { fresh, newKey: (await fresh.api.keyStatus({})).fingerprint! };
  }

  it('restores the marks from the old-key sheet with their origin, keeps finalized sections final, and raises the next revision', async () => {
    const { secretariat, second, oldKey } = await beforeTheLoss();
    const { fresh, newKey } = await newLaptopReenrolled(secretariat);
    expect(await fresh.api.resumeStatus({ eventId: EVENT })).toMatchObject({
      ready: true,
      previousKeys: [oldKey],
      resumed: [],
      nextSheetRevision: 3,
    });

    // Someone else's sheet is refused, and so is a changed one: nothing is written.
    const other = track(await jurorLaptop(secretariat, 'J5', 'Yohanes', { laptopName: 'j5' }));
    await other.api.unlockKey({ passphrase: PASSPHRASE });
    await other.api.recordScore({ eventId: EVENT, roundId: 'administrasi', nomineeId: 'ukm-01', criterionCode: 'UK1', value: 3 });
    const theirs = await other.api.exportSheet({ eventId: EVENT, name: 'Yohanes', roundIds: ['administrasi'] });
    await fresh.api.importPackage(await secretariat.api.exportPackage({ eventId: EVENT }));
    const refused = await failure(fresh.api.resumeFromSheets({ eventId: EVENT, files: [theirs] }));
    expect(refused.bilingual.id).toContain('milik J5, bukan Anda (J3)');

    const result = await fresh.api.resumeFromSheets({ eventId: EVENT, files: [second] });
    expect(result).toMatchObject({
      marks: 21,
      unchanged: 0,
      notes: 1,
      conflicts: 0,
      finalized: [{ roundId: 'administrasi', categoryId: 'ukm' }],
      notFinalized: [],
      nextSheetRevision: 3,
    });
    expect(result.sheets).toEqual([
      expect.objectContaining({
        fileName: 'lembar-nilai-J3-revisi-2.xlsx',
        sheetRevision: 2,
        signedWith: oldKey,
        previousKey: true,
        marks: 21,
      }),
    ]);

    const history = await fresh.api.scoreHistory({ eventId: EVENT, roundId: 'administrasi', nomineeId: 'ukm-02', criterionCode: 'UK1' });
    expect(history).toEqual([
      expect.objectContaining({
        value: 2,
        previous: null,
        origin: {
          id: 'dipulihkan dari lembar J3 revisi 2 (lembar-nilai-J3-revisi-2.xlsx)',
          en: 'restored from sheet J3 revision 2 (lembar-nilai-J3-revisi-2.xlsx)',
        },
      }),
    ]);
    const state = await fresh.api.scoringState({ eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm' });
    expect(state.finalized).toBe(true);
    expect(state.sheetRevision).toBe(3);
    // Final means locked, as on the old laptop.
    await expect(
      fresh.api.recordScore({ eventId: EVENT, roundId: 'administrasi', nomineeId: 'ukm-01', criterionCode: 'UK1', value: 1 }),
    ).rejects.toThrow('sudah difinalisasi dan terkunci');
    const interview = await fresh.api.scoringState({ eventId: EVENT, roundId: 'wawancara', categoryId: 'ukm' });
    expect(interview).toMatchObject({
      finalized: false,
      marks: [{ nomineeId: 'ukm-01', criterionCode: 'W1', value: 5 }],
      notes: [{ nomineeId: 'ukm-01', text: 'Pimpinan hadir sendiri' }],
    });

    // The same sheet again adds nothing.
    expect(await fresh.api.resumeFromSheets({ eventId: EVENT, files: [second] })).toMatchObject({ marks: 0, unchanged: 21, notes: 0 });

    // J3 goes on scoring on the new laptop and sends revision 3, signed with the new key.
    await fresh.api.unlockKey({ passphrase: PASSPHRASE });
    await fresh.api.recordScore({ eventId: EVENT, roundId: 'wawancara', nomineeId: 'ukm-02', criterionCode: 'W1', value: 3 });
    const third = await fresh.api.exportSheet({ eventId: EVENT, name: 'Maria Goreti', roundIds: ['administrasi', 'wawancara'] });
    expect(third.fileName).toBe('lembar-nilai-J3-revisi-3.xlsx');
    const imported = await secretariat.api.importSheet({ eventId: EVENT, file: third });
    expect(imported.sheet).toMatchObject({ status: 'valid', jurorId: 'J3', sheetRevision: 3, signedWith: newKey, use: 'used' });

    // At the secretariat: both keys' sheets are J3's; the old ones superseded, none in conflict.
    const listed = await secretariat.api.listSheets({ eventId: EVENT });
    expect(listed.sheets.map((s) => [s.fileName, s.status, s.signedWith, s.use])).toEqual([
      ['lembar-nilai-J3-revisi-1.xlsx', 'valid', oldKey, 'stale'],
      ['lembar-nilai-J3-revisi-2.xlsx', 'valid', oldKey, 'stale'],
      ['lembar-nilai-J3-revisi-3.xlsx', 'valid', newKey, 'used'],
    ]);
    expect(listed.sheets[1].notes?.[0].id).toContain(`Kunci J3 berganti: lembar ini ditandatangani kunci lama ${oldKey}`);
    expect(listed.sheets[2].notes?.[0].en).toContain(
      `signed with the new key ${newKey}, replacing the old key ${oldKey} (Laptop rusak terkena air)`,
    );
    expect(listed.completeness.J3['administrasi/ukm']).toBe('received');
    const changes = await secretariat.api.jurorKeyChanges({ eventId: EVENT });
    expect(changes).toEqual([
      expect.objectContaining({
        jurorId: 'J3',
        previousFingerprint: oldKey,
        nextFingerprint: newKey,
        continuesAfterRevision: 2,
        reason: 'Laptop rusak terkena air',
      }),
    ]);
    expect(changes[0].sheets.map((s) => [s.key, s.sheetRevision, s.use])).toEqual([
      ['previous', 1, 'stale'],
      ['previous', 2, 'stale'],
      ['next', 3, 'used'],
    ]);

    // The merge counts the continued marks once: one mark per J3 cell, the new sheet's.
    const event = authoredEvent(secretariat.ws.db, EVENT);
    const marks = listReceived(secretariat.ws.db, event).reconciliation.marks.filter((m) => m.jurorId === 'J3');
    const cells = marks.map((m) => `${m.roundId}/${m.nomineeId}/${m.criterionCode}`);
    expect(new Set(cells).size).toBe(cells.length);
    expect(marks).toHaveLength(21 + 1);
    expect(marks.find((m) => m.nomineeId === 'ukm-02' && m.criterionCode === 'UK1')!.value).toBe(2);
    const summary = await secretariat.api.deliberation({ eventId: EVENT, rule: 'mean' });
    expect(summary.markCount).toBe(22);
    expect(merge(event, marks, 'mean').categories.find((c) => c.categoryId === 'ukm')).toBeDefined();

    // The report's verification appendix says the key changed.
    const { html } = await secretariat.api.reportHtml({ eventId: EVENT, rule: 'mean', lang: 'id' });
    expect(html).toContain(`Kunci J3 berganti: lembar ini ditandatangani kunci lama ${oldKey}`);
    expect(html).toContain(`ditandatangani kunci baru ${newKey}, pengganti kunci lama ${oldKey}`);
  });

  it("an old-key sheet that arrives after the re-enrolment is still J3's, verified with the old key, and superseded", async () => {
    // The secretariat had only revision 1 when the laptop died; revision 2 was sent by e-mail and arrives late.
    const { secretariat, second, oldKey } = await beforeTheLoss({ secretariatHasSecond: false });
    const { fresh, newKey } = await newLaptopReenrolled(secretariat);
    expect((await secretariat.api.jurorKeyChanges({ eventId: EVENT }))[0].continuesAfterRevision).toBe(1);
    const late = await secretariat.api.importSheet({ eventId: EVENT, file: { ...second, fileName: 'J3-dari-surel.xlsx' } });
    expect(late.sheet).toMatchObject({ status: 'valid', jurorId: 'J3', signedWith: oldKey, sheetRevision: 2, use: 'used' });
    // J3 resumes from that same sheet: the new laptop continues above it.
    await fresh.api.resumeFromSheets({ eventId: EVENT, files: [second] });
    await fresh.api.unlockKey({ passphrase: PASSPHRASE });
    const third = await fresh.api.exportSheet({ eventId: EVENT, name: 'Maria Goreti', roundIds: ['administrasi', 'wawancara'] });
    expect(third.fileName).toBe('lembar-nilai-J3-revisi-3.xlsx');
    await secretariat.api.importSheet({ eventId: EVENT, file: third });
    const uses = (await secretariat.api.listSheets({ eventId: EVENT })).sheets.map((s) => [
      s.fileName,
      s.sheetRevision,
      s.signedWith === oldKey ? 'lama' : s.signedWith === newKey ? 'baru' : '?',
      s.status,
      s.use,
    ]);
    expect(uses).toEqual([
      ['lembar-nilai-J3-revisi-1.xlsx', 1, 'lama', 'valid', 'stale'],
      ['J3-dari-surel.xlsx', 2, 'lama', 'valid', 'stale'],
      ['lembar-nilai-J3-revisi-3.xlsx', 3, 'baru', 'valid', 'used'],
    ]);
  });

  it("the new laptop numbers its sheets above the old key's even without resuming, so the old sheets are superseded", async () => {
    const { secretariat } = await beforeTheLoss();
    const { fresh } = await newLaptopReenrolled(secretariat);
    await fresh.api.unlockKey({ passphrase: PASSPHRASE });
    await scoreSection(fresh, 'administrasi', 'ukm', () => 3);
    const sheet = await fresh.api.exportSheet({ eventId: EVENT, name: 'Maria Goreti', roundIds: ['administrasi'] });
    expect(sheet.fileName).toBe('lembar-nilai-J3-revisi-3.xlsx');
    expect((await secretariat.api.importSheet({ eventId: EVENT, file: sheet })).sheet.use).toBe('used');
    const event = authoredEvent(secretariat.ws.db, EVENT);
    const ukm = listReceived(secretariat.ws.db, event).reconciliation.marks.filter(
      (m) => m.jurorId === 'J3' && m.roundId === 'administrasi',
    );
    expect(ukm.map((m) => m.value)).toEqual(Array(20).fill(3));
  });

  it('refuses to overwrite a mark given on the new laptop, and resumes nothing before the new key is enrolled', async () => {
    const { secretariat, second } = await beforeTheLoss();
    const { fresh } = await newLaptopReenrolled(secretariat);
    await fresh.api.recordScore({ eventId: EVENT, roundId: 'administrasi', nomineeId: 'ukm-03', criterionCode: 'UK2', value: 5 }); // the old sheet says 1 (OLD_MARK(2, 1))
    const refused = await failure(fresh.api.resumeFromSheets({ eventId: EVENT, files: [second] }));
    expect(refused.code).toBe('conflict');
    expect(refused.bilingual.id).toBe(
      'Laptop ini sudah punya nilai lain untuk 1 sel (UKM Ghaura UK2: 5 ≠ 1); lembar tidak menimpa nilai yang diberikan di sini atau bagian yang sudah difinalisasi. Tidak ada yang diubah.',
    );
    expect((await fresh.api.scoringState({ eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm' })).marks).toHaveLength(1);

    const unenrolled = track(laptop('belum-terdaftar'));
    await unenrolled.api.importPackage(await secretariat.api.exportPackage({ eventId: EVENT }));
    await unenrolled.api.chooseJuror({ eventId: EVENT, jurorId: 'J3' });
    await unenrolled.api.createKey({ passphrase: PASSPHRASE });
    const early = await failure(unenrolled.api.resumeFromSheets({ eventId: EVENT, files: [second] }));
    expect(early.bilingual.en).toContain("does not carry this laptop's key for J3 yet");
  });

  it("from the command line: reenrol, resume, and verify against the latest package (the old key counts as J3's)", async () => {
    const { secretariat, first, second, oldKey } = await beforeTheLoss();
    const tmp = tempDir();
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    try {
      const fresh = track(laptop('baru-cli'));
      await fresh.api.importPackage(await secretariat.api.exportPackage({ eventId: EVENT }));
      await fresh.api.chooseJuror({ eventId: EVENT, jurorId: 'J3' });
      await fresh.api.createKey({ passphrase: PASSPHRASE });
      const enrolment = await fresh.api.exportEnrolment({ eventId: EVENT, name: 'Maria Goreti' });
      mkdirSync(join(tmp.dir, 'lembar'));
      const write = (name: string, file: FileData) => (writeFileSync(join(tmp.dir, name), bytesOf(file)), join(tmp.dir, name));
      const enrolFile = write('pendaftaran-J3.timbang-enrol', enrolment);
      secretariat.ws.close(); // the CLI opens the secretariat's workspace itself (one process at a time)
      expect(await main(['reenrol', '--db', secretariat.path, '--reason', 'Laptop hilang di bandara', enrolFile], io)).toBe(0);
      expect(out.at(-2)).toMatch(new RegExp(`^J3 didaftarkan ulang: kunci lama ${oldKey} → kunci baru \\d{5}`));
      process.env.TIMBANG_PASSPHRASE = PASSPHRASE;
      const packageFile = join(tmp.dir, 'acara.timbang');
      expect(await main(['event', 'package', '--db', secretariat.path, '--out', packageFile], io)).toBe(0);
      delete process.env.TIMBANG_PASSPHRASE;
      const pkg = readPackage(new Uint8Array(readFileSync(packageFile)), 'acara.timbang');
      expect(pkg.jurorKeyChanges).toEqual([
        expect.objectContaining({
          jurorId: 'J3',
          previous: expect.objectContaining({ fingerprint: oldKey }),
          continuesAfterRevision: 2,
          reason: 'Laptop hilang di bandara',
        }),
      ]);

      // The old sheets verify against the new package as J3's.
      const sheets = [write('lembar/J3-r1.xlsx', first), write('lembar/J3-r2.xlsx', second)];
      expect(await main(['verify', '--event', packageFile, ...sheets], io)).toBe(0);

      // The juror's new laptop resumes from the command line.
      await fresh.api.importPackage({ fileName: 'acara.timbang', base64: Buffer.from(readFileSync(packageFile)).toString('base64') });
      fresh.ws.close();
      expect(await main(['resume', '--db', fresh.path, sheets[1]], io)).toBe(0);
      expect(out.at(-2)).toBe(`J3-r2.xlsx: revisi 2, kunci ${oldKey} (kunci lama), 21 nilai dipulihkan`);
      expect(out.at(-1)).toBe(
        '21 nilai dipulihkan (0 sudah ada), 1 catatan, 0 benturan kepentingan, 1 bagian final lagi. Lembar berikutnya: revisi 3.',
      );
      fresh.restart();
      secretariat.restart();
    } finally {
      tmp.remove();
    }
  });
});
