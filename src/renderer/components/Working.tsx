import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Long work under way (a national sheet signed, a report printed, sheets verified): what is being done,
 * n of m when known, and the seconds so far, so the window never looks frozen. Announced politely.
 */
export function Working({ what, done, total }: { what: string; done?: number; total?: number }) {
  const { t } = useTranslation();
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(started);
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(tick);
  }, []);
  const seconds = Math.floor((now - started) / 1000);
  const counted = done !== undefined && total !== undefined;
  return (
    <div className="working" role="status" data-testid="working">
      {counted ? <progress max={total} value={done} /> : <progress />}
      <span>
        {counted ? t('progress.counted', { done, total, what }) : what}
        {seconds > 0 && <small> · {t('progress.seconds', { count: seconds })}</small>}
      </span>
    </div>
  );
}
