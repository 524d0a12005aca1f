/**
 * Why a goal is missed and what would close it, by goal key (bench/report.ts):
 * written by hand from the measured figures of the last full run (the run of
 * 2026-12-02 00:36 UTC, and the CPU profile noted where one was taken), shown
 * under the goals table of BENCHMARKS.md for each goal that run missed.
 */
export const WHY: Record<string, string> = {
  search:
    "the p99 is a few slow answers among fast ones (compare the p50 in section 2): the run shared the 2 cores with a CI run of two Neo4j servers (load average in the header), and on Kùzu every call crosses the worker's IPC. The before/after rows show what the word index bought on the same store; what is left is the tail, which only a quiet machine or a second core for the engine would show.",
  neighbours:
    "the per-type totals are counted over all of the hub's edges at every request (tens of thousands at 1M); per-type degree counts kept at write time would make them a lookup. Not built this session.",
  timeline:
    'see the before/after rows of section 2 for the scan it replaced; what remains is reading and serialising 500 facts with their claims (the in-process p50 against the HTTP p50 shows the JSON share).',
  paths:
    "Kùzu's recursive join explores every hub around both ends at 1M; a bidirectional search bounded by the hubs' degrees would close it. Neo4j's figure is at its smaller scale (see the notes).",
  ingest:
    "preview + commit: the preview's gazetteer is cached per store now (before/after rows); the commit is one write transaction, which on Kùzu also crosses the worker and on a busy machine waits for the cores.",
  http: 'the median of paired differences (each HTTP request beside the same call in-process): what is left is serialising large answers to JSON (the 500-item timeline, the hub page) and, on a shared machine, the contention inside a pair.',
  mixed:
    "on Kùzu at 1M the HTTP side served 15.9 req/s with 0 errors, but the bare script's 32 loops on the isolated store completed no call (37 errors, their message not recorded by this run), so there is no ratio; the bare loop should record its first error. Neo4j's ratio is in section 2.",
  memory:
    "at 1M the server process stays at 123 MiB, the engine worker peaks at 1.77 GiB (513 MiB idle): Kùzu's buffer pool (JEJAK_KUZU_BUFFER_MB, 2 GiB by default) fills with what the reads touch, and the worker suite saw 1.6 GiB after one round of reads. A buffer pool of about 512 MiB would bound it under 1 GiB, at the cost of reads from disk; not measured this session. (The short load of this suite completed no request within its 2 s per endpoint on the shared machine; the peak is from the requests in flight.)",
  load: "Kùzu's seed path writes one JSON file per group and runs its COPY, like the raw path, plus the schema and the health count; at 1M the raw path was not run before the deadline (see the notes), so the ratio is not measured there. Neo4j at 100k: the seed path (seedStore through the adapter) took 160 s against 69 s for the raw CREATE path (2.33×).",
  'small-views':
    "at these sizes the app now draws in its lean style (client/src/perf.ts: straight haystack edges whose curve, arrow and type come back on hover, selection and paths; names from 8 px; no outline, border or font rules). In the one-change variants of 2026-12-02 ~01:48 UTC (`--browser-variants`, 3 alternating samples) it took 0.75× plain Cytoscape's main-thread CPU at 500 nodes and 0.79× at 2,000, where the app style with bezier edges and arrows had taken 1.15–1.4×. A first frame here is a few hundred ms, so a miss in one run is the machine's load: compare the CPU figures in section 3.",
  'first-frame-10k':
    "a CPU profile of the bench page at 10k nodes / 20k edges (lean style, on the loaded machine of 2026-12-02 ~02:10 UTC) splits the first frame into Cytoscape's own element work (creating 30k elements, their style and bounding boxes for the initial fit: about 1.9 s, 1.5 s of it style), one draw of the whole view through its layered texture cache (about 0.95 s), and garbage collection (0.7 s). Main-thread CPU for the first frame was 2.3–2.4 s against plain Cytoscape's 2.9–3.0 s in the same runs. Style rules are not the cost (dropping the per-label rules saved < 0.1 s; no node labels 0.2 s; no edges at all 0.55 s), so under 2 s on this software canvas with shared cores needs fewer elements drawn (the aggregated overview, which the explorer opens when the graph's overview is cut short at 5,000 or more) or a GPU renderer.",
  'layout-10k':
    'the positions come from the web worker, and are placed a slice per frame while a frame stays under 150 ms; at 10k a single draw is already past 200 ms (above), so the placement falls back to one draw and the long tasks left are the draws themselves and fitting the view. Closing it needs a cheaper draw (WebGL on a GPU, no texture cache for tiny nodes) rather than a different placement.',
  quick: 'not measured in this session: the 20-minute window after the engines landed went to the full run.',
};
