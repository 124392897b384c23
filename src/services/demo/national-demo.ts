/**
 * A national-scale demo, made to measure (`timbang demo --nominees 2000 --jurors 15 --criteria 12`): the
 * NTT demo's categories, rounds and merge settings, grown to any number of fictional nominees, jurors and
 * criteria per round, with seeded marks. Every nominee is scored in both rounds (no shortlist), so the
 * national fixture is 2,000 nominees × 12 criteria × 2 rounds per juror: 48,000 marks a sheet.
 *
 * Deterministic: the same sizes and seed give the same event and the same marks on every machine (the
 * keys and timestamps of the files differ; the results hash does not).
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { AppError } from '../../api/errors.ts';
import { compositeKey } from '../../core/composite-key.ts';
import { demoMessages } from '../../core/messages/demo.ts';
import type { Criterion, Event, Juror } from '../../core/model.ts';
import type { MergeMark } from '../../core/merge.ts';
import { validateEvent } from '../../core/validate-event.ts';
import { demoMark } from './demo-scores.ts';

export interface NationalSize {
  nominees: number;
  jurors: number;
  /** Criteria per round (each serving every category). */
  criteria: number;
}

/** The figures of the national fixture in issue 18: 15 sheets × 2,000 nominees × 12 criteria × 2 rounds. */
export const NATIONAL: NationalSize = { nominees: 2000, jurors: 15, criteria: 12 };
/** The seed of the national demo when none is given. */
export const NATIONAL_SEED = 1;

export const LIMITS = { nominees: [1, 20_000], jurors: [1, 60], criteria: [1, 50] } as const;

/** Weights summing to 100: equal whole shares, the rest on the last criterion. */
function weights(count: number): number[] {
  const share = Math.floor(100 / count);
  return Array.from({ length: count }, (_, i) => (i < count - 1 ? share : 100 - share * (count - 1)));
}

const LEVELS = [
  demoMessages.levelNotYet(),
  demoMessages.levelPlanned(),
  demoMessages.levelPartly(),
  demoMessages.levelFully(),
  demoMessages.levelEvaluated(),
];

/** The NTT demo event grown to national size: same categories, rounds (without a shortlist) and merge settings. */
export function nationalEvent(base: Event, size: NationalSize): Event {
  for (const [name, [min, max]] of Object.entries(LIMITS)) {
    const value = size[name as keyof NationalSize];
    if (!Number.isInteger(value) || value < min || value > max)
      throw new AppError('invalid-input', demoMessages.sizeOutOfRange({ name, min, max, value }));
  }
  const categoryIds = base.categories.map((c) => c.id);
  const rounds = [...base.rounds].sort((a, b) => a.order - b.order).map((r) => ({ ...r, categoryIds, shortlistSize: null }));
  const rubric = LEVELS.map((text, i) => ({ score: i + 1, text }));
  const criteria: Criterion[] = rounds.flatMap((round, r) => {
    const prefix = r === 0 ? 'A' : r === 1 ? 'W' : `R${round.order}-`;
    return weights(size.criteria).map((weight, i) => ({
      code: `${prefix}${i + 1}`,
      roundId: round.id,
      categoryIds,
      label: demoMessages.criterionLabel({ round: round.name, number: i + 1 }),
      weight,
      scale: { min: 1, max: 5, step: 1 },
      rubric,
    }));
  });
  const digits = String(size.nominees).length;
  const nominees = Array.from({ length: size.nominees }, (_, i) => ({
    id: `n-${String(i + 1).padStart(Math.max(5, digits), '0')}`,
    categoryId: categoryIds[i % categoryIds.length],
    name: `Nominasi Nasional ${i + 1}`,
    region: `Provinsi ${(i % 38) + 1}`,
    fictional: true,
    attributes: {},
  }));
  const jurors: Juror[] = Array.from({ length: size.jurors }, (_, i) => ({
    id: `J${i + 1}`,
    role: i === 0 ? 'ketua' : i === 1 ? 'sekretaris' : 'anggota',
    title: `Juri Nasional ${i + 1}`,
    institution: 'Kementerian / Lembaga (demo)',
  }));
  // A few conflicts of interest, spread over jurors and categories, as a real panel has.
  const conflicts = nominees
    .filter((_, i) => i % 97 === 13)
    .map((n, k) => ({ jurorId: jurors[k % jurors.length].id, nomineeId: n.id, reason: 'Pernah menjadi pembina nominasi ini (demo)' }));
  const event: Event = {
    ...structuredClone(base),
    id: 'paritrana-nasional-demo',
    name: 'Paritrana Award Tingkat Nasional (demo skala nasional)',
    place: 'Jakarta',
    categories: structuredClone(base.categories),
    rounds,
    criteria,
    nominees,
    jurors,
    conflicts,
  };
  delete event.shortlists;
  // Issue 17: the provincial demo's figures and documents name its own nominees, not these.
  delete event.figures;
  delete event.documents;
  const checked = validateEvent(event);
  if (!checked.ok)
    throw new AppError('internal', demoMessages.nationalEventInvalid({ issues: JSON.stringify(checked.issues.slice(0, 3)) }));
  return checked.event;
}

/**
 * Seeded marks: each nominee has a quality, each juror a leniency, each mark some noise, rounded to the
 * scale. Each juror draws from their own generator, so one juror's marks do not depend on the others'.
 */
export function nationalMarks(event: Event, seed: number): MergeMark[] {
  const qualityRng = xoroshiro128plus(seed);
  const quality = new Map(event.nominees.map((n) => [n.id, 1.4 + 3.4 * uniformFloat64(qualityRng)]));
  const conflicted = new Set(event.conflicts.map((c) => compositeKey(c.jurorId, c.nomineeId)));
  const rounds = [...event.rounds].sort((a, b) => a.order - b.order);
  const marks: MergeMark[] = [];
  event.jurors.forEach((juror, j) => {
    const rng = xoroshiro128plus((seed * 7919 + (j + 1) * 104_729) | 0);
    const draw = () => uniformFloat64(rng) * 2 - 1;
    const leniency = draw() * 0.4;
    for (const round of rounds) {
      const criteria = event.criteria.filter((c) => c.roundId === round.id);
      for (const nominee of event.nominees) {
        if (!round.categoryIds.includes(nominee.categoryId) || conflicted.has(compositeKey(juror.id, nominee.id))) continue;
        for (const criterion of criteria) {
          if (!criterion.categoryIds.includes(nominee.categoryId)) continue;
          marks.push(demoMark(juror.id, round.id, nominee.id, criterion, quality.get(nominee.id)! + leniency + draw() * 0.9));
        }
      }
    }
  });
  return marks;
}
