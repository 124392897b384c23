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
import { demoDeliberations, demoHashes, nationalHashes, rankingsHash, RULES } from '../support/results-hash.ts';

/**
 * Issue 16 put the awards (places per category, empty places, special awards) into the results hash, so
 * every hash below changed on purpose then; the rankings did not: the rankings alone still hash to what
 * they always did (DEMO_RANKINGS, the hashes pinned before issue 16).
 */
const DEMO = {
  mean: 'f1dc67f0fd6f363de93be3f43806e49e96ef7e67612a552073d1a8e7aff3dd52',
  trimmed: '76cdead5eafc50bb62bfdd5124bbf19a4160f2dd251c02bfac4173a1a843defb',
  median: '5b6376a48a9ba46e686d7d04f0ac27b82bc1790d21f9206a03540478847700a8',
  zscore: '0169641377e9d7d2b0709bcd7b0281cdd52038808b6cb2b9e8702d565c17141c',
};

/** The NTT demo's rankings without the awards: the results hashes as pinned before issue 16. */
const DEMO_RANKINGS = {
  mean: '822e6fe4040025342c69770460a008d3b5e8c8b5a7da4a043166f4fa0565bcce',
  trimmed: '1e89ca2bb9f416e65837d818d138bf8f5c2fdaf172b141f37f5ce81c33e23be7',
  median: '06f2befc851aa18d84643d323f4262b8ae7783683574d8a6f84c91710d590ee0',
  zscore: 'e3c50963651bb873b194c7cfb2509f8a9b4adeceeda1e436984277052513beec',
};

/** `timbang demo --nominees 200 --jurors 5 --criteria 12` (seed 1). */
const SMALL_NATIONAL = {
  mean: '6821dee064493956aacd81090bd2ee2fe30b05c3958d0d64fee5956b581a87a4',
  trimmed: '02ee8e2744f9634b87f1eb26e168fcdacfd094dd645c55f7f445ac5329fbeb0d',
  median: '92f0d0c4437182dedfc2db440397b1ba2de49fd12e078f09935c4259b5053b5e',
  zscore: '08228be01409df39050a0aff831442b3d2ea0d42b4c958a03323a547191f4103',
};

/** `timbang demo --nominees 2000 --jurors 15 --criteria 12` (seed 1): 720,000 marks less the conflicted ones. */
export const NATIONAL_HASHES = {
  mean: '8e01ffa8ded65727f0576d27ff654242543bdac1dde51eb6ab5295ab8e2e82e1',
  trimmed: '0abf7592e424a6f8c6a0932de88b23ff83c953824380a3ef0f904c04d4e28b91',
  median: '70b2644c339a0a790c0b1d625c763494cb8a0415d2f6e75a6a5b899026a6d4d1',
  zscore: '74014130130b4b1d5b30de117a9823d03e57c849d5e0650ca8de7b09d0f3e59c',
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

  it('the NTT demo gives the pinned hashes under every rule, and its rankings the hashes they always gave', async () => {
    expect(await demoHashes()).toEqual(DEMO);
    const results = await demoDeliberations();
    expect(Object.fromEntries(RULES.map((rule) => [rule, rankingsHash(results[rule])]))).toEqual(DEMO_RANKINGS);
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
