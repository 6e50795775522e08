// Data quality per department: the figures each batch recorded when it completed, read back as the department's
// latest figures, timeliness, review backlog and trend (charts in plain SVG, each with its numbers in a table beside
// it), and how one batch moved them. Counts and rates only: the page never shows a person.
import { api, download } from '../js/api.js';
import { attributeLabel, definitions, h, message, page, problemText, t, tOr, table, time } from '../js/dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const SERIES = [
  ['rejectionRate', '#a4161a'],
  ['keptWithoutIdShare', '#7a4b00'],
  ['meanCompleteness', '#1d6b34'],
  ['disagreementRate', '#0b5cad'],
];

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value !== null && value !== undefined) el.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function share(value) {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(document.documentElement.lang || 'zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

function days(value) {
  return value === null || value === undefined ? '–' : t('quality.days', { days: value.toFixed(1) });
}

function sourceLabel(source) {
  return tOr(`source.${source}`, source);
}

// Four shares over the department's batches, oldest on the left; 0–100 % on the vertical axis.
function trendChart(trend) {
  const width = 640, height = 220, left = 44, right = 12, top = 12, bottom = 28;
  const x = (i) => left + (trend.length === 1 ? (width - left - right) / 2 : (i * (width - left - right)) / (trend.length - 1));
  const y = (v) => top + (1 - v) * (height - top - bottom);
  const grid = [0, 0.25, 0.5, 0.75, 1].map((v) => [
    svg('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: '#c9d1db' }),
    svg('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#4a5361' }, `${v * 100}%`),
  ]);
  const lines = SERIES.map(([name, colour]) => {
    const points = trend.map((p, i) => [i, p[name]]).filter(([, v]) => v !== null && v !== undefined);
    return svg('g', { 'data-series': name },
      points.length > 1 ? svg('polyline', { points: points.map(([i, v]) => `${x(i)},${y(v)}`).join(' '), fill: 'none', stroke: colour, 'stroke-width': 2 }) : null,
      points.map(([i, v]) => svg('circle', { cx: x(i), cy: y(v), r: 3.5, fill: colour },
        svg('title', {}, `${t(`quality.${name}`)} · ${trend[i].batchId} · ${share(v)}`))));
  });
  const labels = trend.map((p, i) => svg('text', { x: x(i), y: height - 8, 'text-anchor': 'middle', 'font-size': 10, fill: '#4a5361' }, String(i + 1)));
  return h('figure', { class: 'chart' },
    svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': t('quality.trendChart'), 'data-chart': 'trend' }, grid, lines, labels),
    // The swatches are drawn, not styled: the console's content security policy allows no inline style.
    h('figcaption', {}, SERIES.map(([name, colour]) => h('span', { class: 'legend' },
      svg('svg', { width: 16, height: 8, 'aria-hidden': 'true' }, svg('rect', { width: 16, height: 8, rx: 2, fill: colour })), t(`quality.${name}`)))));
}

// One horizontal bar a row: a share of 0–100 %, its label on the left and its value on the right.
function barChart(name, rows, colour) {
  const width = 640, bar = 18, gap = 6, left = 150, right = 60;
  const height = rows.length * (bar + gap) + gap;
  return h('figure', { class: 'chart' }, svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': t(`quality.${name}Chart`), 'data-chart': name },
    rows.map(([label, value], i) => {
      const y = gap + i * (bar + gap);
      return svg('g', {},
        svg('text', { x: left - 6, y: y + bar - 5, 'text-anchor': 'end', 'font-size': 12, fill: '#1b1f24' }, label),
        svg('rect', { x: left, y, width: width - left - right, height: bar, fill: '#e8edf3' }),
        svg('rect', { x: left, y, width: Math.max(0, value) * (width - left - right), height: bar, fill: colour }, svg('title', {}, `${label} · ${share(value)}`)),
        svg('text', { x: width - right + 6, y: y + bar - 5, 'font-size': 12, fill: '#1b1f24' }, share(value)));
    })));
}

function headline(s) {
  const l = s.latest;
  return definitions([
    [t('quality.latestBatch'), l ? h('a', { href: `#/quality-batch/${encodeURIComponent(s.source)}/${encodeURIComponent(l.batchId)}` }, l.batchId) : t('quality.noBatch')],
    [t('quality.rejectionRate'), l ? `${share(l.rejectionRate)} (${l.rejected} / ${l.received})` : '–'],
    [t('quality.keptWithoutIdShare'), l ? `${share(l.keptWithoutIdShare)} (${l.keptWithoutId})` : '–'],
    [t('quality.meanCompleteness'), share(l?.meanCompleteness)],
    [t('quality.disagreementRate'), share(l?.disagreementRate)],
    [t('quality.newestDataAge'), days(s.timeliness.newestDataAgeDays)],
    [t('quality.snapshotAge'), days(s.timeliness.snapshotAgeDays)],
    [t('quality.meanLag'), days(s.timeliness.meanLagDays)],
    [t('quality.review'), s.review.waiting === 0 ? t('quality.reviewNone') : t('quality.reviewWaiting', { count: s.review.waiting, days: s.review.oldestWaitingDays.toFixed(1) })],
  ]);
}

function detail(s) {
  const l = s.latest;
  const parts = [h('h2', { id: `q-${s.source}` }, sourceLabel(s.source)), headline(s)];
  if (!l) return h('section', { class: 'card', 'data-source': s.source }, parts);
  parts.push(
    h('h3', {}, t('quality.trend')),
    trendChart(s.trend),
    table([t('quality.number'), t('col.batch'), t('col.mode'), t('col.receivedAt'), t('count.received'), ...SERIES.map(([name]) => t(`quality.${name}`)), t('quality.meanLag')],
      s.trend.map((p, i) => [String(i + 1), h('a', { href: `#/quality-batch/${encodeURIComponent(s.source)}/${encodeURIComponent(p.batchId)}` }, p.batchId), t(`mode.${p.mode}`), time(p.receivedAt), String(p.received),
        ...SERIES.map(([name]) => share(p[name])), days(p.meanLagDays)]), t('quality.trend')));
  if (l.completeness.length) {
    parts.push(h('h3', {}, t('quality.completeness')),
      barChart('completeness', l.completeness.map((c) => [attributeLabel(c.attribute), c.share]), '#1d6b34'),
      table([t('quality.attribute'), t('quality.rows'), t('quality.share')], l.completeness.map((c) => [attributeLabel(c.attribute), String(c.rows), share(c.share)]), t('quality.completeness')));
  }
  parts.push(h('h3', {}, t('quality.disagreements')));
  parts.push(l.disagreements.length
    ? [barChart('disagreements', l.disagreements.map((d) => [attributeLabel(d.attribute), d.rate]), '#0b5cad'),
      table([t('quality.attribute'), t('quality.otherSource'), t('quality.compared'), t('quality.differing'), t('quality.share')],
        l.disagreements.flatMap((d) => d.byDepartment.map((o) => [attributeLabel(d.attribute), sourceLabel(o.source), String(o.compared), String(o.differing), share(o.rate)])), t('quality.disagreements'))]
    : message('status', t('quality.noDisagreements')));
  parts.push(h('h3', {}, t('quality.rejections')));
  parts.push(l.rejections.length
    ? table([t('col.field'), t('col.reason'), t('quality.rows'), t('quality.share')], l.rejections.map((r) => [r.field ?? '', r.reason, String(r.rows), share(r.rate)]), t('quality.rejections'))
    : message('ok', t('batch.noRejections')));
  return h('section', { class: 'card', 'data-source': s.source }, parts);
}

export async function qualityPage(chosen) {
  const content = h('div', { 'aria-live': 'polite' });
  const status = h('div', { 'aria-live': 'polite' });
  page('quality.title', h('p', {}, t('quality.explain')), status, content);
  try {
    const city = await api('/api/quality');
    const selected = city.sources.find((s) => s.source === chosen) ?? city.sources[0];
    content.replaceChildren(
      city.sources.length > 1 ? table([t('quality.source'), t('quality.rejectionRate'), t('quality.keptWithoutIdShare'), t('quality.meanCompleteness'), t('quality.disagreementRate'), t('quality.newestDataAge'), t('quality.review')],
        city.sources.map((s) => [h('a', { href: `#/quality/${encodeURIComponent(s.source)}` }, sourceLabel(s.source)), share(s.latest?.rejectionRate), share(s.latest?.keptWithoutIdShare),
          share(s.latest?.meanCompleteness), share(s.latest?.disagreementRate), days(s.timeliness.newestDataAgeDays), String(s.review.waiting)]), t('quality.city')) : '',
      h('p', {}, h('button', { type: 'button', class: 'secondary', 'data-export': 'quality', onclick: () => download(`/api/quality/export${chosen ? `?source=${encodeURIComponent(selected.source)}` : ''}`, 'data-quality.csv', status) }, t('quality.download'))),
      detail(selected));
  } catch (error) {
    content.replaceChildren(message('error', problemText(error)));
  }
}

// How one batch moved its department's figures from the batch before it.
export async function qualityBatchPage(arg) {
  const [source, batchId] = arg.split('/');
  const content = h('div', { 'aria-live': 'polite' });
  page('quality.batchTitle', content);
  try {
    const report = await api(`/api/quality/${encodeURIComponent(source)}/batches/${encodeURIComponent(batchId)}`);
    const f = report.figures;
    const change = (m) => (m.change === null ? '–' : `${m.change > 0 ? '▲' : m.change < 0 ? '▼' : '＝'} ${m.figure === 'meanLagDays' ? m.change.toFixed(1) : share(Math.abs(m.change))}`);
    const value = (m, v) => (m.figure === 'meanLagDays' ? days(v) : share(v));
    content.replaceChildren(
      definitions([
        [t('quality.source'), h('a', { href: `#/quality/${encodeURIComponent(source)}` }, sourceLabel(source))],
        [t('col.batch'), h('a', { href: `#/batch/${encodeURIComponent(f.batchId)}` }, f.batchId)],
        [t('quality.previousBatch'), report.previousBatchId ?? t('quality.firstBatch')],
        [t('col.receivedAt'), time(f.receivedAt)],
        [t('quality.rejectionRate'), `${share(f.rejectionRate)} (${f.rejected} / ${f.received})`],
        [t('quality.keptWithoutIdShare'), `${share(f.keptWithoutIdShare)} (${f.keptWithoutId})`],
        [t('quality.waitingFromBatch'), String(report.waitingFromBatch)],
      ]),
      h('h2', {}, t('quality.movements')),
      table([t('quality.figure'), t('quality.attribute'), t('quality.before'), t('quality.after'), t('quality.change')],
        report.movements.map((m) => [t(`quality.${m.figure}`), m.subject ? attributeLabel(m.subject) : '', value(m, m.before), value(m, m.after), change(m)]), t('quality.movements')));
  } catch (error) {
    content.replaceChildren(message('error', problemText(error)));
  }
}
