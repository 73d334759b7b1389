/** The little of Citation.js (which ships no types) that samizdat uses. */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
  interface Register {
    add(name: string, value: unknown): void;
    has(name: string): boolean;
    get(name: string): unknown;
  }
  export const plugins: {
    config: { get(name: string): { styles: Register; locales: Register; engine: unknown } };
    output: { add(name: string, format: (data: Record<string, unknown>[], options: never) => unknown): void };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
