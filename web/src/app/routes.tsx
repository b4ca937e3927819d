import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/** What every page component receives: the `:id` of a detail page ('' on the others). */
export interface PageProps {
  id: string;
}

type Page = LazyExoticComponent<ComponentType<PageProps>>;

/** A page's code loads with its route, so the first page carries only what it needs. */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType<PageProps>>>, name: K): Page {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

export type NavGroup = 'Capture' | 'Change' | 'Test' | 'Setup' | 'Team';

/** The order of the navigation's groups. */
export const NAV_GROUPS: readonly NavGroup[] = ['Capture', 'Change', 'Test', 'Setup', 'Team'];

/**
 * Who may open a page (default: anyone who may use the app, in either mode). `public`: a team
 * server's pages for people not signed in, shown without the sidebar; `team`: any signed-in
 * member; `coach`: members with the coach role; `admin`: org admins. Solo mode has none of these pages.
 */
export type Access = 'public' | 'team' | 'coach' | 'admin';

export interface AppRoute {
  /** A React Router pattern, e.g. `/plans/:id`. */
  path: string;
  /** The document title, before " · Whetstone". */
  title: string;
  /** The path of the navigation item that is current on this page. */
  section: string;
  /** Listed in the navigation: its group, its label and a 16×16 stroke icon. */
  nav?: { group: NavGroup; label: string; icon: string };
  access?: Access;
  page: Page;
}

/**
 * Every page of the web app, in one place: the navigation, the document titles, the current
 * section and code splitting are all read from this table. The server answers every non-API path
 * with index.html, so each path here is also a deep link.
 */
export const ROUTES: readonly AppRoute[] = [
  {
    path: '/',
    title: 'Inbox',
    section: '/',
    nav: { group: 'Capture', label: 'Inbox', icon: 'M2.5 9.5h3l1.5 2h2l1.5-2h3M3 9.5 4.5 4h7L13 9.5V13H3z' },
    page: lazyPage(() => import('../features/inbox/InboxPage.js'), 'InboxPage'),
  },
  {
    path: '/ideas/:id',
    title: 'Idea',
    section: '/',
    page: lazyPage(() => import('../features/ideas/IdeaPage.js'), 'IdeaPage'),
  },
  {
    path: '/session',
    title: 'Focused session',
    section: '/session',
    nav: {
      group: 'Capture',
      label: 'Session',
      icon: 'M8 14a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11zM8 5.5v3l2 1.5M6.5 1.5h3',
    },
    page: lazyPage(() => import('../features/sessions/SessionPage.js'), 'SessionPage'),
  },
  {
    path: '/sessions',
    title: 'Session history',
    section: '/sessions',
    nav: {
      group: 'Capture',
      label: 'Session history',
      icon: 'M2.5 8a5.5 5.5 0 1 0 1.6-3.9M2.5 2v2.5H5M8 5v3.25l2 1.25',
    },
    page: lazyPage(() => import('../features/sessions/SessionsPage.js'), 'SessionsPage'),
  },
  {
    path: '/sessions/:id',
    title: 'Session summary',
    section: '/sessions',
    page: lazyPage(() => import('../features/sessions/SessionSummaryPage.js'), 'SessionSummaryPage'),
  },
  {
    path: '/plans',
    title: 'Plans',
    section: '/plans',
    nav: {
      group: 'Change',
      label: 'Plans',
      icon: 'M6.5 4h7M6.5 8h7M6.5 12h7M2.5 4l1 1 1.5-2M2.5 8l1 1 1.5-2M2.5 12l1 1 1.5-2',
    },
    page: lazyPage(() => import('../features/plans/PlansPage.js'), 'PlansPage'),
  },
  {
    path: '/plans/:id',
    title: 'Plan',
    section: '/plans',
    page: lazyPage(() => import('../features/plans/PlanPage.js'), 'PlanPage'),
  },
  {
    path: '/focus',
    title: 'Focus',
    section: '/focus',
    nav: {
      group: 'Change',
      label: 'Focus',
      icon: 'M8 13.5a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11zM8 10.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
    },
    page: lazyPage(() => import('../features/focus/FocusPage.js'), 'FocusPage'),
  },
  {
    path: '/review',
    title: 'Weekly review',
    section: '/review',
    nav: {
      group: 'Change',
      label: 'Review',
      icon: 'M2.5 3.5h11v10h-11zM2.5 6.5h11M5.5 2v3M10.5 2v3M5.5 10l1.75 1.5L10.5 8.5',
    },
    page: lazyPage(() => import('../features/review/ReviewPage.js'), 'ReviewPage'),
  },
  {
    path: '/dashboard',
    title: 'Dashboard',
    section: '/dashboard',
    nav: { group: 'Change', label: 'Dashboard', icon: 'M2.5 13.5h11M4 11V8M7 11V4.5M10 11V6.5M13 11V3' },
    page: lazyPage(() => import('../features/dashboard/DashboardPage.js'), 'DashboardPage'),
  },
  {
    path: '/experiments',
    title: 'Experiments',
    section: '/experiments',
    nav: {
      group: 'Test',
      label: 'Experiments',
      icon: 'M6 2.5h4M6.5 2.5v4L3 12.5a1 1 0 0 0 .9 1.5h8.2a1 1 0 0 0 .9-1.5L9.5 6.5v-4M5 10h6',
    },
    page: lazyPage(() => import('../features/experiments/ExperimentsPage.js'), 'ExperimentsPage'),
  },
  {
    path: '/experiments/:id',
    title: 'Experiment',
    section: '/experiments',
    page: lazyPage(() => import('../features/experiments/ExperimentPage.js'), 'ExperimentPage'),
  },
  {
    path: '/experiments/:id/rate',
    title: 'Blind rating',
    section: '/experiments',
    page: lazyPage(() => import('../features/experiments/BlindRatingPage.js'), 'BlindRatingPage'),
  },
  {
    path: '/pools',
    title: 'Pools',
    section: '/pools',
    nav: {
      group: 'Test',
      label: 'Pools',
      icon: 'M5 7a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM11 7a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM1.5 13c0-2 1.6-3.5 3.5-3.5S8.5 11 8.5 13M7.5 13c0-2 1.6-3.5 3.5-3.5s3.5 1.5 3.5 3.5',
    },
    page: lazyPage(() => import('../features/pools/PoolsPage.js'), 'PoolsPage'),
  },
  {
    path: '/pools/:id',
    title: 'Pool',
    section: '/pools',
    page: lazyPage(() => import('../features/pools/PoolPage.js'), 'PoolPage'),
  },
  {
    path: '/decks',
    title: 'Decks',
    section: '/decks',
    nav: { group: 'Setup', label: 'Decks', icon: 'M4 4.5h8v9H4zM5.5 2.5h5M6 7.5h4M6 10h3' },
    page: lazyPage(() => import('../features/decks/DecksPage.js'), 'DecksPage'),
  },
  {
    path: '/decks/:id',
    title: 'Deck',
    section: '/decks',
    page: lazyPage(() => import('../features/decks/DeckPage.js'), 'DeckPage'),
  },
  {
    path: '/areas',
    title: 'Areas',
    section: '/areas',
    nav: { group: 'Setup', label: 'Areas', icon: 'M3 3h4v4H3zM9 3h4v4H9zM3 9h4v4H3zM9 9h4v4H9z' },
    page: lazyPage(() => import('../features/areas/AreasPage.js'), 'AreasPage'),
  },
  {
    path: '/data',
    title: 'Data',
    section: '/data',
    nav: {
      group: 'Setup',
      label: 'Data',
      icon: 'M8 2.5c3 0 5 .9 5 2s-2 2-5 2-5-.9-5-2 2-2 5-2zM3 4.5v7c0 1.1 2 2 5 2s5-.9 5-2v-7M3 8c0 1.1 2 2 5 2s5-.9 5-2',
    },
    page: lazyPage(() => import('../features/data/DataPage.js'), 'DataPage'),
  },
  {
    path: '/settings',
    title: 'Settings',
    section: '/settings',
    nav: {
      group: 'Setup',
      label: 'Settings',
      icon: 'M2.5 4.5h5M10.5 4.5h3M9 3v3M2.5 11.5h2M7.5 11.5h6M6 10v3M2.5 8h8M12 8h1.5M10.5 6.5v3',
    },
    page: lazyPage(() => import('../features/settings/SettingsPage.js'), 'SettingsPage'),
  },
  {
    path: '/members',
    title: 'Members',
    section: '/members',
    access: 'admin',
    nav: {
      group: 'Team',
      label: 'Members',
      icon: 'M6 7a2.25 2.25 0 1 0 0-4.5A2.25 2.25 0 0 0 6 7zM1.5 13.5c0-2.5 2-4.5 4.5-4.5s4.5 2 4.5 4.5M10.5 3a2.25 2.25 0 0 1 0 4M12 9.3c1.5.6 2.5 2.2 2.5 4.2',
    },
    page: lazyPage(() => import('../features/members/MembersPage.js'), 'MembersPage'),
  },
  {
    path: '/audit',
    title: 'Audit log',
    section: '/audit',
    access: 'admin',
    nav: {
      group: 'Team',
      label: 'Audit log',
      icon: 'M8 1.75 13 3.5v4c0 3-2.1 5.4-5 6.75C5.1 12.9 3 10.5 3 7.5v-4zM5.75 8l1.5 1.5 3-3',
    },
    page: lazyPage(() => import('../features/audit/AuditPage.js'), 'AuditPage'),
  },
  {
    path: '/sharing',
    title: 'Sharing',
    section: '/sharing',
    access: 'team',
    nav: {
      group: 'Team',
      label: 'Sharing',
      icon: 'M11.5 5.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM4.5 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM11.5 14.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM6.3 9l3.4 2M9.7 5 6.3 7',
    },
    page: lazyPage(() => import('../features/sharing/SharingPage.js'), 'SharingPage'),
  },
  {
    path: '/shared',
    title: 'Shared with me',
    section: '/shared',
    access: 'coach',
    nav: {
      group: 'Team',
      label: 'Shared with me',
      icon: 'M1.5 8s2.5-4.5 6.5-4.5S14.5 8 14.5 8s-2.5 4.5-6.5 4.5S1.5 8 1.5 8zM8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
    },
    page: lazyPage(() => import('../features/shared-with-me/SharedWithMePage.js'), 'SharedWithMePage'),
  },
  {
    path: '/shared/:id',
    title: 'Shared with you',
    section: '/shared',
    access: 'coach',
    page: lazyPage(() => import('../features/shared-with-me/SharedViewPage.js'), 'SharedViewPage'),
  },
  {
    path: '/shared/:id/experiments/:experiment',
    title: 'Shared report',
    section: '/shared',
    access: 'coach',
    page: lazyPage(() => import('../features/shared-with-me/SharedReportPage.js'), 'SharedReportPage'),
  },
  {
    path: '/coach/bookings',
    title: 'Bookings',
    section: '/coach/bookings',
    access: 'coach',
    nav: {
      group: 'Team',
      label: 'Bookings',
      icon: 'M2.5 3.5h11v10h-11zM2.5 6.5h11M5.5 2v3M10.5 2v3M5 9h2M9 9h2M5 11.5h2',
    },
    page: lazyPage(() => import('../features/coaching/BookingsPage.js'), 'BookingsPage'),
  },
  {
    path: '/coach/clients',
    title: 'Clients',
    section: '/coach/clients',
    access: 'coach',
    nav: {
      group: 'Team',
      label: 'Clients',
      icon: 'M6 7.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM1.5 13.5c0-2.5 2-4 4.5-4s4.5 1.5 4.5 4M10.5 2.7a2.5 2.5 0 0 1 0 4.6M12 9.7c1.5.5 2.5 1.8 2.5 3.8',
    },
    page: lazyPage(() => import('../features/coaching/ClientsPage.js'), 'ClientsPage'),
  },
  {
    path: '/coach/page',
    title: 'Booking page',
    section: '/coach/page',
    access: 'coach',
    nav: {
      group: 'Team',
      label: 'Booking page',
      icon: 'M8 14.5s4.5-4 4.5-8a4.5 4.5 0 0 0-9 0c0 4 4.5 8 4.5 8zM8 8a1.75 1.75 0 1 0 0-3.5A1.75 1.75 0 0 0 8 8z',
    },
    page: lazyPage(
      () => import('../features/coaching/BookingPageSettingsPage.js'),
      'BookingPageSettingsPage',
    ),
  },
  {
    path: '/conversations',
    title: 'Conversations',
    section: '/conversations',
    access: 'team',
    nav: {
      group: 'Team',
      label: 'Conversations',
      icon: 'M2.5 3.5h8v6h-4l-2.5 2v-2h-1.5zM12.5 6.5h1v6H12v2l-2.5-2h-3',
    },
    page: lazyPage(() => import('../features/conversation/ConversationsPage.js'), 'ConversationsPage'),
  },
  {
    path: '/conversations/:id',
    title: 'Conversation',
    section: '/conversations',
    access: 'team',
    page: lazyPage(() => import('../features/conversation/ConversationRoomPage.js'), 'ConversationRoomPage'),
  },
  {
    path: '/account',
    title: 'Your account',
    section: '/account',
    access: 'team',
    page: lazyPage(() => import('../features/account/AccountPage.js'), 'AccountPage'),
  },
  {
    path: '/sign-in',
    title: 'Sign in',
    section: '',
    access: 'public',
    page: lazyPage(() => import('../features/auth/SignInPage.js'), 'SignInPage'),
  },
  {
    path: '/forgot-password',
    title: 'Forgot password',
    section: '',
    access: 'public',
    page: lazyPage(() => import('../features/auth/ForgotPasswordPage.js'), 'ForgotPasswordPage'),
  },
  {
    path: '/reset-password/:id',
    title: 'Choose a new password',
    section: '',
    access: 'public',
    page: lazyPage(() => import('../features/auth/ResetPasswordPage.js'), 'ResetPasswordPage'),
  },
  {
    path: '/setup/:id',
    title: 'Set up Whetstone',
    section: '',
    access: 'public',
    page: lazyPage(() => import('../features/auth/SetupPage.js'), 'SetupPage'),
  },
  {
    path: '/invite/:id',
    title: 'Join your organisation',
    section: '',
    access: 'public',
    page: lazyPage(() => import('../features/auth/InvitePage.js'), 'InvitePage'),
  },
  {
    path: '*',
    title: 'Not found',
    section: '',
    page: lazyPage(() => import('./NotFoundPage.js'), 'NotFoundPage'),
  },
];
