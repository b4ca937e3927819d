/*
 * Whetstone web app. Stable accessible names for tests (Playwright):
 *
 * Layout     nav "Main" in four groups (lists named "Capture", "Change", "Test", "Setup") with links
 *            "Inbox", "Session" | "Plans", "Focus", "Review", "Dashboard" | "Experiments", "Pools" |
 *            "Decks", "Areas", "Data", "Settings". On a phone the nav folds behind button "Menu"
 *            (aria-expanded). Toasts in role=status (polite). While an experiment is unfinished, every page
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
 * Plans      On /ideas/:id: section "Plans" with button "Make a plan" opening form "Make a plan"
 *            (input "What will change?", radios "Process change" / "Environment change" / "Practice
 *            routine", select "Area", select "Sub-skill", radio group "Exercise" with the library's
 *            exercises by title, "No set exercise", "Write your own" (group "Your own exercise":
 *            "Exercise title", "Instructions", "Minutes per block", "Harder", button "Add exercise"),
 *            inputs "Next action", "Cadence" (buttons "Use the cadence 3x30/week" …, a live reading
 *            "Reads as …"), "Success signal", date "Review date"; button "Create plan"); list "Plans
 *            for this idea". /plans: lists "Open plans" and "Decided plans" (rows link to the plan).
 * /plans/:id h1 = the plan's title; list "Linked ideas" (status badge per idea); button "Log N
 *            minutes" (one click); form "Log practice with details" (input "Minutes", group
 *            "Difficulty" with radios "1 easy".."5 beyond me", textarea "Note", button "Log
 *            practice"); list "Practice log"; form "Review this plan" (a textarea per prompt, radio
 *            group "Decision" with "Keep"/"Adjust"/"Drop", for Adjust "New review date", "New
 *            cadence", "New next action"; button "Save review"), or form "Resume this plan" (button
 *            "Resume plan"); list "Past reviews".
 * Focus      /focus (sidebar hidden): button "Log an interruption" (keys Space or I anywhere outside
 *            a field); role=status "N interruptions since you started"; form "Reason" (list "Recent
 *            reasons" of buttons, input "Reason", button "Log with reason"/"Save reason"); list "Last
 *            interruptions"; button "Undo the last one"; the heat map table.
 * Review     /review[?week=YYYY-MM-DD]: list "The week in numbers"; table "Practice against cadence";
 *            form "Weekly review" (a textarea per prompt, per due plan a radio group named by the
 *            plan with "Keep"/"Adjust"/"Drop"/"Not now", button "Save weekly review"); list "Past
 *            weekly reviews" (details per week), list "Past plan reviews".
 * Dashboard  /dashboard: list "At a glance" ("Practice this week", "Current streak", "Longest
 *            streak", "Follow-through"); figures with captions and hidden tables; table "Practice
 *            streaks"; list "Upcoming reviews"; heat map table "Interruptions by weekday and hour";
 *            links "<section> as JSON".
 * Settings   /settings: searchbox "Search time zones", listbox "Time zone", button "Save time zone";
 *            link "Download calendar (.ics)", button "Create a subscription link", region "New
 *            subscription link" (input "Subscription URL", button "Copy"); list "Subscription links"
 *            with "Revoke" then "Confirm revoke".
 */
import { useEffect, useState } from 'react';
import { ExperimentBanner } from './experiment.js';
import { AreasPage } from './pages/AreasPage.js';
import { DashboardPage } from './pages/DashboardPage.js';
import { DataPage } from './pages/DataPage.js';
import { DeckPage, DecksPage } from './pages/DecksPage.js';
import { ExperimentPage } from './pages/ExperimentPage.js';
import { ExperimentsPage } from './pages/ExperimentsPage.js';
import { BlindRatingPage } from './pages/experiment/BlindRatingPage.js';
import { FocusPage } from './pages/FocusPage.js';
import { IdeaPage } from './pages/IdeaPage.js';
import { InboxPage } from './pages/InboxPage.js';
import { PlanPage } from './pages/PlanPage.js';
import { PlansPage } from './pages/PlansPage.js';
import { PoolPage } from './pages/PoolPage.js';
import { PoolsPage } from './pages/PoolsPage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { SessionPage } from './pages/SessionPage.js';
import { SessionSummaryPage, SessionsPage } from './pages/SessionsPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { Link, matchPath, useRouter } from './router.js';
import { INBOX_SEARCH_KEY, requestCaptureFocus } from './state.js';

interface NavItem {
  to: string;
  label: string;
  /** A 16x16 stroke path. */
  icon: string;
}

const NAV_GROUPS: readonly { label: string; items: readonly NavItem[] }[] = [
  {
    label: 'Capture',
    items: [
      { to: '/', label: 'Inbox', icon: 'M2.5 9.5h3l1.5 2h2l1.5-2h3M3 9.5 4.5 4h7L13 9.5V13H3z' },
      {
        to: '/session',
        label: 'Session',
        icon: 'M8 14a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11zM8 5.5v3l2 1.5M6.5 1.5h3',
      },
    ],
  },
  {
    label: 'Change',
    items: [
      {
        to: '/plans',
        label: 'Plans',
        icon: 'M6.5 4h7M6.5 8h7M6.5 12h7M2.5 4l1 1 1.5-2M2.5 8l1 1 1.5-2M2.5 12l1 1 1.5-2',
      },
      {
        to: '/focus',
        label: 'Focus',
        icon: 'M8 13.5a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11zM8 10.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
      },
      {
        to: '/review',
        label: 'Review',
        icon: 'M2.5 3.5h11v10h-11zM2.5 6.5h11M5.5 2v3M10.5 2v3M5.5 10l1.75 1.5L10.5 8.5',
      },
      { to: '/dashboard', label: 'Dashboard', icon: 'M2.5 13.5h11M4 11V8M7 11V4.5M10 11V6.5M13 11V3' },
    ],
  },
  {
    label: 'Test',
    items: [
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
    ],
  },
  {
    label: 'Setup',
    items: [
      { to: '/decks', label: 'Decks', icon: 'M4 4.5h8v9H4zM5.5 2.5h5M6 7.5h4M6 10h3' },
      { to: '/areas', label: 'Areas', icon: 'M3 3h4v4H3zM9 3h4v4H9zM3 9h4v4H3zM9 9h4v4H9z' },
      {
        to: '/data',
        label: 'Data',
        icon: 'M8 2.5c3 0 5 .9 5 2s-2 2-5 2-5-.9-5-2 2-2 5-2zM3 4.5v7c0 1.1 2 2 5 2s5-.9 5-2v-7M3 8c0 1.1 2 2 5 2s5-.9 5-2',
      },
      {
        to: '/settings',
        label: 'Settings',
        icon: 'M2.5 4.5h5M10.5 4.5h3M9 3v3M2.5 11.5h2M7.5 11.5h6M6 10v3M2.5 8h8M12 8h1.5M10.5 6.5v3',
      },
    ],
  },
];

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
  if (path === '/plans') return <PlansPage />;
  if (path === '/focus') return <FocusPage />;
  if (path === '/review') return <ReviewPage />;
  if (path === '/dashboard') return <DashboardPage />;
  if (path === '/settings') return <SettingsPage />;
  const plan = matchPath('/plans/:id', path);
  if (plan?.id) return <PlanPage key={plan.id} id={plan.id} />;
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
  '/plans': 'Plans',
  '/focus': 'Focus',
  '/review': 'Weekly review',
  '/dashboard': 'Dashboard',
  '/settings': 'Settings',
};

function titleOf(path: string): string {
  if (TITLES[path]) return TITLES[path];
  if (path.startsWith('/ideas/')) return 'Idea';
  if (path.startsWith('/sessions/')) return 'Session summary';
  if (path.startsWith('/decks/')) return 'Deck';
  if (/^\/experiments\/[^/]+\/rate$/.test(path)) return 'Blind rating';
  if (path.startsWith('/experiments/')) return 'Experiment';
  if (path.startsWith('/pools/')) return 'Pool';
  if (path.startsWith('/plans/')) return 'Plan';
  return 'Not found';
}

function sectionOf(path: string): string {
  if (path.startsWith('/ideas/')) return '/';
  if (path.startsWith('/session')) return '/session';
  if (path.startsWith('/decks')) return '/decks';
  if (path.startsWith('/experiments')) return '/experiments';
  if (path.startsWith('/pools')) return '/pools';
  if (path.startsWith('/plans')) return '/plans';
  return path;
}

export function App() {
  const { path } = useRouter();
  useCaptureShortcut();

  useEffect(() => {
    document.title = `${titleOf(path)} · Whetstone`;
  }, [path]);

  const section = sectionOf(path);
  const current = NAV_GROUPS.flatMap((g) => g.items).find((item) => item.to === section);
  const [menuOpen, setMenuOpen] = useState(false);

  // On a phone the nav is a menu: it closes when a page opens, and on Escape.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes
  useEffect(() => setMenuOpen(false), [path]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    // A tap outside the bar and its menu closes the menu too.
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !document.querySelector('.sidebar')?.contains(event.target))
        setMenuOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [menuOpen]);

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className={menuOpen ? 'sidebar sidebar--menu-open' : 'sidebar'}>
        <Link to="/" className="brand" aria-label="Whetstone, inbox">
          <svg viewBox="0 0 32 32" aria-hidden="true" className="brand__mark">
            <rect x="2" y="2" width="28" height="28" rx="8" />
            <path d="M8 21.5 21.5 8l2.5 2.5L10.5 24H8z" />
            <path opacity=".55" d="M13 24 24 13v3.5L16.5 24z" />
          </svg>
          <span className="brand__name">Whetstone</span>
        </Link>
        <span className="sidebar__section" aria-hidden="true">
          {current?.label ?? ''}
        </span>
        <button
          type="button"
          className="nav-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" className="nav__icon">
            <path d={menuOpen ? 'M4 4l8 8M12 4l-8 8' : 'M2.5 4.5h11M2.5 8h11M2.5 11.5h11'} />
          </svg>
          Menu
        </button>
        <nav id="main-nav" aria-label="Main" className="nav">
          {NAV_GROUPS.map((group) => (
            <div key={group.label} className="nav__group">
              <p id={`nav-${group.label}`} className="nav__group-label">
                {group.label}
              </p>
              <ul aria-labelledby={`nav-${group.label}`}>
                {group.items.map((item) => (
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
            </div>
          ))}
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
