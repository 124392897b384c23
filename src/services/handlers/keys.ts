/** This workspace's signing key: its state, making it, unlocking it. */
import type { Handlers } from '../../api/contract.ts';
import type { keyMethods } from '../../api/contract/keys.ts';
import type { Services } from './services.ts';

export function keyHandlers({ keys }: Services): Pick<Handlers, keyof typeof keyMethods> {
  return {
    keyStatus: () => keys.status(),
    createKey: ({ passphrase }) => {
      keys.create(passphrase);
      return keys.status();
    },
    unlockKey: ({ passphrase }) => {
      keys.unlock(passphrase);
      return keys.status();
    },
  };
}
