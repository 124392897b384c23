import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Whose interview: each nominee keeps its own clock while the juror looks at another one. */
  clockId: string;
  presentationMinutes: number;
  questionsMinutes: number;
}

/** Seconds run before the last start, and when the clock was last started (null: paused). */
interface Clock {
  elapsedBefore: number;
  startedAt: number | null;
}

const STOPPED: Clock = { elapsedBefore: 0, startedAt: null };
/**
 * Every nominee's clock for as long as the app is open: switching to another nominee (to check a mark,
 * say) neither stops nor resets the interview under way.
 */
const clocks = new Map<string, Clock>();

/**
 * The interview clock for one nominee: the presentation, then questions and answers, counting down.
 * Time is measured from the wall clock, so a busy laptop never makes it drift; the phase follows from
 * the time run, so a presentation that ended while another nominee was on screen has moved on to questions.
 */
export function InterviewTimer({ clockId, presentationMinutes, questionsMinutes }: Props) {
  const { t } = useTranslation();
  const [clock, setClockState] = useState<Clock>(() => clocks.get(clockId) ?? STOPPED);
  const [now, setNow] = useState(Date.now());
  const setClock = (next: Clock) => {
    clocks.set(clockId, next);
    setClockState(next);
  };

  const presentation = presentationMinutes * 60;
  const total = presentation + questionsMinutes * 60;
  const elapsed = Math.min(total, clock.elapsedBefore + (clock.startedAt === null ? 0 : Math.floor((now - clock.startedAt) / 1000)));
  const phase = elapsed < presentation ? 'presentation' : 'questions';
  const remaining = phase === 'presentation' ? presentation - elapsed : total - elapsed;
  const running = clock.startedAt !== null && elapsed < total;

  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [running]);

  const toggle = () => {
    const at = Date.now();
    setNow(at);
    setClock(running ? { elapsedBefore: elapsed, startedAt: null } : { elapsedBefore: elapsed, startedAt: at });
  };
  const text = `${String(Math.floor(remaining / 60)).padStart(2, '0')}:${String(remaining % 60).padStart(2, '0')}`;

  return (
    <section className={`timer${elapsed >= total ? ' timer-done' : ''}`} aria-label={t('timer.title')}>
      <span className="timer-phase">{t(`timer.${phase}`)}</span>
      <span className="timer-clock" role="timer" aria-live="off" data-testid="timer-clock">
        {text}
      </span>
      {elapsed >= total && <span role="status">{t('timer.over')}</span>}
      <button type="button" onClick={toggle} disabled={elapsed >= total}>
        {running ? t('timer.pause') : t('timer.start')}
      </button>
      <button type="button" onClick={() => setClock(STOPPED)}>
        {t('timer.reset')}
      </button>
    </section>
  );
}
