/**
 * The window's security settings and the checks applied to everything the renderer asks for.
 * Kept free of any `electron` import so that tests under plain Node can read and check them.
 */
import type { WebPreferences } from 'electron';

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** The renderer's own pages: the built index.html (file://) or, during development, the Vite server. */
export function isAppUrl(url: string, rendererUrl: string): boolean {
  try {
    const candidate = new URL(url);
    const app = new URL(rendererUrl);
    if (app.protocol === 'file:') return candidate.protocol === 'file:' && candidate.pathname === app.pathname;
    return candidate.origin === app.origin;
  } catch {
    return false;
  }
}

/** Content-Security-Policy sent with every response to the renderer (the HTML carries the same in a meta tag). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
