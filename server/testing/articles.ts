/** Small ingestable articles for write tests: each `n` gives a different text (so a different article id) stating the same facts. */
export function treatyArticle(n: number): string {
  return [
    `Kim Jong Un Terima Menhan Rusia di Pyongyang (${n})`,
    '',
    'Senin, 2 Desember 2024 10:00 WIB',
    '',
    'PYONGYANG - Pemimpin Korea Utara Kim Jong Un bertemu dengan Menteri Pertahanan Rusia Andrei Belousov di Pyongyang pada Jumat, 29 November 2024.',
    '',
    'Vladimir Putin dan Kim Jong Un menandatangani Perjanjian Kemitraan Strategis Komprehensif pada 19 Juni 2024 di Pyongyang.',
    '',
    `Laporan nomor ${n}.`,
  ].join('\n');
}

export const PUTIN = 'person:vladimir-putin';
export const TREATY = 'agreement:comprehensive-strategic-partnership-treaty';
export const KIM = 'person:kim-jong-un';
export const BELOUSOV = 'person:andrei-belousov';

/** POSTs JSON and returns the status and the parsed body. */
export async function postJson(url: string, body: unknown, token?: string): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** Previews an article and commits every candidate, as a reviewer accepting all would. */
export async function ingestAll(base: string, text: string, token: string): Promise<{ status: number; body: Record<string, any> }> {
  const preview = await postJson(`${base}/api/ingest/preview`, { text, outlet: 'Contoh' });
  if (preview.status !== 200) return preview;
  const accept = (preview.body.candidates as Array<{ id: string }>).map((c) => c.id);
  return postJson(`${base}/api/ingest`, { text, outlet: 'Contoh', accept }, token);
}
