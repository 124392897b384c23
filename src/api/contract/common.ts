/**
 * What every domain of the contract builds its methods from: `method(input, output, { errors })`, and the
 * few shapes several domains share (a file crossing the API, text a person types that gets signed, …).
 */
import { z } from 'zod';
import { Id } from '../../core/model.ts';
import type { DeclarableError } from '../errors.ts';

/** One method: its input and output schemas, and the error codes it may answer besides the universal ones (errors.ts). */
export interface MethodSpec<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  E extends readonly DeclarableError[] = readonly DeclarableError[],
> {
  input: I;
  output: O;
  errors: E;
}

export const method = <I extends z.ZodType, O extends z.ZodType, const E extends readonly DeclarableError[] = readonly []>(
  input: I,
  output: O,
  options?: { errors: E },
): MethodSpec<I, O, E> => ({ input, output, errors: options?.errors ?? ([] as unknown as E) });

/**
 * Text a person types that ends up signed: a lone surrogate (half an emoji pasted from elsewhere) has no
 * canonical JSON form, so it becomes U+FFFD here rather than making the signing fail later.
 */
export const typed = (schema: z.ZodString) => schema.transform((text) => text.toWellFormed());

/** A file crossing the API: a name and its bytes in base64 (the renderer has no file system). */
export const FileData = z.strictObject({
  fileName: z.string().trim().min(1).max(260),
  base64: z.base64(),
});
export type FileData = z.infer<typeof FileData>;

export const NoInput = z.strictObject({});
export const ForEvent = z.strictObject({ eventId: Id });
export const Lang = z.enum(['id', 'en']);
export const PersonName = typed(z.string().trim().min(2).max(200));
/** How reconciliation uses a received sheet: current, superseded by a newer revision, a copy, or in conflict. */
export const FileUse = z.enum(['used', 'stale', 'duplicate', 'conflict', 'not-used']);
export type FileUse = z.infer<typeof FileUse>;
