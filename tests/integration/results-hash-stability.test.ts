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
 * Issue 16 changed every hash below on purpose, twice. First it put the awards (places per category, empty
 * places, special awards) into the results hash, without moving any ranking. Then the demo itself changed to
 * show the real shape: Pelayanan Kesehatan sets a minimum Nilai Akhir of 75 (so its Terbaik 3 stays empty,
 * in the national demo's categories too, which are the NTT demo's), and juror J7 is absent from UKM's
 * interviews (no marks there: the UKM interview scores, and so the NTT demo's rankings, moved). DEMO_RANKINGS
 * pins the rankings alone, the summary as hashed before issue 16, so a merge change shows there too.
 */
const DEMO = {
  mean: '43bccd01c2feb02a9e27c1dd9dd8b876201d89305aa11787f87c485c0b9b2ee4',
  trimmed: '850975f589a985c38ff5672ab857efbab5cfa8fea2c08909b6815335b4ff80fe',
  median: 'b33adda0c0194aa0efdf34b4bbd1df86eb86ef52911ddb98314dbcdddc649435',
  zscore: '07ada0550ca3442475e6929bd621c318da69ef051dc2054b0d25353593c626b3',
};

/** The NTT demo's rankings alone (the summary without the awards, as hashed before issue 16). */
const DEMO_RANKINGS = {
  mean: '598bcfabea0474ca5566b3b792b4fc9f31967854d8e986e675e1e433aeec17ca',
  trimmed: 'a22727583dd30f6681ce21bae47a14e8cbccecafb9eb3fb5e91c137c0dbda9e9',
  median: '09250d0310d86998510eca71685610f295f7749c23ffd7e9aa6bed146af3d12c',
  zscore: '671beba70db6e47e31a8b336396ed1e403277eab94ea168eeb740ea0f08a173d',
};

/** `timbang demo --nominees 200 --jurors 5 --criteria 12` (seed 1). */
const SMALL_NATIONAL = {
  mean: 'd4e831eae3e2e96a8ab460bd3fbe1d6900fdf555c5b6c18e8998b0e202fa9329',
  trimmed: 'd6392c64b0213aeb5b86aa769ec733dec22ed5355a6bcd1c2c175ff2a9f2a697',
  median: 'f7e785684d6280b84a4dff9a166cef84d521562c7fbd0a06b6dd9d51eefda32d',
  zscore: '7a06aa2a15eac278c2474090c9db0119bd6e9da8b1b531bbd688f54097f6c930',
};

/** `timbang demo --nominees 2000 --jurors 15 --criteria 12` (seed 1): 720,000 marks less the conflicted ones. */
export const NATIONAL_HASHES = {
  mean: 'ac7925d536f0490d95a4f781489cdbe43056ed09712bc47d962ea5ac35425743',
  trimmed: '6b6cd56997c9438ec499d3b55d356d27e361a09eb6f2158345242f07b9497c34',
  median: '8a1cc5ed53c5d0ea05701dab9f4ed017e2ac23884ff6c9d44044d73d5ff2d6c8',
  zscore: '09efb61193b3a2d2c9cb14cb648fac17688318520683b5e1e22cbe781896992c',
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

  it('the NTT demo gives the pinned hashes under every rule, and its rankings alone theirs', async () => {
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
