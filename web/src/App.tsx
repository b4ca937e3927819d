/*
 * Whetstone web app. Stable accessible names for tests (Playwright):
 *
 * Layout     nav "Main" with links "Inbox", "Session", "Experiments", "Pools", "Decks", "Areas",
 *            "Data"; toasts in role=status (polite). While an experiment is unfinished, every page
 *            starts with complementary "Experiment under way": the server's one-line headline and
 *            link "Open the experiment" (not on the experiment's own page).
 * Inbox /    form "Capture an idea": textarea label "New idea"; select label "Area" (the only
 *            control labelled "Area" on the page — filters are named by title); fieldset
 *            (role=group) "Value" with radios "No value", "1".."5"; button "More" (aria-expanded)
 *            reveals fieldset "Effort" (radios "No effort estimate", "Small", "Medium", "Large"),
 *            select "Source", input "Context"; button "Save idea"; role=status inside the form
 *            shows "Idea saved[ to <area>]." with button "Undo". Field errors: role=alert under
 *            the field, also referenced by the field's aria-describedby (text error under the
 *            capture box).
 *            Shortcut: "/" or "n" (outside fields) focuses "New idea" from any page.
 *            Filters: searchbox label "Search ideas" (debounced, API q); comboboxes named
 *            "Filter by area", "Filter by status", "Filter by source"; list role=list name
 *            "Ideas" of role=listitem rows (each a link to /ideas/:id); button "Load more ideas";
 *            button "Clear filters". Empty state: "No ideas yet — what slowed you down today?"
 *            Button "Start a 20-minute session" (starts at once, opens /session); if one is
 *            active: role=alert "A session is already under way." with button "Resume it".
 * Session    Start screen: heading "Focused session", form "Start a session": buttons "10 min"..
 * /session   "45 min" (aria-pressed), spinbutton "Minutes", select "Deck", group "Focus areas" of
 *            toggle buttons (aria-pressed) per area, button "Start a <n>-minute session", link
 *            "Past sessions"; 409 -> role=alert + button "Resume it".
 *            Live (sidebar hidden): h1 = the question; text "Question 3 of 14"; role=timer
 *            "Time left" ("19:58"; computed locally from remainingMs, re-synced on every
 *            response); buttons "Pause"/"Resume", "Add 5 minutes", "End session", link "Leave";
 *            group "Questions" with "Back", "Skip", "Next question"; form "Capture an idea" with
 *            textarea "New idea" (Enter saves), select "Area", button "Save idea"; list "Ideas
 *            this session". Keys: Alt+→/Alt+N next, Alt+S skip, Alt+←/Alt+B back, Alt+P pause.
 *            A polite aria-live region announces every 5 minutes, 1 minute left, state changes.
 *            Rating (state rating): h1 "Rate your ideas"; list "Ideas to rate", per item groups
 *            "Value" ("No value", "1".."5") and "Effort"; textarea "Session note"; button
 *            "Complete session" -> /sessions/:id.
 * Sessions   link "New session"; list "Past sessions" (each a link); table "Question statistics"
 * /sessions  (columns Question, Shown, Ideas, Mean value; one row per question, row header =
 *            question text). /sessions/:id: list "Summary" (Ideas, Rated, Questions), list
 *            "Ideas by area", list "Best ideas", list "Session ideas", list "Questions asked".
 * Decks      list "Decks" (links to /decks/:id, tag "Built-in", links "Export <name> as YAML|JSON",
 * /decks     button "Delete <name>" -> "Confirm delete <name>"); form "Import a deck": file input
 *            "Deck file", button "Import deck"; errors role=alert "Nothing was imported. …" with
 *            the server's "file:line:col: message". /decks/:id: list "Questions".
 * Idea       textarea "Idea text" (Enter/blur saves, Esc reverts); select "Area"; fieldsets
 * /ideas/:id "Value" (radios "No value", "1".."5") and "Effort" ("No effort estimate", "Small",
 *            "Medium", "Large"); textarea "Context"; group "Change status" with buttons from the
 *            allowed transitions: "Mark planned", "Start trying", "Mark adopted", "Drop",
 *            "Reopen", "Back to new", "Back to planned", "Back to trying"; the status error is
 *            role=alert inside the status panel; button "Delete idea" opens dialog "Delete this
 *            idea?" with buttons "Cancel" and "Delete for good"; link "Inbox" goes back.
 * Areas      form "Add an area": inputs "Area name", "Description", button "Add area"; lists
 * /areas     "Active areas" and "Archived areas"; per row buttons "Rename <name>", "Archive
 *            <name>", "Restore <name>", "Delete <name>" (unused custom areas only) then
 *            "Confirm delete <name>"; rename form "Edit <name>" with "Name", "Description", "Save".
 * Experiments form "Start an experiment": radio group "Template" (radios named by template title,
 * /experiments described by its question); textarea "What do you expect?"; radio group "Which phase
 *            will give more valuable ideas?" ("A week of noticing", "One focused session", "No
 *            difference"; measurement templates ask "Which phase will do better?"); input "By how
 *            much?"; number inputs "Phase 1: <label> (<unit>)", "Phase 2: …" (min/max from the
 *            template); "Rating delay in hours" (idea templates) or "Measurement name", "Unit",
 *            group "Better when it is" ("Lower", "Higher"); button "Lock prediction and start".
 *            With an unfinished experiment the form gives way to heading "Under way" and link
 *            "Open the experiment". List "Past experiments" (links).
 * Experiment region named by its heading "Phase N of 2: <label>" (or the status) with the phase's
 * /experiments/:id instructions, "Noted so far: …", the next-step button ("Start phase 2: <label>",
 *            "End phase 2 now", "Start blind rating", "Finish and see the report", …), in phase 2
 *            button "Open a 20-minute focused session", form "Log a measurement" (input named by
 *            the measurement, button "Log measurement"); list "Timeline" (steps with Done/Now/
 *            Planned and "… left"); region "Your prediction"; link "Add the phase ends to your
 *            calendar (.ics)"; button "Abandon experiment" opens dialog "Abandon this experiment?"
 *            ("Keep going", "Abandon for good"). Reported: regions "Verdict" (with region
 *            "Prediction beside result"), "Per phase" (table "Figures by phase"), figure "Blind
 *            ratings by phase" or "<Measurement> over time" (drawing role=img named by a summary,
 *            a visually hidden table with every number), lists "Best ideas: <label>", checkbox
 *            "Include my idea texts in the card", link "Download result card".
 * Rating     h1 "Rate blind"; only the idea's text, progressbar "Rated" and "3 of 12"; buttons
 * …/rate     "1".."5" (keys 1-5 too), button "Later" (key L: the idea comes back last); then "All
 *            12 ideas rated." and button "See the report". Tokens stay in memory, never in the DOM.
 * Pools      form "Create a pool" (input "Pool name", button "Create pool"), list "Pools".
 * /pools/:id list "Pool summary" (Participants, "<label> won" share with 95% CI, median
 *            difference with bootstrap CI); test cards "Exact sign test", "Wilcoxon signed-rank
 *            test" with the p-value or the caveat; note "Caveats" for other caveats; figure "Each
 *            participant’s total value in both phases"; form "Import result cards" (file input
 *            "Result card files", several files or dropped ones, button "Import cards";
 *            role=status "N cards added…", role=alert "Nothing was imported. <file>: <field> …").
 * Data       links "Download JSON backup", "Download Markdown", "Download CSV"; file input
 * /data      "Backup file", button "Import backup"; summary table "Import summary" in role=status;
 *            an invalid file gives role=alert "Nothing was imported. …".
 */
import { useEffect } from 'react';
import { ExperimentBanner } from './experiment.js';
import { AreasPage } from './pages/AreasPage.js';
import { DataPage } from './pages/DataPage.js';
import { DeckPage, DecksPage } from './pages/DecksPage.js';
import { ExperimentPage } from './pages/ExperimentPage.js';
import { ExperimentsPage } from './pages/ExperimentsPage.js';
import { BlindRatingPage } from './pages/experiment/BlindRatingPage.js';
import { IdeaPage } from './pages/IdeaPage.js';
import { InboxPage } from './pages/InboxPage.js';
import { PoolPage } from './pages/PoolPage.js';
import { PoolsPage } from './pages/PoolsPage.js';
import { SessionPage } from './pages/SessionPage.js';
import { SessionSummaryPage, SessionsPage } from './pages/SessionsPage.js';
import { Link, matchPath, useRouter } from './router.js';
import { INBOX_SEARCH_KEY, requestCaptureFocus } from './state.js';

const NAV = [
  { to: '/', label: 'Inbox', icon: 'M2.5 9.5h3l1.5 2h2l1.5-2h3M3 9.5 4.5 4h7L13 9.5V13H3z' },
  {
    to: '/session',
    label: 'Session',
    icon: 'M8 14a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11zM8 5.5v3l2 1.5M6.5 1.5h3',
  },
  {
    to: '/experiments',
    label: 'Experiments',
    icon: 'M6 2.5h4M6.5 2.5v4L3 12.5a1 1 0 0 0 .9 1.5h8.2a1 1 0 0 0 .9-1.5L9.5 6.5v-4M5 10h6',
  },
  {
    to: '/pools',
    label: 'Pools',
    icon: 'M5 7a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM11 7a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM1.5 13c0-2 1.6-3.5 3.5-3.5S8.5 11 8.5 13M7.5 13c0-2 1.6-3.5 3.5-3.5s3.5 1.5 3.5 3.5',
  },
  { to: '/decks', label: 'Decks', icon: 'M4 4.5h8v9H4zM5.5 2.5h5M6 7.5h4M6 10h3' },
  { to: '/areas', label: 'Areas', icon: 'M3 3h4v4H3zM9 3h4v4H9zM3 9h4v4H3zM9 9h4v4H9z' },
  {
    to: '/data',
    label: 'Data',
    icon: 'M8 2.5c3 0 5 .9 5 2s-2 2-5 2-5-.9-5-2 2-2 5-2zM3 4.5v7c0 1.1 2 2 5 2s5-.9 5-2v-7M3 8c0 1.1 2 2 5 2s5-.9 5-2',
  },
] as const;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** "/" or "n" anywhere outside a field jumps to the capture box (on the inbox). */
function useCaptureShortcut() {
  const { navigate } = useRouter();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key !== '/' && event.key !== 'n' && event.key !== 'N') return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      if (!requestCaptureFocus()) navigate(`/${sessionStorage.getItem(INBOX_SEARCH_KEY) ?? ''}`);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate]);
}

function Page() {
  const { path } = useRouter();
  if (path === '/' || path === '/index.html') return <InboxPage />;
  if (path === '/areas') return <AreasPage />;
  if (path === '/data') return <DataPage />;
  if (path === '/session') return <SessionPage />;
  if (path === '/sessions') return <SessionsPage />;
  if (path === '/decks') return <DecksPage />;
  if (path === '/experiments') return <ExperimentsPage />;
  if (path === '/pools') return <PoolsPage />;
  const rating = matchPath('/experiments/:id/rate', path);
  if (rating?.id) return <BlindRatingPage key={rating.id} id={rating.id} />;
  const experiment = matchPath('/experiments/:id', path);
  if (experiment?.id) return <ExperimentPage key={experiment.id} id={experiment.id} />;
  const pool = matchPath('/pools/:id', path);
  if (pool?.id) return <PoolPage key={pool.id} id={pool.id} />;
  const session = matchPath('/sessions/:id', path);
  if (session?.id) return <SessionSummaryPage key={session.id} id={session.id} />;
  const deck = matchPath('/decks/:id', path);
  if (deck?.id) return <DeckPage key={deck.id} id={deck.id} />;
  const idea = matchPath('/ideas/:id', path);
  if (idea?.id) return <IdeaPage key={idea.id} id={idea.id} />;
  return (
    <div className="page page--narrow">
      <div className="empty">
        <h1 className="empty__title">Nothing here.</h1>
        <p className="empty__text">This page does not exist.</p>
        <Link to="/" className="button button--small">
          Go to the inbox
        </Link>
      </div>
    </div>
  );
}

const TITLES: Record<string, string> = {
  '/': 'Inbox',
  '/areas': 'Areas',
  '/data': 'Data',
  '/session': 'Focused session',
  '/sessions': 'Sessions',
  '/decks': 'Decks',
  '/experiments': 'Experiments',
  '/pools': 'Pools',
};

function titleOf(path: string): string {
  if (TITLES[path]) return TITLES[path];
  if (path.startsWith('/ideas/')) return 'Idea';
  if (path.startsWith('/sessions/')) return 'Session summary';
  if (path.startsWith('/decks/')) return 'Deck';
  if (/^\/experiments\/[^/]+\/rate$/.test(path)) return 'Blind rating';
  if (path.startsWith('/experiments/')) return 'Experiment';
  if (path.startsWith('/pools/')) return 'Pool';
  return 'Not found';
}

function sectionOf(path: string): string {
  if (path.startsWith('/ideas/')) return '/';
  if (path.startsWith('/session')) return '/session';
  if (path.startsWith('/decks')) return '/decks';
  if (path.startsWith('/experiments')) return '/experiments';
  if (path.startsWith('/pools')) return '/pools';
  return path;
}

export function App() {
  const { path } = useRouter();
  useCaptureShortcut();

  useEffect(() => {
    document.title = `${titleOf(path)} · Whetstone`;
  }, [path]);

  const section = sectionOf(path);

  // On a phone the navigation bar scrolls sideways; keep the current section in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the section changes
  useEffect(() => {
    document
      .querySelector('.nav__link[aria-current="page"]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [section]);

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="sidebar">
        <Link to="/" className="brand" aria-label="Whetstone, inbox">
          <svg viewBox="0 0 32 32" aria-hidden="true" className="brand__mark">
            <rect x="2" y="2" width="28" height="28" rx="8" />
            <path d="M8 21.5 21.5 8l2.5 2.5L10.5 24H8z" />
            <path opacity=".55" d="M13 24 24 13v3.5L16.5 24z" />
          </svg>
          <span className="brand__name">Whetstone</span>
        </Link>
        <nav aria-label="Main" className="nav">
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <Link
                  to={item.to}
                  className="nav__link"
                  aria-current={section === item.to ? 'page' : undefined}
                >
                  <svg viewBox="0 0 16 16" aria-hidden="true" className="nav__icon">
                    <path d={item.icon} />
                  </svg>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="sidebar__hint">
          Press <kbd>N</kbd> or <kbd>/</kbd> to capture an idea
        </p>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <ExperimentBanner />
        <Page />
      </main>
    </div>
  );
}
