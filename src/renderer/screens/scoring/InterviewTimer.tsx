import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  presentationMinutes: number;
  questionsMinutes: number;
}

type Phase = 'presentation' | 'questions';

/**
 * The interview clock for one nominee: the presentation, then questions and answers, counting down.
 * Time is measured from the wall clock, so a busy laptop never makes it drift.
 */
export function InterviewTimer({ presentationMinutes, questionsMinutes }: Props) {
  const { t } = useTranslation();
  const lengths: Record<Phase, number> = { presentation: presentationMinutes * 60, questions: questionsMinutes * 60 };
  const [phase, setPhase] = useState<Phase>('presentation');
  const [elapsedBefore, setElapsedBefore] = useState(0);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    if (startedAt === null) return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [startedAt]);

  const elapsed = elapsedBefore + (startedAt === null ? 0 : Math.floor((now - startedAt) / 1000));
  const remaining = Math.max(0, lengths[phase] - elapsed);
  useEffect(() => {
    if (remaining > 0 || startedAt === null) return;
    if (phase === 'presentation') {
      setPhase('questions');
      setElapsedBefore(0);
      setStartedAt(Date.now());
    } else {
      setStartedAt(null);
      setElapsedBefore(lengths.questions);
    }
  }, [remaining, phase, startedAt, lengths.questions]);

  const running = startedAt !== null;
  const clock = `${String(Math.floor(remaining / 60)).padStart(2, '0')}:${String(remaining % 60).padStart(2, '0')}`;
  const toggle = () => {
    if (running) {
      setElapsedBefore(elapsed);
      setStartedAt(null);
    } else {
      setNow(Date.now());
      setStartedAt(Date.now());
    }
  };
  const reset = () => {
    setPhase('presentation');
    setElapsedBefore(0);
    setStartedAt(null);
  };

  return (
    <section className={`timer${remaining === 0 ? ' timer-done' : ''}`} aria-label={t('timer.title')}>
      <span className="timer-phase">{t(`timer.${phase}`)}</span>
      <span className="timer-clock" role="timer" aria-live="off" data-testid="timer-clock">{clock}</span>
      {remaining === 0 && <span role="status">{t('timer.over')}</span>}
      <button type="button" onClick={toggle}>{running ? t('timer.pause') : t('timer.start')}</button>
      <button type="button" onClick={reset}>{t('timer.reset')}</button>
    </section>
  );
}
