import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event, MergeRule } from '../../../core/model.ts';
import { api, useAction } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Working } from '../../components/Working.tsx';
import { saveFileData } from '../../files.ts';
import { LANGUAGES, type Language } from '../../i18n/index.ts';

/**
 * The print preview of the deliberation report (Rekapitulasi and Berita Acara): the same HTML that is
 * printed, shown in a shadow root with its own stylesheet (the page's CSP allows no inline style, a
 * constructed stylesheet is not inline), with Save PDF and Print going through the API.
 */
export function ReportView({ event, rule }: { event: Event; rule: MergeRule }) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<Language>(i18n.language === 'en' ? 'en' : 'id');
  const [shown, setShown] = useState(false);
  const action = useAction();
  const busy = action.label;
  const [previewing, setPreviewing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!shown || !host.current) return;
    let current = true;
    setPreviewing(true);
    api.reportHtml({ eventId: event.id, rule, lang }).then(
      ({ html }) => {
        if (current) setPreviewing(false);
        if (!current || !host.current) return;
        const document = new DOMParser().parseFromString(html, 'text/html');
        const sheet = new CSSStyleSheet();
        sheet.replaceSync([...document.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n'));
        const root = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
        root.adoptedStyleSheets = [sheet];
        root.innerHTML = document.body.innerHTML;
      },
      (failure: unknown) => {
        setPreviewing(false);
        action.fail(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [shown, event.id, rule, lang, action.fail]);

  /** One printing at a time; the buttons stay focusable (aria-disabled) so the keyboard is not dropped. */
  const run = async (what: string, work: () => Promise<string>) => {
    if (action.busy) return;
    setNotice(null);
    setNotice((await action.run(work, what)) ?? null);
  };

  return (
    <section className="panel" aria-labelledby="report-title">
      <h2 id="report-title">{t('report.title')}</h2>
      <div className="actions">
        <label>
          {t('report.language')}{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l === 'id' ? 'Bahasa Indonesia' : 'English'}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setShown(!shown)} aria-expanded={shown}>
          {shown ? t('report.hidePreview') : t('report.preview')}
        </button>
        <button
          type="button"
          className="primary"
          aria-disabled={busy !== null || undefined}
          onClick={() =>
            run(t('progress.buildingPdf'), async () => {
              const file = await api.reportPdf({ eventId: event.id, rule, lang });
              saveFileData(file);
              return t('report.saved', { file: file.fileName });
            })
          }
        >
          {t('report.savePdf')}
        </button>
        <button
          type="button"
          aria-disabled={busy !== null || undefined}
          onClick={() =>
            run(t('progress.printing'), async () => {
              await api.printReport({ eventId: event.id, rule, lang });
              return t('report.printed');
            })
          }
        >
          {t('report.print')}
        </button>
      </div>
      {busy && <Working what={busy} />}
      {shown && previewing && <Working what={t('progress.buildingPreview')} />}
      {notice && <p role="status">{notice}</p>}
      <ErrorNotice error={action.error} />
      {/* Scrolls on its own: reachable by the keyboard (Tab, then the arrow keys), named for a screen reader. */}
      {shown && (
        <div
          className="report-preview"
          ref={host}
          data-testid="report-preview"
          tabIndex={0}
          role="region"
          aria-label={t('report.preview')}
        />
      )}
    </section>
  );
}
