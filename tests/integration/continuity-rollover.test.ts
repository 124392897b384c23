/**
 * Issue 21, item 3: the secretariat's key rollover. When the secretariat's key is made, a recovery key is made
 * whose code is handed out once (for the Ketua); packages name its public half. The secretariat's laptop is
 * lost; a new secretariat workspace takes the event over from the last package with the recovery code (or with
 * the old key, if it still opens), and its packages carry the rollover statement. Juror laptops that pinned
 * the old key accept such a package once and pin the new key; a forged one (signed by anyone else) is refused
 * with a clear bilingual message, and without either statement nothing changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/api/errors.ts';
import { main } from '../../src/cli/main.ts';
import { parseRecoveryCode, recoveryCode, recoveryKeyFromCode } from '../../src/services/continuity/secretariat-keys.ts';
import { getEvent } from '../../src/services/events/event-store.ts';
import { readPackage, writePackage } from '../../src/services/packages/event-package.ts';
import { signStatement } from '../../src/services/packages/key-statements.ts';
import { EVENT, PASSPHRASE, bytesOf, fileOf, jurorLaptop, laptop, secretariatLaptop, type Laptop } from '../support/continuity.ts';
import { tempDir } from '../support/demo.ts';
import { jurorKey } from '../support/sheets.ts';

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: AppError) => e,
  );

describe('the secretariat key rollover', () => {
  const open: Laptop[] = [];
  const track = <T extends Laptop>(l: T) => (open.push(l), l);
  afterEach(() => {
    for (const l of open.splice(0)) l.close();
  });

  /** The old secretariat with its recovery key, two juror laptops that pinned its key, and its last package. */
  async function beforeTheLoss() {
    const old = track(await secretariatLaptop('sekretariat-lama'));
    const recovery = await old.api.createRecoveryKey({ eventId: EVENT });
    expect(recovery.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){10}$/);
    expect(Buffer.from(recovery.file.base64, 'base64').toString()).toContain(`KODE / CODE: ${recovery.code}`);
    expect(await old.api.recoveryKeyStatus({})).toEqual({ recovery: { fingerprint: recovery.fingerprint, createdAt: recovery.createdAt } });
    // Only the public half is kept: the code is nowhere in the workspace.
    expect(JSON.stringify(old.ws.db.prepare('SELECT * FROM secretariat_recovery_key').all())).not.toContain(recovery.code.slice(0, 11));
    const j3 = track(await jurorLaptop(old, 'J3', 'Maria Goreti', { laptopName: 'j3' }));
    const j5 = track(await jurorLaptop(old, 'J5', 'Yohanes', { laptopName: 'j5' }));
    const last = await old.api.exportPackage({ eventId: EVENT });
    await j3.api.importPackage(last);
    await j5.api.importPackage(last);
    const pkg = readPackage(bytesOf(last), last.fileName);
    expect(pkg.recoveryKey?.fingerprint).toBe(recovery.fingerprint);
    return { old, recovery, j3, j5, last, pkg, oldFingerprint: (await old.api.keyStatus({})).fingerprint! };
  }

  it('a rollover package signed with the recovery code is accepted once by every juror laptop, which then pins the new key', async () => {
    const { recovery, j3, j5, last, pkg, oldFingerprint } = await beforeTheLoss();
    const next = track(laptop('sekretariat-baru'));
    await next.api.createKey({ passphrase: PASSPHRASE });
    const wrongCode = recoveryCode(Buffer.alloc(32, 7));
    expect(
      (await failure(next.api.takeOverEvent({ package: last, recoveryCode: wrongCode, reason: 'Laptop sekretariat hilang' }))).bilingual.id,
    ).toContain(`bukan kunci pemulihan yang disebut paket ${last.fileName} (${recovery.fingerprint})`);
    const taken = await next.api.takeOverEvent({
      package: last,
      recoveryCode: recovery.code.toLowerCase().replaceAll('-', ' '),
      reason: 'Laptop sekretariat hilang',
    });
    const newFingerprint = (await next.api.keyStatus({})).fingerprint!;
    expect(taken).toEqual({
      eventId: EVENT,
      revision: pkg.revision + 1,
      previousFingerprint: oldFingerprint,
      nextFingerprint: newFingerprint,
      signedBy: 'recovery',
    });
    // The event, the jurors' keys: all taken over.
    expect((await next.api.listEnrolments({ eventId: EVENT })).map((e) => e.jurorId)).toEqual(['J3', 'J5']);
    await next.api.createRecoveryKey({ eventId: EVENT }); // its own recovery key, for the next loss
    const rollover = await next.api.exportPackage({ eventId: EVENT });
    const carried = readPackage(bytesOf(rollover), rollover.fileName);
    expect(carried.rollover).toMatchObject({
      signedBy: 'recovery',
      previous: { fingerprint: oldFingerprint },
      next: { fingerprint: newFingerprint },
      reason: 'Laptop sekretariat hilang',
    });

    for (const juror of [j3, j5]) {
      const accepted = await juror.api.importPackage(rollover);
      expect(accepted).toMatchObject({
        outcome: 'updated',
        previousRevision: pkg.revision,
        secretariatFingerprint: newFingerprint,
        secretariatRollover: { previousFingerprint: oldFingerprint, nextFingerprint: newFingerprint, signedBy: 'recovery' },
      });
      expect((await juror.api.listEvents({}))[0].secretariatFingerprint).toBe(newFingerprint);
      expect(await juror.api.secretariatRollovers({ eventId: EVENT })).toEqual([
        expect.objectContaining({
          previousFingerprint: oldFingerprint,
          nextFingerprint: newFingerprint,
          signedBy: 'recovery',
          signerFingerprint: recovery.fingerprint,
        }),
      ]);
      // Once: the same package again is unchanged, and the old key's packages are refused from now on.
      expect((await juror.api.importPackage(rollover)).outcome).toBe('unchanged');
      expect((await failure(juror.api.importPackage(last))).bilingual.id).toContain(
        `bukan kunci yang dipakai sejak awal (${newFingerprint})`,
      );
    }
    // Later revisions from the new key are ordinary updates.
    await next.api.updateEventBasics({ eventId: EVENT, ...basics(getEvent(next.ws.db, EVENT)), place: 'Kupang (Hotel Harper)' });
    expect(await j3.api.importPackage(await next.api.exportPackage({ eventId: EVENT }))).toMatchObject({
      outcome: 'updated',
      secretariatRollover: null,
    });

    // The spent recovery key cannot roll the laptops over again: the statement replaces a key they no longer pin.
    const thief = track(laptop('pencuri'));
    await thief.api.createKey({ passphrase: PASSPHRASE });
    await thief.api.takeOverEvent({ package: last, recoveryCode: recovery.code, reason: 'Ambil alih' });
    const replay = await thief.api.exportPackage({ eventId: EVENT });
    const refused = await failure(j3.api.importPackage(replay));
    expect(refused.bilingual.id).toContain(
      `pernyataan pergantian kunci menggantikan kunci ${oldFingerprint}, bukan kunci sekretariat yang disematkan di laptop ini (${newFingerprint})`,
    );
  });

  it('a forged rollover (signed by anyone else) is refused, saying so in both languages, and nothing changes', async () => {
    const { j3, pkg, oldFingerprint } = await beforeTheLoss();
    const attacker = jurorKey();
    const fakeRecovery = jurorKey();
    const forgedStatement = signStatement(
      {
        format: 'timbang.secretariat-rollover',
        formatVersion: 1,
        eventId: EVENT,
        previous: pkg.secretariat,
        next: { publicKey: attacker.publicKey, fingerprint: attacker.fingerprint },
        signedBy: 'recovery',
        signer: { publicKey: fakeRecovery.publicKey, fingerprint: fakeRecovery.fingerprint },
        reason: 'Kunci sekretariat diganti',
        issuedAt: '2025-06-27T01:00:00.000Z',
      },
      fakeRecovery,
    );
    const forged = writePackage({ ...pkg.event, place: 'Jakarta' }, pkg.revision + 1, '2025-06-27T01:00:00.000Z', pkg.jurorKeys, attacker, {
      rollover: forgedStatement,
    });
    const before = await j3.api.listEvents({});
    const refused = await failure(j3.api.importPackage(fileOf('acara-revisi-baru.timbang', forged)));
    expect(refused.code).toBe('forbidden');
    expect(refused.bilingual.id).toBe(
      `Paket acara acara-revisi-baru.timbang: pernyataan pergantian kunci sekretariat PALSU — ditandatangani kunci ${fakeRecovery.fingerprint}, bukan kunci sekretariat yang disematkan (${oldFingerprint}) dan bukan kunci pemulihannya (${pkg.recoveryKey!.fingerprint}). Paket ditolak; tidak ada yang berubah. Hubungi sekretariat dan cocokkan sidik jarinya.`,
    );
    expect(refused.bilingual.en).toBe(
      `Event package acara-revisi-baru.timbang: FORGED secretariat key rollover — signed by key ${fakeRecovery.fingerprint}, neither the pinned secretariat key (${oldFingerprint}) nor its recovery key (${pkg.recoveryKey!.fingerprint}). Package refused; nothing changed. Contact the secretariat and compare fingerprints.`,
    );
    // A statement that claims the old key signed it, but was signed by the attacker, does not even read.
    const claimsPrevious = signStatement({ ...forgedStatement.payload, signedBy: 'previous' as const, signer: pkg.secretariat }, attacker);
    const second = writePackage(pkg.event, pkg.revision + 1, '2025-06-27T01:00:00.000Z', pkg.jurorKeys, attacker, {
      rollover: claimsPrevious,
    });
    expect((await failure(j3.api.importPackage(fileOf('b.timbang', second)))).bilingual.en).toBe(
      'Event package b.timbang: the signature of the secretariat key rollover statement is not valid.',
    );
    // Without any statement: refused, nothing changes.
    const bare = writePackage(pkg.event, pkg.revision + 1, '2025-06-27T01:00:00.000Z', pkg.jurorKeys, attacker);
    const plain = await failure(j3.api.importPackage(fileOf('c.timbang', bare)));
    expect(plain.bilingual.en).toContain(
      "carries no key rollover statement signed by the previous key or the secretariat's recovery key. Package refused; nothing changed.",
    );
    expect(await j3.api.listEvents({})).toEqual(before);
    expect(j3.ws.db.prepare('SELECT count(*) AS n FROM secretariat_rollover').get()).toEqual({ n: 0 });
  });

  it('the old key itself may sign the rollover, from the command line; the new workspace hands out a new recovery code once', async () => {
    const tmp = tempDir();
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    const saved = { ...process.env };
    try {
      const oldDb = join(tmp.dir, 'kantor.sqlite');
      const newDb = join(tmp.dir, 'hotel.sqlite');
      process.env.TIMBANG_PASSPHRASE = PASSPHRASE;
      expect(await main(['event', 'import', 'resources/demo-event.json', '--db', oldDb], io)).toBe(0);
      expect(await main(['event', 'package', '--db', oldDb, '--out', join(tmp.dir, 'r1.timbang')], io)).toBe(0);
      expect(await main(['key', 'recovery', '--db', oldDb, '--out', join(tmp.dir, 'kode.txt')], io)).toBe(0);
      expect(await main(['key', 'recovery', '--db', oldDb], io)).toBe(1);
      expect(err.at(-1)).toMatch(
        /^Sudah ada kunci pemulihan \(sidik jari [\d ]+, dibuat .*\); kodenya hanya diberikan sekali\. Pakai --replace untuk membuat yang baru\.$/,
      );
      const code = /KODE \/ CODE: (\S+)/.exec(readFileSync(join(tmp.dir, 'kode.txt'), 'utf8'))![1];
      expect(parseRecoveryCode(code)).toHaveLength(32);
      // The package issued after the recovery key names it.
      expect(await main(['event', 'package', '--db', oldDb, '--out', join(tmp.dir, 'r1b.timbang')], io)).toBe(0);
      const juror = track(laptop('juri'));
      const first = fileOf('r1b.timbang', readFileSync(join(tmp.dir, 'r1b.timbang')));
      expect(readPackage(bytesOf(first), 'r1b').recoveryKey?.publicKey).toBe(recoveryKeyFromCode(code).publicKey);
      await juror.api.importPackage(first);

      // The old key still opens (TIMBANG_OLD_PASSPHRASE): it signs the rollover itself.
      process.env.TIMBANG_PASSPHRASE = 'sandi-laptop-hotel';
      process.env.TIMBANG_OLD_PASSPHRASE = PASSPHRASE;
      expect(
        await main(
          [
            'secretariat',
            'rollover',
            '--db',
            newDb,
            '--from-package',
            join(tmp.dir, 'r1b.timbang'),
            '--old-db',
            oldDb,
            '--reason',
            'Pindah ke kunci baru',
            '--recovery-out',
            join(tmp.dir, 'kode-baru.txt'),
          ],
          io,
        ),
      ).toBe(0);
      expect(
        out.some((l) =>
          /^Acara paritrana-ntt-2025 diambil alih: kunci sekretariat [\d ]+ → [\d ]+ \(ditandatangani kunci lama\); revisi 2\./.test(l),
        ),
      ).toBe(true);
      expect(readFileSync(join(tmp.dir, 'kode-baru.txt'), 'utf8')).toContain('KODE / CODE: ');
      expect(await main(['event', 'package', '--db', newDb, '--out', join(tmp.dir, 'r2.timbang')], io)).toBe(0);
      const accepted = await juror.api.importPackage(fileOf('r2.timbang', readFileSync(join(tmp.dir, 'r2.timbang'))));
      expect(accepted.secretariatRollover).toMatchObject({ signedBy: 'previous' });
      expect(readPackage(new Uint8Array(readFileSync(join(tmp.dir, 'r2.timbang'))), 'r2').recoveryKey?.publicKey).not.toBe(
        recoveryKeyFromCode(code).publicKey,
      );
    } finally {
      process.env = saved;
      tmp.remove();
    }
  });

  it('the recovery code reads back whatever the case, spaces or look-alike letters, and a typo is caught', () => {
    const seed = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');
    const code = recoveryCode(seed);
    expect(code).toHaveLength(65);
    expect(parseRecoveryCode(code)).toEqual(seed);
    expect(parseRecoveryCode(` ${code.toLowerCase().replaceAll('-', '  ')} `)).toEqual(seed);
    expect(parseRecoveryCode(code.replaceAll('0', 'O').replaceAll('1', 'l'))).toEqual(seed);
    const typo = `${code.slice(0, 7)}${code[7] === 'A' ? 'B' : 'A'}${code.slice(8)}`;
    expect(() => parseRecoveryCode(typo)).toThrow('Kode pemulihan tidak sah');
  });
});

function basics(event: ReturnType<typeof getEvent>) {
  return { name: event.name, yearHeld: event.yearHeld, place: event.place, periodAssessed: event.periodAssessed, schedule: event.schedule };
}
