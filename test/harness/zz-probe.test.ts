import { afterAll, it } from 'vitest';
import { LOCAL_ACTOR as ME } from '../../src/services/context.js';
import { openEnv, search, type TestEnv } from './fixtures.js';
import { ENGINES } from './stores.js';
const envs: TestEnv[] = [];
afterAll(async () => { for (const e of envs) await e.cleanup(); });
it.each(ENGINES)('probe %s', async (engine) => {
  const env = await openEnv(engine); envs.push(env);
  for (const t of ['Protect mornings for deep work', 'Theory reading group', 'Overcommitting less', 'Online courses', 'Café meetings', 'cafe hours', 'Deep reading sessions on Fridays', 'Working with a co-author weekly'])
    await env.services.ideas.capture(ME, { text: t });
  for (const q of ['the', 'theor', 'over', 'on', 'for', 'deep or', '"deep" OR (', 'café', 'cafe', 'NEAR(deep work)', 'co-author', 'a', 'with', 'works', 'group theory'])
    console.log(engine, JSON.stringify(q), JSON.stringify(await search(env.services, q)));
});
