/**
 * The window's security settings and the checks applied to everything the renderer asks for.
 * Kept free of any `electron` import so that tests under plain Node can read and check them.
 */
import type { WebPreferences } from 'electron';
import { resolve, sep } from 'node:path';

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

/**
 * The built renderer is served from its own scheme, app://timbang/, rather than file://: a page of ours
 * then has an origin of its own, and no file on the disk other than the renderer's is reachable from it.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://timbang`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * What only development may change: the renderer's URL (electron-vite's dev server) and the workspace's
 * folder (tests). An installed app reads neither, so no environment variable can point it at a foreign
 * page (which would get the whole IPC API, key and signing included) or another workspace.
 */
export function developmentOverrides(
  isPackaged: boolean,
  env: Record<string, string | undefined>,
): { rendererUrl?: string; dataDir?: string } {
  if (isPackaged) return {};
  return { rendererUrl: env.ELECTRON_RENDERER_URL || undefined, dataDir: env.TIMBANG_DATA_DIR || undefined };
}

/** The parts of an IPC event that say who sent it (Electron's IpcMainInvokeEvent has them). */
export interface IpcSender {
  senderFrame: { url: string } | null;
  sender: { mainFrame: unknown };
}

/**
 * An IPC call is answered only from the window's top frame showing one of the app's own pages: not from
 * a subframe (an iframe of any origin), not from a frame already gone, not from any other page.
 */
export function isTrustedSender(event: IpcSender, rendererUrl: string): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url, rendererUrl);
}

/** The renderer's own pages: app://timbang/… or, during development, the Vite server. */
export function isAppUrl(url: string, rendererUrl: string): boolean {
  try {
    const candidate = new URL(url);
    const app = new URL(rendererUrl);
    // Not URL.origin: for a scheme the URL standard does not know (app:) it is always "null".
    return candidate.protocol === app.protocol && candidate.host === app.host;
  } catch {
    return false;
  }
}

/** The file under rendererDir that an app:// request asks for, or null for anything else (another host, a path climbing out). */
export function rendererFile(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (/[\\\0]/.test(path)) return null; // a backslash climbs on Windows; no file of ours has one, or a NUL

  const file = resolve(rendererDir, `.${path === '/' ? '/index.html' : path}`);
  return file.startsWith(resolve(rendererDir) + sep) ? file : null;
}

/** Content-Security-Policy sent with every response to the renderer (the HTML carries the same in a meta tag). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // blob: only for a nominee's document (issue 17), read from the package on this laptop and shown from memory
  // in an <img> or a fully sandboxed <iframe>; no other source, and nothing from the network.
  "img-src 'self' data: blob:",
  'frame-src blob:',
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
