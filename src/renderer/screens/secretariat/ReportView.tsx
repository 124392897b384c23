import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event, MergeRule } from '../../../core/model.ts';
import { api } from '../../api.ts';
import { DocumentLanguage, PrintButtons, PrintStatus, useDocumentLanguage, usePrinting } from '../../components/PrintActions.tsx';
import { Working } from '../../components/Working.tsx';

/**
 * The print preview of the deliberation report (Rekapitulasi and Berita Acara): the same HTML that is
 * printed, shown in a shadow root with its own stylesheet (the page's CSP allows no inline style, a
 * constructed stylesheet is not inline), with Save PDF and Print going through the API.
 */
export function ReportView({ event, rule }: { event: Event; rule: MergeRule }) {
  const { t } = useTranslation();
  const [lang, setLang] = useDocumentLanguage();
  const [shown, setShown] = useState(false);
  const printing = usePrinting();
  const { action } = printing;
  const [previewing, setPreviewing] = useState(false);
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

  return (
    <section className="panel" aria-labelledby="report-title">
      <h2 id="report-title">{t('report.title')}</h2>
      <div className="actions">
        <DocumentLanguage label={t('report.language')} value={lang} onChange={setLang} />
        <button type="button" onClick={() => setShown(!shown)} aria-expanded={shown}>
          {shown ? t('report.hidePreview') : t('report.preview')}
        </button>
        <PrintButtons
          printing={printing}
          primary
          savePdf={() => api.reportPdf({ eventId: event.id, rule, lang })}
          print={() => api.printReport({ eventId: event.id, rule, lang })}
        />
      </div>
      <PrintStatus printing={printing}>{shown && previewing && <Working what={t('progress.buildingPreview')} />}</PrintStatus>
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
