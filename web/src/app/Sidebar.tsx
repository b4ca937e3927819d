import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useSession } from '../shared/session.js';
import { NAV_GROUPS, ROUTES } from './routes.js';

const ALL_NAV_ITEMS = ROUTES.flatMap((route) =>
  route.nav ? [{ to: route.path, access: route.access, ...route.nav }] : [],
);

/** Whetstone's mark: a whetstone and a blade. */
export function BrandMark() {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className="brand__mark">
      <rect x="2" y="2" width="28" height="28" rx="8" />
      <path d="M8 21.5 21.5 8l2.5 2.5L10.5 24H8z" />
      <path opacity=".55" d="M13 24 24 13v3.5L16.5 24z" />
    </svg>
  );
}

/**
 * The brand, the navigation in its groups (a menu on phones), who is signed in (team mode) and
 * the capture hint.
 */
export function Sidebar({ section }: { section: string }) {
  const { pathname } = useLocation();
  const { me, mode, isAdmin, isCoach, signOut } = useSession();
  // Team pages are listed on a team server only, admin and coach pages for those roles.
  const navItems = ALL_NAV_ITEMS.filter(
    (item) =>
      (item.access === undefined || mode === 'team') &&
      (item.access !== 'admin' || isAdmin) &&
      (item.access !== 'coach' || isCoach),
  );
  const groups = NAV_GROUPS.filter((group) => navItems.some((item) => item.group === group));
  const current = navItems.find((item) => item.to === section);
  const [menuOpen, setMenuOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);

  // On a phone the nav is a menu: it closes when a page opens, and on Escape.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes
  useEffect(() => setMenuOpen(false), [pathname]);
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
    <header className={menuOpen ? 'sidebar sidebar--menu-open' : 'sidebar'}>
      <Link to="/" className="brand" aria-label="Whetstone, inbox">
        <BrandMark />
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
        {me?.mode === 'team' && (
          <div className="account-box">
            <Link
              to="/account"
              className="account-box__who"
              aria-current={section === '/account' ? 'page' : undefined}
            >
              <span className="account-box__name">{me.user.name}</span>
              <span className="account-box__org">{me.organisation?.name ?? 'No organisation'}</span>
            </Link>
            <button
              type="button"
              className="button button--small button--quiet"
              disabled={signingOut}
              onClick={() => {
                setSigningOut(true);
                void signOut().finally(() => setSigningOut(false));
              }}
            >
              Sign out
            </button>
          </div>
        )}
        {groups.map((group) => (
          <div key={group} className="nav__group">
            <p id={`nav-${group}`} className="nav__group-label">
              {group}
            </p>
            <ul aria-labelledby={`nav-${group}`}>
              {navItems
                .filter((item) => item.group === group)
                .map((item) => (
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
  );
}
