import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileData, MovedWorkspace } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import { api, mutate, settled, useAction, useQuery } from '../api.ts';
import { saveFileData } from '../files.ts';
import { pick } from '../i18n/index.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { FilePicker } from './FilePicker.tsx';
import { KeyPanel } from './KeyPanel.tsx';
import { Working } from './Working.tsx';

/**
 * "Pindahkan berkas kerja" (issue 21): the whole workspace and its key as one file sealed by a passphrase
 * chosen here, for another laptop; and, on that laptop, receiving it (the key sealed again by its keychain).
 */
export function MoveWorkspacePanel({ onMoved }: { onMoved(): void }) {
  const { t, i18n } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [exported, setExported] = useState<string | null>(null);
  const [incoming, setIncoming] = useState<FileData | null>(null);
  const [importPassphrase, setImportPassphrase] = useState('');
  const [replace, setReplace] = useState<string | null>(null);
  const [moved, setMoved] = useState<MovedWorkspace | null>(null);
  const action = useAction();
  const busy = action.label;
  // The key must be open to be sealed again for the move: a locked one is opened right here (and this reads it again).
  const key = useQuery('keyStatus', {});

  const exportFile = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      if (passphrase !== repeat) throw new Error(t('key.mismatch'));
      const file = await api.exportMovedWorkspace({ passphrase });
      saveFileData(file);
      setExported(file.fileName);
      setPassphrase('');
      setRepeat('');
    }, t('continuity.move.exporting'));
  };

  const importFile = (event: FormEvent, confirmed = false) => {
    event.preventDefault();
    if (!incoming) return;
    void action.run(async () => {
      const outcome = await settled(mutate('importMovedWorkspace', { file: incoming, passphrase: importPassphrase, replace: confirmed }));
      if (outcome.ok) {
        setMoved(outcome.value);
        setReplace(null);
        setImportPassphrase('');
        return;
      }
      // A workspace that holds something is replaced only when confirmed: ask, naming what it holds.
      const failure = outcome.error;
      if (failure instanceof AppError && failure.code === 'conflict' && !confirmed)
        return setReplace(pick(failure.bilingual, i18n.language));
      throw failure;
    }, t('continuity.move.importing'));
  };

  return (
    <div className="move-workspace" data-testid="move-workspace">
      <section aria-labelledby="move-out-title">
        <h3 id="move-out-title">{t('continuity.move.outTitle')}</h3>
        <p>{t('continuity.move.outIntro')}</p>
        {key.status === 'ready' && key.value.state === 'locked' && <KeyPanel />}
        <form className="key-form" onSubmit={exportFile}>
          <label>
            {t('continuity.move.passphrase')}
            <input type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </label>
          <label>
            {t('continuity.move.repeat')}
            <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
          </label>
          <button type="submit" disabled={!passphrase || busy !== null}>
            {t('continuity.move.export')}
          </button>
          {exported && <p role="status">{t('continuity.move.exported', { file: exported })}</p>}
        </form>
      </section>
      <section aria-labelledby="move-in-title">
        <h3 id="move-in-title">{t('continuity.move.inTitle')}</h3>
        <p>{t('continuity.move.inIntro')}</p>
        <FilePicker
          label={t('continuity.move.pick')}
          accept=".timbang-pindah"
          busy={busy !== null}
          onFiles={([file]) => {
            setIncoming(file);
            setMoved(null);
            setReplace(null);
          }}
        />
        {incoming && (
          <form className="key-form" onSubmit={(e) => importFile(e)}>
            <p>{t('continuity.move.chosen', { file: incoming.fileName })}</p>
            <label>
              {t('continuity.move.passphrase')}
              <input
                type="password"
                autoComplete="current-password"
                value={importPassphrase}
                onChange={(e) => setImportPassphrase(e.target.value)}
              />
            </label>
            <button type="submit" className="primary" disabled={!importPassphrase || busy !== null}>
              {t('continuity.move.import')}
            </button>
          </form>
        )}
        {replace && (
          <div className="notice" role="alertdialog" aria-labelledby="move-replace">
            <p id="move-replace">{replace}</p>
            <p>{t('continuity.move.replaceAsk')}</p>
            <div className="actions">
              <button type="button" className="primary" onClick={(e) => importFile(e, true)}>
                {t('continuity.move.replaceYes')}
              </button>
              <button type="button" onClick={() => setReplace(null)}>
                {t('scoring.cancel')}
              </button>
            </div>
          </div>
        )}
        {moved && (
          <div className="notice" role="status" data-testid="moved">
            <p>{t('continuity.move.done', { events: moved.events.map((e) => e.name).join(', ') || '—' })}</p>
            {moved.fingerprint && (
              <p>
                {t(moved.protection === 'os' ? 'continuity.move.keyOs' : 'continuity.move.keyPassphrase', {
                  fingerprint: moved.fingerprint,
                })}
              </p>
            )}
            {moved.keptAs && <p className="hint">{t('continuity.move.keptAs', { name: moved.keptAs })}</p>}
            <button type="button" className="primary" onClick={onMoved}>
              {t('continuity.move.continue')}
            </button>
          </div>
        )}
      </section>
      {busy && <Working what={busy} />}
      <ErrorNotice error={action.error} />
    </div>
  );
}
