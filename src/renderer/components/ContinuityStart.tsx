import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileData } from '../../api/contract.ts';
import { api, mutate, useAction } from '../api.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { FilePicker } from './FilePicker.tsx';
import { KeyPanel } from './KeyPanel.tsx';
import { MoveWorkspacePanel } from './MoveWorkspacePanel.tsx';
import { DocumentLanguage, PrintButtons, PrintStatus, useDocumentLanguage, usePrinting } from './PrintActions.tsx';

/**
 * What the start screen offers for continuity (issue 21): the emergency guide to print, moving the workspace
 * to another laptop, and, for the secretariat whose key was lost, taking the event over with a new key.
 */
export function ContinuityStart({
  role,
  onMoved,
  onOpenEvent,
}: {
  role: 'juri' | 'sekretariat';
  onMoved(): void;
  onOpenEvent(eventId: string): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <RunbookPanel />
      <details className="panel" data-testid="move-panel">
        <summary>{t('continuity.move.title')}</summary>
        <MoveWorkspacePanel onMoved={onMoved} />
      </details>
      {role === 'sekretariat' && (
        <details className="panel" data-testid="takeover-panel">
          <summary>{t('continuity.takeover.title')}</summary>
          <TakeOverPanel onOpenEvent={onOpenEvent} />
        </details>
      )}
    </>
  );
}

/** "Laptop hilang atau rusak / Lupa frasa sandi / Pindah laptop", as a PDF or printed, like the report. */
function RunbookPanel() {
  const { t } = useTranslation();
  const [lang, setLang] = useDocumentLanguage();
  const printing = usePrinting();
  return (
    <section className="panel" aria-labelledby="runbook-title" data-testid="runbook">
      <h2 id="runbook-title">{t('continuity.runbook.title')}</h2>
      <p>{t('continuity.runbook.intro')}</p>
      <div className="actions">
        <DocumentLanguage label={t('report.language')} value={lang} onChange={setLang} />
        <PrintButtons printing={printing} savePdf={() => api.runbookPdf({ lang })} print={() => api.printRunbook({ lang })} />
      </div>
      <PrintStatus printing={printing} />
    </section>
  );
}

/**
 * The secretariat's key was lost: this (new) workspace takes the event over from the last package issued,
 * with the Ketua's recovery code; its packages carry the rollover, which jurors' laptops accept once.
 */
function TakeOverPanel({ onOpenEvent }: { onOpenEvent(eventId: string): void }) {
  const { t } = useTranslation();
  const [pkg, setPkg] = useState<FileData | null>(null);
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!pkg) return;
    const taken = await action.run(() => mutate('takeOverEvent', { package: pkg, recoveryCode: code, reason }));
    if (taken) onOpenEvent(taken.eventId);
  };
  return (
    <div>
      <p>{t('continuity.takeover.intro')}</p>
      <KeyPanel />
      <FilePicker label={t('continuity.takeover.pickPackage')} accept=".timbang" onFiles={([file]) => setPkg(file)} />
      {pkg && (
        <form className="key-form" onSubmit={submit}>
          <p>{t('continuity.move.chosen', { file: pkg.fileName })}</p>
          <label>
            {t('continuity.takeover.code')}
            <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} className="fingerprint" />
          </label>
          <label>
            {t('continuity.takeover.reason')}
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={!code.trim() || reason.trim().length < 3}>
            {t('continuity.takeover.submit')}
          </button>
          <p className="hint">{t('continuity.takeover.hint')}</p>
        </form>
      )}
      <ErrorNotice error={action.error} />
    </div>
  );
}
