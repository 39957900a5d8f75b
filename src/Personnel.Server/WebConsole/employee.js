// 员工 / Employee: search by id or name (GET /v1/employees?query=), then one person's contract state and lifecycle, post
// level now and its history, grades, tenure and the years not counted.
import { get, id } from './api.js';
import { $, both, busy, h, refusal, rememberDepartments, show, table } from './dom.js';
import { ANNUAL, date, level, NO_GRADE, QUARTERLY, STATES, STRENGTHS, text } from './labels.js';
import { diagram } from './lifecycle.js';

// Events after which the post level may differ: the level on each such day is asked of GetPostLevel, the public answer.
const LEVEL_EVENTS = {
  'employee-appointed': ['聘任', 'Appointed'], 'promoted-on-trial': ['提拔（试用期）', 'Promoted on trial'],
  'trial-failed': ['试用期未通过', 'Trial failed'], 'post-changed': ['岗位变动', 'Post changed'], rotated: ['交流轮岗', 'Rotated'],
  demoted: ['降低一个岗位等级', 'Demoted'], 'demotion-reversed': ['撤销降级', 'Demotion reversed'],
  'employee-reinstated': ['恢复聘任', 'Reinstated'],
};
const changesLevel = (entry) => Object.hasOwn(LEVEL_EVENTS, entry.type);

export function init() {
  const form = $('#employee-form');
  if (form.dataset.bound) return;
  form.dataset.bound = '1';
  form.addEventListener('submit', (event) => { event.preventDefault(); search($('#employee-query').value.trim()); });
}

export function reset() {
  $('#employee-query').value = '';
  show($('#employee-matches'));
  show($('#employee-result'));
}

export function shown(employeeId) {
  if (employeeId) open(employeeId);
}

async function search(query) {
  const matches = $('#employee-matches');
  busy(matches);
  show($('#employee-result'));
  try {
    const answer = await get('/v1/employees', { query, page_size: 50 });
    const list = answer.matches ?? [];
    rememberDepartments(list.map((m) => m.departmentId));
    if (list.length === 0) {
      show(matches, h('p', { class: 'muted' }, `没有找到“${query}”。 / Nobody matches “${query}”.`));
      return;
    }
    show(matches, table(['搜索结果', 'Matches'], [['员工', 'Employee'], ['部门', 'Department'], ['岗位', 'Post'], ['状态', 'State']],
      list.map((m) => [h('a', { href: '#employee/' + encodeURIComponent(m.employeeId) }, `${m.name} (${m.employeeId})`),
        h('a', { href: '#departments/' + encodeURIComponent(m.departmentId) }, m.departmentId), level(m.postLevel), text(STATES, m.state)])),
    answer.truncated ? h('p', { class: 'muted' }, '结果过多，请缩小范围。 / More matched: refine the search.') : null);
    // One person found: open the record at once (an id typed in full, or a name only one person has).
    if (list.length === 1) location.hash = '#employee/' + encodeURIComponent(list[0].employeeId);
  } catch (error) {
    show(matches, refusal(error));
  }
}

export async function open(employeeId) {
  const result = $('#employee-result');
  busy(result);
  const path = `/v1/employees/${id(employeeId)}`;
  try {
    const [{ employee }, now, tenure, grades, history] = await Promise.all([
      get(path), get(path + '/post-level'), get(path + '/tenure'), get(path + '/grades'), get(path + '/history', { page_size: 1000 })]);
    const changes = [...new Set((history.entries ?? []).filter(changesLevel).map((e) => date(e.occurredOn)))];
    const levels = await Promise.all(changes.map((day) => get(path + '/post-level', { as_of: day }).then((l) => ({ day, l }))));
    show(result,
      h('h3', {}, `${employee.name} (${employee.employeeId})`),
      h('dl', { class: 'facts-list' },
        h('dt', {}, both(['部门', 'Department'])), h('dd', {}, employee.departmentId),
        h('dt', {}, both(['合同状态', 'Contract state'])), h('dd', {}, text(STATES, employee.state)),
        h('dt', {}, both(['聘期', 'Term'])), h('dd', {}, `第 ${employee.termNumber ?? 0} 聘期 / term ${employee.termNumber ?? 0}: ${date(employee.termStartsOn)} – ${date(employee.termEndsOn)}`)),
      diagram(employee.state),
      h('h4', {}, both(['当前岗位等级', 'Post level now'])),
      h('p', { class: 'level-now' }, level(now.postLevel), h('span', { class: 'muted' }, ` 自 / since ${date(now.since)}`),
        now.demotionDueAtFloor ? h('span', { class: 'badge mandatory' }, ' 降级已到最低等级 / demotion due, floor reached') : null),
      levelHistory(history.entries ?? [], levels),
      gradeTables(grades),
      tenureFacts(tenure));
  } catch (error) {
    show(result, refusal(error));
  }
}

function levelHistory(entries, levels) {
  const byDay = new Map(levels.map(({ day, l }) => [day, l]));
  const rows = entries.filter(changesLevel).map((e) => [date(e.occurredOn),
    [text(LEVEL_EVENTS, e.type), ' ', h('span', { class: 'muted' }, `(${e.type})`)], level(byDay.get(date(e.occurredOn))?.postLevel)]);
  return table(['岗位等级变化', 'Post level history'], [['日期', 'Date'], ['事件', 'Event'], ['当日岗位等级', 'Level on that day']], rows);
}

function outcome(record, grades) {
  if (record.grade) return text(grades, record.grade);
  if (record.noGrade) return text(NO_GRADE, record.noGrade.reason) + (record.noGrade.explanation ? `: ${record.noGrade.explanation}` : '');
  return '—';
}

function gradeTables(grades) {
  const quarterly = [...(grades.quarterly ?? [])].sort((a, b) => b.year - a.year || b.quarter - a.quarter);
  const annual = [...(grades.annual ?? [])].sort((a, b) => b.year - a.year);
  return [
    table(['季度考核', 'Quarterly grades'], [['期间', 'Period'], ['等次', 'Grade'], ['绩效比例', 'Pay %'], ['考核单位', 'Assessed by'], ['决定日期', 'Decided on']],
      quarterly.map((q) => [`${q.year}Q${q.quarter}`, outcome(q, QUARTERLY), `${q.payPercent ?? 0}%`, q.departmentId, date(q.decidedOn)])),
    table(['年度考核', 'Annual grades'], [['年度', 'Year'], ['等次', 'Grade'], ['计入任职年限', 'Year counted'], ['复核/申诉', 'Appeal'], ['决定日期', 'Decided on']],
      annual.map((a) => [String(a.year), outcome(a, ANNUAL), a.yearCounted ? '是 / yes' : '否 / no',
        a.underAppeal ? '进行中 / open' : '—', date(a.decidedOn)])),
  ];
}

function tenureFacts(t) {
  const fact = (label, value) => [h('dt', {}, both(label)), h('dd', {}, value)];
  const uncounted = t.careerUncountedYears ?? [];
  return [
    h('h4', {}, both(['任职年限', 'Tenure'])),
    h('dl', { class: 'facts-list' },
      fact(['任现岗位自', 'Post since'], date(t.postSince)),
      fact(['任现等级自', 'Grade since'], date(t.gradeSince)),
      fact(['计算年限', 'Counted years'], String(t.countedYears ?? 0)),
      fact(['聘期结束', 'Term ends'], date(t.termEndsOn)),
      fact(['试用期结束', 'Probation ends'], date(t.probationEndsOn)),
      fact(['提拔试用期结束', 'Trial ends'], date(t.trialEndsOn)),
      fact(['晋升冻结至', 'Promotion frozen until'], date(t.promotionFrozenUntil)),
      fact(['可竞聘上一岗位', 'Next post eligible on'], date(t.nextPostEligibleOn)),
      fact(['退休日期', 'Retirement'], date(t.retirementOn)),
      fact(['轮岗到期', 'Rotation due'], t.rotationDue
        ? `${date(t.rotationDue.dueOn)} · ${text(STRENGTHS, t.rotationDue.strength)} · ${t.rotationDue.reason ?? ''}` : '—')),
    table(['不计算年限的年度', 'Years not counted'], [['年度', 'Year'], ['原因', 'Why'], ['当年岗位等级', 'Level held']],
      uncounted.map((u) => [String(u.year), u.reason ?? '', level(u.postLevel)])),
  ];
}
