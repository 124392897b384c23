/**
 * Issue 21, item 1: a workspace moved to a "new laptop" (a new data directory) and opened there with its key.
 * The old laptop's key is sealed by its keychain, which the new laptop cannot open (as a real keychain opens
 * only on the machine and account that sealed it): copying the workspace file gives a key that cannot sign;
 * the move file re-seals it under a passphrase chosen at export, and the new laptop seals it again with its own
 * keychain, or keeps that passphrase where it has none.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/api/errors.ts';
import { main } from '../../src/cli/main.ts';
import { KeyStore } from '../../src/services/keys/key-store.ts';
import { readPackage } from '../../src/services/packages/event-package.ts';
import { verifyScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import { listBackups } from '../../src/services/workspace/backup.ts';
import { openWorkspace } from '../../src/services/workspace/workspace.ts';
import {
  EVENT,
  PASSPHRASE,
  bytesOf,
  fakeKeychain,
  fileOf,
  jurorLaptop,
  laptop,
  scoreSection,
  secretariatLaptop,
  type Laptop,
} from '../support/continuity.ts';
import { tempDir } from '../support/demo.ts';
import { secondProcess } from '../support/second-process.ts';

const MOVE_PASSPHRASE = 'pindah-ke-hotel-2025';
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: AppError) => e,
  );

describe('moving a workspace to a new laptop', () => {
  const open: Laptop[] = [];
  const track = <T extends Laptop>(l: T) => (open.push(l), l);
  afterEach(() => {
    for (const l of open.splice(0)) l.close();
  });

  /** The old laptop: J3's marks, one section finalized, the key sealed by this laptop's keychain. */
  async function oldLaptop() {
    const secretariat = track(await secretariatLaptop());
    const old = track(await jurorLaptop(secretariat, 'J3', 'Maria Goreti', { os: fakeKeychain(), laptopName: 'lama' }));
    await old.handlers.keyStatus({});
    const given = await scoreSection(old, 'administrasi', 'ukm', (n, c) => 1 + ((n + c) % 5));
    await old.api.finalizeRound({ eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm' });
    await old.api.recordScore({ eventId: EVENT, roundId: 'wawancara', nomineeId: 'ukm-02', criterionCode: 'W1', value: 4 });
    await new KeyStore(old.ws.db, old.os).settled(); // nothing pending; the app's own store has stored its copy
    expect((await old.api.keyStatus({})).protection).toBe('os');
    return { secretariat, old, given: given + 1 };
  }

  it('a copied workspace file cannot sign on the new laptop: its keychain cannot open the old seal', async () => {
    const { old } = await oldLaptop();
    const fresh = track(laptop('baru-salin', { os: fakeKeychain() }));
    fresh.ws.close();
    old.ws.db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(old.path, fresh.path);
    fresh.restart();
    await failure(fresh.api.unlockKey({})); // asks the keychain…
    await new Promise((r) => setTimeout(r, 20));
    const refused = await failure(fresh.api.unlockKey({})); // …which cannot open another machine's seal
    expect(refused.code).toBe('key-locked');
    expect(refused.bilingual.id).toContain('Keychain sistem operasi tidak dapat membuka kunci ini');
  });

  it('the move file opens on a new laptop without a keychain: the same key, under the move passphrase, with every mark', async () => {
    const { secretariat, old, given } = await oldLaptop();
    const oldKey = await old.api.keyStatus({});
    const file = await old.api.exportMovedWorkspace({ passphrase: MOVE_PASSPHRASE });
    expect(file.fileName).toMatch(/^paritrana-ntt-2025-pindahan-.*\.timbang-pindah$/);
    const raw = Buffer.from(bytesOf(file));
    // Nothing of the workspace reads in clear: the marks and names are encrypted; only the header says what it holds.
    expect(raw.toString('latin1')).not.toContain('SQLite format 3');
    expect(raw.toString('utf8', 0, 200)).toMatch(/^TIMBANG-PINDAH 1\n\{"format":"timbang.workspace-move"/);

    const fresh = track(laptop('baru')); // a new data directory; the OS seal is unavailable here
    // A wrong passphrase changes nothing.
    const wrong = await failure(fresh.api.importMovedWorkspace({ file, passphrase: 'bukan-ini-sandinya' }));
    expect(wrong.bilingual).toEqual({ id: 'Frasa sandi salah.', en: 'Wrong passphrase.' });
    expect(await fresh.api.listEvents({})).toEqual([]);

    const moved = await fresh.api.importMovedWorkspace({ file, passphrase: MOVE_PASSPHRASE });
    expect(moved).toMatchObject({ fingerprint: oldKey.fingerprint, protection: 'passphrase', keptAs: null });
    expect(moved.events).toEqual([expect.objectContaining({ id: EVENT, source: 'package', jurorId: 'J3' })]);

    // After a restart, the key opens with the move passphrase: the same key, and it signs.
    fresh.restart();
    expect(await fresh.api.keyStatus({})).toMatchObject({ state: 'locked', protection: 'passphrase', fingerprint: oldKey.fingerprint });
    await expect(fresh.api.unlockKey({ passphrase: PASSPHRASE })).rejects.toThrow('Frasa sandi salah');
    await fresh.api.unlockKey({ passphrase: MOVE_PASSPHRASE });
    const assignments = await fresh.api.jurorAssignments({ eventId: EVENT });
    const ukm = assignments.find((r) => r.roundId === 'administrasi')!.categories.find((c) => c.categoryId === 'ukm')!;
    expect(ukm).toMatchObject({ scored: given - 1, finalized: true });
    const sheet = await fresh.api.exportSheet({ eventId: EVENT, name: 'Maria Goreti', roundIds: ['administrasi', 'wawancara'] });
    const pkg = readPackage(bytesOf(await secretariat.api.exportPackage({ eventId: EVENT })), 'acara.timbang');
    const verified = await verifyScoreSheet(bytesOf(sheet), sheet.fileName, {
      event: pkg.event,
      latestPackageRevision: pkg.revision,
      jurorKeys: new Map(pkg.jurorKeys.map((k) => [k.jurorId, k.publicKey])),
    });
    expect(verified.status).toBe('valid');
    expect(verified.payload!.juror.fingerprint).toBe(oldKey.fingerprint);
  });

  it('with a keychain on the new laptop the key is sealed by it, the move passphrase kept as the backup passphrase', async () => {
    const { old } = await oldLaptop();
    const fingerprint = (await old.api.keyStatus({})).fingerprint;
    const file = await old.api.exportMovedWorkspace({ passphrase: MOVE_PASSPHRASE });
    const keychain = fakeKeychain();
    const fresh = track(laptop('baru-keychain', { os: keychain }));
    expect((await fresh.api.importMovedWorkspace({ file, passphrase: MOVE_PASSPHRASE })).protection).toBe('os');
    await new Promise((r) => setTimeout(r, 20)); // the keychain answers asynchronously
    expect(keychain.sealed).toBe(1);
    fresh.restart();
    await failure(fresh.api.unlockKey({})); // the keychain is asked…
    await new Promise((r) => setTimeout(r, 20));
    expect(await fresh.api.unlockKey({})).toMatchObject({ state: 'unlocked', protection: 'os', fingerprint }); // …and opens it, no passphrase
    fresh.restart();
    expect(await fresh.api.unlockKey({ passphrase: MOVE_PASSPHRASE })).toMatchObject({ state: 'unlocked', fingerprint }); // the backup copy
  });

  it('does not replace a workspace that holds something unless asked, and then keeps it as a backup', async () => {
    const { old } = await oldLaptop();
    const file = await old.api.exportMovedWorkspace({ passphrase: MOVE_PASSPHRASE });
    const busy = track(laptop('sudah-berisi'));
    await busy.api.loadDemoEvent({ role: 'sekretariat' });
    const refused = await failure(busy.api.importMovedWorkspace({ file, passphrase: MOVE_PASSPHRASE }));
    expect(refused.code).toBe('conflict');
    expect(refused.bilingual.id).toContain('sudah berisi acara "Paritrana Award Tingkat Provinsi NTT 2025"');
    expect((await busy.api.listEvents({}))[0].source).toBe('authored');
    const moved = await busy.api.importMovedWorkspace({ file, passphrase: MOVE_PASSPHRASE, replace: true });
    expect(moved.keptAs).toMatch(/sebelum-pindahan\.sqlite$/);
    expect(listBackups(busy.path)).toContain(moved.keptAs);
    expect((await busy.api.listEvents({}))[0]).toMatchObject({ source: 'package', jurorId: 'J3' });
  });

  it('refuses a changed move file, naming it, and changes nothing', async () => {
    const { old } = await oldLaptop();
    const file = await old.api.exportMovedWorkspace({ passphrase: MOVE_PASSPHRASE });
    const raw = Buffer.from(bytesOf(file));
    raw[raw.length - 10] ^= 0x01;
    const fresh = track(laptop('baru-rusak'));
    const refused = await failure(
      fresh.api.importMovedWorkspace({ file: fileOf('kerja.timbang-pindah', raw), passphrase: MOVE_PASSPHRASE }),
    );
    expect(refused.bilingual.en).toBe(
      'Move file kerja.timbang-pindah is damaged or was changed: its contents fail the check. Nothing changed.',
    );
    const notAMove = await failure(
      fresh.api.importMovedWorkspace({ file: fileOf('x.timbang-pindah', 'SQLite format 3\0'), passphrase: MOVE_PASSPHRASE }),
    );
    expect(notAMove.bilingual.id).toBe('Berkas pindahan x.timbang-pindah: bukan berkas pindahan Timbang (.timbang-pindah).');
    // A made-up file cannot ask scrypt for hours of work: its header is refused before any passphrase is tried.
    const [magic, header, ...body] = raw.toString('latin1').split('\n');
    const greedy = JSON.parse(Buffer.from(header, 'latin1').toString('utf8'));
    greedy.database.p = 1000;
    const costly = Buffer.concat([Buffer.from(`${magic}\n${JSON.stringify(greedy)}\n`), Buffer.from(body.join('\n'), 'latin1')]);
    const started = Date.now();
    expect(
      (await failure(fresh.api.importMovedWorkspace({ file: fileOf('mahal.timbang-pindah', costly), passphrase: MOVE_PASSPHRASE })))
        .bilingual.id,
    ).toBe('Berkas pindahan mahal.timbang-pindah: kepalanya tidak sesuai format.');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await fresh.api.listEvents({})).toEqual([]);
    expect((await fresh.api.keyStatus({})).state).toBe('none');
  });

  // Item 5 (restore refused while another process holds the workspace) is tests/integration/workspace-lock.test.ts;
  // a move file goes in only through the same lock.
  it(
    'timbang workspace import is refused while another process (the app) holds the target workspace, naming it; nothing changes',
    { timeout: 60_000 },
    async () => {
      const { old } = await oldLaptop();
      const file = await old.api.exportMovedWorkspace({ passphrase: MOVE_PASSPHRASE });
      const tmp = tempDir();
      const target = join(tmp.dir, 'hotel.sqlite');
      const moveFile = join(tmp.dir, 'kerja.timbang-pindah');
      writeFileSync(moveFile, bytesOf(file));
      const app = await secondProcess('host', target);
      const saved = { ...process.env };
      try {
        process.env.TIMBANG_PASSPHRASE = MOVE_PASSPHRASE;
        const err: string[] = [];
        expect(await main(['workspace', 'import', moveFile, '--db', target], { out: () => {}, err: (l) => err.push(l) })).toBe(1);
        expect(err.join('\n')).toContain(`Berkas kerja ${target} sedang dibuka oleh proses lain (pid ${app.said.split(' ')[1]}`);
      } finally {
        process.env = saved;
        await app.stop('SIGTERM');
      }
      const ws = openWorkspace(target);
      expect(ws.db.prepare('SELECT count(*) AS n FROM event').get()).toEqual({ n: 0 });
      ws.close();
      tmp.remove();
    },
  );

  it('from the command line: timbang workspace export and import, passphrases from the environment', async () => {
    const tmp = tempDir();
    const oldDb = join(tmp.dir, 'kantor.sqlite');
    const newDb = join(tmp.dir, 'hotel.sqlite');
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    const saved = { ...process.env };
    try {
      process.env.TIMBANG_PASSPHRASE = PASSPHRASE;
      expect(await main(['event', 'import', 'resources/demo-event.json', '--db', oldDb], io)).toBe(0);
      expect(await main(['event', 'package', '--db', oldDb, '--out', join(tmp.dir, 'acara.timbang')], io)).toBe(0);
      const fingerprint = /sidik jari sekretariat (\d{5}(?: \d{5}){4})/.exec(out.join('\n'))![1];
      process.env.TIMBANG_MOVE_PASSPHRASE = MOVE_PASSPHRASE;
      expect(await main(['workspace', 'export', '--db', oldDb, '--out', join(tmp.dir, 'kerja.timbang-pindah')], io)).toBe(0);
      expect(out.at(-1)).toContain(`kunci ${fingerprint}`);

      process.env.TIMBANG_PASSPHRASE = 'salah-frasa-sandi';
      expect(await main(['workspace', 'import', join(tmp.dir, 'kerja.timbang-pindah'), '--db', newDb], io)).toBe(1);
      expect(err.at(-1)).toBe('Frasa sandi salah.');
      process.env.TIMBANG_PASSPHRASE = MOVE_PASSPHRASE;
      expect(await main(['--lang', 'en', 'workspace', 'import', join(tmp.dir, 'kerja.timbang-pindah'), '--db', newDb], io)).toBe(0);
      expect(out.at(-2)).toMatch(
        /^Workspace moved into .*hotel\.sqlite: Paritrana Award Tingkat Provinsi NTT 2025 \(paritrana-ntt-2025, revision 1\)\.$/,
      );
      expect(out.at(-1)).toBe(`  Key ${fingerprint}: compare it with the old laptop; now sealed by the TIMBANG_PASSPHRASE passphrase.`);
      // The moved secretariat workspace signs the next package with the same key.
      expect(await main(['event', 'package', '--db', newDb, '--out', join(tmp.dir, 'acara-2.timbang')], io)).toBe(0);
      expect(out.at(-1)).toContain(`sidik jari sekretariat ${fingerprint}`);
      const ws = openWorkspace(newDb);
      expect(new KeyStore(ws.db).status()).toMatchObject({ protection: 'passphrase', fingerprint });
      ws.close();
      expect(readFileSync(join(tmp.dir, 'acara.timbang'), 'utf8')).toContain(fingerprint);
    } finally {
      process.env = saved;
      tmp.remove();
    }
  });
});
