import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from './api.ts';
import { ErrorNotice } from './components/ErrorNotice.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { EventScreen } from './screens/EventScreen.tsx';
import { RecoveryScreen } from './screens/RecoveryScreen.tsx';
import { StartScreen, type Role } from './screens/StartScreen.tsx';

/** The role chosen last on this computer: a secretariat laptop stays a secretariat laptop. */
const ROLE_KEY = 'timbang.role';
const savedRole = (): Role => (localStorage.getItem(ROLE_KEY) === 'sekretariat' ? 'sekretariat' : 'juri');
/** The event opened last on this computer: the start screen offers it first ("continue where I was"). */
const LAST_EVENT_KEY = 'timbang.lastEvent';

export function App() {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(savedRole);
  const [eventId, setEventIdState] = useState<string | null>(null);
  // The event just left: the start screen puts the keyboard back on its button.
  const [leftEvent, setLeftEvent] = useState<string | null>(null);
  const setEventId = (id: string | null) => {
    if (id) localStorage.setItem(LAST_EVENT_KEY, id);
    setLeftEvent(id === null ? eventId : null);
    setEventIdState(id);
  };
  // Bumped when a backup replaces the workspace: every screen starts again (its forms and tabs too) from what
  // the file now holds; the write that replaced it (restoreBackup, …) has made every read stale already.
  const [generation, setGeneration] = useState(0);
  const workspace = useQuery('workspaceStatus', {});
  const restored = () => {
    setEventId(null);
    setGeneration((g) => g + 1);
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">Timbang</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} key={generation}>
        {workspace.status === 'error' && <ErrorNotice error={workspace.error} />}
        {workspace.status === 'ready' && workspace.value.problem && (
          <RecoveryScreen problem={workspace.value.problem} onRestored={restored} />
        )}
        {workspace.status === 'ready' &&
          !workspace.value.problem &&
          (eventId === null ? (
            <StartScreen
              role={role}
              onRoleChange={(r) => {
                localStorage.setItem(ROLE_KEY, r);
                setRole(r);
              }}
              onOpenEvent={setEventId}
              onRestored={restored}
              lastEventId={localStorage.getItem(LAST_EVENT_KEY)}
              returnedFrom={leftEvent}
            />
          ) : (
            <EventScreen eventId={eventId} onBack={() => setEventId(null)} />
          ))}
      </main>
    </>
  );
}
