import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliberationSummary } from '../../../api/contract.ts';
import type { Event } from '../../../core/model.ts';
import { mutate, useAction } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { pick, scoreText } from '../../i18n/index.ts';

/** The place a nominee holds in its category (issue 16: the category's own places and minimum), or undefined. */
export function heldPlace(result: DeliberationSummary, categoryId: string, nomineeId: string): number | undefined {
  return result.awards.find((a) => a.categoryId === categoryId)?.places.find((p) => p.nomineeIds.includes(nomineeId))?.place;
}

/**
 * Under a category's ranking: how many places it awards and its minimum, the places that stay empty and
 * why, its special awards, and the form on which the plenary names one (or withdraws it).
 */
export function AwardsPanel({ event, result, categoryId }: { event: Event; result: DeliberationSummary; categoryId: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const awards = categoryId === null ? undefined : result.awards.find((a) => a.categoryId === categoryId);
  const special = result.specialAwards.filter((a) => a.categoryId === categoryId);
  const nominees = event.nominees.filter((n) => categoryId === null || n.categoryId === categoryId);
  const nameOf = (id: string) => event.nominees.find((n) => n.id === id)?.name ?? id;
  const vacant = awards?.places.filter((p) => p.vacant !== null && p.vacant !== 'shared') ?? [];
  return (
    <div className="awards" data-awards={categoryId ?? 'event'}>
      {awards && (
        <p className="hint" data-testid={`places-${categoryId}`}>
          {t('shape.awards.places', { count: awards.size })}
          {awards.minimum !== null && ` · ${t('shape.awards.minimum', { score: scoreText(awards.minimum, lang) })}`}
        </p>
      )}
      {vacant.map((p) => (
        <p key={p.place} className="notice notice-warning" data-vacant={p.place}>
          {t('shape.awards.vacant', { place: p.place })} —{' '}
          {t(`shape.awards.vacancy.${p.vacant}`, { score: awards?.minimum === null || !awards ? '' : scoreText(awards.minimum, lang) })}
        </p>
      ))}
      {special.length > 0 && (
        <ul className="special-awards">
          {special.map((a) => (
            <li key={a.name} data-special={a.name}>
              <strong>{a.name}</strong>: {nameOf(a.nomineeId)} — {a.reason}{' '}
              <small>({t('shape.awards.decidedBy', { name: a.decidedBy })})</small>
            </li>
          ))}
        </ul>
      )}
      <SpecialAwardForm
        eventId={event.id}
        categoryId={categoryId}
        nominees={nominees.map((n) => ({
          id: n.id,
          name: n.name,
          category: pick(event.categories.find((c) => c.id === n.categoryId)!.name, lang),
        }))}
        existing={special.map((a) => a.name)}
      />
    </div>
  );
}

function SpecialAwardForm({
  eventId,
  categoryId,
  nominees,
  existing,
}: {
  eventId: string;
  categoryId: string | null;
  nominees: { id: string; name: string; category: string }[];
  existing: string[];
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [nomineeId, setNomineeId] = useState('');
  const [reason, setReason] = useState('');
  const [by, setBy] = useState('');
  const action = useAction();
  const scope = categoryId ?? 'event';
  if (!open)
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {t('shape.awards.add')}
      </button>
    );
  const withdraw = nomineeId === '' && existing.includes(name.trim());
  return (
    <form
      className="inline-form special-award-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const recorded = await action.run(() =>
          mutate('recordSpecialAward', { eventId, categoryId, name, nomineeId: nomineeId || null, reason, decidedBy: by }),
        );
        if (recorded === undefined) return;
        setName('');
        setNomineeId('');
        setReason('');
        setOpen(false);
      }}
    >
      <label>
        {t('shape.awards.name')}
        <input name={`special-name-${scope}`} value={name} list={`special-names-${scope}`} onChange={(e) => setName(e.target.value)} />
      </label>
      <datalist id={`special-names-${scope}`}>
        {existing.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <label>
        {t('shape.awards.nominee')}
        <select name={`special-nominee-${scope}`} value={nomineeId} onChange={(e) => setNomineeId(e.target.value)}>
          <option value="">{t('shape.awards.none')}</option>
          {nominees.map((n) => (
            <option key={n.id} value={n.id}>
              {categoryId === null ? `${n.name} (${n.category})` : n.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('shape.awards.reason')}
        <input name={`special-reason-${scope}`} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <label>
        {t('shape.awards.by')}
        <input name={`special-by-${scope}`} value={by} onChange={(e) => setBy(e.target.value)} />
      </label>
      <button
        type="submit"
        disabled={name.trim().length < 3 || reason.trim().length < 3 || by.trim().length < 2 || (nomineeId === '' && !withdraw)}
      >
        {withdraw ? t('shape.awards.withdraw') : t('shape.awards.record')}
      </button>
      <ErrorNotice error={action.error} />
    </form>
  );
}
