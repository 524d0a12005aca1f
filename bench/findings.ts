/**
 * Why a goal is missed and what would close it, by goal key (bench/report.ts):
 * written by hand from the measured figures of the last full run, shown under
 * the goals table of BENCHMARKS.md for each goal that run missed.
 */
export const WHY: Record<string, string> = {
  search: 'not analysed yet.',
};
