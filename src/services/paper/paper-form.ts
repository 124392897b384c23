/**
 * The paper Lembar Penilaian Juri as data: one form per juror × round × category, with its form number and
 * the checksum of its layout. The printed form (paper-form-html.ts), the keying screens and the paper sheet
 * (paper-sheet.ts) all start from this one layout, so what is keyed is matched to exactly what was printed.
 *
 * The form number names the juror, the round and the category ("LPJ-J3-1-03": juror J3, round 1, the third
 * category of the event). The checksum ("7F3A-91C2") is the first 32 bits of SHA-256 over the canonical JSON
 * of everything the layout is made of: the event id, the juror, round and category, the nominees in their
 * printed order, the rows crossed out for a conflict of interest, and each criterion's code, weight and scale.
 * The package revision is printed beside it but is not part of it: every enrolment raises the revision
 * without changing a single row, and a form printed before must still be keyed. A layout that did change
 * (a shortlist issued, a nominee added, a criterion reweighted) gives another checksum, and a form printed
 * before the change is refused when keyed.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../api/errors.ts';
import type { Bilingual, Criterion, Event, JurorRole } from '../../core/model.ts';
import { roundNominees } from '../../core/scoring.ts';
import { isAssigned } from '../../core/quorum.ts';
import { canonicalJson } from '../keys/signing.ts';
import { sectionMessages } from '../../core/messages/attendance.ts';
import { paperMessages } from '../../core/messages/paper.ts';

export const FORM_PREFIX = 'LPJ';

export interface PaperFormNominee {
  id: string;
  /** As printed and signed: with † for a demo nominee that does not exist. */
  name: string;
  region: string;
  /** The reason this juror does not score the nominee (from the event); null otherwise. */
  conflict: string | null;
}

export interface PaperFormLayout {
  formNumber: string;
  checksum: string;
  eventId: string;
  eventName: string;
  place: string;
  /** The package revision the form was printed from (for the record; not in the checksum). */
  packageRevision: number;
  juror: { id: string; role: JurorRole; title: string; institution: string; name: string | null };
  round: { id: string; order: number; name: Bilingual; interview: boolean };
  category: { id: string; name: Bilingual };
  criteria: Criterion[];
  nominees: PaperFormNominee[];
  /** Whether any nominee is a demo one: the form then says these are not real nominees. */
  demo: boolean;
}

/** The section a form covers. */
export interface FormSection {
  jurorId: string;
  roundId: string;
  categoryId: string;
}

/** "LPJ-J3-1-03": the juror's id, the round's order and the category's place in the event (from 1). */
export function formNumber(event: Event, { jurorId, roundId, categoryId }: FormSection): string {
  const round = event.rounds.find((r) => r.id === roundId);
  const index = event.categories.findIndex((c) => c.id === categoryId);
  // Callers pass a section of the event (paperFormLayout checks it first).
  if (!round || index < 0) throw new AppError('internal', paperMessages.noSuchSection({ roundId, categoryId }));
  return `${FORM_PREFIX}-${jurorId}-${round.order}-${String(index + 1).padStart(2, '0')}`;
}

/** A checksum as typed (spaces, dashes, any case) in the form it is printed: "7F3A-91C2". */
export function normalChecksum(typed: string): string {
  const hex = typed.replace(/[\s-]/g, '').toUpperCase();
  return hex.length === 8 ? `${hex.slice(0, 4)}-${hex.slice(4)}` : hex;
}

/** A form number as typed: trimmed, upper case ("lpj-j3-1-03" is the same form). */
const normalNumber = (typed: string) => typed.trim().toUpperCase();

export function layoutChecksum(
  layout: Pick<PaperFormLayout, 'eventId' | 'juror' | 'round' | 'category' | 'criteria' | 'nominees'>,
): string {
  const digest = createHash('sha256')
    .update(
      canonicalJson({
        eventId: layout.eventId,
        jurorId: layout.juror.id,
        roundId: layout.round.id,
        categoryId: layout.category.id,
        nominees: layout.nominees.map((n) => n.id),
        crossed: layout.nominees.filter((n) => n.conflict !== null).map((n) => n.id),
        criteria: layout.criteria.map((c) => ({ code: c.code, weight: c.weight, scale: c.scale })),
      }),
    )
    .digest('hex')
    .toUpperCase();
  return `${digest.slice(0, 4)}-${digest.slice(4, 8)}`;
}

/**
 * The form of one juror for one round and category at the event as it is now. Refused, in both languages,
 * for a juror, round or category the event does not have, and for a round still waiting for its shortlist.
 */
export function paperFormLayout(event: Event, packageRevision: number, section: FormSection): PaperFormLayout {
  const juror = event.jurors.find((j) => j.id === section.jurorId);
  const round = event.rounds.find((r) => r.id === section.roundId);
  const category = event.categories.find((c) => c.id === section.categoryId);
  if (!juror) throw new AppError('not-found', sectionMessages.jurorNotInEvent({ jurorId: section.jurorId }));
  if (!round) throw new AppError('not-found', sectionMessages.roundNotInEvent({ roundId: section.roundId }));
  if (!category || !round.categoryIds.includes(category.id)) {
    throw new AppError('not-found', sectionMessages.categoryNotInRound({ categoryId: section.categoryId, roundName: round.name }));
  }
  const nominees = roundNominees(event, round, category.id);
  if (nominees === null) {
    throw new AppError('incomplete', paperMessages.roundNotOpenYet({ roundName: round.name, categoryName: category.name }));
  }
  // Issue 16: a juror gets a form only for a section they are assigned (Penugasan); a sheet keyed elsewhere would be refused.
  if (!isAssigned(event, juror.id, round.id, category.id)) {
    throw new AppError(
      'forbidden',
      paperMessages.jurorNotAssigned({ jurorId: juror.id, roundName: round.name, categoryName: category.name }),
    );
  }
  const conflicts = new Map(event.conflicts.filter((c) => c.jurorId === juror.id).map((c) => [c.nomineeId, c.reason]));
  const layout = {
    eventId: event.id,
    eventName: event.name,
    place: event.place,
    packageRevision,
    juror: { id: juror.id, role: juror.role, title: juror.title, institution: juror.institution, name: juror.name?.trim() || null },
    round: { id: round.id, order: round.order, name: round.name, interview: round.interview !== undefined },
    category: { id: category.id, name: category.name },
    criteria: event.criteria.filter((c) => c.roundId === round.id && c.categoryIds.includes(category.id)),
    nominees: nominees.map((n) => ({
      id: n.id,
      name: n.fictional ? `${n.name}†` : n.name,
      region: n.region,
      conflict: conflicts.get(n.id) ?? null,
    })),
    demo: event.nominees.some((n) => n.fictional),
  };
  return { ...layout, formNumber: formNumber(event, section), checksum: layoutChecksum(layout) };
}

/** Every form the event has now: each juror × each round × each of its categories that is open. */
export function paperForms(event: Event, packageRevision: number): PaperFormLayout[] {
  const rounds = [...event.rounds].sort((a, b) => a.order - b.order);
  return event.jurors.flatMap((juror) =>
    rounds.flatMap((round) =>
      event.categories
        .filter(
          (c) =>
            round.categoryIds.includes(c.id) && roundNominees(event, round, c.id) !== null && isAssigned(event, juror.id, round.id, c.id),
        )
        .map((c) => paperFormLayout(event, packageRevision, { jurorId: juror.id, roundId: round.id, categoryId: c.id })),
    ),
  );
}

/**
 * The form a keyed form number and checksum name, checked against the event as it is now: refused when
 * no form has that number, or when its layout has changed since it was printed (the checksum differs).
 */
export function findPaperForm(event: Event, packageRevision: number, typedNumber: string, typedChecksum: string): PaperFormLayout {
  const wanted = normalNumber(typedNumber);
  const form = paperForms(event, packageRevision).find((f) => f.formNumber.toUpperCase() === wanted);
  if (!form) {
    throw new AppError('not-found', paperMessages.noSuchFormNumber({ typedNumber: typedNumber.trim(), prefix: FORM_PREFIX }));
  }
  const checksum = normalChecksum(typedChecksum);
  if (checksum !== form.checksum) {
    throw new AppError(
      'conflict',
      paperMessages.checksumMismatch({ formNumber: form.formNumber, typed: checksum, expected: form.checksum }),
      {
        expected: form.checksum,
        typed: checksum,
      },
    );
  }
  return form;
}

/** "Seleksi Administrasi · Usaha Kecil Mikro" in the reader's language. */
export function sectionName(layout: Pick<PaperFormLayout, 'round' | 'category'>, lang: keyof Bilingual): string {
  return `${layout.round.name[lang]} · ${layout.category.name[lang]}`;
}
