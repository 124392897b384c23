/**
 * docs/formats.md cannot drift from the code: every figure of its worked example (keys, files, canonical bytes'
 * SHA-256, signatures, the sheet's carrier and cells, the results hashes) is recomputed here by the real code
 * and must appear in the document exactly, between its <!-- figure:NAME --> markers. A second, independent
 * reading of the document's rules (tests/support/formats-independent.ts) must agree with the code as well.
 *
 * When the code changes a figure on purpose, the failure prints the new block; or rewrite every block with
 *   TIMBANG_UPDATE_FORMATS_DOC=1 npx vitest run --config tests/vitest.config.ts tests/integration/formats-doc.test.ts
 * and read the diff: the prose beside a figure may need the same change.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { validateEvent } from '../../src/core/validate-event.ts';
import { canonicalJson } from '../../src/services/keys/signing.ts';
import { readEnrolment } from '../../src/services/packages/enrolment.ts';
import { readPackage } from '../../src/services/packages/event-package.ts';
import { verifyScoreSheet, writeScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import { readCell } from '../../src/services/sheets/sheet-cells.ts';
import {
  COVER_SHEET,
  FIRST_DATA_ROW,
  ROLE_TEXT,
  SIGNATURE_SHEET,
  address,
  coverLayout,
  sectionLayout,
  sectionSheetNames,
  type LayoutCell,
} from '../../src/services/sheets/sheet-layout.ts';
import { ZIP_LIMITS } from '../../src/services/files/zip-guard.ts';
import type { SheetPayload } from '../../src/services/sheets/sheet-payload.ts';
import { PROJECT_ROOT, tempDir } from '../support/demo.ts';
import {
  EXAMPLE_KEYS,
  exampleEnrolment,
  exampleEvent,
  exampleKey,
  examplePackage,
  exampleResults,
  exampleSheetPayload,
  signedFigures,
} from '../support/formats-example.ts';
import { fingerprintOf, jcs, resultsHashOf, verifyEd25519 } from '../support/formats-independent.ts';

const DOC_PATH = join(PROJECT_ROOT, 'docs', 'formats.md');
const UPDATE = process.env.TIMBANG_UPDATE_FORMATS_DOC === '1';
const RERUN = 'TIMBANG_UPDATE_FORMATS_DOC=1 npx vitest run --config tests/vitest.config.ts tests/integration/formats-doc.test.ts';

interface Figure {
  lang: string;
  body: string;
}

const fenced = (figure: Figure) => `\`\`\`${figure.lang}\n${figure.body}\n\`\`\``;
const markers = (name: string) => ({ open: `<!-- figure:${name} -->`, close: `<!-- /figure:${name} -->` });

/** The text between a figure's markers, trimmed; undefined when the markers are missing or repeated. */
function shownFigure(doc: string, name: string): string | undefined {
  const { open, close } = markers(name);
  const start = doc.indexOf(open);
  const end = doc.indexOf(close);
  if (start < 0 || end < start || doc.indexOf(open, start + 1) >= 0) return undefined;
  return doc.slice(start + open.length, end).trim();
}

function withFigure(doc: string, name: string, figure: Figure): string {
  const { open, close } = markers(name);
  const start = doc.indexOf(open);
  const end = doc.indexOf(close);
  return `${doc.slice(0, start + open.length)}\n${fenced(figure)}\n${doc.slice(end)}`;
}

/** A cell as the listing shows it: text JSON-quoted (so spaces and escapes are visible), numbers bare. */
function cellLine(sheet: string, cell: LayoutCell): string {
  const at = `${sheet}!${address(cell.row, cell.col)}`.padEnd(12);
  const { expected } = cell;
  switch (expected.kind) {
    case 'text':
      return `${at} text    ${expected.text === '' ? '(empty)' : JSON.stringify(expected.text)}`;
    case 'number':
      return `${at} number  ${expected.value}`;
    case 'mark':
      return `${at} mark    ${expected.mark ?? '(empty)'}`;
    case 'total':
      return `${at} total   ${expected.total ? `=${expected.total.formula}   cached result ${expected.total.result}` : '(empty)'}`;
  }
}

/** The five 40-bit integers behind a fingerprint, for the document's step-by-step example. */
function fingerprintSteps(publicKey: string): string[] {
  const digest = createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest();
  const chunks = [0, 1, 2, 3, 4].map((i) => digest.readUIntBE(i * 5, 5));
  return [
    `SHA-256(raw key)    ${digest.toString('hex')}`,
    `bytes 0–24 as five 40-bit big-endian integers: ${chunks.join(', ')}`,
    `each mod 100000:    ${chunks.map((n) => String(n % 100_000).padStart(5, '0')).join(' ')}`,
  ];
}

/**
 * The layout's fixed texts that the example does not show in every variant: juror roles, the cover statement
 * with and without conflicts, and what a finalized section says where the example (a draft) says "Draf".
 */
function fixedTexts(payload: SheetPayload): string {
  const plain: SheetPayload = {
    ...payload,
    declaredConflicts: [],
    sections: payload.sections.map((section) => ({
      ...section,
      finalized: true,
      nominees: section.nominees.map((n) => ({ ...n, conflict: null })),
    })),
  };
  const statement = (p: SheetPayload) =>
    coverLayout(p, sectionSheetNames(p))
      .cells.filter((cell) => cell.what.en === 'statement' && cell.col === 2 && cell.expected.kind === 'text')
      .map((cell) => JSON.stringify((cell.expected as { text: string }).text));
  const names = sectionSheetNames(plain);
  const head = sectionLayout(plain, plain.sections[0], names[0]).headCells.filter(
    (cell) => cell.col === 1 && (cell.row === 3 || cell.row === 4),
  );
  const coverStatus = coverLayout(plain, names).cells.find(
    (cell) => cell.what.en === 'list of sheets' && cell.col === 3 && cell.expected.kind === 'text' && cell.expected.text !== 'Status',
  )!;
  const text = (cell: LayoutCell) => JSON.stringify((cell.expected as { text: string }).text);
  return [
    'juror roles as printed (ROLE_TEXT):',
    ...Object.entries(ROLE_TEXT).map(([role, shown]) => `  ${role.padEnd(11)} ${JSON.stringify(shown)}`),
    'cover statement when the sheet records a conflict (Indonesian row, then English row):',
    ...statement(payload)
      .slice(0, 2)
      .map((t) => `  ${t}`),
    'cover statement when it records none:',
    ...statement(plain).map((t) => `  ${t}`),
    'the same example with its section finalized (where the example says "Draf …"):',
    ...head.map((cell) => `  ${names[0]}!A${cell.row} ${text(cell)}`),
    `  ${COVER_SHEET}!C${coverStatus.row} ${text(coverStatus)}`,
  ].join('\n');
}

async function demoMerge(dir: string): Promise<{ seed: string; merged: { resultsHash: string } & Parameters<typeof resultsHashOf>[0] }> {
  const out: string[] = [];
  const io = { out: (line: string) => out.push(line), err: () => {} };
  expect(await main(['demo', '--out', dir], io)).toBe(0);
  const seed = /benih (\d+)/.exec(out.join('\n'))?.[1];
  if (!seed) throw new Error(`timbang demo did not print its seed: ${out.join('\n')}`);
  const sheets = readdirSync(join(dir, 'sheets'))
    .sort()
    .map((f) => join(dir, 'sheets', f));
  const merged: string[] = [];
  expect(
    await main(['merge', '--event', join(dir, 'event.timbang'), ...sheets, '--rule', 'mean', '--json'], {
      out: (l) => merged.push(l),
      err: () => {},
    }),
  ).toBe(0);
  return { seed, merged: JSON.parse(merged.join('\n')) };
}

describe('docs/formats.md: the worked example is the code’s own output', () => {
  const figures = new Map<string, Figure>();
  const event = exampleEvent();
  const secretariat = exampleKey(EXAMPLE_KEYS.secretariat);
  const juror = exampleKey(EXAMPLE_KEYS.juror);
  const payload = exampleSheetPayload(event);
  const packageText = examplePackage(event);
  const enrolmentText = exampleEnrolment(event);
  const tmp = tempDir('timbang-formats-');
  let workbookBytes: Buffer;
  let doc = '';
  let demoHashes: string[] = [];

  beforeAll(async () => {
    doc = readFileSync(DOC_PATH, 'utf8');
    workbookBytes = await writeScoreSheet(payload, juror);

    figures.set('keys', {
      lang: 'text',
      body: [['secretariat', EXAMPLE_KEYS.secretariat, secretariat] as const, ['juror J1', EXAMPLE_KEYS.juror, juror] as const]
        .flatMap(([who, pkcs8, key]) => [
          `${who}:`,
          `  private key (PKCS#8 DER, base64) ${pkcs8}`,
          `  public key (base64url, 32 bytes) ${key.publicKey}`,
          ...fingerprintSteps(key.publicKey).map((line) => `  ${line}`),
          `  fingerprint                      ${key.fingerprint}`,
        ])
        .join('\n'),
    });
    figures.set('package', { lang: 'json', body: packageText.trimEnd() });
    figures.set('enrolment', { lang: 'json', body: enrolmentText.trimEnd() });
    const signedLines = (what: string, signed: ReturnType<typeof signedFigures>) => [
      `${what}:`,
      `  canonical JSON, UTF-8   ${signed.bytes} bytes`,
      `  SHA-256                 ${signed.sha256}`,
      `  Ed25519 signature       ${signed.signature}`,
    ];
    const packagePayload = (JSON.parse(packageText) as { payload: unknown }).payload;
    const enrolmentPayload = (JSON.parse(enrolmentText) as { payload: unknown }).payload;
    figures.set('signatures', {
      lang: 'text',
      body: [
        ...signedLines('event package payload (signed by the secretariat key)', signedFigures(packagePayload, secretariat)),
        ...signedLines("enrolment payload (signed by J1's key)", signedFigures(enrolmentPayload, juror)),
        ...signedLines("score sheet payload (signed by J1's key)", signedFigures(payload, juror)),
      ].join('\n'),
    });
    figures.set('sheet-payload', { lang: 'json', body: JSON.stringify(payload, null, 2) });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(workbookBytes).buffer);
    const carrier = workbook.getWorksheet(SIGNATURE_SHEET)!;
    const carrierLines: string[] = [];
    carrier.eachRow((row, r) => {
      const cell = (c: number) => JSON.stringify(readCell(row.getCell(c)).content);
      carrierLines.push(`A${r} ${cell(1)}`.padEnd(22) + `B${r} ${cell(2)}`);
    });
    figures.set('sheet-carrier', {
      lang: 'text',
      body: [
        `sheets, in workbook order: ${workbook.worksheets.map((ws) => `${JSON.stringify(ws.name)} (${ws.state})`).join(', ')}`,
        '',
        `sheet ${JSON.stringify(SIGNATURE_SHEET)}:`,
        ...carrierLines,
      ].join('\n'),
    });

    const names = sectionSheetNames(payload);
    const cells = [
      ...coverLayout(payload, names).cells.map((cell) => cellLine(COVER_SHEET, cell)),
      ...payload.sections.flatMap((section, s) => {
        const layout = sectionLayout(payload, section, names[s]);
        return [
          ...layout.headCells.map((cell) => cellLine(names[s], cell)),
          ...section.nominees.flatMap((_, n) => layout.rowCells(n, FIRST_DATA_ROW + n).map((cell) => cellLine(names[s], cell))),
        ];
      }),
    ];
    figures.set('sheet-cells', { lang: 'text', body: cells.join('\n') });

    const results = exampleResults(event, payload);
    figures.set('fixed-texts', { lang: 'text', body: fixedTexts(payload) });
    figures.set('zip-limits', {
      lang: 'text',
      body: Object.entries(ZIP_LIMITS)
        .map(([name, value]) => `${name.padEnd(18)} ${value}`)
        .join('\n'),
    });

    figures.set('example-results', {
      lang: 'text',
      body: [`canonical summary: ${results.canonical}`, `results hash:      ${results.resultsHash}`].join('\n'),
    });

    const first = await demoMerge(join(tmp.dir, 'a'));
    const second = await demoMerge(join(tmp.dir, 'b'));
    demoHashes = [first.merged.resultsHash, second.merged.resultsHash, resultsHashOf(first.merged)];
    figures.set('demo-results', {
      lang: 'text',
      body: [
        'npx timbang demo --out d                                  # prints "(benih N)": the seed',
        'npx timbang merge --event d/event.timbang d/sheets/*.xlsx --rule mean',
        '',
        `seed          ${first.seed}`,
        `results hash  ${first.merged.resultsHash}`,
      ].join('\n'),
    });
  }, 120_000);

  afterAll(() => {
    tmp.remove();
    if (UPDATE) {
      let updated = readFileSync(DOC_PATH, 'utf8');
      for (const [name, figure] of figures) if (shownFigure(updated, name) !== undefined) updated = withFigure(updated, name, figure);
      writeFileSync(DOC_PATH, updated);
    }
  });

  for (const name of [
    'keys',
    'package',
    'enrolment',
    'signatures',
    'sheet-payload',
    'sheet-carrier',
    'sheet-cells',
    'fixed-texts',
    'zip-limits',
    'example-results',
    'demo-results',
  ]) {
    it(`shows the figure "${name}" exactly as the code computes it`, () => {
      const figure = figures.get(name)!;
      const shown = shownFigure(doc, name);
      const { open, close } = markers(name);
      expect(shown, `docs/formats.md must hold exactly one ${open} … ${close} pair`).toBeDefined();
      if (UPDATE) return;
      expect(
        shown,
        [
          `docs/formats.md: the figure "${name}" is not what the code computes now.`,
          `If the change in the code is intended, replace everything between ${open} and ${close} with the block below`,
          `(or rewrite every figure with: ${RERUN}), then check the prose around it:`,
          '',
          fenced(figure),
          '',
        ].join('\n'),
      ).toBe(fenced(figure));
    });
  }

  it('uses an example that the code accepts: the event is valid, the package and enrolment read, the sheet verifies', async () => {
    expect(validateEvent(event).ok).toBe(true);
    const pkg = readPackage(new TextEncoder().encode(packageText), 'contoh-2025.timbang');
    expect(pkg.secretariat.fingerprint).toBe(secretariat.fingerprint);
    expect(readEnrolment(new TextEncoder().encode(enrolmentText), 'J1.timbang-enrol').fingerprint).toBe(juror.fingerprint);
    const verified = await verifyScoreSheet(workbookBytes, 'J1.xlsx', {
      event: pkg.event,
      latestPackageRevision: pkg.revision,
      jurorKeys: new Map(pkg.jurorKeys.map((k) => [k.jurorId, k.publicKey])),
    });
    expect(verified.details).toEqual([]);
    expect(verified.status).toBe('valid');
  });

  it('agrees with an independent reading of the document: canonical JSON, fingerprints, Ed25519, the results hash', () => {
    const packageFile = JSON.parse(packageText) as { payload: { secretariat: { publicKey: string } }; signature: string };
    const enrolmentFile = JSON.parse(enrolmentText) as { payload: { publicKey: string }; signature: string };
    for (const value of [packageFile.payload, enrolmentFile.payload, payload, exampleResults(event, payload).summary])
      expect(jcs(value)).toBe(canonicalJson(value));
    for (const key of [secretariat, juror]) expect(fingerprintOf(key.publicKey)).toBe(key.fingerprint);
    expect(verifyEd25519(packageFile.payload.secretariat.publicKey, jcs(packageFile.payload), packageFile.signature)).toBe(true);
    expect(verifyEd25519(enrolmentFile.payload.publicKey, jcs(enrolmentFile.payload), enrolmentFile.signature)).toBe(true);
    expect(verifyEd25519(juror.publicKey, jcs(payload), signedFigures(payload, juror).signature)).toBe(true);
    const results = exampleResults(event, payload);
    expect(resultsHashOf(results.summary)).toBe(results.resultsHash);
  });

  it('gives the demo the same results hash whatever its keys and times, and the hash the document describes', () => {
    const [first, second, independent] = demoHashes;
    expect(second, 'two `timbang demo` runs (new keys, new times, same seed) must merge to the same hash').toBe(first);
    expect(independent, 'the hash recomputed from `timbang merge --json` by the document’s rules').toBe(first);
  });
});
