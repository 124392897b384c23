import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileData } from '../../api/contract.ts';
import { useAction } from '../api.ts';
import { saveFileData } from '../files.ts';
import { LANGUAGES, type Language } from '../i18n/index.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Working } from './Working.tsx';

/**
 * What every printable document shares (the report, the emergency guide, a paper form): the language it is
 * printed in, chosen apart from the app's own, and one printing at a time whose outcome is a notice.
 */
export function useDocumentLanguage() {
  const { i18n } = useTranslation();
  return useState<Language>(i18n.language === 'en' ? 'en' : 'id');
}

export function DocumentLanguage({ label, value, onChange }: { label: string; value: Language; onChange(lang: Language): void }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {l === 'id' ? 'Bahasa Indonesia' : 'English'}
          </option>
        ))}
      </select>
    </label>
  );
}

export interface Printing {
  action: ReturnType<typeof useAction>;
  notice: string | null;
  /** Runs one printing (none while another runs) and shows what it returns as the notice. */
  run(work: () => Promise<string>, what?: string): Promise<void>;
}

export function usePrinting(): Printing {
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const run = async (work: () => Promise<string>, what?: string) => {
    if (action.busy) return;
    setNotice(null);
    setNotice((await action.run(work, what)) ?? null);
  };
  return { action, notice, run };
}

/** Save PDF and Print; they stay focusable while busy (aria-disabled) so the keyboard is not dropped. */
export function PrintButtons({
  printing,
  primary,
  savePdf,
  print,
}: {
  printing: Printing;
  primary?: boolean;
  savePdf(): Promise<FileData>;
  print(): Promise<unknown>;
}) {
  const { t } = useTranslation();
  const busy = printing.action.label;
  return (
    <>
      <button
        type="button"
        className={primary ? 'primary' : undefined}
        aria-disabled={busy !== null || undefined}
        onClick={() =>
          printing.run(async () => {
            const file = await savePdf();
            saveFileData(file);
            return t('report.saved', { file: file.fileName });
          }, t('progress.buildingPdf'))
        }
      >
        {t('report.savePdf')}
      </button>
      <button
        type="button"
        aria-disabled={busy !== null || undefined}
        onClick={() =>
          printing.run(async () => {
            await print();
            return t('report.printed');
          }, t('progress.printing'))
        }
      >
        {t('report.print')}
      </button>
    </>
  );
}

/** What is being printed, then (after `children`) the outcome or the failure. */
export function PrintStatus({ printing, children }: { printing: Printing; children?: ReactNode }) {
  const busy = printing.action.label;
  return (
    <>
      {busy && <Working what={busy} />}
      {children}
      {printing.notice && <p role="status">{printing.notice}</p>}
      <ErrorNotice error={printing.action.error} />
    </>
  );
}
