/**
 * The installer configuration, checked as far as it can be without packaging (which downloads Electron):
 * electron-builder's own schema accepts it, and it says what the app needs on jurors' laptops.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/demo.ts';

const require = createRequire(import.meta.url);
// electron-builder's own loader and validator (app-builder-lib is its engine).
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string, options: null): Promise<Record<string, any>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

describe('electron.builder.yml', () => {
  it("passes electron-builder's schema, and the schema check does reject a wrong value", async () => {
    const config = await getConfig(PROJECT_ROOT, 'electron.builder.yml', null);
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...structuredClone(config), nsis: { oneClick: 'kadang' } }, new DebugLogger(false))).rejects.toThrow('oneClick should be a boolean');
  });

  it('builds what jurors and the secretariat install: per-user offline NSIS, AppImage and deb, dmg', async () => {
    const config = await getConfig(PROJECT_ROOT, 'electron.builder.yml', null);
    expect(config.appId).toBe('id.timbang.app');
    expect(config.productName).toBe('Timbang');
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, differentialPackage: false });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('unpacks better-sqlite3 from the asar, ships the built app and the demo event, and sets the fuses', async () => {
    const config = await getConfig(PROJECT_ROOT, 'electron.builder.yml', null);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*');
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toEqual([{ filter: ['out/**/*', 'package.json', '!**/*.map'] }]); // electron-builder's normalised form
    expect(config.extraResources).toContainEqual({ from: 'resources/demo-event.json', to: 'resources/demo-event.json' });
    expect(config.electronFuses).toEqual({
      runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false,
      enableCookieEncryption: true, enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true,
    });
    const main = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).main;
    expect(main).toBe('out/main/index.js');
  });

  it('has a 512 × 512 PNG icon in the build resources', () => {
    const png = readFileSync(join(PROJECT_ROOT, 'resources', 'icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
