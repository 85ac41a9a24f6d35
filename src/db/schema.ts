/** Every table, gathered for drizzle and drizzle-kit. Each module owns its own schema.ts. */
export * from '../modules/accounts/schema.js';
export * from '../modules/actions/schema.js';
export * from '../modules/audit/schema.js';
export * from '../modules/evaluations/schema.js';
export * from '../modules/followup/schema.js';
export * from '../modules/frameworks/schema.js';
export * from '../modules/portfolio/schema.js';
export * from '../modules/practices/schema.js';
export * from '../modules/units/schema.js';
