// Data stewards: the queue of possible matches and the decisions about them.
import { api } from '../js/api.js';
import { attributeLabel, definitions, field, h, input, message, page, problemText, t, tOr, table, time, valueLabel } from '../js/dom.js';

export function profileValue(value) {
  if (value && typeof value === 'object' && 'value' in value) return String(value.value ?? '');
  if (value && typeof value === 'object') return JSON.stringify(value);
  return String(value ?? '');
}

export function reasonInput() {
  return h('textarea', { maxlength: 500 });
}

export async function decide(path, body, status) {
  try {
    const result = await api(path, { method: 'POST', body });
    status.replaceChildren(message('ok', t('steward.done', { status: result.status, detail: result.detail ?? '' })));
    return true;
  } catch (error) {
    status.replaceChildren(message('error', problemText(error)));
    return false;
  }
}

export async function queuePage() {
  const content = h('div', { 'aria-live': 'polite' });
  page('queue.title', h('p', {}, t('queue.explain')), content);
  let items;
  try {
    items = (await api('/api/resolution/queue?pageSize=100')).items;
  } catch (error) {
    content.replaceChildren(message('error', problemText(error)));
    return;
  }
  if (items.length === 0) {
    content.replaceChildren(message('ok', t('queue.empty')));
    return;
  }
  content.replaceChildren(h('p', {}, t('queue.count', { count: items.length })), ...items.map((item) => {
    const status = h('div', { 'aria-live': 'polite' });
    const reason = reasonInput();
    const record = h('section', { class: 'card', 'aria-label': t('queue.record') },
      h('h3', {}, t('queue.record')),
      definitions([
        [t('queue.source'), tOr(`source.${item.source}`, item.source)],
        [t('queue.queuedAt'), time(item.queuedAt)],
        ...Object.entries(item.record).map(([k, v]) => [attributeLabel(k), valueLabel(v)]),
      ]));
    const candidates = item.candidates.map((candidate) => {
      const key = candidate.profile.personKey;
      return h('section', { class: 'card', 'aria-label': t('queue.candidate') },
        h('h3', {}, t('queue.candidateScore', { score: candidate.score.toFixed(1) })),
        definitions(Object.entries(candidate.profile.attributes ?? {}).map(([k, v]) => [attributeLabel(k), valueLabel(profileValue(v))])),
        table([t('col.field'), t('col.level'), t('col.weight')], candidate.fields.map((f) => [attributeLabel(f.field ?? f.name ?? ''), tOr(`level.${f.level ?? 'missing'}`, String(f.level ?? '')), typeof f.weight === 'number' ? f.weight.toFixed(1) : '0.0'])),
        h('p', { class: 'mono' }, `${t('person.key')}: ${key}`),
        h('button', {
          type: 'button',
          'data-action': 'link',
          onclick: async () => { if (await decide(`/api/resolution/records/${encodeURIComponent(item.recordKey)}/link`, { personKey: key, reason: reason.value || null }, status)) setTimeout(queuePage, 800); },
        }, t('queue.link')));
    });
    return h('article', { class: 'card', 'data-record': item.recordKey },
      h('h2', {}, t('queue.item', { source: tOr(`source.${item.source}`, item.source) })),
      h('div', { class: 'side-by-side' }, record, h('div', {}, candidates)),
      field(t('steward.reason'), reason, 'reason'),
      h('p', { class: 'row' },
        h('button', {
          type: 'button',
          class: 'secondary',
          'data-action': 'reject',
          onclick: async () => { if (await decide(`/api/resolution/records/${encodeURIComponent(item.recordKey)}/reject`, { reason: reason.value || null }, status)) setTimeout(queuePage, 800); },
        }, t('queue.reject'))),
      status);
  }));
}

export async function decisionsPage() {
  const from = input({ maxlength: 32 });
  const into = input({ maxlength: 32 });
  const mergeReason = reasonInput();
  const mergeStatus = h('div', { 'aria-live': 'polite' });
  const splitKey = input({ maxlength: 32 });
  const splitReason = reasonInput();
  const splitStatus = h('div', { 'aria-live': 'polite' });
  const historyKey = input({ maxlength: 32 });
  const history = h('div', { 'aria-live': 'polite' });
  page('decisions.title',
    h('section', { class: 'card' }, h('h2', {}, t('decisions.merge')), h('p', {}, t('decisions.mergeExplain')),
      h('form', { method: 'post', class: 'filters', onsubmit: (e) => { e.preventDefault(); decide('/api/resolution/persons/merge', { from: from.value.trim(), into: into.value.trim(), reason: mergeReason.value || null }, mergeStatus); } },
        field(t('decisions.from'), from, 'from'), field(t('decisions.into'), into, 'into'), field(t('steward.reason'), mergeReason, 'reason'),
        h('div', {}, h('button', { type: 'submit' }, t('decisions.mergeSubmit')))), mergeStatus),
    h('section', { class: 'card' }, h('h2', {}, t('decisions.split')), h('p', {}, t('decisions.splitExplain')),
      h('form', { method: 'post', class: 'filters', onsubmit: (e) => { e.preventDefault(); decide(`/api/resolution/persons/${encodeURIComponent(splitKey.value.trim())}/split`, { reason: splitReason.value || null }, splitStatus); } },
        field(t('person.key'), splitKey, 'personKey'), field(t('steward.reason'), splitReason, 'reason'),
        h('div', {}, h('button', { type: 'submit' }, t('decisions.splitSubmit')))), splitStatus),
    h('section', { class: 'card' }, h('h2', {}, t('decisions.history')),
      h('form', {
        method: 'post',
        class: 'filters',
        onsubmit: async (e) => {
          e.preventDefault();
          try {
            const items = await api(`/api/resolution/persons/${encodeURIComponent(historyKey.value.trim())}/history`);
            history.replaceChildren(items.length ? table([t('col.time'), t('col.action'), t('col.user'), t('col.reason')],
              items.map((i) => [time(i.decidedAt), i.action, i.decidedBy, i.reason ?? ''])) : message('status', t('decisions.noHistory')));
          } catch (error) {
            history.replaceChildren(message('error', problemText(error)));
          }
        },
      }, field(t('person.key'), historyKey, 'personKey'), h('div', {}, h('button', { type: 'submit' }, t('decisions.historySubmit')))), history));
}
