/** A throwaway workspace with its key store, for service-level tests. */
import { join } from 'node:path';
import { KeyStore, type OsSecretStore } from '../../src/services/keys/key-store.ts';
import { openWorkspace, type Workspace } from '../../src/services/workspace/workspace.ts';
import { tempDir } from './demo.ts';

export const TEST_PASSPHRASE = 'kupang-juli-2025';

export interface TestWorkspace {
  ws: Workspace;
  keys: KeyStore;
  dir: string;
  close(): void;
}

export function testWorkspace(name = 'w', os?: OsSecretStore): TestWorkspace {
  const tmp = tempDir();
  const ws = openWorkspace(join(tmp.dir, `${name}.sqlite`));
  return {
    ws,
    keys: new KeyStore(ws.db, os),
    dir: tmp.dir,
    close: () => {
      ws.close();
      tmp.remove();
    },
  };
}
