/**
 * The results hash the Berita Acara prints must not change when the merge is made faster: the same sheets
 * give the same rankings to the last printed digit. These hashes were computed with the merge as it stood
 * before the national-scale work of issue 18 (commit 0fdda28, 17 merges per deliberation), and pin it: the
 * NTT demo under every rule, a small national demo through real files and the CLI, and the national
 * fixture (2,000 nominees × 15 jurors × 12 criteria × 2 rounds, seed 1) under every rule.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { NATIONAL } from '../../src/services/demo/national-demo.ts';
import { tempDir } from '../support/demo.ts';
import { demoHashes, nationalHashes, RULES } from '../support/results-hash.ts';

const DEMO = {
  mean: '822e6fe4040025342c69770460a008d3b5e8c8b5a7da4a043166f4fa0565bcce',
  trimmed: '1e89ca2bb9f416e65837d818d138bf8f5c2fdaf172b141f37f5ce81c33e23be7',
  median: '06f2befc851aa18d84643d323f4262b8ae7783683574d8a6f84c91710d590ee0',
  zscore: 'e3c50963651bb873b194c7cfb2509f8a9b4adeceeda1e436984277052513beec',
};

/** `timbang demo --nominees 200 --jurors 5 --criteria 12` (seed 1). */
const SMALL_NATIONAL = {
  mean: 'a0e89babb246966d19a0a853108619693f8b7d96f5df3141db19368741499d0f',
  trimmed: 'a341a2be125e4d55582a50d078ca0b8d1b76590f317689b9b7fcd57e25286849',
  median: '1a37b725db42d2d2ebdbc8737d13b385a8f7359d0999b25b7e262a20f8ac7462',
  zscore: '8755698d9667805113ac0b4f9e7f0599d4d43a21ce462267a676187f204589e9',
};

/** `timbang demo --nominees 2000 --jurors 15 --criteria 12` (seed 1): 720,000 marks less the conflicted ones. */
export const NATIONAL_HASHES = {
  mean: 'fc602e5a1c52700ac9c703f585fc26dbd13a8d8b4693780e210559b3e5f5db8b',
  trimmed: 'ad1cd80d0b97bdb00311503a98fa871f17a4c7e595784872a55e0b19e7375d86',
  median: 'de420e7593453208bb8abd07f7da3e0ffaee4d29dedfd8d451ce30524b57add8',
  zscore: 'd7e07d462406c6c245dfca946087db84e9f1d3322aa6a22ff03857753d06d813',
};

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('results hash stability', () => {
  const tmp = tempDir('timbang-hash-');
  afterAll(() => tmp.remove());

  it('the NTT demo gives the hashes it always gave, under every rule', async () => {
    expect(await demoHashes()).toEqual(DEMO);
  });

  it('a small national demo, written and merged by the CLI, gives the pinned hash under every rule', { timeout: 120_000 }, async () => {
    const out = join(tmp.dir, 'kecil');
    const made = await run('demo', '--out', out, '--nominees', '200', '--jurors', '5', '--criteria', '12');
    expect(made.code, made.err).toBe(0);
    const sheets = readdirSync(join(out, 'sheets')).map((f) => join(out, 'sheets', f));
    expect(sheets).toHaveLength(5);
    for (const rule of RULES) {
      const merged = await run('merge', '--event', join(out, 'event.timbang'), ...sheets, '--rule', rule, '--json');
      expect(merged.code, merged.err).toBe(0);
      const result = JSON.parse(merged.out) as { resultsHash: string; usedSheets: number };
      expect(result.usedSheets).toBe(5);
      expect({ rule, hash: result.resultsHash }).toEqual({ rule, hash: SMALL_NATIONAL[rule] });
    }
  });

  it('the national fixture gives the pinned hash under every rule', { timeout: 600_000 }, () => {
    expect(nationalHashes(NATIONAL, RULES)).toEqual(NATIONAL_HASHES);
  });
});
