/** Moved to src/api/contract/shape.ts; kept so existing imports still resolve. */
export * from './contract/shape.ts';
