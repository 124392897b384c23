/**
 * Errors that cross the API boundary. A handler throws an AppError; every transport turns it into the
 * same envelope, so the renderer shows the same bilingual message whether it runs in Electron or a browser.
 *
 * Expected failures are part of the contract: each method declares the codes it can answer with
 * (`method(input, output, { errors: [...] })` in src/api/contract/), and each code has one zod schema for
 * its details (`errorDetails` below). `dispatch` checks both on the way out, as it checks outputs; a reader
 * (the renderer, the CLI) asks `isAppError(error, 'key-locked')` and gets the details typed, without a cast.
 */
import { z } from 'zod';
import { bothLanguages } from '../core/messages/catalog.ts';
import { Bilingual, Id } from '../core/model.ts';

export const ErrorCode = z.enum([
  'invalid-input',
  'invalid-output',
  'unknown-method',
  'not-found',
  'invalid-event',
  'workspace-too-new',
  'workspace-unreadable',
  'forbidden',
  /** The caller did not show the credentials the transport asks for (the browser bridge's token). */
  'unauthorized',
  'conflict',
  'key-locked',
  'invalid-file',
  'incomplete',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * Codes any call may answer, so no method declares them: the transport's own checks (input, output, the
 * method's name, the caller's token) and a fault on our side ('internal').
 */
export const UNIVERSAL_ERRORS = ['invalid-input', 'invalid-output', 'unknown-method', 'unauthorized', 'internal'] as const;
export type UniversalError = (typeof UNIVERSAL_ERRORS)[number];
/** The codes a method declares: every code but the universal ones. */
export type DeclarableError = Exclude<ErrorCode, UniversalError>;

const Path = z.array(z.union([z.string(), z.number()]));
/** A finding about a value, placed by its path ("criteria.3.weight"), in both languages (dispatch, the event's validation). */
export const InputIssue = z.object({ path: Path, message: Bilingual });
export type InputIssue = z.infer<typeof InputIssue>;
/** zod's own finding, as a schema check inside a service reports it (one language: a technician reads it). */
const SchemaIssue = z.object({ path: z.array(z.unknown()), message: z.string() });

/** Marks still owed before a section can be finalized: per nominee, the criteria without a mark. */
export const MissingMarks = z.strictObject({ nomineeId: Id, name: z.string(), criteria: z.array(z.string()) });
export type MissingMarks = z.infer<typeof MissingMarks>;

/** Who holds a workspace's lock (src/services/workspace/workspace.ts LockHolder), null when it could not be read. */
const LockHolder = z.strictObject({ pid: z.number(), host: z.string(), program: z.string(), since: z.string() }).nullable();

/**
 * The details each code may carry (always optional: most refusals say everything in their message).
 * One schema per code, a union where services refuse for several reasons under one code.
 */
export const errorDetails = {
  'invalid-input': z.union([
    z.array(InputIssue),
    /** A paper entry off the criterion's scale: the cell to go back to. */
    z.strictObject({ nomineeId: Id, criterionCode: Id }),
  ]),
  'invalid-output': z.array(SchemaIssue),
  'unknown-method': z.undefined(),
  'not-found': z.undefined(),
  'invalid-event': z.array(InputIssue),
  'workspace-too-new': z.undefined(),
  /** Why the file could not be opened, and the newest backup to restore, if any. */
  'workspace-unreadable': z.strictObject({ reason: z.string(), latestBackup: z.string().nullable() }),
  /** A package whose key rollover statement does not verify. */
  forbidden: z.strictObject({ rollover: z.literal('forged') }),
  unauthorized: z.undefined(),
  conflict: z.union([
    /** The workspace is held by another process (null: it could not say which). */
    z.strictObject({ inUseBy: LockHolder }),
    z.strictObject({ enrolledWithAnotherKey: z.literal(true) }),
    /** A package signed by another secretariat key than the pinned one, without (or with another) rollover. */
    z.strictObject({ rollover: z.enum(['missing', 'other-key']) }),
    /** Marks on this laptop that a juror's own sheet would overwrite (resuming). */
    z.strictObject({ clashes: z.array(z.string()) }),
    /** What a moved workspace would replace here: the events by name, and whether a key. */
    z.strictObject({ events: z.array(z.string()), key: z.boolean() }),
    /** A paper form's checksum as typed, against the layout's now. */
    z.strictObject({ expected: z.string(), typed: z.string() }),
    /** The penetapan in force that a change would alter. */
    z.strictObject({ penetapanVersion: z.number().int() }),
  ]),
  /** 'pending': the keychain has not answered yet (ask again); recovery: the backup passphrase can open the key. */
  'key-locked': z.strictObject({ keychain: z.enum(['pending', 'failed']).optional(), recovery: z.boolean().optional() }),
  'invalid-file': z.union([
    z.array(SchemaIssue),
    /** A signed package whose event does not validate: the event's findings. */
    z.array(InputIssue),
    z.strictObject({ problem: z.enum(['not-a-zip', 'unsafe-zip']) }),
    /** A sheet that does not verify: its status and what the verification found. */
    z.strictObject({ status: z.string(), details: z.array(Bilingual) }),
  ]),
  incomplete: z.union([
    z.array(MissingMarks),
    /** Paper cells the two operators still disagree on. */
    z.strictObject({ cells: z.array(z.string()) }),
    /** The audit's items that have not passed (src/api/contract/shape.ts AuditItem). */
    z.array(z.object({ id: z.string(), ok: z.boolean(), title: Bilingual })),
  ]),
  internal: z.undefined(),
} satisfies Record<ErrorCode, z.ZodType>;

export type ErrorDetails<C extends ErrorCode> = z.output<(typeof errorDetails)[C]>;

/**
 * What a constructor call may pass as details. Typed per code, except where services still pass shapes of
 * their own (zod's raw issues as 'invalid-input', any detail as 'invalid-file'): those calls keep compiling,
 * and dispatch still checks what they pass against `errorDetails`.
 */
type DetailsArgument<C extends ErrorCode> = C extends 'invalid-input' | 'invalid-file' ? unknown : ErrorDetails<C>;

export interface ErrorInfo {
  code: ErrorCode;
  message: Bilingual;
  /** Structured detail for the UI, e.g. the list of validation issues (its shape: `errorDetails[code]`). */
  details?: unknown;
}

export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly bilingual: Bilingual;
  /** Read through `isAppError(error, code)`, which types it per code. */
  readonly details: unknown;

  constructor(code: C, message: Bilingual, details?: DetailsArgument<C>) {
    super(bothLanguages(message));
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
    return new AppError<ErrorCode>(info.code, info.message, info.details as never);
  }
}

/** An AppError of one code, its details typed by that code's schema. */
export type AppErrorOf<C extends ErrorCode> = AppError<C> & { readonly details: ErrorDetails<C> | undefined };

/**
 * Whether `error` is an AppError with this code whose details have that code's shape: then its details are
 * typed, e.g. `if (isAppError(failure, 'key-locked') && failure.details?.recovery) …`. Details of another
 * shape (a service's bug) make it false, so a reader never acts on a detail that is not what it says.
 */
export function isAppError<C extends ErrorCode>(error: unknown, code: C): error is AppErrorOf<C> {
  return error instanceof AppError && error.code === code && (error.details === undefined || detailsFit(code, error.details));
}

/**
 * What the app's workspace host answers for every call while its file cannot be used (workspace-host.ts):
 * damaged, written by a newer Timbang, or held by another process. No method declares these: any call
 * may meet them, as it may meet a transport's refusal.
 */
export function isWorkspaceProblem(error: AppError): boolean {
  if (error.code === 'workspace-unreadable' || error.code === 'workspace-too-new') return true;
  return isAppError(error, 'conflict') && error.details !== undefined && 'inUseBy' in error.details;
}

/** Whether details have the shape their code declares (absent details always do). */
export function detailsFit(code: ErrorCode, details: unknown): boolean {
  return details === undefined || errorDetails[code].safeParse(details).success;
}

/** What every transport carries back for a call: a value, or an error the renderer can show. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
