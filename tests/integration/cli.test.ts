import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { DEMO_EVENT_PATH, PROJECT_ROOT, demoDocument, tempDir } from '../support/demo.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('timbang event validate', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  const brokenFile = () => {
    const event = demoDocument();
    event.criteria.find((c) => c.code === 'PD3')!.weight = 35; // Seleksi Administrasi, Pemda: 105
    event.nominees[5].id = event.nominees[6].id;
    event.conflicts[0].jurorId = 'J12';
    const path = join(tmp.dir, 'rusak.json');
    writeFileSync(path, JSON.stringify(event));
    return path;
  };

  it('prints a summary of the demo event and exits 0', async () => {
    const result = await run('event', 'validate', DEMO_EVENT_PATH);
    expect(result.code).toBe(0);
    expect(result.out).toContain('✓ Berkas acara sah: Paritrana Award Tingkat Provinsi NTT 2025 (paritrana-ntt-2025)');
    expect(result.out).toContain('8 kategori · 40 nominasi · 9 juri · 2 babak · 22 kriteria · 2 konflik kepentingan');
  });

  it('lists every error of a broken file, by place, and exits 1', async () => {
    const path = brokenFile();
    const result = await run('event', 'validate', path);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`Berkas ${path}: 3 kesalahan.`);
    expect(result.err).toContain('- Babak Seleksi Administrasi, kategori Pemerintah Kabupaten/Kota: total bobot 105, harus 100');
    expect(result.err).toContain('dipakai lebih dari sekali');
    expect(result.err).toContain('- Konflik J12–manufaktur-04: juri "J12" tidak dikenal');
  });

  it('speaks English with --lang en and gives JSON with --json', async () => {
    const path = brokenFile();
    expect((await run('--lang', 'en', 'event', 'validate', path)).err).toContain('weights total 105, must be 100');
    const json = await run('event', 'validate', path, '--json');
    const parsed = JSON.parse(json.err) as { ok: boolean; issues: { path: unknown[] }[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.issues).toHaveLength(3);
  });

  it('names a file that is not JSON or does not exist', async () => {
    const notJson = join(tmp.dir, 'bukan.json');
    writeFileSync(notJson, 'Kategori;Nominasi\nUKM;La Moringa');
    expect((await run('event', 'validate', notJson)).err).toContain(`Berkas ${notJson} bukan JSON yang sah`);
    const missing = join(tmp.dir, 'tidak-ada.json');
    const result = await run('event', 'validate', missing);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`Berkas ${missing} tidak dapat dibaca`);
  });

  it('works as the installed command: npx timbang (exit codes 0 and 1)', () => {
    const ok = spawnSync('npx', ['timbang', 'event', 'validate', DEMO_EVENT_PATH], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('40 nominasi');
    const help = spawnSync('npx', ['timbang', '--help'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: timbang');
    const broken = spawnSync('npx', ['timbang', 'event', 'validate', brokenFile()], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(broken.status).toBe(1);
  });
});
