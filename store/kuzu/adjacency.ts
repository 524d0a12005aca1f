/**
 * Every node's neighbours in memory, for shortest paths on Kùzu: its recursive
 * join (`* SHORTEST`) explodes around hubs (785 ms a random pair at 1M
 * relationships) and runs out of a 512 MiB buffer pool. A breadth-first
 * search from both ends over typed arrays (about 10 bytes a relationship,
 * both directions) finds the same length; only the path's own rows are then
 * read from the database.
 *
 * Read once per generation of the data, kept in step with merges (new nodes
 * and edges go to small side lists).
 */
import { NODE_LABELS, REL_TYPES, type NodeLabel, type RelType } from '../../shared/schema.js';

/** The direction bit of an adjacency entry: set when the relationship points at this node. */
const INWARD = 0x80;
const TYPE_CODE = new Map<string, number>(REL_TYPES.map((t, i) => [t, i]));
const LABEL_CODE = new Map<string, number>(NODE_LABELS.map((l, i) => [l, i]));

/** One step of a path: the relationship's type and which end is its source. */
export interface Hop {
  from: { id: string; label: NodeLabel };
  to: { id: string; label: NodeLabel };
  type: RelType;
  /** The relationship points from `from` to `to` (else the other way). */
  forward: boolean;
}

export interface AdjacencyInput {
  /** Node ids and labels; a node's place in this list is its number below. */
  ids: string[];
  labels: Uint8Array;
  /** Relationships as (source, target, type code) triples of node numbers. */
  sources: Uint32Array;
  targets: Uint32Array;
  types: Uint8Array;
}

export const labelCode = (label: string): number => LABEL_CODE.get(label) ?? -1;
export const typeCode = (type: string): number => TYPE_CODE.get(type) ?? -1;

export class Adjacency {
  private readonly ids: string[];
  private readonly labels: number[];
  private readonly byId = new Map<string, number>();
  /** CSR: node i's entries are at start[i]..start[i + 1] of `other` and `code`. */
  private readonly start: Uint32Array;
  private readonly other: Uint32Array;
  private readonly code: Uint8Array;
  /** Entries merged since the build, per node. */
  private readonly side = new Map<number, number[]>();
  private sideCount = 0;

  constructor(input: AdjacencyInput) {
    this.ids = input.ids;
    this.labels = Array.from(input.labels);
    input.ids.forEach((id, i) => this.byId.set(id, i));
    const n = input.ids.length;
    const m = input.sources.length;
    this.start = new Uint32Array(n + 1);
    for (let e = 0; e < m; e++) {
      this.start[input.sources[e] + 1]++;
      this.start[input.targets[e] + 1]++;
    }
    for (let i = 0; i < n; i++) this.start[i + 1] += this.start[i];
    const fill = this.start.slice(0, n);
    this.other = new Uint32Array(2 * m);
    this.code = new Uint8Array(2 * m);
    for (let e = 0; e < m; e++) {
      const s = input.sources[e];
      const t = input.targets[e];
      this.other[fill[s]] = t;
      this.code[fill[s]++] = input.types[e];
      this.other[fill[t]] = s;
      this.code[fill[t]++] = input.types[e] | INWARD;
    }
  }

  /** Relationships merged since the build; past a bound the owner reads the adjacency again. */
  get sideSize(): number {
    return this.sideCount;
  }

  /** A node a merge created (an id already known is left as it is). */
  addNode(id: string, label: string): void {
    if (this.byId.has(id) || labelCode(label) < 0) return;
    this.byId.set(id, this.ids.length);
    this.ids.push(id);
    this.labels.push(labelCode(label));
  }

  /** A relationship a merge created between two known nodes. */
  addEdge(source: string, target: string, type: string): void {
    const s = this.byId.get(source);
    const t = this.byId.get(target);
    const c = typeCode(type);
    if (s === undefined || t === undefined || c < 0) return;
    this.push(s, t, c);
    this.push(t, s, c | INWARD);
    this.sideCount++;
  }

  private push(node: number, other: number, code: number): void {
    const list = this.side.get(node);
    if (list) list.push(other, code);
    else this.side.set(node, [other, code]);
  }

  private forEachNeighbour(node: number, wanted: Uint8Array, visit: (other: number, code: number) => boolean): boolean {
    // Nodes merged since the build have side entries only.
    if (node + 1 < this.start.length)
      for (let k = this.start[node], end = this.start[node + 1]; k < end; k++)
        if (wanted[this.code[k] & ~INWARD] && visit(this.other[k], this.code[k])) return true;
    const side = this.side.get(node);
    if (side) for (let k = 0; k < side.length; k += 2) if (wanted[side[k + 1] & ~INWARD] && visit(side[k], side[k + 1])) return true;
    return false;
  }

  /**
   * A shortest undirected path of at most `maxHops` relationships of `types`
   * between two nodes, as its hops; null when there is none (or an end is unknown).
   * Both ends search a level at a time, the smaller frontier first; a level's
   * best meeting point is the shortest path.
   */
  shortest(from: string, to: string, types: readonly RelType[], maxHops: number): Hop[] | null {
    const a = this.byId.get(from);
    const b = this.byId.get(to);
    if (a === undefined || b === undefined || a === b) return null;
    const wanted = new Uint8Array(128);
    for (const t of types) if (TYPE_CODE.has(t)) wanted[TYPE_CODE.get(t)!] = 1;
    const n = this.ids.length;
    // Per side: the node it was reached from (-1: not reached) and the entry's code, and the depth.
    const parent = [new Int32Array(n).fill(-1), new Int32Array(n).fill(-1)];
    const via = [new Uint8Array(n), new Uint8Array(n)];
    const depth = [new Uint16Array(n), new Uint16Array(n)];
    parent[0][a] = a;
    parent[1][b] = b;
    let frontier = [[a], [b]];
    const reached = [0, 0];
    while (frontier[0].length && frontier[1].length && reached[0] + reached[1] < maxHops) {
      const side = frontier[0].length <= frontier[1].length ? 0 : 1;
      const otherSide = 1 - side;
      const next: number[] = [];
      let best: { length: number; u: number; v: number; code: number } | null = null;
      for (const u of frontier[side]) {
        this.forEachNeighbour(u, wanted, (v, code) => {
          if (parent[otherSide][v] !== -1) {
            const length = depth[side][u] + 1 + depth[otherSide][v];
            if (!best || length < best.length) best = { length, u, v, code };
            return false;
          }
          if (parent[side][v] === -1) {
            parent[side][v] = u;
            via[side][v] = code;
            depth[side][v] = depth[side][u] + 1;
            next.push(v);
          }
          return false;
        });
      }
      reached[side]++;
      if (best) return this.hops(best, side, parent, via);
      frontier[side] = next;
    }
    return null;
  }

  /** The hops from `from` to `to` through the meeting edge u–v (u on `side`). */
  private hops(meet: { u: number; v: number; code: number }, side: number, parent: Int32Array[], via: Uint8Array[]): Hop[] {
    // Walk each side back to its end: [end … u] on `side`, [v … end] on the other.
    const chain = (start: number, s: number): Array<{ node: number; code: number }> => {
      const out: Array<{ node: number; code: number }> = [];
      for (let x = start; parent[s][x] !== x; x = parent[s][x]) out.push({ node: x, code: via[s][x] });
      return out;
    };
    // Nodes from the side's end to the far end, and each step's code seen from the node before it.
    const near = chain(meet.u, side); // u, …, (child of end): code of entry parent→child
    const far = chain(meet.v, 1 - side); // v, …: code of entry parent→child on the other side
    const nearEnd = near.length ? parent[side][near[near.length - 1].node] : meet.u;
    const nodes = [nearEnd, ...near.map((x) => x.node).reverse()];
    const codes = near.map((x) => x.code).reverse();
    nodes.push(meet.v);
    codes.push(meet.code);
    // The other side's steps were taken from the far end: seen from this side, their direction flips.
    for (const x of far) {
      nodes.push(parent[1 - side][x.node]);
      codes.push(x.code ^ INWARD);
    }
    const hops: Hop[] = codes.map((code, i) => ({
      from: this.end(nodes[i]),
      to: this.end(nodes[i + 1]),
      type: REL_TYPES[code & ~INWARD],
      forward: (code & INWARD) === 0,
    }));
    return side === 0 ? hops : hops.reverse().map((h) => ({ from: h.to, to: h.from, type: h.type, forward: !h.forward }));
  }

  private end(node: number): { id: string; label: NodeLabel } {
    return { id: this.ids[node], label: NODE_LABELS[this.labels[node]] };
  }
}
