import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliberationSummary } from '../../../api/contract.ts';
import type { Event, MergeRule } from '../../../core/model.ts';
import { api, mutate, useAction, useQuery } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { MERGE_RULES, MergeRuleSelect } from '../../components/MergeRuleSelect.tsx';
import { saveFileData } from '../../files.ts';
import { markText, pick, scoreText } from '../../i18n/index.ts';
import { NomineeName } from '../../components/NomineeName.tsx';
import { NomineeProtocol } from './NomineeProtocol.tsx';
// Issue 16: each category's own places, empty places and special awards.
import { AwardsPanel, heldPlace } from './AwardsPanel.tsx';
import { PanelChecks } from './PanelChecks.tsx';
import { ReportView } from './ReportView.tsx';

/** Rows of each category painted before the rest (see CategoryResult). */
const FIRST_ROWS = 30;

/** Rankings for the plenary: by the event's rule, or another beside it; agreement, flags, and tie decisions. */
export function ResultsView({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [rule, setRule] = useState<MergeRule>(event.merge.rule);
  const [compare, setCompare] = useState<MergeRule | ''>('');
  const action = useAction();
  // Read again after a decision, a special award or a shortlist, and after sheets come in (INVALIDATES).
  const main = useQuery('deliberation', { eventId: event.id, rule });
  const other = useQuery('deliberation', compare ? { eventId: event.id, rule: compare } : null);

  if (main.status === 'error') return <ErrorNotice error={main.error} />;
  if (main.status !== 'ready') return <p aria-busy="true">{t('start.loading')}</p>;
  const result = main.value;
  const side = other.status === 'ready' ? other.value : null;
  const rounds = [...event.rounds].sort((a, b) => a.order - b.order);
  // With no marks every nominee would stand joint first at 0: nothing to rank, decide or print yet.
  if (result.markCount === 0)
    return (
      <p className="notice" role="status">
        {t('results.noMarks', { used: result.usedSheets, total: result.sheets })}
      </p>
    );
  const gaps = Object.values(result.completeness)
    .flatMap((sections) => Object.values(sections))
    .filter((state) => state !== 'received' && state !== 'excused');
  const gapCount = (state: string) => gaps.filter((g) => g === state).length;

  return (
    <>
      <div className="toolbar">
        <MergeRuleSelect value={rule} onChange={setRule} />
        <label>
          {t('results.compare')}{' '}
          <select value={compare} onChange={(e) => setCompare(e.target.value as MergeRule | '')}>
            <option value="">{t('results.noCompare')}</option>
            {MERGE_RULES.filter((r) => r !== rule).map((r) => (
              <option key={r} value={r}>
                {t(`results.ruleName.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="hint">{t('results.sheetsUsed', { used: result.usedSheets, total: result.sheets })}</span>
        <button
          type="button"
          onClick={async () => {
            const file = await action.run(() => api.exportRekapitulasi({ eventId: event.id, rule }));
            if (file) saveFileData(file);
          }}
        >
          {t('results.download')}
        </button>
      </div>
      <ErrorNotice error={action.error} />
      {gaps.length > 0 && (
        <p className="notice" role="status" data-testid="results-gaps">
          {t('results.gaps', { missing: gapCount('missing'), unfinished: gapCount('unfinished'), conflict: gapCount('conflict') })}
        </p>
      )}
      <p className="hash">
        {t('results.hash')}: <code data-testid="results-hash">{result.resultsHash}</code>
      </p>
      <p className="hint" data-testid="flags-explained">
        {t('results.flagsExplained', { threshold: markText(event.merge.disagreementThreshold, lang) })}
      </p>
      <PanelChecks event={event} rule={rule} />
      <ReportView event={event} rule={rule} />
      {result.categories.map((category) => (
        <CategoryResult
          key={category.id}
          event={event}
          category={category}
          side={side?.categories.find((c) => c.id === category.id)}
          result={result}
          lang={lang}
          rounds={rounds}
        />
      ))}
      {rounds
        .filter((r) => r.shortlistSize !== null && r.order > rounds[0].order)
        .map((round) => (
          <ShortlistPanel
            key={round.id}
            eventId={event.id}
            roundId={round.id}
            roundName={pick(round.name, lang)}
            size={round.shortlistSize!}
          />
        ))}
      <section aria-labelledby="overall-title">
        <h2 id="overall-title">{event.merge.overall ? pick(event.merge.overall.name, lang) : t('results.overall')}</h2>
        <ol className="overall" data-testid="overall">
          {result.overall.map((n) => (
            <li key={n.nomineeId} value={n.rank}>
              <NomineeName nominee={{ name: n.name, fictional: event.nominees.some((x) => x.id === n.nomineeId && x.fictional) }} />{' '}
              <small>({scoreText(n.final, lang)})</small>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="special-title">
        <h2 id="special-title">{t('shape.awards.acrossEvent')}</h2>
        <AwardsPanel event={event} result={result} categoryId={null} />
      </section>
    </>
  );
}

interface CategoryProps {
  event: Event;
  category: DeliberationSummary['categories'][number];
  side: DeliberationSummary['categories'][number] | undefined;
  result: DeliberationSummary;
  lang: string;
  rounds: Event['rounds'];
}

function CategoryResult({ event, category, side, result, lang, rounds }: CategoryProps) {
  const { t } = useTranslation();
  const name = pick(event.categories.find((c) => c.id === category.id)!.name, lang);
  const changes = result.leaveOneOut.filter((l) => l.changes.some((c) => c.categoryId === category.id)).map((l) => l.jurorId);
  const decision = result.decisions.find((d) => d.categoryId === category.id);
  const joint = category.ranking.filter((n) => n.joint);
  // The top of each ranking paints at once; the rest of a national category (hundreds of rows) follows in
  // the background, so the plenary sees the winners without waiting for the last row.
  const top = useMemo(() => category.ranking.slice(0, FIRST_ROWS), [category.ranking]);
  const rows = useDeferredValue(category.ranking, top);
  const [open, setOpen] = useState<string | null>(null);
  // The side-by-side rule's ranks by nominee, not searched for row by row (2,000 nominees at national scale).
  const sideRank = useMemo(() => new Map(side?.ranking.map((n) => [n.nomineeId, n.rank]) ?? []), [side]);
  const fictional = useMemo(() => new Set(event.nominees.filter((n) => n.fictional).map((n) => n.id)), [event]);
  const flagsExplained = t('results.flagsExplained', { threshold: markText(event.merge.disagreementThreshold, lang) });
  return (
    <section className="category" aria-labelledby={`result-${category.id}`} data-result={category.id}>
      <h2 id={`result-${category.id}`}>{name}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('results.rank')}
            </th>
            <th scope="col">{t('event.column.name')}</th>
            {rounds.map((r) => (
              <th key={r.id} scope="col" className="num">
                {pick(r.name, lang)}
              </th>
            ))}
            <th scope="col" className="num">
              {t('results.final')}
            </th>
            {side && (
              <th scope="col" className="num">
                {t('results.otherRank')}
              </th>
            )}
            <th scope="col" className="num" title={flagsExplained}>
              {t('results.flags')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((n) => (
            <tr key={n.nomineeId} data-ranked={n.nomineeId}>
              <td className="num">
                {n.rank}
                {n.joint ? '=' : ''}
                {heldPlace(result, category.id, n.nomineeId)
                  ? ` · ${t('results.terbaik', { rank: heldPlace(result, category.id, n.nomineeId) })}`
                  : ''}
              </td>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  aria-expanded={open === n.nomineeId}
                  onClick={() => setOpen(open === n.nomineeId ? null : n.nomineeId)}
                >
                  <NomineeName nominee={{ name: n.name, fictional: fictional.has(n.nomineeId) }} />
                </button>
              </th>
              {rounds.map((r) => (
                <td key={r.id} className="num">
                  {scoreText(n.rounds[r.id], lang)}
                </td>
              ))}
              <td className="num">
                <strong>{scoreText(n.final, lang)}</strong>
              </td>
              {side && <td className="num">{sideRank.get(n.nomineeId) ?? '—'}</td>}
              <td className="num">{result.flagCounts[n.nomineeId] || ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* The nominee's marks and flags are fetched when opened: the rankings never wait for 720,000 marks. */}
      {open && <NomineeProtocol event={event} result={result} nomineeId={open} />}
      <p className="hint">
        {result.agreement
          .filter((a) => a.categoryId === category.id)
          .map((a) =>
            t('results.agreement', {
              round: pick(event.rounds.find((r) => r.id === a.roundId)!.name, lang),
              w: scoreText(a.w, lang),
              jurors: a.jurors,
            }),
          )
          .join(' · ')}
        {' · '}
        {changes.length ? t('results.looChanges', { jurors: changes.join(', ') }) : t('results.looStable')}
      </p>
      <AwardsPanel event={event} result={result} categoryId={category.id} />
      {decision && (
        <p className="notice" data-testid={`decision-${category.id}`}>
          {t('results.decision', { text: decision.text, by: decision.decidedBy })}
        </p>
      )}
      {joint.length > 1 && <DecisionForm eventId={event.id} categoryId={category.id} tied={joint} />}
    </section>
  );
}

function DecisionForm({ eventId, categoryId, tied }: { eventId: string; categoryId: string; tied: { nomineeId: string; name: string }[] }) {
  const { t } = useTranslation();
  const [first, setFirst] = useState(tied[0].nomineeId);
  const [text, setText] = useState('');
  const [by, setBy] = useState('');
  const action = useAction();
  return (
    <form
      className="decision-form"
      onSubmit={(e) => {
        e.preventDefault();
        const order = [first, ...tied.map((n) => n.nomineeId).filter((id) => id !== first)];
        void action.run(() => mutate('recordDecision', { eventId, categoryId, nomineeIds: order, text, decidedBy: by }));
      }}
    >
      <fieldset>
        <legend>{t('results.tieTitle')}</legend>
        {tied.map((n) => (
          <label key={n.nomineeId}>
            <input type="radio" name={`first-${categoryId}`} checked={first === n.nomineeId} onChange={() => setFirst(n.nomineeId)} />
            {t('results.tieFirst', { name: n.name })}
          </label>
        ))}
        <label>
          {t('results.tieText')}
          <input value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <label>
          {t('results.tieBy')}
          <input value={by} onChange={(e) => setBy(e.target.value)} />
        </label>
        <button type="submit" disabled={text.trim().length < 3 || by.trim().length < 2}>
          {t('results.tieRecord')}
        </button>
      </fieldset>
      <ErrorNotice error={action.error} />
    </form>
  );
}

/** After a round: the top N per category go on; issuing it makes the package revision that opens the next round. */
function ShortlistPanel({ eventId, roundId, roundName, size }: { eventId: string; roundId: string; roundName: string; size: number }) {
  const { t } = useTranslation();
  const [count, setCount] = useState(String(size));
  const [issued, setIssued] = useState<number | null>(null);
  const action = useAction();
  return (
    <section className="panel" aria-labelledby={`shortlist-${roundId}`}>
      <h2 id={`shortlist-${roundId}`}>{t('results.shortlistTitle', { round: roundName })}</h2>
      <form
        className="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          // A new package revision: the header says which (INVALIDATES.issueShortlist reads the event again).
          const result = await action.run(() => mutate('issueShortlist', { eventId, roundId, size: Number(count) }));
          if (result) setIssued(result.revision);
        }}
      >
        <label>
          {t('results.shortlistSize')}
          <input type="number" min={1} value={count} onChange={(e) => setCount(e.target.value)} />
        </label>
        <button type="submit">{t('results.shortlistIssue')}</button>
        {issued !== null && <span role="status">{t('results.shortlistIssued', { revision: issued })}</span>}
      </form>
      <ErrorNotice error={action.error} />
    </section>
  );
}
