import { useSyncExternalStore, type ReactNode } from 'react';
import { bridgeLocked, onBridgeLocked } from './http-transport.ts';

/**
 * In a browser without the bridge's token (a tab opened without the address `timbang serve` printed, or
 * a server restarted since), says in both languages where to find the address, instead of the app. In
 * Electron, and with the token, it shows the app.
 */
export function BridgeGate({ children }: { children: ReactNode }) {
  const locked = useSyncExternalStore(onBridgeLocked, bridgeLocked);
  if (!locked) return children;
  return (
    <main id="main" className="bridge-locked">
      <h1>Timbang</h1>
      <div className="notice notice-warning" role="alert" data-testid="bridge-locked">
        <p lang="id">
          Halaman ini belum tersambung ke server Timbang. Buka alamat lengkap yang dicetak di terminal oleh <code>timbang serve</code> (atau{' '}
          <code>npm run browser</code>), yang berisi <code>#token=…</code>. Alamat itu berlaku di tab tempat ia dibuka, sampai server
          dimulai ulang.
        </p>
        <p lang="en">
          This page is not connected to the Timbang server. Open the full address that <code>timbang serve</code> (or{' '}
          <code>npm run browser</code>) printed in the terminal, the one with <code>#token=…</code>. It works in the tab it is opened in,
          until the server restarts.
        </p>
      </div>
    </main>
  );
}
