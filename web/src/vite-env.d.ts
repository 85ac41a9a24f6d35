/// <reference types="vite/client" />

/** A locale file as a whole, as a module of its own (i18n.ts: the rest of English). */
declare module '*.json?all' {
  const words: Record<string, unknown>;
  export default words;
}
