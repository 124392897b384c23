/**
 * Validation of an event document: first its structure (zod), then the rules that tie its parts together.
 * Every problem is reported, not just the first, each with a readable place ("Babak Wawancara, kategori UKM")
 * and a message in Bahasa Indonesia and English, so the secretariat can fix a whole file in one pass.
 */
import { compositeKey } from './composite-key.ts';
import { eventCollectionNames, eventFieldNames, eventMessages, eventPlaces } from './messages/event.ts';
import { Event, type Bilingual } from './model.ts';
import { formulaStart, formulaStartMessage } from './spreadsheet-text.ts';
import { bilingualIssues } from './zod-messages.ts';

export interface ValidationIssue {
  /** Machine path into the document, e.g. ["criteria", 3, "weight"]. */
  path: (string | number)[];
  /** For a problem of several values together (weights that do not sum to 100): the path of each value. */
  related?: (string | number)[][];
  /** The same place for people, e.g. "Kriteria W3 › weight" / "Criterion W3 › weight". */
  where: Bilingual;
  message: Bilingual;
}

export type EventValidation = { ok: true; event: Event; issues: [] } | { ok: false; issues: ValidationIssue[] };

/** One line per issue, in the chosen language: "Kriteria W3 › weight: harus ≤ 100". */
export function formatIssue(issue: ValidationIssue, lang: keyof Bilingual = 'id'): string {
  return issue.where[lang] ? `${issue.where[lang]}: ${issue.message[lang]}` : issue.message[lang];
}

/** Every issue on a line of its own, in each language: for a message that lists them all. */
export function issueLines(issues: readonly ValidationIssue[]): { id: string[]; en: string[] } {
  return { id: issues.map((issue) => formatIssue(issue, 'id')), en: issues.map((issue) => formatIssue(issue, 'en')) };
}

export function validateEvent(input: unknown): EventValidation {
  const parsed = Event.safeParse(input);
  const formulas = formulaLikeText(input);
  if (!parsed.success) {
    const structural = bilingualIssues(Event, input).map((issue) => ({ ...issue, where: describePath(input, issue.path) }));
    // An id such as "=x" is already refused as no id; one finding per value is enough.
    const reported = new Set(structural.map((issue) => compositeKey(...issue.path)));
    return { ok: false, issues: [...structural, ...formulas.filter((issue) => !reported.has(compositeKey(...issue.path)))] };
  }
  const issues = [...formulas, ...checkConsistency(parsed.data)];
  return issues.length === 0 ? { ok: true, event: parsed.data, issues: [] } : { ok: false, issues };
}

/** The event model is no deeper than this (criteria › 3 › rubric › 2 › text › id); a hostile document may be. */
const MAX_TEXT_DEPTH = 8;

/**
 * Every text of the document, as given (before zod trims it), that a spreadsheet could take for a formula:
 * names, places, labels, rubric texts, reasons, nominee attributes and their names. Ids, dates and choices
 * cannot start that way, so every string is checked, and a text field added to the model later is too.
 */
function formulaLikeText(input: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const visit = (node: unknown, path: (string | number)[]): void => {
    if (typeof node === 'string') {
      const start = formulaStart(node);
      if (start) issues.push({ path, where: describePath(input, path), message: formulaStartMessage(start) });
      return;
    }
    if (path.length >= MAX_TEXT_DEPTH) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, [...path, i]));
      return;
    }
    if (!isRecord(node)) return;
    for (const [key, value] of Object.entries(node)) {
      // An attribute's name is a column heading of the template: it is text a person typed, too.
      const start = path.at(-1) === 'attributes' ? formulaStart(key) : undefined;
      if (start) {
        const message = formulaStartMessage(start);
        issues.push({
          path: [...path, key],
          where: describePath(input, path),
          message: eventMessages.attributeName({ key, problem: message }),
        });
      }
      visit(value, [...path, key]);
    }
  };
  visit(input, []);
  return issues;
}

const COLLECTION_NAMES: Record<string, Bilingual> = Object.fromEntries(
  Object.entries(eventCollectionNames).map(([key, name]) => [key, name()]),
);

/** The fields people fill in, named as the template and the form name them (any other key is shown as it is). */
const FIELD_NAMES: Record<string, Bilingual> = Object.fromEntries(Object.entries(eventFieldNames).map(([key, name]) => [key, name()]));

/** The fields that hold a text in both languages ({id, en}); elsewhere "id" is an item's identifier. */
const BILINGUAL_FIELDS = new Set<PropertyKey>(['name', 'label', 'text']);

/** The two languages of a bilingual text, named as the template's columns name them: "nama (Indonesia)". */
const LANGUAGE_NAMES: Record<string, Bilingual> = { id: eventPlaces.indonesian(), en: eventPlaces.english() };

/** Turns ["criteria", 3, "weight"] into "Kriteria W3 › bobot", using the item's own id where it has one. */
function describePath(input: unknown, path: readonly PropertyKey[]): Bilingual {
  const parts: Bilingual[] = [];
  let node: unknown = input;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key as string] : undefined;
    const collection = typeof key === 'string' ? COLLECTION_NAMES[key] : undefined;
    const language = typeof key === 'string' && isRecord(node) && BILINGUAL_FIELDS.has(path[i - 1]) ? LANGUAGE_NAMES[key] : undefined;
    if (language) {
      // ["categories", 0, "name", "en"] → "Kategori ukm › nama (English)".
      const field = parts.pop()!;
      parts.push(eventPlaces.inLanguage({ field, language }));
      node = next;
    } else if (key === 'rubric' && typeof path[i + 1] === 'number') {
      // A rubric level by its score, as the sheet shows it: "rubrik skor 3".
      const index = path[i + 1] as number;
      const level = Array.isArray(next) ? next[index] : undefined;
      const score = isRecord(level) && typeof level.score === 'number' ? String(level.score) : `#${index + 1}`;
      parts.push(eventPlaces.rubricScore({ score }));
      node = level;
      i++;
    } else if (collection && typeof path[i + 1] === 'number') {
      const index = path[i + 1] as number;
      const item = Array.isArray(next) ? next[index] : undefined;
      const label = itemLabel(item) ?? `#${index + 1}`;
      parts.push(eventPlaces.item({ collection, label }));
      node = item;
      i++;
    } else if (i === 0 && key === 'name') {
      parts.push(eventPlaces.eventName());
      node = next;
    } else {
      parts.push(typeof key === 'string' && Object.hasOwn(FIELD_NAMES, key) ? FIELD_NAMES[key] : eventPlaces.unnamed({ key: String(key) }));
      node = next;
    }
  }
  return eventPlaces.path({ parts });
}

function itemLabel(item: unknown): string | undefined {
  if (!isRecord(item)) return undefined;
  for (const key of ['id', 'code']) if (typeof item[key] === 'string' && item[key]) return item[key] as string;
  if (typeof item.jurorId === 'string' && typeof item.nomineeId === 'string') return `${item.jurorId}–${item.nomineeId}`;
  if (typeof item.jurorId === 'string' && typeof item.roundId === 'string' && typeof item.categoryId === 'string')
    return `${item.jurorId}–${item.roundId}–${item.categoryId}`;
  if (typeof item.nomineeId === 'string' && typeof item.fileName === 'string') return `${item.nomineeId} › ${item.fileName}`;
  if (typeof item.nomineeId === 'string' && isRecord(item.label) && typeof item.label.id === 'string')
    return `${item.nomineeId} › ${item.label.id}`;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Weights are decimals typed by people; compare sums at a hundredth of a point. */
const sameWeight = (a: number, b: number) => Math.abs(a - b) < 0.005;

/** Issue 17: a document the package may bundle: PDF, JPG or PNG, a plain file name (no folder, no path tricks). */
export const DOCUMENT_FILE_NAME = /^(?!\.)[^/\\:*?"<>|\u0000-\u001f]+\.(pdf|jpe?g|png)$/i;

function checkConsistency(event: Event): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: (string | number)[], where: Bilingual, message: Bilingual, related?: (string | number)[][]) =>
    issues.push(related ? { path, where, message, related } : { path, where, message });
  const at = (collection: keyof typeof COLLECTION_NAMES, label: string): Bilingual =>
    eventPlaces.item({ collection: COLLECTION_NAMES[collection], label });

  const categoryIds = new Set(event.categories.map((c) => c.id));
  const roundsById = new Map(event.rounds.map((r) => [r.id, r]));
  const nomineeIds = new Set(event.nominees.map((n) => n.id));
  const jurorIds = new Set(event.jurors.map((j) => j.id));
  const categoryName = (id: string) => event.categories.find((c) => c.id === id)?.name.id ?? id;

  const requireUnique = (collection: keyof typeof COLLECTION_NAMES, keys: string[]) => {
    const seen = new Set<string>();
    keys.forEach((key, index) => {
      if (seen.has(key)) {
        add([collection, index], at(collection, key), eventMessages.idTwice({ key }));
      }
      seen.add(key);
    });
  };
  // Each collection's keys, in the order its issues are listed.
  const keyed: [keyof typeof COLLECTION_NAMES, string[]][] = [
    ['categories', event.categories.map((c) => c.id)],
    ['rounds', event.rounds.map((r) => r.id)],
    ['criteria', event.criteria.map((c) => c.code)],
    ['nominees', event.nominees.map((n) => n.id)],
    ['jurors', event.jurors.map((j) => j.id)],
    ['conflicts', event.conflicts.map((c) => `${c.jurorId}–${c.nomineeId}`)],
  ];
  for (const [collection, keys] of keyed) requireUnique(collection, keys);

  const unknownCategory = (path: (string | number)[], where: Bilingual, id: string) =>
    add(path, where, eventMessages.unknownCategory({ id }));

  // Rounds: distinct order, known categories, weights summing to 100.
  const orders = new Set<number>();
  event.rounds.forEach((round, r) => {
    const where = at('rounds', round.name.id);
    if (orders.has(round.order)) add(['rounds', r, 'order'], where, eventMessages.orderTwice({ order: round.order }));
    orders.add(round.order);
    round.categoryIds.forEach((c, i) => {
      if (!categoryIds.has(c)) unknownCategory(['rounds', r, 'categoryIds', i], where, c);
    });
  });
  const roundWeight = event.rounds.reduce((sum, r) => sum + r.weight, 0);
  if (!sameWeight(roundWeight, 100)) {
    add(
      ['rounds'],
      eventPlaces.allRounds(),
      eventMessages.roundWeightsNotHundred({ total: roundWeight }),
      event.rounds.map((_, r) => ['rounds', r, 'weight']),
    );
  }

  // Criteria: a known round and categories the round covers, and a rubric anchor for every whole level.
  event.criteria.forEach((criterion, c) => {
    const where = at('criteria', criterion.code);
    const round = roundsById.get(criterion.roundId);
    if (!round) add(['criteria', c, 'roundId'], where, eventMessages.unknownRound({ id: criterion.roundId }));
    criterion.categoryIds.forEach((id, i) => {
      if (!categoryIds.has(id)) unknownCategory(['criteria', c, 'categoryIds', i], where, id);
      else if (round && !round.categoryIds.includes(id)) {
        add(['criteria', c, 'categoryIds', i], where, eventMessages.categoryNotInRound({ categoryId: id, round: round.name }));
      }
    });
    const { min, max, step } = criterion.scale;
    if (min >= max) {
      add(['criteria', c, 'scale'], where, eventMessages.scaleBackwards({ min, max }));
      return;
    }
    if (max - min > 10) add(['criteria', c, 'scale'], where, eventMessages.scaleTooWide({ min, max }));
    const stepsInRange = (max - min) / step;
    if (Math.abs(stepsInRange - Math.round(stepsInRange)) > 1e-9 || Math.abs(1 / step - Math.round(1 / step)) > 1e-9) {
      add(['criteria', c, 'scale', 'step'], where, eventMessages.stepUneven({ step, min, max }));
    }
    const levels = max - min + 1;
    const scores = criterion.rubric.map((level) => level.score);
    const expected = Array.from({ length: levels }, (_, i) => min + i);
    if (scores.length !== levels || expected.some((s, i) => scores[i] !== s)) {
      add(['criteria', c, 'rubric'], where, eventMessages.rubricLevels({ scores, min, max, expected }));
    }
  });

  // Each round × category it covers has criteria whose weights sum to 100. Categories sharing the same
  // criteria (Wawancara's W1–W5 serve all eight) are reported once, not once per category.
  for (const round of event.rounds) {
    const groups = new Map<string, { indexes: number[]; categories: string[] }>();
    for (const categoryId of round.categoryIds) {
      if (!categoryIds.has(categoryId)) continue;
      const indexes = event.criteria.flatMap((c, i) => (c.roundId === round.id && c.categoryIds.includes(categoryId) ? [i] : []));
      const key = indexes.join(',');
      groups.set(key, { indexes, categories: [...(groups.get(key)?.categories ?? []), categoryName(categoryId)] });
    }
    for (const { indexes, categories } of groups.values()) {
      const total = indexes.reduce((sum, i) => sum + event.criteria[i].weight, 0);
      const named = categories.length <= 2 ? categories.join(', ') : `${categories[0]}, ${categories[1]} (+${categories.length - 2})`;
      const where = eventPlaces.roundCategories({ round: round.name, categories: named });
      if (indexes.length === 0) add(['criteria'], where, eventMessages.noCriteria());
      else if (!sameWeight(total, 100)) {
        add(
          ['criteria'],
          where,
          eventMessages.weightsNotHundred({ total }),
          indexes.map((i) => ['criteria', i, 'weight']),
        );
      }
    }
  }

  event.nominees.forEach((nominee, n) => {
    if (!categoryIds.has(nominee.categoryId))
      unknownCategory(['nominees', n, 'categoryId'], at('nominees', nominee.id), nominee.categoryId);
  });

  event.conflicts.forEach((conflict, k) => {
    const where = at('conflicts', `${conflict.jurorId}–${conflict.nomineeId}`);
    if (!jurorIds.has(conflict.jurorId)) add(['conflicts', k, 'jurorId'], where, eventMessages.unknownJuror({ id: conflict.jurorId }));
    if (!nomineeIds.has(conflict.nomineeId))
      add(['conflicts', k, 'nomineeId'], where, eventMessages.unknownNominee({ id: conflict.nomineeId }));
  });

  const roleCount = (role: string) => event.jurors.filter((j) => j.role === role).length;
  for (const role of ['ketua', 'sekretaris'] as const) {
    if (roleCount(role) > 1) add(['jurors'], eventPlaces.allJurors(), eventMessages.roleTwice({ role }));
  }

  const merge = event.merge;
  merge.tieBreak.forEach((step, s) => {
    if (step.kind !== 'plenary' && !roundsById.has(step.roundId)) {
      add(['merge', 'tieBreak', s], eventPlaces.tieBreak(), eventMessages.unknownRound({ id: step.roundId }));
    }
  });
  merge.overall?.categoryIds.forEach((id, i) => {
    if (!categoryIds.has(id)) unknownCategory(['merge', 'overall', 'categoryIds', i], eventPlaces.overallRanking(), id);
  });

  const listed = new Set<string>();
  (event.shortlists ?? []).forEach((list, i) => {
    const where = eventPlaces.shortlist({ roundId: list.roundId, categoryId: list.categoryId });
    const round = roundsById.get(list.roundId);
    if (!round || round.shortlistSize === null || !round.categoryIds.includes(list.categoryId)) {
      add(['shortlists', i], where, eventMessages.noShortlistHere());
    }
    if (listed.has(`${list.roundId}/${list.categoryId}`)) add(['shortlists', i], where, eventMessages.shortlistTwice());
    listed.add(`${list.roundId}/${list.categoryId}`);
    for (const id of list.nomineeIds) {
      if (!event.nominees.some((n) => n.id === id && n.categoryId === list.categoryId)) {
        add(['shortlists', i, 'nomineeIds'], where, eventMessages.nomineeNotInCategory({ id }));
      }
    }
  });

  // Issue 16: assignments name a juror, a round and a category of that round, once each.
  const assignedKeys = new Set<string>();
  (event.assignments ?? []).forEach((a, i) => {
    const where = at('assignments', `${a.jurorId}–${a.roundId}–${a.categoryId}`);
    if (!jurorIds.has(a.jurorId)) add(['assignments', i, 'jurorId'], where, eventMessages.unknownJuror({ id: a.jurorId }));
    const round = roundsById.get(a.roundId);
    if (!round) add(['assignments', i, 'roundId'], where, eventMessages.unknownRound({ id: a.roundId }));
    else if (!round.categoryIds.includes(a.categoryId)) {
      add(['assignments', i, 'categoryId'], where, eventMessages.categoryNotInRound({ categoryId: a.categoryId, round: round.name }));
    }
    const key = compositeKey(a.jurorId, a.roundId, a.categoryId);
    if (assignedKeys.has(key)) add(['assignments', i], where, eventMessages.assignmentTwice());
    assignedKeys.add(key);
  });
  // Issue 17: figures and documents belong to a known nominee; a figure informs criteria of its nominee's category.
  // A duplicated nominee id is the one problem to fix: evidence naming nominees is checked once ids are unique.
  const nomineesById = new Map(event.nominees.map((n) => [n.id, n]));
  const evidenceCheckable = nomineesById.size === event.nominees.length;
  (evidenceCheckable ? (event.figures ?? []) : []).forEach((f, i) => {
    const where = at('figures', `${f.nomineeId} › ${f.label.id}`);
    const nominee = nomineesById.get(f.nomineeId);
    if (!nominee) add(['figures', i, 'nomineeId'], where, eventMessages.unknownNominee({ id: f.nomineeId }));
    for (const code of f.criterionCodes ?? []) {
      const criterion = event.criteria.find((c) => c.code === code);
      if (!criterion) add(['figures', i, 'criterionCodes'], where, eventMessages.unknownCriterion({ code }));
      else if (nominee && categoryIds.has(nominee.categoryId) && !criterion.categoryIds.includes(nominee.categoryId)) {
        add(
          ['figures', i, 'criterionCodes'],
          where,
          eventMessages.criterionNotInCategory({ code, category: categoryName(nominee.categoryId) }),
        );
      }
    }
  });
  const documentKeys = new Set<string>();
  (evidenceCheckable ? (event.documents ?? []) : []).forEach((d, i) => {
    const where = at('documents', `${d.nomineeId} › ${d.fileName}`);
    if (!nomineesById.has(d.nomineeId)) add(['documents', i, 'nomineeId'], where, eventMessages.unknownNominee({ id: d.nomineeId }));
    if (!DOCUMENT_FILE_NAME.test(d.fileName)) {
      add(['documents', i, 'fileName'], where, eventMessages.documentFileName());
    }
    const key = compositeKey(d.nomineeId, d.fileName.toLowerCase());
    if (documentKeys.has(key)) add(['documents', i, 'fileName'], where, eventMessages.documentTwice({ fileName: d.fileName }));
    documentKeys.add(key);
  });
  // A quorum no larger than the jury, a share no larger than the whole.
  event.rounds.forEach((round, r) => {
    const quorum = round.quorum;
    if (typeof quorum === 'number' && quorum > event.jurors.length) {
      add(['rounds', r, 'quorum'], at('rounds', round.name.id), eventMessages.quorumAboveJury({ quorum, jurors: event.jurors.length }));
    }
    if (typeof quorum === 'object' && quorum.numerator > quorum.denominator) {
      add(['rounds', r, 'quorum'], at('rounds', round.name.id), eventMessages.quorumShareAboveAll(quorum));
    }
  });
  // A replacement member replaces another juror of the event.
  event.jurors.forEach((juror, k) => {
    if (juror.replaces !== undefined && (juror.replaces === juror.id || !jurorIds.has(juror.replaces))) {
      add(['jurors', k, 'replaces'], at('jurors', juror.id), eventMessages.replacesNoOtherJuror({ replaces: juror.replaces }));
    }
  });

  const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const ranges: [string[], { start: string; end: string } | undefined, Bilingual][] = [
    [['periodAssessed'], event.periodAssessed, eventPlaces.periodAssessed()],
    [['schedule', 'interviews'], event.schedule.interviews, eventPlaces.interviewDates()],
  ];
  for (const [path, range, where] of ranges) {
    if (range && toDay(range.start) > toDay(range.end)) {
      add(path, where, eventMessages.startAfterEnd({ start: range.start, end: range.end }));
    }
  }
  return issues;
}
