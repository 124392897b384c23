/**
 * Errors that cross the API boundary. A handler throws an AppError; every transport turns it into the
 * same envelope, so the renderer shows the same bilingual message whether it runs in Electron or a browser.
 */
import type { Bilingual } from '../core/model.ts';

export type ErrorCode =
  | 'invalid-input'
  | 'invalid-output'
  | 'unknown-method'
  | 'not-found'
  | 'invalid-event'
  | 'workspace-too-new'
  | 'workspace-unreadable'
  | 'forbidden'
  /** The caller did not show the credentials the transport asks for (the browser bridge's token). */
  | 'unauthorized'
  | 'conflict'
  | 'key-locked'
  | 'invalid-file'
  | 'incomplete'
  | 'internal';

export interface ErrorInfo {
  code: ErrorCode;
  message: Bilingual;
  /** Structured detail for the UI, e.g. the list of validation issues. */
  details?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly bilingual: Bilingual;
  readonly details: unknown;

  constructor(code: ErrorCode, message: Bilingual, details?: unknown) {
    super(`${message.id} / ${message.en}`);
    this.name = 'AppError';
    this.code = code;
    this.bilingual = message;
    this.details = details;
  }

  toInfo(): ErrorInfo {
    return this.details === undefined
      ? { code: this.code, message: this.bilingual }
      : { code: this.code, message: this.bilingual, details: this.details };
  }

  static fromInfo(info: ErrorInfo): AppError {
    return new AppError(info.code, info.message, info.details);
  }
}

/** What every transport carries back for a call: a value, or an error the renderer can show. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
