// Department integrators and officers: a source's batches, one batch, and the decision about a held snapshot.
import { api, download, feedSource, hasRole } from '../js/api.js';
import { definitions, field, h, message, page, problemText, t, tOr, table, time } from '../js/dom.js';
import { DEPARTMENT } from '../js/state.js';
import { decide } from './stewards.js';

export const COUNTS = ['received', 'inserted', 'updated', 'unchanged', 'rejected', 'endDated', 'unidentified'];

export async function batchesPage() {
  const source = feedSource();
  const content = h('div', { 'aria-live': 'polite' });
  const status = h('div', { 'aria-live': 'polite' });
  page('batches.title', h('p', {}, t('batches.explain', { source: tOr(`source.${source}`, source) })), status, content);
  try {
    const batches = await api(`/api/feeds/${encodeURIComponent(source)}/batches`);
    content.replaceChildren(batches.length === 0 ? message('status', t('batches.none')) : table(
      [t('col.batch'), t('col.mode'), t('col.status'), t('col.receivedAt'), ...COUNTS.map((c) => t(`count.${c}`)), t('col.rejects')],
      batches.map((b) => [
        h('a', { href: `#/batch/${b.id}` }, b.id),
        t(`mode.${b.mode}`),
        t(`status.${b.status}`),
        time(b.receivedAt),
        ...COUNTS.map((c) => String(b.counts?.[c] ?? 0)),
        (b.counts?.rejected ?? 0) + (b.counts?.unidentified ?? 0) > 0
          ? h('button', { type: 'button', class: 'secondary', 'data-rejects': b.id, onclick: () => download(`/api/feeds/${encodeURIComponent(source)}/batches/${encodeURIComponent(b.id)}/rejects`, `rejects-${source}-${b.id}.csv`, status) }, t('batches.download'))
          : '',
      ]), t('batches.caption')));
  } catch (error) {
    content.replaceChildren(message('error', problemText(error)));
  }
}

export async function batchPage(batchId) {
  const source = feedSource();
  const content = h('div', { 'aria-live': 'polite' });
  const status = h('div', { 'aria-live': 'polite' });
  page('batch.title', content, status);
  try {
    const b = await api(`/api/feeds/${encodeURIComponent(source)}/batches/${encodeURIComponent(batchId)}`);
    content.replaceChildren(
      definitions([
        [t('col.batch'), b.id], [t('col.mode'), t(`mode.${b.mode}`)], [t('col.status'), t(`status.${b.status}`)],
        [t('col.receivedAt'), time(b.receivedAt)], [t('batch.finishedAt'), time(b.finishedAt)],
        ...COUNTS.map((c) => [t(`count.${c}`), String(b.counts?.[c] ?? 0)]),
        ...(b.failureReason ? [[t('batch.failure'), b.failureReason]] : []),
        ...(b.hold ? [[t('batch.held'), t(b.counts.received === b.counts.rejected ? 'held.nothingRead' : 'held.numbers', {
          ended: b.hold.wouldEndDate, current: b.hold.currentRecords, received: b.counts.received,
          share: percent(b.hold.wouldEndDate / Math.max(1, b.hold.currentRecords)), allowed: percent(b.hold.allowedShare),
        })]] : []),
        ...(b.decision ? [[t('batch.decision'), `${t(`status.${b.decision.kind === 'confirmed' ? 'accepted' : 'discarded'}`)} · ${b.decision.decidedBy} · ${time(b.decision.decidedAt)} · ${b.decision.reason}`]] : []),
        ...(b.ignoredColumns?.length ? [[t('batch.ignored'), b.ignoredColumns.join(', ')]] : []),
        ...(b.status === 'completed' ? [[t('batch.quality'), h('a', { href: `#/quality-batch/${encodeURIComponent(source)}/${encodeURIComponent(b.id)}`, 'data-quality-link': b.id }, t('batch.qualityLink'))]] : []),
      ]),
      h('h2', {}, t('batch.firstRejections')),
      b.firstRejections.length ? table([t('col.row'), t('col.field'), t('col.reason')], b.firstRejections.map((r) => [String(r.row), r.field ?? '', r.reason])) : message('ok', t('batch.noRejections')),
      h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: () => download(`/api/feeds/${encodeURIComponent(source)}/batches/${encodeURIComponent(b.id)}/rejects`, `rejects-${source}-${b.id}.csv`, status) }, t('batches.download'))),
      b.status === 'held' && hasRole(DEPARTMENT) ? decisionForm(source, b, batchId) : '');
  } catch (error) {
    content.replaceChildren(message('error', problemText(error)));
  }
}

export function percent(share) {
  return new Intl.NumberFormat(document.documentElement.lang || 'zh-CN', { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

// A held snapshot is confirmed (applied in full) or discarded (nothing applied), with a reason kept with the batch.
export function decisionForm(source, b, batchId) {
  const reason = h('textarea', { rows: 2, maxlength: 500, required: true });
  const result = h('div', { 'aria-live': 'polite' });
  const decide = async (verb) => {
    if (!reason.value.trim()) {
      result.replaceChildren(message('error', t('held.reasonRequired')));
      return;
    }
    try {
      await api(`/api/feeds/${encodeURIComponent(source)}/batches/${encodeURIComponent(b.id)}/${verb}`, { method: 'POST', body: { reason: reason.value.trim() } });
      await batchPage(batchId);
    } catch (error) {
      result.replaceChildren(message('error', problemText(error)));
    }
  };
  return h('section', { 'aria-labelledby': 'held-title' },
    h('h2', { id: 'held-title' }, t('held.title')),
    h('p', {}, t('held.explain')),
    field(t('held.reason'), reason, 'reason'),
    h('p', {},
      h('button', { type: 'button', 'data-decide': 'confirm', onclick: () => decide('confirm') }, t('held.confirm')), ' ',
      h('button', { type: 'button', class: 'secondary', 'data-decide': 'discard', onclick: () => decide('discard') }, t('held.discard'))),
    result);
}
