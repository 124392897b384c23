/**
 * Issue 17: the nominees' documents in the event package. Only PDF, JPG and PNG, capped per file and per
 * package, each SHA-256 pinned in the signed payload; a juror's laptop verifies every byte and refuses the
 * package, naming the document, when one byte was changed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Event } from '../../src/core/model.ts';
import { applyPackage, packageDocument, readPackage, writePackage } from '../../src/services/packages/event-package.ts';
import { bundleDocuments, documentKey, MAX_DOCUMENT_BYTES, sha256Hex } from '../../src/services/packages/package-documents.ts';
import { demoDocument } from '../support/demo.ts';
import { TEST_PASSPHRASE, testWorkspace, type TestWorkspace } from '../support/workspace.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

const withDocuments = (documents: NonNullable<Event['documents']>): Event => ({ ...demoDocument(), documents });
const files = (entries: [string, Uint8Array][]) => new Map(entries);

describe('documents in the event package (issue 17)', () => {
  let secretariat: TestWorkspace;
  beforeEach(() => {
    secretariat = testWorkspace('sekretariat');
    secretariat.keys.create(TEST_PASSPHRASE);
  });
  afterEach(() => secretariat.close());

  const pack = (event: Event, bytes: Map<string, Uint8Array>) => {
    const bundled = bundleDocuments(event, bytes);
    return {
      bundled,
      text: writePackage(bundled.event, 1, '2025-06-01T00:00:00.000Z', [], secretariat.keys.requireUnlocked(), {}, bundled.documents),
    };
  };
  const event = () =>
    withDocuments([
      { nomineeId: 'pemkab-01', fileName: 'Perda-Nagekeo.pdf', kind: 'perda' },
      { nomineeId: 'ukm-04', fileName: 'foto-tenun.png', kind: 'foto' },
    ]);
  const bytes = () =>
    files([
      ['pemkab-01/Perda-Nagekeo.pdf', PDF],
      ['ukm-04/foto-tenun.png', PNG],
    ]);

  it('bundles PDF and PNG with their SHA-256 and size pinned in the signed event, and the juror reads them back', () => {
    const { text } = pack(event(), bytes());
    const signed = JSON.parse(text) as { payload: { event: Event } };
    expect(signed.payload.event.documents).toEqual([
      { nomineeId: 'pemkab-01', fileName: 'Perda-Nagekeo.pdf', kind: 'perda', sha256: sha256Hex(PDF), size: PDF.byteLength },
      { nomineeId: 'ukm-04', fileName: 'foto-tenun.png', kind: 'foto', sha256: sha256Hex(PNG), size: PNG.byteLength },
    ]);
    const pkg = readPackage(new TextEncoder().encode(text), 'acara.timbang');
    expect(
      Buffer.from(pkg.documents.get(documentKey({ nomineeId: 'pemkab-01', fileName: 'Perda-Nagekeo.pdf' }))!).equals(Buffer.from(PDF)),
    ).toBe(true);
    expect(pkg.documents.size).toBe(2);
  });

  it("are stored in the juror's workspace on import and read back offline with their type; a newer revision replaces the set", () => {
    const juror = testWorkspace('juri');
    try {
      const { text } = pack(event(), bytes());
      applyPackage(juror.ws.db, readPackage(new TextEncoder().encode(text), 'acara.timbang'));
      const perda = packageDocument(juror.ws.db, 'paritrana-ntt-2025', 'pemkab-01', 'Perda-Nagekeo.pdf');
      expect(perda.mime).toBe('application/pdf');
      expect(perda.sha256).toBe(sha256Hex(PDF));
      expect(Buffer.from(perda.bytes).equals(Buffer.from(PDF))).toBe(true);
      expect(packageDocument(juror.ws.db, 'paritrana-ntt-2025', 'ukm-04', 'foto-tenun.png').mime).toBe('image/png');
      // Revision 2 keeps only the Perda: the photo is gone from the laptop too.
      const second = bundleDocuments(
        withDocuments([{ nomineeId: 'pemkab-01', fileName: 'Perda-Nagekeo.pdf', kind: 'perda' }]),
        files([['pemkab-01/Perda-Nagekeo.pdf', PDF]]),
      );
      const text2 = writePackage(second.event, 2, '2025-06-02T00:00:00.000Z', [], secretariat.keys.requireUnlocked(), {}, second.documents);
      applyPackage(juror.ws.db, readPackage(new TextEncoder().encode(text2), 'acara-2.timbang'));
      expect(() => packageDocument(juror.ws.db, 'paritrana-ntt-2025', 'ukm-04', 'foto-tenun.png')).toThrow(
        'Dokumen foto-tenun.png (ukm-04) tidak ada di paket acara laptop ini.',
      );
      // Bytes damaged in the workspace itself are refused on the way out, not shown.
      juror.ws.db
        .prepare("UPDATE package_document SET bytes = ? WHERE file_name = 'Perda-Nagekeo.pdf'")
        .run(Buffer.concat([Buffer.from(PDF), Buffer.from('x')]));
      expect(() => packageDocument(juror.ws.db, 'paritrana-ntt-2025', 'pemkab-01', 'Perda-Nagekeo.pdf')).toThrow(
        'rusak di berkas kerja ini',
      );
    } finally {
      juror.close();
    }
  });

  it('a package without documents is as before: no documents beside the payload', () => {
    const text = writePackage(demoDocument(), 1, '2025-06-01T00:00:00.000Z', [], secretariat.keys.requireUnlocked());
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['payload', 'signature']);
    expect(readPackage(new TextEncoder().encode(text), 'acara.timbang').documents.size).toBe(0);
  });

  it("refuses on the juror's laptop a package whose document had one byte changed, naming the document", () => {
    const { text } = pack(event(), bytes());
    const file = JSON.parse(text) as { documents: { fileName: string; data: string }[] };
    const tampered = Buffer.from(file.documents[0].data, 'base64');
    tampered[10] ^= 0x01;
    file.documents[0].data = tampered.toString('base64');
    const read = () => readPackage(new TextEncoder().encode(JSON.stringify(file)), 'acara.timbang');
    expect(read).toThrow('isi dokumen Perda-Nagekeo.pdf (pemkab-01) tidak cocok dengan hash SHA-256 yang ditandatangani');
    expect(read).toThrow('the contents of document Perda-Nagekeo.pdf (pemkab-01) do not match the signed SHA-256');
  });

  it('refuses a document left out, one added, or a pinned hash changed (the signature then fails)', () => {
    const { text } = pack(event(), bytes());
    const dropped = JSON.parse(text) as { documents: unknown[] };
    dropped.documents.pop();
    expect(() => readPackage(new TextEncoder().encode(JSON.stringify(dropped)), 'a.timbang')).toThrow(
      'dokumen foto-tenun.png (ukm-04) tidak ada di dalam paket',
    );
    const added = JSON.parse(text) as { documents: { nomineeId: string; fileName: string; data: string }[] };
    added.documents.push({ nomineeId: 'ukm-04', fileName: 'lain.pdf', data: Buffer.from(PDF).toString('base64') });
    expect(() => readPackage(new TextEncoder().encode(JSON.stringify(added)), 'a.timbang')).toThrow(
      'berkas ukm-04/lain.pdf tidak tercantum di acara',
    );
    const rehashed = JSON.parse(text) as { payload: { event: Event } };
    rehashed.payload.event.documents![0].sha256 = '0'.repeat(64);
    expect(() => readPackage(new TextEncoder().encode(JSON.stringify(rehashed)), 'a.timbang')).toThrow('tanda tangan tidak sah');
  });

  it('refuses anything but PDF, JPG and PNG, a file whose contents belie its name, and a missing file, naming the file', () => {
    const docx = withDocuments([{ nomineeId: 'pemkab-01', fileName: 'paparan.pdf', kind: 'presentasi' }]);
    expect(() =>
      bundleDocuments(docx, files([['pemkab-01/paparan.pdf', new TextEncoder().encode('PK\u0003\u0004 word/document.xml')]])),
    ).toThrow('Dokumen paparan.pdf (pemkab-01) ditolak: hanya PDF, JPG atau PNG');
    const misnamed = withDocuments([{ nomineeId: 'pemkab-01', fileName: 'foto.jpg', kind: 'foto' }]);
    expect(() => bundleDocuments(misnamed, files([['pemkab-01/foto.jpg', PNG]]))).toThrow('Dokumen foto.jpg (pemkab-01) ditolak');
    expect(() => bundleDocuments(event(), files([['pemkab-01/Perda-Nagekeo.pdf', PDF]]))).toThrow(
      'Dokumen foto-tenun.png (ukm-04): berkasnya tidak ada.',
    );
  });

  it('caps each file and the whole package', () => {
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(PDF.subarray(0, 5));
    const one = withDocuments([{ nomineeId: 'pemkab-01', fileName: 'besar.pdf', kind: 'perda' }]);
    expect(() => bundleDocuments(one, files([['pemkab-01/besar.pdf', big]]))).toThrow('Dokumen besar.pdf (pemkab-01) terlalu besar');
    const full = new Uint8Array(MAX_DOCUMENT_BYTES);
    full.set(PDF.subarray(0, 5));
    const four = withDocuments(['a', 'b', 'c', 'd'].map((n) => ({ nomineeId: 'pemkab-01', fileName: `${n}.pdf`, kind: 'sk' as const })));
    expect(() =>
      bundleDocuments(four, files(['a', 'b', 'c', 'd'].map((n) => [`pemkab-01/${n}.pdf`, full] as [string, Uint8Array]))),
    ).toThrow('Dokumen d.pdf (pemkab-01) melewati batas paket');
  });
});

describe('timbang event package --documents (issue 17)', () => {
  it('bundles the files of sheet Dokumen from a folder, refuses a missing or foreign one by name; the juror refuses a tampered one', async () => {
    const { main } = await import('../../src/cli/main.ts');
    const { mkdirSync, readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tempDir } = await import('../support/demo.ts');
    const tmp = tempDir();
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    const saved = process.env.TIMBANG_PASSPHRASE;
    try {
      process.env.TIMBANG_PASSPHRASE = TEST_PASSPHRASE;
      const db = join(tmp.dir, 'sekretariat.sqlite');
      const eventFile = join(tmp.dir, 'acara.json');
      writeFileSync(
        eventFile,
        JSON.stringify(
          withDocuments([
            { nomineeId: 'pemkab-01', fileName: 'Perda-Nagekeo.pdf', kind: 'perda' },
            { nomineeId: 'ukm-04', fileName: 'foto-tenun.png', kind: 'foto' },
          ]),
        ),
      );
      expect(await main(['event', 'import', eventFile, '--db', db], io)).toBe(0);
      const docs = join(tmp.dir, 'dokumen');
      mkdirSync(join(docs, 'pemkab-01'), { recursive: true });
      writeFileSync(join(docs, 'pemkab-01', 'Perda-Nagekeo.pdf'), PDF);
      // The photo is missing: refused, naming it.
      expect(await main(['event', 'package', '--db', db, '--out', join(tmp.dir, 'a.timbang'), '--documents', docs], io)).toBe(1);
      expect(err.join('\n')).toContain('Dokumen foto-tenun.png (ukm-04): berkasnya tidak ada.');
      // A Word file renamed .png: refused, naming it.
      writeFileSync(join(docs, 'foto-tenun.png'), Buffer.from('PK\u0003\u0004word/document.xml'));
      expect(await main(['event', 'package', '--db', db, '--out', join(tmp.dir, 'a.timbang'), '--documents', docs], io)).toBe(1);
      expect(err.join('\n')).toContain('Dokumen foto-tenun.png (ukm-04) ditolak: hanya PDF, JPG atau PNG');
      writeFileSync(join(docs, 'foto-tenun.png'), PNG);
      expect(await main(['event', 'package', '--db', db, '--out', join(tmp.dir, 'a.timbang'), '--documents', docs], io)).toBe(0);
      const text = readFileSync(join(tmp.dir, 'a.timbang'), 'utf8');
      expect(readPackage(new TextEncoder().encode(text), 'a.timbang').documents.size).toBe(2);
      // One byte of the photo changed on the way: the juror's laptop refuses the package, naming the document.
      const file = JSON.parse(text) as { documents: { fileName: string; data: string }[] };
      const photo = file.documents.find((d) => d.fileName === 'foto-tenun.png')!;
      const bytes = Buffer.from(photo.data, 'base64');
      bytes[bytes.length - 1] ^= 0xff;
      photo.data = bytes.toString('base64');
      writeFileSync(join(tmp.dir, 'b.timbang'), JSON.stringify(file));
      expect(() => readPackage(readFileSync(join(tmp.dir, 'b.timbang')), 'b.timbang')).toThrow(
        'isi dokumen foto-tenun.png (ukm-04) tidak cocok',
      );
    } finally {
      if (saved === undefined) delete process.env.TIMBANG_PASSPHRASE;
      else process.env.TIMBANG_PASSPHRASE = saved;
      tmp.remove();
    }
  });
});
