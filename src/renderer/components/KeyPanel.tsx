import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyStatus } from '../../api/contract.ts';
import { isAppError } from '../../api/errors.ts';
import { mutate, useAction, useQuery } from '../api.ts';
import { ErrorNotice } from './ErrorNotice.tsx';

/**
 * This laptop's signing key: made on first use, opened once per session, and its fingerprint shown
 * in groups the juror or secretariat can read aloud.
 */
export function KeyPanel({ onChange }: { onChange?(status: KeyStatus): void }) {
  const { t } = useTranslation();
  const status = useQuery('keyStatus', {});
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const action = useAction();
  const [recovery, setRecovery] = useState(false);

  if (status.status !== 'ready') return status.status === 'error' ? <ErrorNotice error={status.error} /> : null;
  const key = status.value;
  const keychain = key.protection === 'os';
  // A passphrase is asked to make any key (with the OS keychain, for the backup copy), to open a
  // passphrase key, and to open a keychain key with its backup copy once the keychain could not.
  const askPassphrase = key.state === 'none' || !keychain || recovery;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (key.state === 'none' && passphrase !== repeat) return action.fail(new Error(t('key.mismatch')));
    const input = askPassphrase ? { passphrase } : {};
    // Every screen that shows the key reads it again (INVALIDATES.createKey, .unlockKey).
    const next = await action.run(() =>
      (key.state === 'none' ? mutate('createKey', input) : mutate('unlockKey', input)).catch((failure: unknown) => {
        // The keychain cannot open the key, and its backup copy can: offer that rather than a dead end.
        if (isAppError(failure, 'key-locked') && failure.details?.recovery) setRecovery(true);
        throw failure;
      }),
    );
    if (!next) return;
    setPassphrase('');
    setRepeat('');
    setRecovery(false);
    onChange?.(next);
  };

  return (
    <section className="key-panel" aria-labelledby="key-title">
      <h2 id="key-title">{t('key.title')}</h2>
      {key.state === 'unlocked' && (
        <p>
          {t('key.fingerprint')}:{' '}
          <strong className="fingerprint" data-testid="own-fingerprint">
            {key.fingerprint}
          </strong>
          <br />
          <small>{t('key.readAloud')}</small>
        </p>
      )}
      {key.state !== 'unlocked' && (
        <form onSubmit={submit} className="key-form">
          <p>{key.state === 'none' ? t('key.noneYet') : t(keychain ? 'key.lockedOs' : 'key.locked', { fingerprint: key.fingerprint })}</p>
          {askPassphrase && (
            <label>
              {t(keychain ? 'key.backupPassphrase' : 'key.passphrase')}
              <input
                type="password"
                autoComplete={key.state === 'none' ? 'new-password' : 'current-password'}
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
              />
            </label>
          )}
          {key.state === 'none' && (
            <label>
              {t(keychain ? 'key.repeatBackup' : 'key.repeat')}
              <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
            </label>
          )}
          <button type="submit" className="primary">
            {key.state === 'none' ? t('key.create') : recovery ? t('key.unlockWithBackup') : t('key.unlock')}
          </button>
          {askPassphrase && <p className="hint">{t(keychain ? 'key.backupHint' : 'key.passphraseHint')}</p>}
        </form>
      )}
      <ErrorNotice error={action.error} />
    </section>
  );
}
