// Realistic data of every entity a schema version had, made through that release's own HTTP API.
// Each step names the first schema version that had its entity; older releases skip it.

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** A small JSON client; keeps a cookie jar so a team session works like a browser's. */
export function client(base) {
  const cookies = new Map();
  async function call(method, path, json, expected) {
    const headers = { accept: 'application/json', origin: base };
    if (json !== undefined) headers['content-type'] = 'application/json';
    if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
      signal: AbortSignal.timeout(15_000),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const text = await res.text();
    if (expected ? res.status !== expected : res.status >= 300)
      throw new Error(`${method} ${path} -> ${res.status}: ${text.slice(0, 400)}`);
    return text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  }
  return {
    get: (path) => call('GET', path),
    post: (path, json) => call('POST', path, json ?? {}),
    put: (path, json) => call('PUT', path, json),
    patch: (path, json) => call('PATCH', path, json),
    del: (path) => call('DELETE', path),
    advance: (advanceMs) => call('POST', '/test/clock', { advanceMs }),
  };
}

const DECK = [
  'id: lab-deck',
  'name: Lab deck',
  'questions:',
  '  - id: lab-first',
  '    stage: opening',
  '    areas: []',
  '    text: What slowed the lab down this week?',
  '  - id: lab-second',
  '    stage: planning',
  '    areas: [coding, writing]',
  '    text: What will you try first tomorrow?',
  '',
].join('\n');

async function areasAndIdeas(api) {
  const stats = await api.post('/areas', { name: 'Statistics' });
  const old = await api.post('/areas', { name: 'Grant writing' });
  await api.patch(`/areas/${old.id}`, { archived: true });
  const ideas = [
    ['Block two mornings a week for deep work', 'environment', 'noticed', 4, 'M'],
    ['Keep referee objections in one running list', 'writing', 'conversation', 3, 'S'],
    ['Pre-register the next analysis before looking at data', stats.id, 'review', 5, 'L'],
    ['Read literature alerts once a week, not daily', 'reading', 'noticed', null, null],
    ['Write the methods section before the pilot', 'writing', 'noticed', 2, null],
  ];
  const made = [];
  for (const [text, areaId, source, value, effort] of ideas) {
    made.push(
      await api.post('/ideas', {
        text,
        areaId,
        source,
        ...(value === null ? {} : { value }),
        ...(effort === null ? {} : { effort }),
      }),
    );
  }
  await api.patch(`/ideas/${made[0].id}`, { context: 'while writing the ICML draft' });
  await api.patch(`/ideas/${made[1].id}`, { status: 'planned' });
  await api.patch(`/ideas/${made[2].id}`, { status: 'planned' });
  await api.patch(`/ideas/${made[2].id}`, { status: 'trying' });
  await api.patch(`/ideas/${made[4].id}`, { status: 'dropped' });
  return made;
}

async function decksAndSessions(api) {
  await api.post('/decks/import', { fileName: 'lab.yaml', text: DECK });
  // A completed session on the lab deck: ideas captured on two questions, rated, a note.
  const done = await api.post('/sessions', { minutes: 20, deckId: 'lab-deck' });
  const first = await api.post(`/sessions/${done.id}/ideas`, { text: 'Automate the weekly plots' });
  await api.post(`/sessions/${done.id}/next`);
  const second = await api.post(`/sessions/${done.id}/ideas`, {
    text: 'Ask a colleague about the sampling plan',
    areaId: 'collaborators',
  });
  await api.post(`/sessions/${done.id}/end`);
  await api.patch(`/sessions/${done.id}/ideas/${first.id}`, { value: 4, effort: 'S' });
  await api.patch(`/sessions/${done.id}/ideas/${second.id}`, { value: 3 });
  await api.post(`/sessions/${done.id}/complete`, { note: 'Useful, the second question worked' });
  // An ended, not yet completed session on the built-in deck, with a skip and extra time.
  const open = await api.post('/sessions', { minutes: 10 });
  await api.post(`/sessions/${open.id}/skip`);
  await api.post(`/sessions/${open.id}/add-time`, { minutes: 5 });
  await api.post(`/sessions/${open.id}/ideas`, { text: 'Close the mail client while writing' });
  await api.post(`/sessions/${open.id}/end`);
}

async function flagshipExperiment(api, version) {
  const experiment = await api.post('/experiments', {
    templateId: 'week-vs-20-minutes',
    prediction: {
      text: 'Twenty focused minutes give more valuable ideas than a week of noticing',
      favoured: 'focused',
      byHowMuch: 'a third more value',
    },
    phases: { passive: { length: 1 } },
    start: true,
  });
  const step = (action) => api.post(`/experiments/${experiment.id}/steps`, { action });
  for (const text of ['Batch email twice a day', 'Review notes on Fridays']) {
    await api.advance(HOUR);
    await api.post('/ideas', { text });
  }
  await api.advance(DAY);
  await step('startFocused');
  for (const text of ['Draft the abstract first', 'Pre-register the pilot', 'Shorter lab meetings']) {
    await api.advance(MIN);
    await api.post('/ideas', { text, source: 'session' });
  }
  await api.advance(MIN);
  await step('endFocused');
  await api.advance(MIN);
  await step('startRating');
  let queue = await api.get(`/experiments/${experiment.id}/rating`);
  if (version >= 5) {
    await api.post(`/experiments/${experiment.id}/triage`, {
      token: queue.triage[0].token,
      excluded: 'A duplicate',
    });
    await step('finishTriage');
    queue = await api.get(`/experiments/${experiment.id}/rating`);
  }
  for (let value = 2; queue.next; value = (value % 5) + 1)
    queue = await api.post(`/experiments/${experiment.id}/rating`, { token: queue.next.token, value });
  await step('report');
  if (version >= 9) {
    // A second, blind rater through the link: rates every kept idea and finishes.
    const invited = await api.post(`/experiments/${experiment.id}/second-rater`, { name: 'Cora' });
    let theirs = await api.get(`/rate/${invited.token}`);
    for (let value = 3; theirs.next; value = (value % 5) + 1)
      theirs = await api.post(`/rate/${invited.token}/ratings`, { token: theirs.next.token, value });
    await api.post(`/rate/${invited.token}/finish`);
  }
  return api.get(`/experiments/${experiment.id}/card`);
}

async function experimentsAndPools(api, version) {
  const card = await flagshipExperiment(api, version);
  const measured = await api.post('/experiments', {
    templateId: 'baseline-vs-change',
    prediction: { text: 'Fewer interruptions with the door shut', favoured: 'focused' },
    measurement: { name: 'interruptions', unit: 'per day', better: 'lower' },
    phases: { baseline: { length: 1 }, change: { length: 1 } },
    start: true,
  });
  const log = async (value, note) => {
    await api.advance(2 * HOUR);
    await api.post('/measurements', { name: 'interruptions', value, ...(note ? { note } : {}) });
  };
  for (const value of [7, 6, 8]) await log(value, value === 8 ? 'deadline week' : undefined);
  await api.advance(DAY);
  await api.post(`/experiments/${measured.id}/steps`, { action: 'startFocused' });
  for (const value of [3, 4, 2]) await log(value);
  await api.post(`/experiments/${measured.id}/steps`, { action: 'endFocused' });
  await api.post(`/experiments/${measured.id}/steps`, { action: 'startRating' });
  // A third experiment left as a draft with an unlocked prediction.
  await api.post('/experiments', {
    templateId: 'week-vs-20-minutes',
    prediction: { text: 'The week wins: real problems show up while I work', favoured: 'passive' },
    phases: { passive: { length: 7 } },
  });
  const pool = await api.post('/pools', { name: 'Spring cohort' });
  const other = structuredClone(card);
  other.participant = 'participant-b-0000';
  await api.post(`/pools/${pool.id}/cards`, { cards: [card] });
  await api.post('/pools', { name: 'Empty pool' });
}

async function plansAndPractice(api) {
  await api.put('/settings', { timeZone: 'Europe/Berlin' });
  const today = (await api.advance(0)).now.slice(0, 10);
  const inDays = (n) => new Date(Date.parse(`${today}T12:00:00Z`) + n * DAY).toISOString().slice(0, 10);
  const library = await api.get('/exercises?subSkill=reading');
  const own = await api.post('/exercises', {
    subSkill: 'reading',
    title: 'Skim three abstracts',
    instructions: 'Read only the abstracts and note one question each.',
  });
  const idea = await api.post('/ideas', { text: 'Summarise a paper a week', areaId: 'reading' });
  const plan = (title, extra) =>
    api.post('/plans', {
      title,
      kind: 'practice',
      subSkill: 'reading',
      exerciseId: library.items[0].id,
      nextAction: 'Pick the paper',
      cadence: '3x30/week',
      successSignal: 'A summary in under an hour',
      reviewOn: inDays(7),
      ...extra,
    });
  const practice = await plan('Summarise one paper a week', { ideaIds: [idea.id] });
  const door = await plan('Shut the door mornings', { kind: 'process', cadence: null, exerciseId: own.id });
  const weekly = await plan('Plan the week on Mondays', { kind: 'process', cadence: null, exerciseId: null });
  await api.patch(`/plans/${practice.id}`, { nextAction: 'Pick the shortest paper' });
  await api.post('/practice', { planId: practice.id, minutes: 30, difficulty: 4, note: 'Hard going' });
  await api.post('/practice', { planId: practice.id, minutes: 25, difficulty: 2 });
  await api.post('/practice', { minutes: 15 });
  await api.post('/interruptions', { reason: 'Slack', durationMinutes: 5 });
  await api.post('/interruptions', {});
  const prompts = await api.get('/reviews/prompts');
  await api.post(`/plans/${door.id}/steps`, { action: 'startReview' });
  await api.post(`/plans/${door.id}/review`, {
    answers: [{ promptId: prompts.plan[0].id, text: 'It happened twice' }],
    decision: 'adjust',
  });
  await api.post(`/plans/${door.id}/resume`, { reviewOn: inDays(14) });
  await api.post(`/plans/${practice.id}/review`, { decision: 'keep' });
  const monday = (() => {
    const d = new Date(`${today}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d.toISOString().slice(0, 10);
  })();
  await api.post('/reviews/weekly', {
    weekOf: monday,
    answers: [{ promptId: prompts.weekly[0].id, text: 'Mornings worked' }],
    decisions: [{ planId: weekly.id, decision: 'drop', note: 'Not needed' }],
  });
  await api.post('/calendar/feeds');
  const spare = await api.post('/calendar/feeds');
  await api.del(`/calendar/feeds/${spare.id}`);
}

/** Fills the solo user's data; returns that release's own full JSON export. */
export async function seedSolo(base, version) {
  const api = client(base);
  await areasAndIdeas(api);
  if (version >= 2) await decksAndSessions(api);
  if (version >= 3) await experimentsAndPools(api, version);
  if (version >= 4) await plansAndPractice(api);
  return api.get('/export?format=json');
}

/** A team on the same database: organisation, members with roles, invitations, tokens, grants. */
export async function seedTeam(base, setupLink, version) {
  if (!setupLink) throw new Error('the team server printed no setup link');
  const admin = client(base);
  const token = new URL(setupLink).pathname.split('/').pop();
  await admin.post('/setup', {
    token,
    organisation: 'Kepler Lab',
    name: 'Ada Admin',
    email: 'ada@example.org',
    password: 'ada has a long passphrase',
  });
  const join = async (name, email, roles) => {
    const invited = await admin.post('/invitations', { email, roles });
    const person = client(base);
    await person.post(`/join/${new URL(invited.link).pathname.split('/').pop()}`, {
      name,
      password: `${name.toLowerCase()} keeps a long passphrase`,
    });
    return person;
  };
  const olive = await join('Olive', 'olive@example.org', ['researcher']);
  const cora = await join('Cora', 'cora@example.org', ['coach']);
  await join('Otto', 'otto@example.org', ['researcher', 'coach']);
  await join('Rex', 'rex@example.org', ['researcher']);
  await admin.post('/invitations', { email: 'pending@example.org', roles: ['researcher'] });
  const withdrawn = await admin.post('/invitations', { email: 'later@example.org', roles: ['coach'] });
  await admin.del(`/invitations/${withdrawn.invitation.id}`);
  const members = (await admin.get('/members')).items;
  const idOf = (email) => members.find((m) => m.email === email).userId;
  await admin.patch(`/members/${idOf('rex@example.org')}`, { active: false });
  await olive.post('/ideas', { text: 'Ask Cora to look at my reading plan', areaId: 'reading', value: 4 });
  await olive.post('/ideas', { text: 'Write the lab wiki page on pipelines', areaId: 'writing' });
  await olive.post('/account/tokens', { name: 'laptop', scope: 'read-write' });
  const old = await olive.post('/account/tokens', { name: 'old script', scope: 'read' });
  await olive.del(`/account/tokens/${old.token.id}`);
  if (version >= 7) {
    await olive.post('/grants', { coachId: idOf('cora@example.org'), scopes: ['ideas', 'plans'] });
    const ended = await olive.post('/grants', { coachId: idOf('otto@example.org'), scopes: ['sessions'] });
    await olive.del(`/grants/${ended.id}`);
    await cora.get(`/shared/${idOf('olive@example.org')}/ideas`);
  }
  return { organisation: 'Kepler Lab', members: members.map((m) => m.email).sort() };
}
