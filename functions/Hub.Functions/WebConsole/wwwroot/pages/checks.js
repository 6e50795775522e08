// Look-up by ID number and claim verification; the number travels in the POST body only.
import { api } from '../js/api.js';
import { definitions, field, groupLabel, h, input, message, page, problemText, purposeOptions, select, t, tOr, today } from '../js/dom.js';
import { divisionHint, loadDivisions } from '../js/divisions.js';
import { GROUPS, state } from '../js/state.js';
import { personDetails } from './persons.js';

export async function lookupPage() {
  const residentId = input({ inputmode: 'text', maxlength: 18, spellcheck: 'false' });
  const purposeSelect = select(purposeOptions(true), state.purpose);
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'card filters', method: 'post' },
    field(t('lookup.residentId'), residentId, 'residentId'),
    field(t('filter.purpose'), purposeSelect, 'purpose'),
    h('div', {}, h('button', { type: 'submit' }, t('lookup.submit'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    state.purpose = purposeSelect.value;
    try {
      const person = await api('/api/persons/lookup', { method: 'POST', body: { residentId: residentId.value.trim(), purpose: purposeSelect.value || null } });
      result.replaceChildren(
        h('h2', {}, person.attributes?.name ?? t('person.untitled')),
        ...personDetails(person),
        h('p', {}, h('a', { href: `#/person/${person.personKey}` }, t('lookup.open'))));
    } catch (error) {
      result.replaceChildren(message('error', problemText(error)));
    }
  });
  page('lookup.title', h('p', {}, t('lookup.explain')), form, result);
}

export async function verifyPage() {
  await loadDivisions();
  const residentId = input({ maxlength: 18, spellcheck: 'false' });
  const kind = select([['inGroup', t('claim.inGroup')], ['disabilityGradeAtMost', t('claim.disabilityGradeAtMost')], ['livesIn', t('claim.livesIn')]], 'inGroup');
  const group = select(GROUPS.map((g) => [g, groupLabel(g)]), 'dibao');
  const grade = select([1, 2, 3, 4].map((g) => [String(g), t('claim.grade', { grade: g })]), '2');
  const division = input({ inputmode: 'numeric', value: state.session.claims.division ?? '' });
  const on = input({ type: 'date', value: today() });
  const purposeSelect = select(purposeOptions(true), state.purpose || 'eligibility-check');
  const groupField = field(t('claim.group'), group, 'group');
  const gradeField = field(t('claim.gradeLabel'), grade, 'grade');
  const divisionField = h('div', {}, field(t('claim.division'), division, 'division'), divisionHint(division));
  const onField = field(t('claim.on'), on, 'on');
  const show = () => {
    groupField.hidden = kind.value !== 'inGroup';
    gradeField.hidden = kind.value !== 'disabilityGradeAtMost';
    divisionField.hidden = kind.value !== 'livesIn';
    onField.hidden = kind.value === 'livesIn';
  };
  kind.addEventListener('change', show);
  show();
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'card filters', method: 'post' },
    field(t('lookup.residentId'), residentId, 'residentId'),
    field(t('claim.kind'), kind, 'kind'), groupField, gradeField, divisionField, onField,
    field(t('filter.purpose'), purposeSelect, 'purpose'),
    h('div', {}, h('button', { type: 'submit' }, t('claim.submit'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const claim = { kind: kind.value };
    if (kind.value === 'inGroup') Object.assign(claim, { group: group.value, on: on.value || null });
    if (kind.value === 'disabilityGradeAtMost') Object.assign(claim, { grade: Number(grade.value), on: on.value || null });
    if (kind.value === 'livesIn') claim.division = division.value.trim();
    try {
      const answer = await api('/api/verifications', { method: 'POST', body: { residentId: residentId.value.trim(), claim, purpose: purposeSelect.value || null } });
      result.replaceChildren(h('section', { class: 'card' },
        h('h2', {}, t('claim.result')),
        h('p', { class: `answer ${answer.answer ? 'ok' : ''}`, 'data-answer': String(answer.answer) }, answer.answer ? t('claim.yes') : t('claim.no')),
        definitions([[t('claim.asOf'), answer.asOf], [t('claim.source'), answer.source ? tOr(`source.${answer.source}`, answer.source) : t('claim.noSource')]])));
    } catch (error) {
      result.replaceChildren(message('error', problemText(error)));
    }
  });
  page('claim.title', h('p', {}, t('claim.explain')), form, result);
}
