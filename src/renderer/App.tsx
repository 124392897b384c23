import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { EventScreen } from './screens/EventScreen.tsx';
import { StartScreen, type Role } from './screens/StartScreen.tsx';

/** The role chosen last on this computer: a secretariat laptop stays a secretariat laptop. */
const ROLE_KEY = 'timbang.role';
const savedRole = (): Role => (localStorage.getItem(ROLE_KEY) === 'sekretariat' ? 'sekretariat' : 'juri');

export function App() {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(savedRole);
  const [eventId, setEventId] = useState<string | null>(null);

  return (
    <>
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">Timbang</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        {eventId === null ? (
          <StartScreen role={role} onRoleChange={(r) => {
            localStorage.setItem(ROLE_KEY, r);
            setRole(r);
          }} onOpenEvent={setEventId} />
        ) : (
          <EventScreen eventId={eventId} onBack={() => setEventId(null)} />
        )}
      </main>
    </>
  );
}
