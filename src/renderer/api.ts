/** The renderer's one entry to the API: Electron's preload when present, else the browser bridge. */
import { createClient } from '../api/dispatch.ts';
import { createHttpTransport } from './bridge/http-transport.ts';

export const api = createClient(window.timbang ?? createHttpTransport());
export const transportName: 'electron' | 'browser' = window.timbang ? 'electron' : 'browser';
