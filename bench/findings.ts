/**
 * Why a goal is missed and what would close it, by goal key (bench/report.ts):
 * written by hand from what the read paths do and what their profiles showed
 * (2026-12-02, on a machine shared with other work), shown under the goals
 * table of BENCHMARKS.md for each goal the run missed; the figures are in the
 * tables, this says where the time goes.
 */
export const WHY: Record<string, string> = {
  search:
    "Kùzu answers from its in-memory word index, then reads the page's nodes through the worker's IPC; Neo4j ranks the full-text index's candidates on their names and reads only the page whole (before/after rows). What is left is mostly the tail: on 2 cores shared by the engine, the server and the load, a few answers wait for a core; a p99 under 20 ms needs the engine's reads to be the only work on the machine.",
  neighbours:
    "the per-type totals are now cheap on both engines (Neo4j's degree store, Kùzu's counts: a few ms); the time left is reading the page of 50 relationships whole with both ends: Kùzu 0.11 reads a table's property columns for the matched rows at a fixed cost per table part, and Neo4j's shared paging sorts the first type's relationship ids before expanding them again. A page read through the relationship index (Neo4j) or a bounded cache of whole rows (Kùzu) would close it.",
  timeline:
    "both engines pick the week's facts from an index now (Kùzu: a date index in typed arrays, read once per generation and kept in step with merges; Neo4j: range and composite date indexes, one hinted seek per type and date shape): see the before/after rows. What remains on Kùzu is reading the 500 chosen relationships and their ends whole (a fixed cost per table part in Kùzu 0.11); on Neo4j, facts dated by a range with one open end cannot be found by an index, so every range overlapping the week is read before the page is cut; a sort key written at load time (coalesce(date, dateFrom)) would let each part stop after the page.",
  paths:
    "Kùzu answers from an in-memory adjacency (a bidirectional breadth-first search over typed arrays, read once per generation, kept in step with merges) and reads only the path's hops; Neo4j uses its own shortestPath. Right after the worker starts at 1M the adjacency is still being read (about 10–30 s) and the engine's recursive join answers meanwhile, slowly.",
  ingest:
    "preview: the gazetteer is cached per store (before/after rows). Commit: one write transaction of a few facts; the ids it checks are looked up through their labels' indexes now (a scan of every node before). On Kùzu the commit crosses the worker and waits for the single writer; on a shared machine it waits for a core.",
  http: 'the median of paired differences (each HTTP request beside the same call in-process): what is left is serialising large answers to JSON (the 500-item timeline, the hub page) and, on a shared machine, the contention inside a pair.',
  mixed:
    "both sides queue for the engine: on Kùzu reads wait for a slot in the worker's host (two in flight, the rest in order, 503 past 256 waiting), so neither piles up to a timeout. On Kùzu in the run of 2026-12-02 03:37 UTC the figure is not a measurement of the load: the before/after row just before it (the old ingest gazetteer, every node read whole) passed the worker's RSS limit, the worker was restarted and spent the 8 s of the mixed load reading its indexes again, so HTTP completed no request and the bare script 5 (its 5 errors are the host's 503 \"busy\"). The bench now waits for the indexes before the mixed load (bench/suites/api.ts); the ratio on Kùzu at 1M is to be measured again. Neo4j's is in section 2.",
  memory:
    "Kùzu's buffer pool is 512 MiB by default now (JEJAK_KUZU_BUFFER_MB; it was 2 GiB and filled with what reads touched), and the worker's in-memory indexes (search words, date index, adjacency) take about 10–30 bytes per relationship; the server process itself stays near 120 MiB. The figure is the server's and the worker's peaks added (an upper bound: they need not peak together), and the worker peaks while it reads its indexes after a start; a smaller pool, or indexes read in one lane, trades start-up time and reads from disk for memory.",
  load:
    "Kùzu's seed path writes one JSON file per group and runs its COPY, like the raw path, plus the schema and the health count. Neo4j's seed and raw paths run the same column batches (each property name once per batch) through createAll; the seed path adds validating every row before anything is deleted, the schema, and the reload marker.",
  aggregate:
    "Neo4j's aggregated overview is drawn by the browser suite from the answer its API suite recorded; in this run Neo4j's API suite ran after the browser suite (the largest scale goes engine by engine: Kùzu, the browser, then Neo4j), so only Kùzu's answer was drawn. The drawing does not depend on the engine: both answer the same shape from a cached count.",
  'small-views':
    "at these sizes the app now draws in its lean style (client/src/perf.ts: straight haystack edges whose curve, arrow and type come back on hover, selection and paths; names from 8 px; no outline, border or font rules). In the one-change variants of 2026-12-02 ~01:48 UTC (`--browser-variants`, 3 alternating samples) it took 0.75× plain Cytoscape's main-thread CPU at 500 nodes and 0.79× at 2,000, where the app style with bezier edges and arrows had taken 1.15–1.4×. A first frame here is a few hundred ms, so a miss in one run is the machine's load: compare the CPU figures in section 3.",
  'first-frame-10k':
    "a CPU profile of the bench page at 10k nodes / 20k edges (lean style, on the loaded machine of 2026-12-02 ~02:10 UTC) splits the first frame into Cytoscape's own element work (creating 30k elements, their style and bounding boxes for the initial fit: about 1.9 s, 1.5 s of it style), one draw of the whole view through its layered texture cache (about 0.95 s), and garbage collection (0.7 s). Main-thread CPU for the first frame was 2.3–2.4 s against plain Cytoscape's 2.9–3.0 s in the same runs. Style rules are not the cost (dropping the per-label rules saved < 0.1 s; no node labels 0.2 s; no edges at all 0.55 s), so under 2 s on this software canvas with shared cores needs fewer elements drawn (the aggregated overview, which the explorer opens when the graph's overview is cut short at 5,000 or more) or a GPU renderer.",
  'layout-10k':
    'the positions come from the web worker, and are placed a slice per frame while a frame stays under 150 ms; at 10k a single draw is already past 200 ms (above), so the placement falls back to one draw and the long tasks left are the draws themselves and fitting the view. Closing it needs a cheaper draw (WebGL on a GPU, no texture cache for tiny nodes) rather than a different placement.',
  quick:
    "the last --quick run (its own report under bench/results/quick/) ran on a machine shared with other work; the full run lists its duration and load.",
};
