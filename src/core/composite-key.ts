/**
 * One key for a tuple of identifiers, for Map and Set lookups (juror × round × criterion, nominee ×
 * criterion, …). NUL is the separator because no identifier, file name or typed text in an event can hold
 * it (ids are letters, digits, dot, underscore, hyphen), so two different tuples never make one key.
 */
const SEPARATOR = '\u0000';

export const compositeKey = (...parts: readonly (string | number)[]): string => parts.join(SEPARATOR);

/** The parts of a key made by compositeKey, as strings. */
export const keyParts = (key: string): string[] => key.split(SEPARATOR);
