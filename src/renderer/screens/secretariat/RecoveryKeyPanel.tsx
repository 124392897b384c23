import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, mutate, useAction, useQuery } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { saveFileData } from '../../files.ts';
import { formatDateTime } from '../../i18n/index.ts';

/**
 * The secretariat's recovery key (issue 21): made beside the secretariat's key, its code shown here once (to
 * print for the Ketua, or save to a file kept offline), never stored; packages name its public half. Should
 * the secretariat's key be lost, that code signs the rollover to a new key that jurors' laptops accept.
 */
export function RecoveryKeyPanel({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const status = useQuery('recoveryKeyStatus', {});
  const [made, setMade] = useState<{ code: string; fingerprint: string; file: { fileName: string; base64: string } } | null>(null);
  const action = useAction();
  if (status.status !== 'ready') return status.status === 'error' ? <ErrorNotice error={status.error} /> : null;
  const recovery = status.value.recovery;
  const create = async () => {
    const result = await action.run(() => mutate('createRecoveryKey', { eventId }));
    if (result) setMade(result);
  };
  return (
    <section className="panel" aria-labelledby="recovery-title" data-testid="recovery-key">
      <h2 id="recovery-title">{t('continuity.recovery.title')}</h2>
      <p>{t('continuity.recovery.intro')}</p>
      {recovery && !made && (
        <p>
          {t('continuity.recovery.exists', { fingerprint: recovery.fingerprint, when: formatDateTime(recovery.createdAt, i18n.language) })}
        </p>
      )}
      {!recovery && <p className="notice notice-warning">{t('continuity.recovery.none')}</p>}
      {made && (
        <div className="notice" role="status">
          <p>
            <strong>{t('continuity.recovery.once')}</strong>
          </p>
          <p className="fingerprint recovery-code" data-testid="recovery-code">
            {made.code}
          </p>
          <div className="actions">
            <button type="button" onClick={() => saveFileData(made.file)}>
              {t('continuity.recovery.saveFile')}
            </button>
            <button
              type="button"
              onClick={async () => {
                const file = await action.run(() => api.recoveryCodePdf({ code: made.code, lang }));
                if (file) saveFileData(file);
              }}
            >
              {t('report.savePdf')}
            </button>
            <button type="button" onClick={() => setMade(null)}>
              {t('continuity.recovery.hide')}
            </button>
          </div>
        </div>
      )}
      {!made && (
        <button
          type="button"
          className={recovery ? undefined : 'primary'}
          onClick={() => {
            if (recovery && !window.confirm(t('continuity.recovery.replaceConfirm'))) return;
            void create();
          }}
        >
          {t(recovery ? 'continuity.recovery.replace' : 'continuity.recovery.create')}
        </button>
      )}
      <ErrorNotice error={action.error} />
    </section>
  );
}
