// Result types (plain JSON)
export * from './types.ts';
