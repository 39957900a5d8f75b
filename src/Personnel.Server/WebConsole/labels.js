// The API's enum names in Chinese, with the English beside them (RULES.md's words).
export const POSTS = {
  POST_ZONE_LEADERSHIP: ['工委管委领导班子', 'Zone leadership'],
  POST_DEPARTMENT_HEAD: ['部门正职', 'Department head'],
  POST_DEPUTY_HEAD: ['部门副职', 'Deputy head'],
  POST_SECTION_CHIEF: ['部门中层正职', 'Section chief'],
  POST_DEPUTY_SECTION_CHIEF: ['部门中层副职', 'Deputy section chief'],
  POST_STAFF: ['一般工作人员', 'Staff'],
  POST_PROBATIONER: ['试用期人员', 'Probationer'],
  POST_COMMISSIONER_1: ['一级专员', 'Commissioner 1'],
  POST_COMMISSIONER_2: ['二级专员', 'Commissioner 2'],
  POST_COMMISSIONER_3: ['三级专员', 'Commissioner 3'],
  POST_COMMISSIONER_4: ['四级专员', 'Commissioner 4'],
  POST_ASSISTANT_1: ['一级协理', 'Assistant 1'],
  POST_ASSISTANT_2: ['二级协理', 'Assistant 2'],
  POST_ASSISTANT_3: ['三级协理', 'Assistant 3'],
  POST_ASSISTANT_4: ['四级协理', 'Assistant 4'],
};

export const STATES = {
  CONTRACT_STATE_IN_PROBATION: ['试用期', 'In probation'],
  CONTRACT_STATE_APPOINTED: ['正式聘任', 'Appointed'],
  CONTRACT_STATE_IN_PROMOTION_TRIAL: ['提拔任职试用期', 'In promotion trial'],
  CONTRACT_STATE_AWAITING_RENEWAL: ['聘期届满待续聘', 'Awaiting renewal'],
  CONTRACT_STATE_PROBATION_FAILED: ['取消聘任', 'Probation failed'],
  CONTRACT_STATE_NOT_RENEWED: ['期满不再续聘', 'Not renewed'],
  CONTRACT_STATE_RESIGNED: ['辞职', 'Resigned'],
  CONTRACT_STATE_TRANSFERRED_OUT: ['调至区外', 'Transferred out'],
  CONTRACT_STATE_DISMISSED: ['辞聘', 'Dismissed'],
  CONTRACT_STATE_TERMINATED: ['解除聘用合同', 'Terminated'],
  CONTRACT_STATE_RETIRED: ['退休', 'Retired'],
};

export const STRENGTHS = {
  ROTATION_STRENGTH_ADVISORY: ['建议', 'advisory'],
  ROTATION_STRENGTH_MANDATORY: ['强制', 'mandatory'],
};

export const TIERS = {
  DEPARTMENT_TIER_1: ['一等', 'Tier 1'],
  DEPARTMENT_TIER_2: ['二等', 'Tier 2'],
  DEPARTMENT_TIER_3: ['三等', 'Tier 3'],
  DEPARTMENT_TIER_4: ['四等', 'Tier 4'],
};

export const QUARTERLY = { GOOD: ['好', 'Good'], FAIRLY_GOOD: ['较好', 'Fairly good'], AVERAGE: ['一般', 'Average'], POOR: ['较差', 'Poor'] };

export const ANNUAL = {
  EXCELLENT: ['优秀', 'Excellent'], COMPETENT: ['称职', 'Competent'],
  BASICALLY_COMPETENT: ['基本称职', 'Basically competent'], INCOMPETENT: ['不称职', 'Incompetent'],
};

export const NO_GRADE = {
  NO_GRADE_REASON_PROBATION: ['不确定等次：试用期', 'No grade: probation'],
  NO_GRADE_REASON_UNDER_INVESTIGATION: ['不确定等次：立案审查调查', 'No grade: under investigation'],
  NO_GRADE_REASON_LEAVE_OVER_HALF: ['不确定等次：病、事假超过一半', 'No grade: leave over half'],
  NO_GRADE_REASON_SANCTION: ['不确定等次：处分期间', 'No grade: sanction'],
  NO_GRADE_REASON_OTHER: ['不确定等次：其他', 'No grade: other'],
};

export const ROLES = {
  ROLE_HR: ['人事', 'HR'], ROLE_PARTY_AFFAIRS: ['党群工作部', 'party-affairs'], ROLE_READER: ['只读', 'reader'], ROLE_ADMIN: ['管理员', 'admin'],
};

export const KINDS = {
  DEPARTMENT_KIND_ZONE_DEPARTMENT: ['区级职能部门', 'Zone department'],
  DEPARTMENT_KIND_DISPATCHED_AGENCY: ['派驻机构', 'Dispatched agency'],
  DEPARTMENT_KIND_JUDICIAL_OFFICE: ['司法所', 'Judicial office'],
  DEPARTMENT_KIND_LAW_ENFORCEMENT_SQUAD: ['综合执法中队', 'Law enforcement squad'],
  DEPARTMENT_KIND_MARKET_SUPERVISION_OFFICE: ['市场监管所', 'Market supervision office'],
};

/** "中文 / English" for an enum value; the raw name when the console does not know it. */
export const text = (table, value) => (table[value] ? table[value].join(' / ') : (value ?? '—'));

/** A google.type.Date as YYYY-MM-DD; '—' when absent. */
export function date(d) {
  if (!d || !d.year) return '—';
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** A post level: the post, then grade level and step (岗位等级 level 1–8, step 1–19). */
export function level(l) {
  if (!l) return '—';
  return `${text(POSTS, l.post)} · ${l.gradeLevel ?? '?'}级${l.step ?? '?'}档 (level ${l.gradeLevel ?? '?'}, step ${l.step ?? '?'})`;
}

/** Today in Asia/Shanghai (the service's civil dates), as YYYY-MM-DD. */
export const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
