/**
 * Electronegativity (Doyensec's static checks for Electron apps) over the app as it ships: one step of
 * `npm test` (`npm run test:electron-security`). Fails when a HIGH or MEDIUM finding is not explained;
 * LOW and INFORMATIONAL findings are listed. The findings are also written to test-results/electronegativity.json.
 *
 * Why it is run the way it is:
 *  - Installed apart (tests/electronegativity/package.json and its lock, `npm ci --ignore-scripts` here when
 *    the installed tree is not the locked one): its @typescript-eslint/typescript-estree must load the
 *    TypeScript 4.2 it depends on; hoisted into the project it finds our TypeScript 7, which has no JavaScript API.
 *  - What is scanned is the app as electron-builder packages it (electron.builder.yml `files`: out/** and
 *    package.json): main, preload and renderer, built by the same electron-vite config as `npm run build`,
 *    into test-results/electronegativity/build, with source maps. The code is byte for byte that of
 *    `npm run build` (the maps add one `//# sourceMappingURL` line at the end), so the step needs no earlier build.
 *  - All three parts in one run, so that its global checks (navigation limits, permission handler, CSP) see the
 *    whole app at once, as it runs.
 *  - Each built script is handed to it under a `.ts` name. Its JavaScript path (esprima 4, else Babel's estree
 *    output walked by estraverse) stops at ES2022 class private fields ("Unknown node type ClassPrivateProperty")
 *    and would leave out/main/index.js unscanned; its TypeScript path (Babel with the typescript plugin, walked by
 *    ESLint's traverser) reads plain modern JavaScript. It also skips `.cjs` files, and the preload is one.
 *  - AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK is left out: it fetches Electron's release list from GitHub at run
 *    time. The tool's other network call (translations, 1 s timeout) is answered locally, so the step is
 *    the same offline as online.
 *
 * Explaining a finding: the tool's own inline comment, on the source line the finding maps back to through
 * the source map (or on that file's first line, for the whole file), naming the check and saying why:
 *     const window = new BrowserWindow({ // eng-disable CONTEXT_ISOLATION_JS_CHECK: set by secureWebPreferences()
 * The bundler drops comments from scripts, so the tool never sees them in the build: this script reads them at
 * the mapped line, with the tool's own pattern, so that electronegativity run on the sources honours the same
 * comments. A comment without a reason explains nothing. In HTML (`<!-- eng-disable CHECK words only -->`) Vite
 * keeps the comment, and the tool drops the finding itself, so it is not listed.
 * Where no source line of ours can carry one (code from node_modules, a global finding with no place), an
 * entry in tests/electronegativity/justified.json, reviewed like code, as a stopgap:
 *     [{ "check": "CHECK_ID", "file": "source path, else out/… path, else N/A", "line": 12, "reason": "…" }]
 * ("line" optional). An entry that matches no finding fails the step, so the list cannot go stale.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire, SourceMap } from 'node:module';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';

const started = performance.now();
const here = import.meta.dirname;
const root = resolve(here, '..', '..');
const work = join(root, 'test-results', 'electronegativity');
const buildDir = join(work, 'build');
const scanDir = join(work, 'scan');
const reportFile = join(root, 'test-results', 'electronegativity.json');
const justifiedFile = join(here, 'justified.json');
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const FAILING = new Set(['HIGH', 'MEDIUM']);
const SEVERITY_ORDER = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];

const posix = (path: string) => path.split(sep).join('/');
const repoPath = (absolute: string) => posix(relative(root, absolute));
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

function fail(message: string): never {
  console.error(`electronegativity: ${message}`);
  process.exit(1);
}

// ── 1. The tool, installed from its own lock ────────────────────────────────────────────────────────────
function installedAsLocked(): boolean {
  const hidden = join(here, 'node_modules', '.package-lock.json');
  if (!existsSync(hidden)) return false;
  const want: Record<string, { version?: string; integrity?: string }> = readJson(join(here, 'package-lock.json')).packages;
  const have: Record<string, { version?: string; integrity?: string }> = readJson(hidden).packages;
  const wanted = Object.keys(want).filter((key) => key !== '');
  return (
    wanted.length === Object.keys(have).length &&
    wanted.every((key) => have[key]?.version === want[key].version && have[key]?.integrity === want[key].integrity)
  );
}

if (!installedAsLocked()) {
  console.log('electronegativity: installing it from tests/electronegativity/package-lock.json');
  const args = ['ci', '--prefix', here, '--ignore-scripts', '--no-audit', '--no-fund'];
  const npmCli = process.env.npm_execpath; // set under `npm run`
  const result =
    npmCli && /\.[cm]?js$/.test(npmCli)
      ? spawnSync(process.execPath, [npmCli, ...args], { stdio: 'inherit' })
      : spawnSync('npm', args, { stdio: 'inherit' });
  if (result.status !== 0) fail('npm ci in tests/electronegativity failed');
}
const toolDir = join(here, 'node_modules', '@doyensec', 'electronegativity');
const toolVersion: string = readJson(join(toolDir, 'package.json')).version;

// ── 2. The app, built with source maps ──────────────────────────────────────────────────────────────────
rmSync(work, { recursive: true, force: true });
rmSync(reportFile, { force: true }); // no report from an earlier run if this one stops early
const viteBin = join(
  root,
  'node_modules',
  'electron-vite',
  readJson(join(root, 'node_modules', 'electron-vite', 'package.json')).bin['electron-vite'],
);
// An absolute --outDir: a relative one is taken from each part's root, which for the renderer is src/renderer.
const build = spawnSync(process.execPath, [viteBin, 'build', '--sourcemap', '--outDir', buildDir, '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) fail('electron-vite build failed');

// ── 3. What the tool reads: every script under a .ts name, the HTML, package.json ─────────────────────
interface Staged {
  packaged: string;
  built: string;
  kind: 'script' | 'html' | 'json';
}
const staged = new Map<string, Staged>(); // by path relative to scanDir
function stage(from: string, packaged: string, kind: Staged['kind']): void {
  const as = kind === 'script' ? `${packaged}.ts` : packaged;
  mkdirSync(dirname(join(scanDir, as)), { recursive: true });
  copyFileSync(from, join(scanDir, as));
  staged.set(as, { packaged, built: from, kind });
}
for (const entry of readdirSync(buildDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const file = join(entry.parentPath, entry.name);
  const packaged = `out/${posix(relative(buildDir, file))}`;
  const ext = extname(entry.name);
  if (['.js', '.cjs', '.mjs'].includes(ext)) stage(file, packaged, 'script');
  else if (['.html', '.htm'].includes(ext)) stage(file, packaged, 'html');
}
stage(join(root, 'package.json'), 'package.json', 'json');
for (const part of ['out/main/', 'out/preload/', 'out/renderer/']) {
  if (![...staged.values()].some((s) => s.kind === 'script' && s.packaged.startsWith(part))) fail(`the build has no script under ${part}`);
}

// ── 4. The scan ────────────────────────────────────────────────────────────────────────────────────────
interface Level {
  value: number;
  name: string;
}
interface Issue {
  file: string;
  sample?: string;
  location: { line: number; column: number };
  id: string;
  description: string;
  severity: Level;
  confidence: Level;
  manualReview: boolean;
  shortenedURL?: string;
  properties?: unknown;
}
interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Issue[];
}
type Run = (options: Record<string, unknown>) => Promise<ScanResult>;

const toolRequire = createRequire(join(toolDir, 'dist', 'runner.js'));
{
  // The translations it fetches at start (and the excluded check's release list): answered here, offline.
  const gotPath = toolRequire.resolve('got');
  const offline = Object.assign(async () => ({ statusCode: 503, body: '' }), { head: async () => ({ statusCode: 503 }) });
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = { __esModule: true, default: offline, head: offline.head };
  toolRequire.cache[gotPath] = stub;
}
process.env.LANG = 'en-US'; // its messages in English whatever the machine's locale
const runModule = toolRequire('./runner.js');
const run: Run = typeof runModule === 'function' ? runModule : runModule.default;

const electronVersion: string = readJson(join(root, 'package.json')).devDependencies.electron;
const result = await run({
  input: scanDir,
  isRelative: true,
  electronVersionOverride: electronVersion,
  excludeFromScan: EXCLUDED_CHECKS.map((name) => name.toLowerCase()),
});

// ── 5. Each finding, back to its source line ───────────────────────────────────────────────────────────
interface Place {
  file: string;
  line: number;
}
const lines = new Map<string, string[]>();
function linesOf(file: string): string[] | undefined {
  if (!lines.has(file)) {
    const absolute = join(root, file);
    lines.set(file, existsSync(absolute) ? readFileSync(absolute, 'utf8').split('\n') : []);
  }
  const found = lines.get(file)!;
  return found.length > 0 ? found : undefined;
}
const maps = new Map<string, { map: SourceMap; dir: string; sourceRoot: string } | null>();
function mapOf(built: string) {
  if (!maps.has(built)) {
    const file = `${built}.map`;
    const payload = existsSync(file) ? readJson(file) : null;
    maps.set(built, payload ? { map: new SourceMap(payload), dir: dirname(file), sourceRoot: payload.sourceRoot ?? '' } : null);
  }
  return maps.get(built);
}
// Where the renderer's HTML comes from (electron.vite.config.ts: renderer.root).
const HTML_SOURCES: [string, string][] = [['out/renderer/', 'src/renderer/']];

function sourceOf(issue: Issue, where: Staged | undefined): Place | undefined {
  if (!where) return undefined;
  if (where.kind === 'json') return { file: where.packaged, line: issue.location.line };
  if (where.kind === 'html') {
    const pair = HTML_SOURCES.find(([out]) => where.packaged.startsWith(out));
    if (!pair) return undefined;
    const file = pair[1] + where.packaged.slice(pair[0].length);
    // The same line in the source, comments aside (Vite rewrites the HTML, and may drop an eng-disable comment).
    const bare = (text: string) => text.replace(/<!--.*?-->/g, '').trim();
    const builtLine = bare(readFileSync(where.built, 'utf8').split('\n')[issue.location.line - 1] ?? '');
    const candidates = (linesOf(file) ?? []).flatMap((text, index) => (builtLine && bare(text) === builtLine ? [index + 1] : []));
    return candidates.length === 1 ? { file, line: candidates[0] } : undefined;
  }
  const source = mapOf(where.built);
  if (!source) return undefined;
  const entry = source.map.findEntry(issue.location.line - 1, issue.location.column);
  if (!entry || !('originalSource' in entry) || entry.generatedLine !== issue.location.line - 1) return undefined;
  return { file: repoPath(resolve(source.dir, source.sourceRoot, entry.originalSource)), line: entry.originalLine + 1 };
}

// ── 6. Explanations ────────────────────────────────────────────────────────────────────────────────────
// electronegativity's own patterns (src/util/exceptions.js), so a comment that counts here counts for it.
const TOOL_PATTERN = { script: /(?:\/\*|\/\/)[ \t]*eng-disable[ \t]+([\w \t]+)/is, html: /<!--[ \t]*eng-disable[ \t]+([\w \t]+)-->/is };
const COMMENT = { script: /(?:\/\*|\/\/)[ \t]*eng-disable\b(.*?)(?:\*\/|$)/s, html: /<!--[ \t]*eng-disable\b(.*?)-->/s };
interface Inline {
  file: string;
  line: number;
  checks: string[];
  reason: string;
}

function inlineAt(file: string, line: number): Inline | undefined {
  const text = linesOf(file)?.[line - 1];
  if (text === undefined || file.startsWith('node_modules/') || file.includes('/node_modules/')) return undefined;
  const kind = /\.html?$/.test(file) ? 'html' : 'script';
  const names = text.match(TOOL_PATTERN[kind]);
  const body = text.match(COMMENT[kind]);
  if (!names || !body) return undefined;
  const checks = names[1]
    .trim()
    .split(/(?:,| |\t)+/)
    .filter((word) => /_CHECK$|Check$/.test(word));
  let reason = body[1].trim();
  for (const check of checks) reason = reason.replace(new RegExp(`^[\\s,]*${check}`), '');
  return { file, line, checks: checks.map((check) => check.toUpperCase()), reason: reason.replace(/^[\s,:;–—-]+/, '').trim() };
}

interface Justification {
  check: string;
  file: string;
  line?: number;
  reason: string;
}
const justified: Justification[] = existsSync(justifiedFile) ? readJson(justifiedFile) : [];
for (const [index, entry] of justified.entries()) {
  if (!entry.check || !entry.file || !entry.reason?.trim()) fail(`justified.json entry ${index + 1} needs check, file and reason`);
}
const usedEntries = new Set<number>();
const usedInline = new Set<string>();

interface Finding {
  check: string;
  severity: string;
  confidence: string;
  manualReview: boolean;
  description: string;
  url?: string;
  built: string;
  source?: string;
  sample?: string;
  explainedBy?: string;
  problem?: string;
}
const findings: Finding[] = result.issues.map((issue) => {
  const where = staged.get(posix(issue.file));
  const place = sourceOf(issue, where);
  const built = where ? `${where.packaged}:${issue.location.line}` : issue.file;
  const finding: Finding = {
    check: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    manualReview: issue.manualReview,
    description: issue.description,
    url: issue.shortenedURL,
    built,
    source: place && `${place.file}:${place.line}`,
    sample: typeof issue.sample === 'string' ? issue.sample : undefined,
  };
  for (const inline of place ? [inlineAt(place.file, place.line), inlineAt(place.file, 1)] : []) {
    if (!inline?.checks.includes(issue.id.toUpperCase())) continue;
    if (!inline.reason) {
      finding.problem = `eng-disable at ${inline.file}:${inline.line} gives no reason`;
      continue;
    }
    usedInline.add(`${inline.file}:${inline.line}`);
    finding.explainedBy = `inline ${inline.file}:${inline.line}`;
    break;
  }
  if (!finding.explainedBy) {
    const origin = place ?? { file: where?.packaged ?? issue.file, line: issue.location.line };
    const index = justified.findIndex(
      (entry) =>
        entry.check.toUpperCase() === issue.id.toUpperCase() &&
        entry.file === origin.file &&
        (entry.line === undefined || entry.line === origin.line),
    );
    if (index >= 0) {
      usedEntries.add(index);
      finding.explainedBy = `justified.json #${index + 1}`;
    }
  }
  return finding;
});
findings.sort(
  (a, b) =>
    SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
    a.check.localeCompare(b.check) ||
    a.built.localeCompare(b.built, 'en', { numeric: true }),
);

// ── 7. Report ──────────────────────────────────────────────────────────────────────────────────────────
const unexplained = findings.filter((finding) => FAILING.has(finding.severity) && !finding.explainedBy);
const staleEntries = justified.filter((_, index) => !usedEntries.has(index));
const fatal = result.errors.filter((error) => !error.tolerable);

const header = ['severity', 'confidence', 'check', 'built', 'source', 'explained by'];
const rows = findings.map((f) => [
  f.severity,
  f.confidence,
  f.check,
  f.built,
  f.source ?? '-',
  f.explainedBy ?? (FAILING.has(f.severity) ? 'UNEXPLAINED' : 'listed (below MEDIUM)'),
]);
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const print = (row: string[]) =>
  console.log(
    row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd(),
  );

console.log(
  `\nelectronegativity ${toolVersion} over the packaged app (out/main, out/preload, out/renderer, package.json; built into ${repoPath(buildDir)}), Electron ${electronVersion}`,
);
console.log(
  `${result.atomicChecks} atomic + ${result.globalChecks} global checks; not run: ${EXCLUDED_CHECKS.join(', ')} (needs GitHub at run time)`,
);
for (const error of result.errors)
  console.log(`${error.tolerable ? 'parser warning' : 'COULD NOT SCAN'}: ${posix(error.file)}: ${error.message}`);
if (findings.length === 0) console.log('no findings');
else {
  print(header);
  for (const row of rows) print(row);
}
for (const finding of findings.filter((f) => !f.explainedBy)) {
  console.log(
    `\n${finding.severity} ${finding.check} at ${finding.built}${finding.source ? ` (${finding.source})` : ''}: ${finding.description}${finding.url ? ` ${finding.url}` : ''}`,
  );
  if (finding.sample) console.log(`    ${finding.sample.slice(0, 200)}`);
  if (finding.problem) console.log(`    ${finding.problem}`);
}
// Our scripts' eng-disable comments that explained nothing in this run: listed, so that dead ones get removed.
// (Not HTML: Vite keeps its comments, and the tool, seeing them in the build, drops those findings itself.)
const ours = ['electron', 'src'].flatMap((dir) =>
  readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.[cm]?[jt]sx?$/.test(entry.name))
    .map((entry) => repoPath(join(entry.parentPath, entry.name))),
);
for (const file of ours) {
  for (const [index, text] of (linesOf(file) ?? []).entries()) {
    if (/eng-disable/.test(text) && inlineAt(file, index + 1) && !usedInline.has(`${file}:${index + 1}`)) {
      console.log(`\nunused eng-disable comment (explains no finding of this build): ${file}:${index + 1}`);
    }
  }
}
for (const entry of staleEntries) console.log(`\nSTALE justified.json entry (matches no finding): ${JSON.stringify(entry)}`);

const seconds = (performance.now() - started) / 1000;
writeFileSync(
  reportFile,
  `${JSON.stringify(
    {
      tool: `@doyensec/electronegativity@${toolVersion}`,
      electronVersion,
      excludedChecks: EXCLUDED_CHECKS,
      seconds: Number(seconds.toFixed(1)),
      errors: result.errors,
      findings,
      unexplained: unexplained.length,
      staleJustifications: staleEntries,
    },
    null,
    2,
  )}\n`,
);

const problems = [
  unexplained.length > 0 && `${unexplained.length} HIGH/MEDIUM finding(s) unexplained`,
  fatal.length > 0 && `${fatal.length} file(s) could not be scanned`,
  staleEntries.length > 0 && `${staleEntries.length} stale justified.json entr${staleEntries.length === 1 ? 'y' : 'ies'}`,
].filter(Boolean);
console.log(
  `\nelectronegativity: ${findings.length} finding(s), ${findings.filter((f) => f.explainedBy).length} explained, ${unexplained.length} HIGH/MEDIUM unexplained (${seconds.toFixed(1)} s)`,
);
if (problems.length > 0) {
  console.error(`electronegativity: FAILED: ${problems.join('; ')}`);
  process.exitCode = 1;
}
