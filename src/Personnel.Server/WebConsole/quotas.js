// 名额 / Quotas: GET /v1/departments/{id}/quotas?year= — Good per quarter (AS 第八条) and Excellent per year (AS 第十二条).
import { get, id } from './api.js';
import { $, busy, h, refusal, show, table } from './dom.js';
import { today } from './labels.js';

export function init({ caller }) {
  $('#quotas-year').value = today().slice(0, 4);
  $('#quotas-department').value = caller.departmentId ?? '';
  const form = $('#quotas-form');
  if (form.dataset.bound) return;
  form.dataset.bound = '1';
  form.addEventListener('submit', (event) => { event.preventDefault(); load(); });
}

/** #quotas/harbour (the department view links there) shows that department's quotas for the year in the form. */
export function shown(departmentId) {
  if (departmentId) {
    $('#quotas-department').value = departmentId;
    load();
  }
}

export function reset() {
  $('#quotas-department').value = '';
  show($('#quotas-result'));
}

async function load() {
  const result = $('#quotas-result');
  busy(result);
  const department = $('#quotas-department').value;
  const year = $('#quotas-year').value;
  try {
    const quotas = await get(`/v1/departments/${id(department)}/quotas`, { year });
    const rows = (quotas.good ?? []).map((q) => [`${year} 第${q.quarter}季度 / Q${q.quarter}`, ...use(q)]);
    show(result,
      table(['好（季度）名额 ≤ 40%（AS 第八条）', 'Good per quarter, cap 40 % (AS 第八条)'],
        [['季度', 'Quarter'], ['已用', 'Granted'], ['上限', 'Cap'], ['可评人数', 'Eligible'], ['使用', 'Use']], rows),
      table(['优秀（年度）名额（AS 第十二条）', 'Excellent per year (AS 第十二条)'],
        [['年度', 'Year'], ['已用', 'Granted'], ['上限', 'Cap'], ['可评人数', 'Eligible'], ['使用', 'Use']],
        [[String(year), ...use(quotas.excellent ?? {})]]));
  } catch (error) {
    show(result, refusal(error));
  }
}

function use(quota) {
  const granted = quota.granted ?? 0;
  const cap = quota.cap ?? 0;
  const eligible = quota.eligible ?? 0;
  const meter = h('meter', { min: '0', max: String(Math.max(cap, 1)), value: String(granted), 'aria-label': `${granted} / ${cap}` });
  let state;
  if (eligible === 0) state = h('span', { class: 'muted' }, '无可评人员或未定等次 / Nobody gradable, or no tier yet');
  else if (cap === 0) state = h('span', { class: 'badge mandatory' }, '无名额 / No quota (cap 0)');
  else if (granted >= cap) state = h('span', { class: 'badge mandatory' }, '已满 / Full');
  else state = h('span', { class: 'badge advisory' }, `余 ${cap - granted} / ${cap - granted} left`);
  return [String(granted), String(cap), String(eligible), [meter, ' ', state]];
}
