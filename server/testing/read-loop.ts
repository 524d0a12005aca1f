/** GETs a few read routes in a loop until `stop()`, keeping every status and every node count health gave. */
export function readLoop(base: string) {
  const statuses: number[] = [];
  const nodeCounts: number[] = [];
  const paths = ['/api/health', '/api/search?q=kim', '/api/nodes/state:north-korea/neighbours?limit=20', '/api/graph?limit=200'];
  let running = true;
  const worker = async (w: number) => {
    for (let i = w; running; i++) {
      const p = paths[i % paths.length];
      const res = await fetch(base + p);
      const body = (await res.json()) as { nodes?: number };
      statuses.push(res.status);
      if (p === '/api/health' && res.status === 200) nodeCounts.push(body.nodes!);
    }
  };
  const workers = Promise.all([0, 1, 2, 3].map(worker));
  return {
    statuses,
    nodeCounts,
    async stop() {
      running = false;
      await workers;
    },
  };
}
