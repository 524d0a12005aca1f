/** A grouped bar chart as a standalone SVG string (no dependencies), for BENCHMARKS.md. */

export interface Series {
  name: string;
  color: string;
  /** One value per category; null leaves a gap. */
  values: Array<number | null>;
}

export interface BarChart {
  title: string;
  yLabel: string;
  categories: string[];
  series: Series[];
  /** Logarithmic y axis, for values spanning orders of magnitude. */
  log?: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function niceTicks(max: number): number[] {
  const step = 10 ** Math.floor(Math.log10(max / 4 || 1));
  const m = [1, 2, 5, 10].find((k) => max / (k * step) <= 6) ?? 10;
  const out: number[] = [];
  for (let v = 0; v <= max * 1.0001; v += m * step) out.push(v);
  return out;
}

function label(v: number): string {
  if (v >= 1e6) return `${v / 1e6}M`;
  if (v >= 1e3) return `${v / 1e3}k`;
  return String(Math.round(v * 100) / 100);
}

export function barChartSvg(c: BarChart): string {
  const W = 760;
  const H = 360;
  const pad = { l: 70, r: 20, t: 40, b: 70 };
  const plotW = W - pad.l - pad.r;
  const plotH = H - pad.t - pad.b;
  const values = c.series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
  const max = Math.max(1, ...values);
  const minLog = Math.floor(Math.log10(Math.max(1e-3, Math.min(...values, max))));
  const maxLog = Math.ceil(Math.log10(max));
  const y = c.log
    ? (v: number) => pad.t + plotH - ((Math.log10(Math.max(v, 10 ** minLog)) - minLog) / Math.max(1, maxLog - minLog)) * plotH
    : (v: number) => pad.t + plotH - (v / (niceTicks(max).at(-1) ?? max)) * plotH;
  const ticks = c.log ? Array.from({ length: maxLog - minLog + 1 }, (_, i) => 10 ** (minLog + i)) : niceTicks(max);
  const groupW = plotW / Math.max(1, c.categories.length);
  const barW = (groupW * 0.8) / Math.max(1, c.series.length);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="15" font-weight="600">${esc(c.title)}</text>`,
    `<text x="16" y="${pad.t + plotH / 2}" transform="rotate(-90 16 ${pad.t + plotH / 2})" text-anchor="middle">${esc(c.yLabel)}${c.log ? ' (log scale)' : ''}</text>`,
  ];
  for (const t of ticks) {
    parts.push(`<line x1="${pad.l}" x2="${W - pad.r}" y1="${y(t)}" y2="${y(t)}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${pad.l - 6}" y="${y(t) + 4}" text-anchor="end" fill="#4b5563">${label(t)}</text>`);
  }
  c.categories.forEach((cat, i) => {
    const x0 = pad.l + i * groupW + groupW * 0.1;
    c.series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null || !Number.isFinite(v) || v <= 0) return;
      const top = y(v);
      parts.push(`<rect x="${x0 + j * barW}" y="${top}" width="${barW - 2}" height="${pad.t + plotH - top}" fill="${s.color}"><title>${esc(`${s.name}, ${cat}: ${v}`)}</title></rect>`);
    });
    parts.push(`<text x="${pad.l + i * groupW + groupW / 2}" y="${pad.t + plotH + 18}" text-anchor="middle">${esc(cat)}</text>`);
  });
  parts.push(`<line x1="${pad.l}" x2="${W - pad.r}" y1="${pad.t + plotH}" y2="${pad.t + plotH}" stroke="#111827"/>`);
  c.series.forEach((s, j) => {
    const x = pad.l + j * 190;
    parts.push(`<rect x="${x}" y="${H - 28}" width="12" height="12" fill="${s.color}"/><text x="${x + 18}" y="${H - 18}">${esc(s.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
