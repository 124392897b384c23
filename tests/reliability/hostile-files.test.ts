/**
 * Issue 8, part 2: hostile files. A score sheet, template, package or enrolment file can arrive corrupted or
 * crafted. Each file of the corpus (tests/reliability/hostile/corpus.ts, generated in code) goes through every
 * importer that takes its kind, the way the app calls them (the API's dispatch):
 *   template   importEventTemplate → readEventTemplate            (secretariat workspace, demo event)
 *   sheet      importSheet → receiveSheet → verifyScoreSheet     (secretariat workspace, nine jurors enrolled,
 *                                                                 their nine sheets already received)
 *   package    importPackage → readPackage, applyPackage        (juror workspace, demo package imported, J1 chosen)
 *   enrolment  importEnrolment → readEnrolment, enrol           (secretariat workspace)
 *
 * For every file and importer:
 * - nothing but a refusal (an AppError envelope, an 'invalid' template result or a sheet that is not
 *   'valid'): no internal error, no crash; formula-looking text typed in a template is refused at its cell,
 *   and a formula cell's saved result is imported as literal text, a string, never a formula, wherever
 *   Timbang writes it again; where a file says what it must be refused for (`says`), the message says it in
 *   both languages, and a sheet so refused is 'malformed';
 * - the message names the file as given, says what is wrong in Indonesian and in English, and is not a
 *   stack trace or a library's English error;
 * - the workspace is as it was: every table's rows unchanged. The one exception is by design: the sheet
 *   inbox keeps a record of every file it is given (sheet-inbox.ts), so a refused sheet adds exactly one
 *   received_sheet row, with its refusal (status not 'valid', no payload) and nothing else;
 * - within the bounds below: time and peak resident memory growth per file and importer, measured with a
 *   full GC before each call and a 1 ms sampler on another thread. Set for a 2-core CI machine; on a
 *   developer laptop every figure is far below them (see the table this test prints).
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers, TemplateImportResult } from '../../src/api/contract.ts';
import { dispatch } from '../../src/api/dispatch.ts';
import type { Envelope } from '../../src/api/errors.ts';
import type { Bilingual, Event } from '../../src/core/model.ts';
import { demoFiles } from '../../src/services/demo/demo-files.ts';
import { getEvent } from '../../src/services/events/event-store.ts';
import { readEventTemplate, writeEventTemplate } from '../../src/services/events/event-template.ts';
import { fileData } from '../../src/services/file-data.ts';
import { checkZip } from '../../src/services/files/zip-guard.ts';
import { createHandlers } from '../../src/services/handlers.ts';
import { verifyScoreSheet, writeScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import { sheetPayload } from '../../src/services/sheets/sheet-export.ts';
import { backupDir, listBackups } from '../../src/services/workspace/backup.ts';
import { openWorkspace, type Db, type Workspace } from '../../src/services/workspace/workspace.ts';
import { RESOURCES_DIR, demoDocument, tempDir } from '../support/demo.ts';
import { hostileCorpus, type HostileFile, type Importer, type Kind, type Sources } from './hostile/corpus.ts';
import { PeakSampler } from './hostile/measure.ts';
import { nationalEvent, nationalSheet, wholeColumnValidation } from './hostile/national.ts';
import { readZip } from './hostile/zip.ts';

/** Per file and importer. */
const BOUNDS = { ms: 5_000, rssGrowthMiB: 300 } as const;
const MIN_CORPUS = 100;
const EVENT = 'paritrana-ntt-2025';
const KINDS: Kind[] = [
  'not a zip',
  'truncated',
  'corrupted',
  'zip bomb',
  'zip structure',
  'part names',
  'whole workbook',
  'xml entities',
  'million rows',
  'wrong types',
  'payload fields',
  'invalid utf-8',
  'very large',
  'formula injection',
  'path-like names',
];

/** A word or two every Indonesian message has, and every English one: a message in one language only fails one of these. */
const INDONESIAN =
  /\b(bukan|tidak|berkas|terlalu|rusak|isi|isinya|ini|yang|dengan|harus|wajib|tanda tangan|ditandatangani|paket|bagian|baris|kolom|sel|ditemukan|dari|untuk|sudah|memuat|menyatakan|adalah|kosong|ada|juri|acara|lembar|berisi|nilai|rumus|kunci)\b/i;
const ENGLISH =
  /\b(not|is|are|file|too|damaged|signature|signed|must|entry|entries|row|rows|column|cells?|found|required|has|have|does|this|of|with|empty|contains|declares|holds|mark|formula|key)\b/i;
/** What a library or the runtime says when something slipped through: never what a person should read. */
const RAW =
  /TypeError|RangeError|SyntaxError|ReferenceError|Cannot read propert|is not a function|undefined entity|Bug :|Corrupted zip|End of data|Unexpected token|in JSON at position|ENOENT|EACCES|\n\s+at\s|Kesalahan internal|Internal error/;

interface Side {
  ws: Workspace;
  handlers: Handlers;
}

interface Outcome {
  refused: boolean;
  code?: string;
  status?: string;
  /** The file name the importer reports, where its result has one. */
  reportedName?: string;
  messages: Bilingual[];
  /** Whether the sheet inbox recognised the bytes as a file it already had. */
  again?: boolean;
  /** Whether one of the messages names the file, in both languages. */
  namesFile: boolean;
  /** For a template: every "Sheet!Cell" an issue is reported at. */
  cells?: Set<string>;
  event?: Event;
}

interface Row {
  kind: Kind;
  file: string;
  importer: Importer;
  outcome: string;
  ms: number;
  mib: number;
  message: string;
}

type Snapshot = Map<string, string[]>;

/** Every table's rows as text; blobs by their length (their hash is in received_sheet.file_hash), so none is read. */
function snapshot(db: Db): Snapshot {
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  ).map((t) => t.name);
  return new Map(
    tables.map((table) => {
      const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string }[]).map((c) =>
        c.type.toUpperCase() === 'BLOB' ? `length("${c.name}") AS "${c.name}"` : `"${c.name}"`,
      );
      return [
        table,
        (db.prepare(`SELECT ${columns.join(', ')} FROM "${table}" ORDER BY rowid`).all() as Record<string, unknown>[]).map((row) =>
          JSON.stringify(row),
        ),
      ];
    }),
  );
}

const show = (text: string) => JSON.stringify(text).slice(1, -1);
const namesIn = (messages: Bilingual[], name: string) => messages.some((m) => m.id.includes(name) && m.en.includes(name));

describe('hostile files', () => {
  const tmp = tempDir('timbang-hostile-');
  const sampler = new PeakSampler();
  const rows: Row[] = [];
  const listing: { kind: Kind; name: string; bytes: number; what: string }[] = [];
  const problems = new Map<Kind, string[]>(KINDS.map((kind) => [kind, []]));
  const sheetHashes = new Map<string, string>();
  let sources: Sources;
  let corpus: HostileFile[];
  let secretariat: Side;
  let backupsBefore: string[];
  let juror: Side;
  let resultsHashBefore: string;
  let freshCount = 0;

  const open = (name: string): Side => {
    const ws = openWorkspace(join(tmp.dir, `${name}.sqlite`));
    return { ws, handlers: createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 'hostile' }) };
  };
  const call = async <T>(side: Side, method: string, input: unknown): Promise<T> => {
    const envelope = await dispatch(side.handlers, method, input);
    if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message.en}`);
    return envelope.value as T;
  };

  beforeAll(async () => {
    const event = demoDocument();
    const demo = await demoFiles(event);
    sources = {
      event,
      template: await writeEventTemplate(event),
      sheet: demo.sheets.get('J1')!,
      packageText: demo.packageText,
      enrolmentText: demo.enrolments.get('J1')!,
      jurorKey: demo.jurorKeys.get('J1')!,
    };
    corpus = hostileCorpus(sources);

    secretariat = open('sekretariat');
    await call(secretariat, 'loadDemoEvent', { role: 'sekretariat' });
    for (const [jurorId, text] of demo.enrolments) await call(secretariat, 'importEnrolment', fileData(`${jurorId}.timbang-enrol`, text));
    for (const [jurorId, bytes] of demo.sheets)
      await call(secretariat, 'importSheet', { eventId: EVENT, file: fileData(`${jurorId}.xlsx`, bytes) });
    resultsHashBefore = (
      await call<{ resultsHash: string; usedSheets: number }>(secretariat, 'deliberation', { eventId: EVENT, rule: 'mean' })
    ).resultsHash;
    backupsBefore = listBackups(secretariat.ws.path);

    juror = open('juri');
    await call(juror, 'importPackage', fileData('paritrana-ntt-2025.timbang', demo.packageText));
    await call(juror, 'chooseJuror', { eventId: EVENT, jurorId: 'J1' });
  }, 120_000);

  afterAll(async () => {
    await sampler.stop();
    secretariat?.ws.close();
    juror?.ws.close();
    tmp.remove();
  });

  /** Calls the importer as the app does; what it answered, judged. */
  async function importWith(
    importer: Importer,
    side: Side,
    file: HostileFile,
    input: { fileName: string; base64: string },
  ): Promise<Outcome> {
    const name = file.name;
    let envelope: Envelope<unknown>;
    switch (importer) {
      case 'template':
        envelope = await dispatch(side.handlers, 'importEventTemplate', input);
        break;
      case 'sheet':
        envelope = await dispatch(side.handlers, 'importSheet', { eventId: EVENT, file: input });
        break;
      case 'package':
        envelope = await dispatch(side.handlers, 'importPackage', input);
        break;
      case 'enrolment':
        envelope = await dispatch(side.handlers, 'importEnrolment', input);
        break;
    }
    if (!envelope.ok) {
      const messages = [envelope.error.message];
      return { refused: true, code: envelope.error.code, messages, namesFile: namesIn(messages, name) };
    }
    if (importer === 'template') {
      const result = envelope.value as TemplateImportResult;
      if (result.status !== 'invalid') {
        return {
          refused: false,
          status: result.status,
          messages: [],
          namesFile: false,
          event: result.status === 'imported' ? getEvent(side.ws.db, result.event.id) : undefined,
        };
      }
      const messages = result.issues.map((issue) => issue.message);
      const fileLevel = result.issues.filter((issue) => issue.sheet === '').map((issue) => issue.message);
      // Issues at a cell name their sheet and cell; the result names the file, and so must any issue about the whole file.
      // A list "F3, F5" or a range "F3:F7" counts for each cell it names.
      const cells = new Set(
        result.issues.filter((i) => i.cell).flatMap((i) => i.cell!.split(/\s*[,:]\s*/).map((cell) => `${i.sheet}!${cell}`)),
      );
      return {
        refused: true,
        status: 'invalid',
        reportedName: result.fileName,
        messages,
        cells,
        namesFile: result.fileName === name && (fileLevel.length === 0 || namesIn(fileLevel, name)),
      };
    }
    if (importer === 'sheet') {
      const { sheet, again } = envelope.value as { sheet: { status: string; fileName: string; details: Bilingual[] }; again: boolean };
      // The stored sheet names the file; each finding names it too, or the sheet (and cell) it is about.
      const named = sheet.details.every(
        (d) => (d.id.includes(name) && d.en.includes(name)) || /^Sheet .+![A-Z]+\d+/.test(d.en) || /^Sheet \S.*?: /.test(d.en),
      );
      return {
        refused: sheet.status !== 'valid',
        status: sheet.status,
        reportedName: sheet.fileName,
        messages: sheet.details,
        again,
        namesFile: sheet.fileName === name && named,
      };
    }
    return { refused: false, status: 'imported', messages: [], namesFile: false };
  }

  /** One file through one importer: measured, judged, and the workspace compared before and after. */
  async function runOne(file: HostileFile, bytes: Uint8Array, importer: Importer): Promise<void> {
    const issues = problems.get(file.kind)!;
    const where = `${show(file.name)} → ${importer}`;
    const literal = file.expect === 'literal';
    const side = literal ? open(`baru-${++freshCount}`) : importer === 'package' ? juror : secretariat;
    if (importer === 'sheet') {
      const hash = createHash('sha256').update(bytes).digest('hex');
      if (sheetHashes.has(hash)) issues.push(`${where}: corpus error, same bytes as ${sheetHashes.get(hash)}`);
      sheetHashes.set(hash, file.name);
    }
    const input = fileData(file.name, bytes); // base64, as the renderer sends it: not part of the measurement
    const before = snapshot(side.ws.db);
    const { value: outcome, ms, rssGrowthMiB } = await sampler.measure(() => importWith(importer, side, file, input));
    const after = snapshot(side.ws.db);
    const message = outcome.messages[0] ? outcome.messages[0].en : '';
    rows.push({
      kind: file.kind,
      file: file.name,
      importer,
      outcome: outcome.code ?? outcome.status ?? '',
      ms,
      mib: rssGrowthMiB,
      message,
    });

    if (ms > BOUNDS.ms) issues.push(`${where}: took ${ms.toFixed(0)} ms (bound ${BOUNDS.ms})`);
    if (rssGrowthMiB > BOUNDS.rssGrowthMiB)
      issues.push(`${where}: resident memory grew ${rssGrowthMiB.toFixed(0)} MiB (bound ${BOUNDS.rssGrowthMiB})`);
    if (outcome.code === 'internal' || outcome.code === 'invalid-output' || outcome.code === 'invalid-input') {
      issues.push(`${where}: ${outcome.code}: ${outcome.messages[0]?.en}`);
    }

    if (literal) {
      if (!outcome.event) {
        issues.push(`${where}: expected the literal text imported, got ${outcome.status ?? outcome.code}: ${message}`);
      } else {
        await checkLiteral(file, outcome.event, issues, where);
      }
      side.ws.close();
      return;
    }

    if (!outcome.refused) {
      issues.push(`${where}: accepted (${outcome.status})`);
      return;
    }
    if (outcome.messages.length === 0) issues.push(`${where}: refused without a message`);
    for (const m of outcome.messages) {
      if (!m.id?.trim() || !m.en?.trim()) issues.push(`${where}: a message without both languages: ${JSON.stringify(m)}`);
      else if (m.id === m.en && !/^[\s\d!:.,'"()A-Z-]*$/.test(m.id))
        issues.push(`${where}: the same text in both languages: ${show(m.en)}`);
      else if (!INDONESIAN.test(m.id) || !ENGLISH.test(m.en))
        issues.push(`${where}: not clearly Indonesian and English: ${show(m.id)} / ${show(m.en)}`);
      if (RAW.test(m.id) || RAW.test(m.en)) issues.push(`${where}: a raw error in the message: ${show(m.en)}`);
    }
    if (!outcome.namesFile)
      issues.push(`${where}: the message does not name the file: ${show(message)} (reported name: ${show(outcome.reportedName ?? '')})`);
    if (file.says) {
      // The cause, in both languages; a sheet refused by the zip guard is malformed (its contents never read).
      if (!outcome.messages.some((m) => file.says!.en.test(m.en) && file.says!.id.test(m.id))) {
        issues.push(
          `${where}: the message does not say ${file.says.en} / ${file.says.id}: ${show(message)} / ${show(outcome.messages[0]?.id ?? '')}`,
        );
      }
      if (importer === 'sheet' && outcome.status !== 'malformed') issues.push(`${where}: status ${outcome.status}, not malformed`);
    }
    for (const { sheet, cells } of [file.issuesAt ?? []].flat()) {
      const missing = cells.filter((cell) => !outcome.cells?.has(`${sheet}!${cell}`));
      if (missing.length > 0) issues.push(`${where}: no issue at ${sheet}!${missing.join(', ')}`);
    }
    compareWorkspace(importer, outcome, before, after, issues, where);
  }

  function compareWorkspace(
    importer: Importer,
    outcome: Outcome,
    before: Snapshot,
    after: Snapshot,
    issues: string[],
    where: string,
  ): void {
    for (const [table, rowsBefore] of before) {
      const rowsAfter = after.get(table)!;
      if (importer === 'sheet' && table === 'received_sheet' && !outcome.again) {
        // The inbox's record of the refused file: one row, refused, carrying no payload.
        const added = rowsAfter
          .slice(rowsBefore.length)
          .map((r) => JSON.parse(r) as { status: string; payload: unknown; juror_id: unknown });
        const kept = rowsAfter.slice(0, rowsBefore.length).every((r, i) => r === rowsBefore[i]);
        if (!kept || added.length !== 1 || added[0].status === 'valid' || added[0].payload !== null) {
          issues.push(
            `${where}: received_sheet went from ${rowsBefore.length} to ${rowsAfter.length} rows (expected one refused record, ${JSON.stringify(added.map((a) => a.status))})`,
          );
        }
        continue;
      }
      if (rowsAfter.length !== rowsBefore.length || rowsAfter.some((r, i) => r !== rowsBefore[i])) {
        issues.push(`${where}: table ${table} changed (${rowsBefore.length} → ${rowsAfter.length} rows)`);
      }
    }
  }

  /** Formula-looking text: imported as written, and written again as text wherever Timbang writes it. */
  async function checkLiteral(file: HostileFile, event: Event, issues: string[], where: string): Promise<void> {
    const { planted, value, forbidden } = file.literal!;
    for (const place of planted) {
      const got = place.read(event);
      if (got !== value) issues.push(`${where}: ${place.sheet}!${place.cell} imported as ${show(String(got))}, not ${show(value)}`);
      for (const text of forbidden)
        if (String(got).includes(text)) issues.push(`${where}: ${place.sheet}!${place.cell} carries ${show(text)}`);
    }
    const template = await writeEventTemplate(event);
    const sheet = await writeScoreSheet(
      sheetPayload({
        event,
        jurorId: 'J1',
        jurorName: 'Juri J1',
        roundIds: event.rounds.map((r) => r.id),
        marks: [],
        notes: [],
        conflicts: new Map(),
        declaredConflicts: [],
        isFinalized: () => false,
        packageRevision: 1,
        sheetRevision: 1,
        exportedAt: new Date().toISOString(),
        key: sources.jurorKey,
      }),
      sources.jurorKey,
    );
    for (const [what, bytes] of [
      ['template', template],
      ['score sheet', sheet],
    ] as const) {
      const parts = readZip(bytes).filter((e) => e.name.endsWith('.xml'));
      const formulas = parts.flatMap((e) => [...e.data.toString('utf8').matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)].map((m) => m[1]));
      const bad = formulas.filter((f) => /cmd|HYPERLINK|SUM|[|"@]/.test(f));
      if (bad.length > 0) issues.push(`${where}: the re-exported ${what} has formulas ${bad.slice(0, 3).map(show).join(', ')}`);
      const strings = parts
        .map((e) => e.data.toString('utf8'))
        .join('')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
      if (!strings.includes(value)) issues.push(`${where}: the re-exported ${what} does not hold ${show(value)} as text`);
    }
  }

  for (const kind of KINDS) {
    it(`${kind}: refused with a message naming the file, nothing written, within bounds`, async () => {
      const files = corpus.filter((f) => f.kind === kind);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const bytes = await file.make();
        listing.push({ kind, name: file.name, bytes: bytes.byteLength, what: file.what });
        for (const importer of file.to) await runOne(file, bytes, importer);
      }
      expect(problems.get(kind)).toEqual([]);
    }, 600_000);
  }

  it('leaves the secretariat able to list, merge, export and report, with the same results as before', async () => {
    const listed = await call<{ sheets: { fileName: string; status: string }[] }>(secretariat, 'listSheets', { eventId: EVENT });
    expect(listed.sheets.filter((s) => s.status === 'valid')).toHaveLength(9);
    const merged = await call<{ resultsHash: string; usedSheets: number }>(secretariat, 'deliberation', { eventId: EVENT, rule: 'mean' });
    expect(merged).toMatchObject({ usedSheets: 9, resultsHash: resultsHashBefore });

    // The Rekapitulasi lists every file received, hostile names included: it must still be a workbook
    // that passes our own guard and that exceljs reads.
    const rekap = await call<{ fileName: string; base64: string }>(secretariat, 'exportRekapitulasi', { eventId: EVENT, rule: 'mean' });
    const bytes = Buffer.from(rekap.base64, 'base64');
    expect(() => checkZip(bytes, rekap.fileName)).not.toThrow();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    expect(workbook.worksheets.length).toBeGreaterThan(1);

    const { html } = await call<{ html: string }>(secretariat, 'reportHtml', { eventId: EVENT, rule: 'mean', lang: 'id' });
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.xlsx');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // A refused sheet leaves a record (name, hash, reason) but a malformed one keeps none of its bytes, and
    // no refused import takes a backup: a folder of junk must not swell the workspace or push out good backups.
    const stored = secretariat.ws.db
      .prepare(
        "SELECT status, count(*) AS n, coalesce(sum(length(bytes)), 0) AS bytes FROM received_sheet WHERE status <> 'valid' GROUP BY status",
      )
      .all() as { status: string; n: number; bytes: number }[];
    expect(stored.find((s) => s.status === 'malformed')).toMatchObject({ bytes: 0 });
    expect(listBackups(secretariat.ws.path)).toEqual(backupsBefore);
    const backupBytes = backupsBefore.map((name) => statSync(join(backupDir(secretariat.ws.path), name)).size);
    console.log(
      `secretariat workspace after the corpus: refused sheets ${stored.map((s) => `${s.status} ${s.n} (${(s.bytes / 1024 / 1024).toFixed(1)} MiB kept)`).join(', ')}; ` +
        `workspace file ${(statSync(secretariat.ws.path).size / 1024 / 1024).toFixed(1)} MiB; ${backupBytes.length} backups, ${(backupBytes.reduce((a, b) => a + b, 0) / 1024 / 1024).toFixed(1)} MiB`,
    );
  }, 120_000);

  it('lets through the largest honest files: a national-scale sheet, a template validated over a whole column', async () => {
    const event = nationalEvent(sources.event);
    const sheet = await nationalSheet(event, sources.jurorKey);
    const guarded = await sampler.measure(async () => checkZip(sheet, 'nasional-J1.xlsx'));
    const verified = await sampler.measure(() =>
      verifyScoreSheet(sheet, 'nasional-J1.xlsx', {
        event,
        latestPackageRevision: 1,
        jurorKeys: new Map([['J1', sources.jurorKey.publicKey]]),
      }),
    );
    expect(verified.value.status).toBe('valid');
    const template = wholeColumnValidation(sources.template);
    expect(template.equals(sources.template)).toBe(false);
    const read = await sampler.measure(() => readEventTemplate(template, 'templat-validasi-kolom.xlsx'));
    expect(read.value.ok).toBe(true);
    console.log(
      [
        `national sheet (${(sheet.length / 1024).toFixed(0)} KiB): checkZip ${guarded.ms.toFixed(0)} ms +${guarded.rssGrowthMiB.toFixed(1)} MiB; whole verification ${verified.ms.toFixed(0)} ms +${verified.rssGrowthMiB.toFixed(1)} MiB`,
        `template validated over F1:F1048576: read ${read.ms.toFixed(0)} ms +${read.rssGrowthMiB.toFixed(1)} MiB`,
      ].join('\n'),
    );
    for (const figure of [verified, read]) {
      expect(figure.ms).toBeLessThan(BOUNDS.ms);
      expect(figure.rssGrowthMiB).toBeLessThan(BOUNDS.rssGrowthMiB);
    }
  }, 120_000);

  it(`prints the figures; the corpus has at least ${MIN_CORPUS} files`, () => {
    const pad = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text.padEnd(n));
    const lines = [
      `Hostile corpus: ${corpus.length} files`,
      ...listing.map((f) => `${pad(f.kind, 18)} ${pad(show(f.name), 44)} ${String(f.bytes).padStart(9)} B  ${f.what}`),
      '',
      `Hostile files: ${corpus.length} files, ${rows.length} imports. Bounds per import: ${BOUNDS.ms} ms, +${BOUNDS.rssGrowthMiB} MiB resident.`,
      `${pad('kind', 18)} ${pad('file', 44)} ${pad('importer', 9)} ${pad('outcome', 14)} ${'ms'.padStart(7)} ${'MiB'.padStart(6)}  message (en)`,
      ...rows.map(
        (r) =>
          `${pad(r.kind, 18)} ${pad(show(r.file), 44)} ${pad(r.importer, 9)} ${pad(r.outcome, 14)} ${r.ms.toFixed(0).padStart(7)} ${r.mib.toFixed(1).padStart(6)}  ${pad(show(r.message), 140)}`,
      ),
      '',
      `${pad('kind', 18)} ${'files'.padStart(5)} ${'imports'.padStart(7)} ${'max ms'.padStart(7)} ${'max MiB'.padStart(8)}`,
      ...KINDS.map((kind) => {
        const of = rows.filter((r) => r.kind === kind);
        return `${pad(kind, 18)} ${String(corpus.filter((f) => f.kind === kind).length).padStart(5)} ${String(of.length).padStart(7)} ${Math.max(
          ...of.map((r) => r.ms),
        )
          .toFixed(0)
          .padStart(7)} ${Math.max(...of.map((r) => r.mib))
          .toFixed(1)
          .padStart(8)}`;
      }),
    ];
    console.log(lines.join('\n'));
    expect(corpus.length).toBeGreaterThanOrEqual(MIN_CORPUS);
    expect(rows.length).toBeGreaterThanOrEqual(corpus.reduce((n, f) => n + f.to.length, 0));
  });
});
