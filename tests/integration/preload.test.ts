import { describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../src/api/contract.ts';

const exposed = vi.hoisted(() => ({
  key: '',
  api: {} as Record<string, (input: unknown) => Promise<unknown>>,
  invoked: [] as unknown[][],
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, (input: unknown) => Promise<unknown>>) => {
      exposed.key = key;
      exposed.api = api;
    },
  },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => {
      exposed.invoked.push([channel, input]);
      return Promise.resolve({ ok: true, value: channel });
    },
  },
}));

describe('Electron preload', () => {
  it('exposes exactly the contract methods as window.timbang, each forwarded over its own IPC channel', async () => {
    await import('../../electron/preload/index.ts');
    expect(exposed.key).toBe('timbang');
    expect(Object.keys(exposed.api).sort()).toEqual([...methodNames].sort());
    expect(await exposed.api.listNominees({ eventId: 'e', categoryId: 'c' })).toEqual({ ok: true, value: 'timbang:listNominees' });
    expect(exposed.invoked).toEqual([['timbang:listNominees', { eventId: 'e', categoryId: 'c' }]]);
  });
});
