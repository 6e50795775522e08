// Data stewards: the queue of possible matches and the decisions about them.
import { api, query } from '../js/api.js';
import { attributeLabel, definitions, field, h, input, message, page, problemText, select, t, tOr, table, time, valueLabel } from '../js/dom.js';

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

// The queue's filters outlive a visit to another page, as the residents list's do.
export const queueFilters = { source: '', minScore: '', maxScore: '', sort: 'age', pageSize: '20' };

function choiceInput(name, value, label, checked) {
  return h('label', { class: 'choice' }, h('input', { type: 'radio', name, value, checked }), label);
}

// One possible match: the record beside its candidates, the single decisions, and the choice for the page's decision.
function queueItem(item, reload) {
  const status = h('div', { 'aria-live': 'polite' });
  const reason = reasonInput();
  const name = `choice-${item.recordKey}`;
  const record = h('section', { class: 'card', 'aria-label': t('queue.record') },
    h('h3', {}, t('queue.record')),
    definitions([
      [t('queue.source'), tOr(`source.${item.source}`, item.source)],
      [t('queue.queuedAt'), time(item.queuedAt)],
      [t('queue.score'), typeof item.score === 'number' ? item.score.toFixed(2) : ''],
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
        onclick: async () => { if (await decide(`/api/resolution/records/${encodeURIComponent(item.recordKey)}/link`, { personKey: key, reason: reason.value || null }, status)) setTimeout(reload, 800); },
      }, t('queue.link')));
  });
  const choice = h('fieldset', { class: 'row', 'data-choice': item.recordKey },
    h('legend', {}, t('queue.choice')),
    choiceInput(name, '', t('queue.choiceNone'), true),
    item.candidates.map((c, i) => choiceInput(name, `link:${c.profile.personKey}`, t('queue.choiceLink', { n: i + 1, score: c.score.toFixed(1) }))),
    choiceInput(name, 'reject', t('queue.choiceReject')));
  const element = h('article', { class: 'card', 'data-record': item.recordKey },
    h('h2', {}, t('queue.item', { source: tOr(`source.${item.source}`, item.source) })),
    h('div', { class: 'side-by-side' }, record, h('div', {}, candidates)),
    field(t('steward.reason'), reason, 'reason'),
    h('p', { class: 'row' },
      h('button', {
        type: 'button',
        class: 'secondary',
        'data-action': 'reject',
        onclick: async () => { if (await decide(`/api/resolution/records/${encodeURIComponent(item.recordKey)}/reject`, { reason: reason.value || null }, status)) setTimeout(reload, 800); },
      }, t('queue.reject'))),
    choice,
    status);
  // The decision chosen for the page's bulk decision, or null when the item is left for now.
  const chosen = () => {
    const value = choice.querySelector('input:checked')?.value ?? '';
    if (!value) return null;
    const reasonText = reason.value || null;
    return value === 'reject'
      ? { recordKey: item.recordKey, action: 'reject', reason: reasonText }
      : { recordKey: item.recordKey, action: 'link', personKey: value.slice('link:'.length), reason: reasonText };
  };
  return { element, status, chosen };
}

export async function queuePage() {
  const sources = ['civil-affairs', 'disability-federation', 'housing-security', 'police'];
  const source = select([['', t('queue.anySource')], ...sources.map((s) => [s, tOr(`source.${s}`, s)])], queueFilters.source);
  const minScore = input({ type: 'number', step: 'any', inputmode: 'decimal', value: queueFilters.minScore });
  const maxScore = input({ type: 'number', step: 'any', inputmode: 'decimal', value: queueFilters.maxScore });
  const sort = select([['age', t('queue.sortAge')], ['score', t('queue.sortScore')]], queueFilters.sort);
  const pageSize = select(['5', '20', '50', '100'].map((n) => [n, n]), queueFilters.pageSize);
  const form = h('form', { class: 'filters card', method: 'post', 'aria-label': t('queue.filters') },
    field(t('queue.source'), source, 'source'),
    field(t('queue.minScore'), minScore, 'minScore'),
    field(t('queue.maxScore'), maxScore, 'maxScore'),
    field(t('queue.sort'), sort, 'sort'),
    field(t('queue.pageSize'), pageSize, 'pageSize'),
    h('div', {}, h('button', { type: 'submit' }, t('filter.apply'))));
  const summary = h('div', { 'aria-live': 'polite' });
  const content = h('div', {});
  const outcome = h('div', { 'aria-live': 'polite' });
  const pager = h('div', { class: 'row' });
  page('queue.title', h('p', {}, t('queue.explain')), form, summary, content, outcome, pager);

  let items = [];
  // A later request supersedes an earlier one still on its way, so a slow first page never overwrites a filtered one.
  let generation = 0;
  const reload = () => load(null);
  async function load(continuation) {
    generation += 1;
    const mine = generation;
    summary.setAttribute('aria-busy', 'true');
    outcome.replaceChildren();
    try {
      const answer = await api(`/api/resolution/queue${query({ ...queueFilters, continuation })}`);
      if (mine !== generation) return;
      items = answer.items.map((item) => queueItem(item, reload));
      summary.replaceChildren(answer.total === 0
        ? message('ok', t('queue.empty'))
        : message('status', t('queue.total', { total: answer.total, shown: answer.items.length })));
      // replaceChildren writes null as text, so absent parts are left out rather than passed as null.
      content.replaceChildren(...items.map((i) => i.element),
        ...(items.length ? [h('p', { class: 'row' }, h('button', { type: 'button', 'data-action': 'decide-selected', onclick: decideSelected }, t('queue.decideSelected')))] : []));
      pager.replaceChildren(
        ...(continuation ? [h('button', { type: 'button', class: 'secondary', onclick: reload }, t('queue.first'))] : []),
        ...(answer.continuation ? [h('button', { type: 'button', 'data-action': 'next-page', onclick: () => load(answer.continuation) }, t('queue.next'))] : []));
    } catch (error) {
      if (mine === generation) summary.replaceChildren(message('error', problemText(error)));
    } finally {
      if (mine === generation) summary.setAttribute('aria-busy', 'false');
    }
  }

  async function decideSelected() {
    const chosen = items.map((i) => ({ item: i, decision: i.chosen() })).filter((c) => c.decision);
    if (chosen.length === 0) {
      outcome.replaceChildren(message('warn', t('queue.noneSelected')));
      return;
    }
    try {
      const answer = await api('/api/resolution/decisions', { method: 'POST', body: { decisions: chosen.map((c) => c.decision) } });
      for (const result of answer.results) {
        const ok = result.status === 'applied';
        chosen[result.index].item.status.replaceChildren(message(ok ? 'ok' : 'error',
          ok ? t('queue.outcome.applied') : `${tOr(`queue.outcome.${result.status}`, result.status)}: ${result.detail ?? ''}`));
      }
      outcome.replaceChildren(message('ok', t('queue.bulkDone', { applied: answer.applied, count: chosen.length })),
        h('button', { type: 'button', class: 'secondary', onclick: reload }, t('queue.reload')));
    } catch (error) {
      outcome.replaceChildren(message('error', problemText(error)));
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    Object.assign(queueFilters, { source: source.value, minScore: minScore.value.trim(), maxScore: maxScore.value.trim(), sort: sort.value, pageSize: pageSize.value });
    load(null);
  });
  await load(null);
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
