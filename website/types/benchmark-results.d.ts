// The results `npm run bench` writes (bench/run.mjs), or null when none are
// committed: website/plugins/benchmark-results.ts resolves this module.
declare module '@benchmark-results' {
  export interface BenchmarkRow {
    readonly name: string;
    /** `ours`, `peer`, or `limit` (a copy, an allocation: what a streaming op cannot beat). */
    readonly group: string;
    readonly op?: string;
    /** The threads the row ran on (1 unless it is a pool's or torch's 2-thread row). */
    readonly threads?: number;
    /** `python` for torch's and NumPy's rows, timed in their own process; absent for Node's. */
    readonly runtime?: string;
    /** Elements per second, by input length. */
    readonly rates: Readonly<Record<string, number>>;
    /** The rate over a plain copy's at the same length, measured alongside. */
    readonly ratios: Readonly<Record<string, number>>;
  }
  export interface BenchmarkResults {
    readonly environment: {
      readonly node: string;
      readonly cpu?: string;
      readonly cores: number;
      readonly simd: boolean;
      readonly date: string;
      /** torch's and NumPy's versions, or null with the reason in torchMissing when torch was not found. */
      readonly torch?: string | null;
      readonly numpy?: string | null;
      readonly torchMissing?: string | null;
    };
    readonly alpha: number;
    readonly sizes: readonly number[];
    readonly rows: readonly BenchmarkRow[];
    readonly goals: readonly { readonly goal: string; readonly met: boolean }[];
  }
  const results: BenchmarkResults | null;
  export default results;
}
