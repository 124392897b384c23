/// <reference types="vite/client" />
import type { TimbangTransport } from '../api/contract.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser, where the HTTP bridge stands in. */
    timbang?: TimbangTransport;
  }
}
