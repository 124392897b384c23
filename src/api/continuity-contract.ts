/** Moved to src/api/contract/continuity.ts; kept so existing imports still resolve. */
export * from './contract/continuity.ts';
