/**
 * The OS keychain for sealing the workspace's private key, through safeStorage's asynchronous API (the
 * synchronous one is deprecated in Electron 45 and removed in 46). Kept free of any `electron` import
 * (safeStorage is passed in) so tests can drive it with a fake.
 */
import type { SafeStorage } from 'electron';
import type { OsSecretStore } from '../../src/services/keys/key-store.ts';

export interface Keychain extends OsSecretStore {
  /** Whether a keychain call is in flight. */
  busy(): boolean;
  /** Resolves once no keychain call is in flight and what the key store does with the answers has run. */
  idle(): Promise<void>;
}

type AsyncSafeStorage = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptStringAsync' | 'decryptStringAsync'
>;

/**
 * The keychain where there is a real one. On Linux without a keyring Electron falls back to a fixed
 * password ('basic_text'), which protects nothing: there is no keychain then, and the key takes a passphrase.
 */
export async function openKeychain(safeStorage: AsyncSafeStorage, platform: NodeJS.Platform): Promise<Keychain | undefined> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return undefined;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  const inFlight = new Set<Promise<unknown>>();
  const tracked = <T>(call: Promise<T>): Promise<T> => {
    const settled = call.then(
      () => undefined,
      () => undefined,
    );
    inFlight.add(settled);
    void settled.then(() => inFlight.delete(settled));
    return call;
  };
  return {
    // The key as base64 text: safeStorage seals strings (and keys sealed by earlier versions were sealed so).
    seal: (secret) => tracked(safeStorage.encryptStringAsync(secret.toString('base64'))),
    open: (sealed) =>
      tracked(safeStorage.decryptStringAsync(sealed)).then(({ result, shouldReEncrypt }) => ({
        secret: Buffer.from(result, 'base64'),
        shouldReEncrypt,
      })),
    busy: () => inFlight.size > 0,
    async idle() {
      while (inFlight.size > 0) {
        await Promise.all(inFlight);
        await new Promise((resolve) => setImmediate(resolve)); // the key store's own reactions to the answers
      }
    },
  };
}
