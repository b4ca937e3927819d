import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { Area } from '../../../src/core/areas.js';
import { areasApi } from '../features/areas/api.js';
import { useApiQuery } from './api/query.js';

/* ---------- Areas: one cached query, shared by the capture box, filters, idea view and areas page ---------- */

interface AreasValue {
  /** All areas, archived included; null until the first load. */
  areas: Area[] | null;
  error: string | null;
  reload: () => Promise<void>;
  /** Replaces one area in place after an edit (or adds it). */
  upsert: (area: Area) => void;
  remove: (id: string) => void;
  nameOf: (id: string | null) => string | null;
}

const AreasContext = createContext<AreasValue | null>(null);

/** The areas' place in the query cache; the live event refreshes it like any other query. */
const AREAS_KEY = ['areas'] as const;

const loadAreas = async (signal: AbortSignal) => (await areasApi.listAreas(signal)).items;

export function AreasProvider({ children }: { children: ReactNode }) {
  const { data: areas, error, reload, setData: setAreas } = useApiQuery(AREAS_KEY, loadAreas);

  const upsert = useCallback(
    (area: Area) => {
      setAreas((list) => {
        if (!list) return [area];
        const found = list.some((a) => a.id === area.id);
        return found ? list.map((a) => (a.id === area.id ? area : a)) : [...list, area];
      });
    },
    [setAreas],
  );

  const remove = useCallback(
    (id: string) => {
      setAreas((list) => list?.filter((a) => a.id !== id) ?? null);
    },
    [setAreas],
  );

  const nameOf = useCallback(
    (id: string | null) => {
      if (!id) return null;
      return areas?.find((a) => a.id === id)?.name ?? id;
    },
    [areas],
  );

  const value = useMemo(
    () => ({ areas, error, reload, upsert, remove, nameOf }),
    [areas, error, reload, upsert, remove, nameOf],
  );
  return <AreasContext.Provider value={value}>{children}</AreasContext.Provider>;
}

export function useAreas(): AreasValue {
  const value = useContext(AreasContext);
  if (!value) throw new Error('useAreas outside <AreasProvider>');
  return value;
}

/* ---------- Toasts: short confirmations, announced politely to screen readers ---------- */

interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
}

interface ToastValue {
  /** Shows `message`, replacing whatever toast is on screen: there is never more than one. */
  notify: (message: string, tone?: Toast['tone']) => void;
}

const ToastContext = createContext<ToastValue | null>(null);

/** How long a toast stays; an error a little longer, since it asks for something to be done. */
export const TOAST_MS = { info: 4000, error: 7000 } as const;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const nextId = useRef(1);
  const timer = useRef<number | undefined>(undefined);

  const notify = useCallback((message: string, tone: Toast['tone'] = 'info') => {
    const id = nextId.current++;
    window.clearTimeout(timer.current);
    setToast({ id, message, tone });
    timer.current = window.setTimeout(
      () => setToast((shown) => (shown?.id === id ? null : shown)),
      TOAST_MS[tone],
    );
  }, []);

  const value = useMemo(() => ({ notify }), [notify]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {/* Keyed by id, so a replacing toast is announced and animates in afresh. */}
        {toast && (
          <div key={toast.id} className={`toast toast--${toast.tone}`}>
            {toast.message}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastValue {
  const value = useContext(ToastContext);
  if (!value) throw new Error('useToast outside <ToastProvider>');
  return value;
}

/* ---------- Capture focus: the global "/" and "n" shortcut reaches the capture box ---------- */

let focusCapture: (() => void) | null = null;
let focusPending = false;

/** The capture box registers how to focus it while it is on screen. */
export function registerCaptureFocus(focus: () => void): () => void {
  focusCapture = focus;
  if (focusPending) {
    focusPending = false;
    focus();
  }
  return () => {
    if (focusCapture === focus) focusCapture = null;
  };
}

/** Focuses the capture box now, or as soon as the inbox shows it. Returns true if it was on screen. */
export function requestCaptureFocus(): boolean {
  if (focusCapture) {
    focusCapture();
    return true;
  }
  focusPending = true;
  return false;
}

/** sessionStorage key of the inbox's last filters, so "back to inbox" keeps them. */
export const INBOX_SEARCH_KEY = 'whetstone.inbox.search';
