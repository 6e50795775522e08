// Division names: the registry in force, read once per sign-in (a city's registry is small), so a code anywhere on a
// page reads as 朝阳区 / 建外街道 / 光华里社区 with the code beside it, smaller, and in its tooltip.
import { api } from './api.js';
import { h, valueLabel } from './dom.js';
import { state } from './state.js';

let loading = null;

// The registry's divisions by 12-digit code; an empty map when the Hub could not give it (codes are then shown as they are).
export async function loadDivisions() {
  if (state.divisions) return state.divisions;
  loading ??= api('/api/divisions')
    .then((answer) => new Map(answer.divisions.map((d) => [d.code, d])))
    .catch(() => new Map())
    .then((map) => { state.divisions = map; loading = null; return map; });
  return loading;
}

// A code padded as the Hub pads it: 6 and 9 digits name a district and a street.
function padded(code) {
  return /^\d{6}$|^\d{9}$/.test(code) ? code.padEnd(12, '0') : code;
}

// The path of a code from the loaded registry (朝阳区 / 建外街道), or null when it is not known (or masked).
export function divisionPath(code) {
  if (!code || !state.divisions) return null;
  return state.divisions.get(padded(String(code)))?.fullName ?? null;
}

// A code as a person reads it: the name (or the path the API gave), the code as secondary text and tooltip.
export function divisionLabel(code, name) {
  if (!code) return '';
  const shown = name ?? divisionPath(code);
  if (!shown) return h('span', { class: 'mono' }, code);
  return h('span', { class: 'division', title: code, 'data-code': code }, shown, ' ', h('small', { class: 'code' }, code));
}

// An attribute's value as read: a division code by its name (residenceDivision, registrationDivision), anything else as valueLabel reads it.
export function attributeValue(attribute, value) {
  return /Division$/.test(attribute) && typeof value === 'string' && /^\d{12}$/.test(value) ? divisionLabel(value) : valueLabel(value);
}

// A division filter's hint: the path of the code typed, updated as the user types.
export function divisionHint(control) {
  const hint = h('p', { class: 'field-hint', 'aria-live': 'polite' });
  const update = () => { hint.textContent = divisionPath(control.value.trim()) ?? ''; };
  control.addEventListener('input', update);
  update();
  return hint;
}
