import './shared/styles/tokens.css';
import './shared/styles/base.css';
import './shared/styles/buttons.css';
import './shared/styles/fields.css';
import './shared/styles/layout.css';
import './shared/styles/lists.css';
import './shared/styles/badges.css';
import './shared/styles/states.css';
import './shared/styles/toasts.css';
import './shared/styles/dialog.css';
import './shared/styles/forms.css';
import './shared/styles/stats.css';
import './shared/styles/motion.css';
import './shared/styles/report.css';
import './shared/styles/charts.css';
import './shared/styles/decisions.css';
import './shared/styles/heat-map.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/App.js';
import { isPublicPath, PublicApp } from './app/public-routes.js';
import { createQueryClient } from './shared/api/query.js';
import { SessionProvider } from './shared/session.js';
import { ToastProvider } from './shared/state.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        {/* A link holder's page (a second rater) needs no session and none of anyone's data. */}
        {isPublicPath(window.location.pathname) ? (
          <ToastProvider>
            <PublicApp />
          </ToastProvider>
        ) : (
          <SessionProvider>
            <ToastProvider>
              <App />
            </ToastProvider>
          </SessionProvider>
        )}
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
