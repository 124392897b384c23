/**
 * The installers, checked as far as they can be without internet (electron-builder downloads Electron and
 * its packaging tools to make an installer):
 * - electron-builder's own schema accepts electron.builder.yml, and it says what jurors' laptops need;
 * - electron-builder's own file matcher, given each target (Windows x64, macOS x64 and arm64, Linux x64
 *   and arm64), keeps of better-sqlite3 its JavaScript and the one prebuilt binary for that target, never
 *   its sources nor a build/ folder (which its loader would prefer to the prebuild);
 * - `npm run dist -- --linux --dir` really packs the app (electron-vite build, then electron-builder with
 *   this file) around a stand-in Electron whose only content is a fuse wire: the archive's files, what is
 *   unpacked from it, and the fuses flipped in the "binary" are read back.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/demo.ts';
import { projectCopy, type Checkout } from '../support/electron-checkout.ts';

const require = createRequire(import.meta.url);
// electron-builder's own loader, validator and file matcher (app-builder-lib is its engine).
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string, options: null): Promise<Record<string, any>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const { FileMatcher, getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher.js') as {
  FileMatcher: new (
    from: string,
    to: string,
    macroExpander: (pattern: string) => string,
    patterns: string[],
  ) => { createFilter(): (file: string, stat: object) => boolean };
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformOptions: object,
    packager: object,
  ): { patterns: string[]; macroExpander: (pattern: string) => string };
};
const { expandMacro } = require('app-builder-lib/out/util/macroExpander.js') as {
  expandMacro(pattern: string, arch: string | null, appInfo: object, extra: Record<string, string>): string;
};
const asar = require('@electron/asar') as { listPackage(archive: string, options: object): string[] };
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses') as {
  getCurrentFuseWire(path: string): Promise<Record<number, number>>;
  FuseV1Options: Record<string, number>;
};

const SQLITE = join(PROJECT_ROOT, 'node_modules', 'better-sqlite3');
const config = () => getConfig(PROJECT_ROOT, 'electron.builder.yml', null);

/** Every file of the installed better-sqlite3, relative to it, plus what a local compile would add. */
function sqliteFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [relative(SQLITE, join(dir, entry.name))],
    );
  return [
    ...walk(SQLITE),
    'build/Release/better_sqlite3.node',
    'build/Debug/better_sqlite3.node',
    'build/Release/obj.target/better_sqlite3.node',
  ];
}

/** The better-sqlite3 files electron-builder would put in the app for one target, by its own matcher. */
function packagedSqliteFiles(built: Record<string, any>, os: 'win' | 'mac' | 'linux', arch: 'x64' | 'arm64'): string[] {
  const macroExpander = (pattern: string) => expandMacro(pattern, arch, {}, { os, '/*': '{,/**/*}' });
  const packager = { config: built, debugLogger: { isEnabled: false } };
  const modules = getNodeModuleFileMatcher(PROJECT_ROOT, '/app', macroExpander, built[os] ?? {}, packager);
  const filter = new FileMatcher(SQLITE, '/app/node_modules/better-sqlite3', modules.macroExpander, modules.patterns).createFilter();
  const stat = (file: string) => ({ isDirectory: () => false, moduleFullFilePath: join('node_modules', 'better-sqlite3', file) });
  return sqliteFiles().filter((file) => filter(join(SQLITE, file), stat(file)));
}

describe('electron.builder.yml', () => {
  it("passes electron-builder's schema, and the schema check does reject a wrong value", async () => {
    const loaded = await config();
    await expect(validateConfiguration(structuredClone(loaded), new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...structuredClone(loaded), nsis: { oneClick: 'kadang' } }, new DebugLogger(false)),
    ).rejects.toThrow('oneClick should be a boolean');
  });

  it('builds what jurors and the secretariat install: per-user offline NSIS, AppImage and deb, dmg, with predictable names', async () => {
    const loaded = await config();
    expect(loaded.appId).toBe('id.timbang.app');
    expect(loaded.productName).toBe('Timbang');
    expect(loaded.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(loaded.nsis).toMatchObject({ oneClick: false, perMachine: false, differentialPackage: false });
    expect(loaded.linux.target).toEqual(['AppImage', 'deb']);
    expect(loaded.mac.target).toEqual(['dmg']);
    expect(loaded.artifactName).toBe('${productName}-${version}-${os}-${arch}.${ext}'); // the names README and the handout quote
    expect(loaded.mac.identity).toBe('-'); // ad-hoc: unsigned, yet runnable on Apple Silicon
  });

  it('is the file `npm run dist` hands to electron-builder (which by itself reads only electron-builder.yml)', () => {
    expect(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).scripts.dist).toBe('node electron/dist.ts');
    expect(readFileSync(join(PROJECT_ROOT, 'electron', 'dist.ts'), 'utf8')).toContain("'--config', 'electron.builder.yml'");
    expect(existsSync(join(PROJECT_ROOT, 'electron-builder.yml'))).toBe(false);
    expect(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).build).toBeUndefined();
  });

  it('ships the built app and the demo event, never rebuilds native modules, and sets the fuses', async () => {
    const loaded = await config();
    expect(loaded.asar).toEqual({ smartUnpack: false });
    expect(loaded.asarUnpack).toEqual(['node_modules/better-sqlite3/prebuilds/*.node']);
    expect(loaded.npmRebuild).toBe(false);
    // Files per platform only (see the yml): the same list, but for the prebuild each platform keeps.
    expect([loaded.files ?? []].flat()).toEqual([]);
    const lists = { win: 'win32', mac: 'darwin', linux: 'linux' } as const;
    for (const [os, prebuild] of Object.entries(lists)) {
      const files = [loaded[os].files]
        .flat()
        .flatMap((entry: string | { filter: string[] }) => (typeof entry === 'string' ? [entry] : entry.filter));
      expect(files.slice(0, 3), os).toEqual(['out/**/*', 'package.json', '!**/*.map']);
      expect(files.at(-1), os).toBe(`!node_modules/better-sqlite3/prebuilds/!(${prebuild}-\${arch}).node`);
      expect(files.slice(0, -1), os).toEqual(
        [loaded.win.files]
          .flat()
          .flatMap((entry: string | { filter: string[] }) => (typeof entry === 'string' ? [entry] : entry.filter))
          .slice(0, -1),
      );
    }
    expect(loaded.extraResources).toContainEqual({ from: 'resources/demo-event.json', to: 'resources/demo-event.json' });
    expect(loaded.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    const main = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).main;
    expect(main).toBe('out/main/index.js');
  });

  it.each([
    ['win', 'x64', 'win32-x64'],
    ['mac', 'x64', 'darwin-x64'],
    ['mac', 'arm64', 'darwin-arm64'],
    ['linux', 'x64', 'linux-x64'],
    ['linux', 'arm64', 'linux-arm64'],
  ] as const)(
    '%s %s: of better-sqlite3, its JavaScript and prebuilds/%s.node only; no sources, no build/ to shadow it',
    async (os, arch, prebuild) => {
      const files = packagedSqliteFiles(await config(), os, arch);
      expect(files.filter((file) => file.endsWith('.node'))).toEqual([`prebuilds/${prebuild}.node`]);
      expect(files.filter((file) => /^(build|deps|src)\/|^binding\.gyp$/.test(file))).toEqual([]);
      expect(files).toContain('package.json');
      expect(files).toContain('lib/index.js');
      expect(files).toContain('lib/binding.js');
    },
  );

  it('has a 512 × 512 PNG icon in the build resources', () => {
    const png = readFileSync(join(PROJECT_ROOT, 'resources', 'icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});

describe.skipIf(process.platform !== 'linux')(
  'npm run dist -- --linux --dir, around a stand-in Electron (packs the app; makes no installer)',
  () => {
    const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'; // where Electron's binary keeps its fuse wire (@electron/fuses)
    let copy: Checkout;
    let standIn: string;
    let packed: string;
    let archive: string[];
    let run: ReturnType<typeof spawnSync>;

    beforeAll(() => {
      // Its own node_modules tree (electron-builder cannot follow one symlinked in); better-sqlite3 copied
      // outright, given a build/ folder as a local compile leaves it.
      copy = projectCopy({ nodeModules: 'tree', copied: ['better-sqlite3'] });
      mkdirSync(join(copy.dir, 'node_modules', 'better-sqlite3', 'build', 'Release'), { recursive: true });
      writeFileSync(join(copy.dir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'a Node-ABI compile');
      standIn = realpathSync(mkdtempSync(join(tmpdir(), 'timbang-electron-dist-')));
      // Eight fuses, all "enabled" ('1') as Electron ships them: the packer is to flip them as configured.
      writeFileSync(join(standIn, 'electron'), `#!/bin/sh\nexit 0\n#${FUSE_SENTINEL}\u0001\u000811111111\n`);
      chmodSync(join(standIn, 'electron'), 0o755);
      writeFileSync(join(standIn, 'version'), 'v45.4.1');
      // Not npm's own settings of this run, and not VITEST, which silences electron-builder's log.
      const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|VITEST)/i.test(name)));
      run = spawnSync('npm', ['run', 'dist', '--', '--linux', '--dir', `-c.electronDist=${standIn}`], {
        cwd: copy.dir,
        encoding: 'utf8',
        env,
        timeout: 240_000,
      });
      if (run.status !== 0) throw new Error(`npm run dist failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
      packed = join(copy.dir, 'dist', 'linux-unpacked');
      archive = asar.listPackage(join(packed, 'resources', 'app.asar'), {}).map((entry) => entry.replaceAll('\\', '/'));
    }, 300_000);
    afterAll(() => {
      copy?.remove();
      if (standIn) rmSync(standIn, { recursive: true, force: true });
    });

    it('read electron.builder.yml and rebuilt nothing', () => {
      const log = `${run.stdout}${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, ''); // electron-builder colours its log
      expect(log).toMatch(/loaded configuration\s+file=.*electron\.builder\.yml/);
      expect(log).toContain('skipped dependencies rebuild');
    });

    it('holds the built app in app.asar: main, preload, renderer and package.json, no source maps', () => {
      for (const file of ['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json'])
        expect(archive).toContain(file);
      expect(archive.filter((file) => file.endsWith('.map'))).toEqual([]);
      expect(archive.filter((file) => file.startsWith('/src/') || file.startsWith('/electron/') || file.startsWith('/tests/'))).toEqual([]);
      expect(existsSync(join(packed, 'resources', 'resources', 'demo-event.json'))).toBe(true);
    });

    it("carries the app's runtime dependencies, not its development ones", () => {
      for (const dependency of ['better-sqlite3', 'exceljs', 'archiver', 'jszip', 'zod', 'commander', 'canonicalize', 'react']) {
        expect(archive, dependency).toContain(`/node_modules/${dependency}/package.json`);
      }
      for (const development of ['electron', 'electron-vite', 'vite', 'vitest', 'typescript', 'node-addon-api']) {
        expect(
          archive.some((file) => file.startsWith(`/node_modules/${development}/`)),
          development,
        ).toBe(false);
      }
    });

    it("unpacks only better-sqlite3's prebuilt binary for the target; ships none of its sources and no build/", () => {
      const unpacked = join(packed, 'resources', 'app.asar.unpacked');
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
          entry.isDirectory() ? walk(join(dir, entry.name)) : [relative(unpacked, join(dir, entry.name))],
        );
      expect(walk(unpacked)).toEqual([`node_modules/better-sqlite3/prebuilds/linux-${process.arch}.node`]);
      expect(statSync(join(unpacked, `node_modules/better-sqlite3/prebuilds/linux-${process.arch}.node`)).size).toBe(
        statSync(join(SQLITE, 'prebuilds', `linux-${process.arch}.node`)).size,
      );
      const sqlite = archive.filter((file) => file.startsWith('/node_modules/better-sqlite3/'));
      expect(sqlite.filter((file) => /\/(build|deps|src)(\/|$)|binding\.gyp$/.test(file))).toEqual([]);
      expect(sqlite.filter((file) => file.endsWith('.node'))).toEqual([
        `/node_modules/better-sqlite3/prebuilds/linux-${process.arch}.node`,
      ]); // listed, stored outside
    });

    it('flips the fuses in the packaged binary as configured', async () => {
      const wire = await getCurrentFuseWire(join(packed, 'timbang'));
      const state = (option: string) => String.fromCharCode(wire[FuseV1Options[option]]);
      expect({
        RunAsNode: state('RunAsNode'),
        EnableNodeOptionsEnvironmentVariable: state('EnableNodeOptionsEnvironmentVariable'),
        EnableNodeCliInspectArguments: state('EnableNodeCliInspectArguments'),
        EnableCookieEncryption: state('EnableCookieEncryption'),
        EnableEmbeddedAsarIntegrityValidation: state('EnableEmbeddedAsarIntegrityValidation'),
        OnlyLoadAppFromAsar: state('OnlyLoadAppFromAsar'),
      }).toEqual({
        RunAsNode: '0',
        EnableNodeOptionsEnvironmentVariable: '0',
        EnableNodeCliInspectArguments: '0',
        EnableCookieEncryption: '1',
        EnableEmbeddedAsarIntegrityValidation: '1',
        OnlyLoadAppFromAsar: '1',
      });
    });

    it('writes no checksum list when it made no installer', () => {
      expect(existsSync(join(copy.dir, 'dist', 'SHA256SUMS.txt'))).toBe(false);
    });
  },
);
