// 轮岗到期 / Rotation due: GET /v1/rotation-due, every page, overdue rows marked, CSV export.
import { get } from './api.js';
import { toCsv, download } from './csv.js';
import { $, busy, h, refusal, rememberDepartments, show, table } from './dom.js';
import { date, level, STRENGTHS, text, today, POSTS } from './labels.js';

let entries = [];
let asOf = '';
let loadedOnce = false;

export function init({ caller }) {
  $('#rotation-as-of').value = today();
  // A department's HR key looks at its own department first.
  $('#rotation-department').value = caller.departmentId ?? '';
  const form = $('#rotation-form');
  if (form.dataset.bound) return;
  form.dataset.bound = '1';
  form.addEventListener('submit', (event) => { event.preventDefault(); load(); });
  $('#rotation-csv').addEventListener('click', exportCsv);
}

export function reset() {
  entries = [];
  loadedOnce = false;
  $('#rotation-csv').disabled = true;
  show($('#rotation-result'));
}

export function shown() {
  if (!loadedOnce) { loadedOnce = true; load(); }
}

async function load() {
  const result = $('#rotation-result');
  busy(result);
  $('#rotation-csv').disabled = true;
  asOf = $('#rotation-as-of').value || today();
  const params = {
    as_of: asOf,
    window_days: $('#rotation-window').value,
    department_id: $('#rotation-department').value.trim(),
    strength: $('#rotation-strength').value,
    page_size: 1000,
  };
  try {
    entries = [];
    let token = '';
    do {
      const page = await get('/v1/rotation-due', { ...params, page_token: token });
      entries.push(...(page.entries ?? []));
      token = page.nextPageToken ?? '';
    } while (token);
    rememberDepartments(entries.map((e) => e.departmentId));
    render(result);
  } catch (error) {
    show(result, refusal(error));
  }
}

const overdue = (entry) => date(entry.dueOn) < asOf;

function render(result) {
  $('#rotation-csv').disabled = entries.length === 0;
  const late = entries.filter(overdue).length;
  const summary = h('p', { class: 'summary' },
    `截至 ${asOf} 共 ${entries.length} 人，其中已逾期 ${late} 人 / As of ${asOf}: ${entries.length} due, ${late} overdue`);
  if (entries.length === 0) {
    show(result, summary, h('p', { class: 'muted' }, '没有到期的轮岗。 / No rotation is due in this window.'));
    return;
  }
  const rows = entries.map((e) => [
    [h('a', { href: '#employee/' + encodeURIComponent(e.employeeId) }, e.name || e.employeeId), h('br'), h('span', { class: 'muted' }, e.employeeId)],
    h('a', { href: '#departments/' + encodeURIComponent(e.departmentId) }, e.departmentId),
    level(e.postLevel),
    [date(e.dueOn), overdue(e) ? [' ', h('span', { class: 'badge overdue-badge' }, '已逾期 / Overdue')] : null],
    h('span', { class: 'badge ' + (e.strength === 'ROTATION_STRENGTH_MANDATORY' ? 'mandatory' : 'advisory') }, text(STRENGTHS, e.strength)),
    e.reason ?? '',
  ]);
  show(result, summary, table(['轮岗到期名单', 'Rotation due list'],
    [['员工', 'Employee'], ['部门', 'Department'], ['岗位', 'Post'], ['到期日', 'Due on'], ['强度', 'Strength'], ['原因', 'Reason']],
    rows, (i) => (overdue(entries[i]) ? { class: 'overdue' } : {})));
}

function exportCsv() {
  const header = ['员工编号 / Employee id', '姓名 / Name', '部门 / Department', '岗位 / Post', '岗位等级 / Grade level', '档次 / Step',
    '到期日 / Due on', '已逾期 / Overdue', '强度 / Strength', '连续聘期 / Consecutive terms', '原因 / Reason'];
  const rows = entries.map((e) => [e.employeeId, e.name, e.departmentId, text(POSTS, e.postLevel?.post), e.postLevel?.gradeLevel,
    e.postLevel?.step, date(e.dueOn), overdue(e) ? '是 / yes' : '否 / no', text(STRENGTHS, e.strength), e.consecutiveTerms ?? 0, e.reason]);
  download(`rotation-due-${asOf}.csv`, toCsv([header, ...rows]));
}
