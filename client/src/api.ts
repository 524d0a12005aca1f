/** Typed client of the Jejak HTTP API; shapes come from shared/api.ts. */
import type {
  ApiError,
  ArticleResponse,
  CypherRequest,
  EdgeProvenanceResponse,
  ExportFormatInfo,
  GraphResponse,
  HealthResponse,
  IngestArticle,
  IngestCommit,
  IngestPreviewResponse,
  IngestReport,
  NeighboursResponse,
  NodeResponse,
  PathsResponse,
  QueryResponse,
  SavedQueryInfo,
  SearchResponse,
  TimelineResponse,
} from '../../shared/api.js';

/** An API call that failed, with the message to show the user. */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

function isApiError(body: unknown): body is ApiError {
  return typeof body === 'object' && body !== null && 'error' in body && typeof (body as ApiError).error?.message === 'string';
}

async function failure(res: Response): Promise<ApiFailure> {
  const body: unknown = await res.json().catch(() => null);
  if (isApiError(body)) return new ApiFailure(body.error.code, body.error.message, res.status);
  return new ApiFailure('HTTP_' + res.status, `the server answered ${res.status} ${res.statusText}`, res.status);
}

async function request(path: string, init?: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (err) {
    throw new ApiFailure('NETWORK', `cannot reach the server (${err instanceof Error ? err.message : String(err)})`, 0);
  }
  if (!res.ok) throw await failure(res);
  return res;
}

async function getJson<T>(path: string, query: Record<string, string | number | boolean | undefined> = {}): Promise<T> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return (await request(s ? `${path}?${s}` : path)).json() as Promise<T>;
}

async function postJson<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return res.json() as Promise<T>;
}

const enc = encodeURIComponent;

export interface NeighbourQuery {
  limit?: number;
  offset?: number;
  direction?: 'out' | 'in' | 'both';
  types?: string[];
}

export interface ExportedFile {
  blob: Blob;
  filename: string;
  truncated: boolean;
}

export const api = {
  health: () => getJson<HealthResponse>('/api/health'),
  overview: (limit = 500, articles = false) => getJson<GraphResponse>('/api/graph', { limit, articles }),
  node: (id: string) => getJson<NodeResponse>(`/api/nodes/${enc(id)}`),
  neighbours: (id: string, q: NeighbourQuery = {}) =>
    getJson<NeighboursResponse>(`/api/nodes/${enc(id)}/neighbours`, { limit: q.limit, offset: q.offset, direction: q.direction, types: q.types?.join(',') }),
  search: (q: string, limit = 10, labels: string[] = []) => getJson<SearchResponse>('/api/search', { q, limit, labels: labels.join(',') }),
  queries: async () => (await getJson<{ queries: SavedQueryInfo[] }>('/api/queries')).queries,
  runQuery: (name: string, params: Record<string, unknown>) => postJson<QueryResponse>(`/api/queries/${enc(name)}/run`, { params }),
  cypher: (body: CypherRequest) => postJson<QueryResponse>('/api/cypher', body),
  paths: (from: string, to: string, mode: 'shortest' | 'all' = 'shortest', maxHops?: number) => getJson<PathsResponse>('/api/paths', { from, to, mode, maxHops }),
  timeline: (from?: string, to?: string, limit?: number) => getJson<TimelineResponse>('/api/timeline', { from, to, limit }),
  provenance: (edgeId: string) => getJson<EdgeProvenanceResponse>(`/api/edges/${enc(edgeId)}/provenance`),
  article: (id: string) => getJson<ArticleResponse>(`/api/articles/${enc(id)}`),
  /** Candidate facts of an article; writes nothing, needs no token. */
  ingestPreview: (article: IngestArticle) => postJson<IngestPreviewResponse>('/api/ingest/preview', article),
  /** Merges the accepted candidates into the graph; the write token goes in the Authorization header. */
  ingest: (body: IngestCommit, token: string) => postJson<IngestReport>('/api/ingest', body, { Authorization: `Bearer ${token}` }),
  exportFormats: async () => (await getJson<{ formats: ExportFormatInfo[] }>('/api/export/formats')).formats,
  /** The file of a format for the given node ids (the API adds every edge among them). */
  async exportIds(format: string, ids: string[]): Promise<ExportedFile> {
    const res = await request(`/api/export/${enc(format)}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ids }) });
    const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? `jejak.${format}`;
    return { blob: await res.blob(), filename: name, truncated: res.headers.get('X-Jejak-Truncated') === 'true' };
  },
};

export function messageOf(err: unknown): string {
  if (err instanceof ApiFailure) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}
