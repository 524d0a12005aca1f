/**
 * The aggregated overview: a graph too big to draw, summarised on the server
 * as one group per node label (with its count) and one link per (from label,
 * relationship type, to label) with the number of relationships. Expanding a
 * group fetches its members a page at a time. Shared by server and client.
 */
import type { GraphNode } from './graph.js';
import type { NodeLabel, RelType } from './schema.js';

export interface AggregateGroup {
  label: NodeLabel;
  count: number;
}

export interface AggregateLink {
  from: NodeLabel;
  type: RelType;
  to: NodeLabel;
  count: number;
}

export interface AggregateOverview {
  groups: AggregateGroup[];
  /** Largest first. */
  links: AggregateLink[];
  nodes: number;
  relationships: number;
  /** When the counts were taken (ISO time): they are cached until the graph's size changes. */
  countedAt: string;
}

export interface GroupMembers {
  label: NodeLabel;
  /** One page of the group's nodes, the most connected first (ties by id). */
  members: Array<{ node: GraphNode; degree: number }>;
  total: number;
  offset: number;
  limit: number;
  truncated: boolean;
}

export interface GroupMembersRequest {
  label: NodeLabel;
  offset: number;
  limit: number;
}
