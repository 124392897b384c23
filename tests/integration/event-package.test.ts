import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findEventRecord, getEvent, nextRevision, saveEvent } from '../../src/services/events/event-store.ts';
import { KeyStore } from '../../src/services/keys/key-store.ts';
import {
  enrol,
  enrolledKeys,
  listEnrolments,
  confirmEnrolment,
  readEnrolment,
  removeEnrolment,
  writeEnrolment,
} from '../../src/services/packages/enrolment.ts';
import { applyPackage, readPackage, writePackage } from '../../src/services/packages/event-package.ts';
import { currentScores, recordScore } from '../../src/services/scores/score-store.ts';
import { demoDocument } from '../support/demo.ts';
import { TEST_PASSPHRASE, testWorkspace, type TestWorkspace } from '../support/workspace.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const EVENT_ID = 'paritrana-ntt-2025';

describe('event packages and enrolment', () => {
  let secretariat: TestWorkspace;
  let juror: TestWorkspace;
  beforeEach(() => {
    secretariat = testWorkspace('sekretariat');
    juror = testWorkspace('juri');
    secretariat.keys.create(TEST_PASSPHRASE);
    juror.keys.create(TEST_PASSPHRASE);
    saveEvent(secretariat.ws.db, demoDocument(), nextRevision(secretariat.ws.db, EVENT_ID));
  });
  afterEach(() => {
    secretariat.close();
    juror.close();
  });

  /** The secretariat's current package, as the file it would hand out. */
  const issuePackage = () => {
    const record = findEventRecord(secretariat.ws.db, EVENT_ID)!;
    return writePackage(
      getEvent(secretariat.ws.db, EVENT_ID),
      record.revision,
      record.revisedAt,
      enrolledKeys(secretariat.ws.db, EVENT_ID),
      secretariat.keys.requireUnlocked(),
    );
  };
  const receive = (text: string, on = juror) => applyPackage(on.ws.db, readPackage(bytes(text), 'acara.timbang'));
  const changeEvent = (change: (event: ReturnType<typeof demoDocument>) => void) => {
    const event = getEvent(secretariat.ws.db, EVENT_ID);
    change(event);
    saveEvent(secretariat.ws.db, event, nextRevision(secretariat.ws.db, EVENT_ID));
  };

  it('enrols a juror key, which the next package revision carries', () => {
    const file = writeEnrolment(EVENT_ID, 'J3', 'Maria Goreti', juror.keys.requireUnlocked());
    const payload = readEnrolment(bytes(file), 'pendaftaran-J3.timbang-enrol');
    const enrolment = enrol(secretariat.ws.db, payload, 'pendaftaran-J3.timbang-enrol');
    expect(enrolment).toMatchObject({
      jurorId: 'J3',
      name: 'Maria Goreti',
      fingerprint: juror.keys.status().fingerprint,
      confirmedAt: null,
    });
    expect(findEventRecord(secretariat.ws.db, EVENT_ID)!.revision).toBe(2);

    const pkg = readPackage(bytes(issuePackage()), 'acara.timbang');
    expect(pkg.revision).toBe(2);
    expect(pkg.jurorKeys).toEqual([
      { jurorId: 'J3', name: 'Maria Goreti', publicKey: juror.keys.status().publicKey, fingerprint: juror.keys.status().fingerprint },
    ]);
  });

  it('confirms a fingerprint read aloud only when it matches, and never replaces a key silently', () => {
    enrol(secretariat.ws.db, readEnrolment(bytes(writeEnrolment(EVENT_ID, 'J3', 'Maria', juror.keys.requireUnlocked())), 'a'), 'a');
    expect(() => confirmEnrolment(secretariat.ws.db, EVENT_ID, 'J3', '00000 00000 00000 00000 00000')).toThrow('Jangan konfirmasi');
    const confirmed = confirmEnrolment(secretariat.ws.db, EVENT_ID, 'J3', juror.keys.status().fingerprint!.replaceAll(' ', '-'));
    expect(confirmed.confirmedAt).not.toBeNull();

    const other = testWorkspace('laptop-baru');
    other.keys.create(TEST_PASSPHRASE);
    const second = readEnrolment(bytes(writeEnrolment(EVENT_ID, 'J3', 'Maria', other.keys.requireUnlocked())), 'b');
    expect(() => enrol(secretariat.ws.db, second, 'b')).toThrow('sudah terdaftar dengan kunci lain');
    removeEnrolment(secretariat.ws.db, EVENT_ID, 'J3');
    expect(enrol(secretariat.ws.db, second, 'b').fingerprint).toBe(other.keys.status().fingerprint);
    expect(listEnrolments(secretariat.ws.db, EVENT_ID)).toHaveLength(1);
    other.close();
  });

  it('refuses an enrolment file that was edited, or names a juror not in the event', () => {
    const file = JSON.parse(writeEnrolment(EVENT_ID, 'J3', 'Maria', juror.keys.requireUnlocked())) as {
      payload: { name: string; jurorId: string };
    };
    file.payload.name = 'Orang Lain';
    expect(() => readEnrolment(bytes(JSON.stringify(file)), 'ubah.timbang-enrol')).toThrow(
      'Berkas pendaftaran ubah.timbang-enrol: tanda tangan tidak sah',
    );
    const stranger = readEnrolment(bytes(writeEnrolment(EVENT_ID, 'J42', 'X', juror.keys.requireUnlocked())), 'j42');
    expect(() => enrol(secretariat.ws.db, stranger, 'j42')).toThrow('juri "J42" tidak ada di acara ini');
  });

  it('verifies a valid package and installs it on the juror laptop, pinned to the secretariat key', () => {
    expect(receive(issuePackage())).toEqual({ outcome: 'new', previousRevision: null });
    const record = findEventRecord(juror.ws.db, EVENT_ID)!;
    expect(record.origin).toMatchObject({ source: 'package', secretariatKey: secretariat.keys.status().publicKey });
    expect(getEvent(juror.ws.db, EVENT_ID)).toEqual(demoDocument());
    expect(receive(issuePackage())).toEqual({ outcome: 'unchanged', previousRevision: 1 });
  });

  it('refuses a package with any field, the revision or the signature changed', () => {
    const original = issuePackage();
    const mutations: [string, (file: { payload: Record<string, any>; signature: string }) => void][] = [
      ['event name', (f) => (f.payload.event.name = 'Paritrana Award Palsu')],
      ['a nominee', (f) => (f.payload.event.nominees[3].name = 'Kopdit Lain')],
      ['a weight', (f) => (f.payload.event.criteria[0].weight = 31)],
      ['a conflict removed', (f) => f.payload.event.conflicts.pop()],
      ['the revision', (f) => (f.payload.revision = 99)],
      ['the issue time', (f) => (f.payload.issuedAt = '2030-01-01T00:00:00.000Z')],
      [
        'a juror key added',
        (f) =>
          f.payload.jurorKeys.push({
            jurorId: 'J1',
            name: 'X',
            publicKey: f.payload.secretariat.publicKey,
            fingerprint: f.payload.secretariat.fingerprint,
          }),
      ],
      [
        'the signature',
        (f) => (f.signature = Buffer.from('bukan tanda tangan yang sah sama sekali, tetapi panjangnya mirip sekali').toString('base64')),
      ],
    ];
    for (const [what, mutate] of mutations) {
      const file = JSON.parse(original);
      mutate(file);
      expect(() => readPackage(bytes(JSON.stringify(file)), 'acara.timbang'), what).toThrow(
        'Paket acara acara.timbang: tanda tangan tidak sah',
      );
    }
    expect(() => readPackage(bytes(JSON.stringify(JSON.parse(original))), 'acara.timbang')).not.toThrow(); // re-formatting is harmless
  });

  it('refuses a package that carries two keys for one juror, even validly signed', () => {
    const key = (j: TestWorkspace) => ({
      jurorId: 'J1',
      name: 'Juri',
      publicKey: j.keys.status().publicKey!,
      fingerprint: j.keys.status().fingerprint!,
    });
    const record = findEventRecord(secretariat.ws.db, EVENT_ID)!;
    const text = writePackage(
      getEvent(secretariat.ws.db, EVENT_ID),
      record.revision,
      record.revisedAt,
      [key(juror), key(secretariat)],
      secretariat.keys.requireUnlocked(),
    );
    expect(() => readPackage(bytes(text), 'acara.timbang')).toThrow('Paket acara acara.timbang: dua kunci untuk juri "J1".');
  });

  it('signs an enrolment name as it will be read back (trimmed), so the file verifies', () => {
    const text = writeEnrolment(EVENT_ID, 'J3', '  Maria Goreti  ', juror.keys.requireUnlocked());
    expect(readEnrolment(bytes(text), 'J3.timbang-enrol').name).toBe('Maria Goreti');
  });

  it('refuses a package re-signed by another key once the laptop is pinned', () => {
    receive(issuePackage());
    const impostor = testWorkspace('palsu');
    impostor.keys.create(TEST_PASSPHRASE);
    const event = getEvent(secretariat.ws.db, EVENT_ID);
    const forged = writePackage(event, 5, new Date().toISOString(), [], impostor.keys.requireUnlocked());
    expect(() => receive(forged)).toThrow('ditandatangani kunci sekretariat lain');
    impostor.close();
  });

  it('applies a newer revision keeping every score, and refuses an older one', () => {
    const first = issuePackage();
    receive(first);
    juror.ws.db.prepare("UPDATE event SET juror_id = 'J3'").run();
    const event = getEvent(juror.ws.db, EVENT_ID);
    recordScore(juror.ws.db, event, { jurorId: 'J3', roundId: 'administrasi', nomineeId: 'ukm-01', criterionCode: 'UK1' }, 4);
    recordScore(juror.ws.db, event, { jurorId: 'J3', roundId: 'administrasi', nomineeId: 'ukm-01', criterionCode: 'UK2' }, 3);
    recordScore(juror.ws.db, event, { jurorId: 'J3', roundId: 'wawancara', nomineeId: 'pemkab-02', criterionCode: 'W1' }, 5);
    const before = currentScores(juror.ws.db, EVENT_ID, 'J3');

    changeEvent((e) => {
      e.nominees[0].name = 'Kabupaten Nagekeo';
      e.nominees.push({ id: 'ukm-06', categoryId: 'ukm', name: 'Tenun Baru', region: 'Ende', fictional: true, attributes: {} });
    });
    expect(receive(issuePackage())).toEqual({ outcome: 'updated', previousRevision: 1 });
    expect(currentScores(juror.ws.db, EVENT_ID, 'J3')).toEqual(before);
    expect(getEvent(juror.ws.db, EVENT_ID).nominees[0].name).toBe('Kabupaten Nagekeo');
    expect(findEventRecord(juror.ws.db, EVENT_ID)!.jurorId).toBe('J3');

    expect(() => receive(first)).toThrow('Paket acara acara.timbang revisi 1, lebih lama dari revisi 2 yang sudah ada');
    expect(currentScores(juror.ws.db, EVENT_ID, 'J3')).toEqual(before);
  });

  it('refuses a revision that drops a scored nominee, the same revision with other contents, and another event', () => {
    receive(issuePackage());
    const event = getEvent(juror.ws.db, EVENT_ID);
    recordScore(juror.ws.db, event, { jurorId: 'J5', roundId: 'administrasi', nomineeId: 'ukm-05', criterionCode: 'UK1' }, 2);
    changeEvent((e) => {
      e.nominees = e.nominees.filter((n) => n.id !== 'ukm-05');
      e.figures = e.figures?.filter((f) => f.nomineeId !== 'ukm-05'); // its figures go with it (issue 17)
    });
    expect(() => receive(issuePackage())).toThrow('Revisi ini menghapus yang sudah dinilai: nominasi/nominee ukm-05');

    const record = findEventRecord(juror.ws.db, EVENT_ID)!;
    const altered = getEvent(juror.ws.db, EVENT_ID);
    altered.place = 'Ende';
    const text = writePackage(altered, record.revision, record.revisedAt, [], secretariat.keys.requireUnlocked());
    expect(() => receive(text)).toThrow('isinya berbeda');

    const another = demoDocument();
    another.id = 'paritrana-ntb-2025';
    another.name = 'Paritrana Award Tingkat Provinsi NTB 2025';
    const otherText = writePackage(another, 1, new Date().toISOString(), [], secretariat.keys.requireUnlocked());
    expect(() => receive(otherText)).toThrow('paket acara.timbang untuk acara lain, "Paritrana Award Tingkat Provinsi NTB 2025"');
  });

  it("refuses a revision that no longer includes this laptop's juror", () => {
    receive(issuePackage());
    juror.ws.db.prepare("UPDATE event SET juror_id = 'J3'").run();
    changeEvent((e) => (e.jurors = e.jurors.filter((j) => j.id !== 'J3')));
    expect(() => receive(issuePackage())).toThrow('acara.timbang: revisi 2 tidak lagi memuat J3, juri laptop ini');
    expect(findEventRecord(juror.ws.db, EVENT_ID)!.revision).toBe(1);
  });

  it('names the file and the problem for things that are not packages', () => {
    expect(() => readPackage(bytes('PK\u0003\u0004 ini zip, bukan paket'), 'lembar.xlsx')).toThrow(
      'Paket acara lembar.xlsx: ini berkas Excel atau zip',
    );
    expect(() => readPackage(bytes('{"nama": "bukan paket"'), 'catatan.timbang')).toThrow('Paket acara catatan.timbang: bukan JSON');
    const enrolment = writeEnrolment(EVENT_ID, 'J3', 'Maria', juror.keys.requireUnlocked());
    expect(() => readPackage(bytes(enrolment), 'pendaftaran-J3.timbang-enrol')).toThrow(
      'ini berkas pendaftaran juri (.timbang-enrol), bukan berkas yang diminta di sini',
    );
    expect(() => readEnrolment(bytes(issuePackage()), 'acara.timbang')).toThrow(
      'Berkas pendaftaran acara.timbang: ini paket acara (.timbang)',
    );
    expect(() => readPackage(new Uint8Array([0xff, 0xfe, 0x00]), 'rusak.timbang')).toThrow('bukan teks UTF-8');
    expect(() => readPackage(bytes('{"payload": {"format": "lain"}, "signature": "AA=="}'), 'lain.timbang')).toThrow(
      'isinya tidak sesuai format (payload.format',
    );
  });

  it('keeps the key sealed: a second laptop without the passphrase cannot sign a package', () => {
    const locked = new KeyStore(secretariat.ws.db);
    expect(() => locked.requireUnlocked()).toThrow('Kunci tanda tangan masih terkunci');
  });
});
