import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/App.js';
import { ActiveExperimentProvider } from './features/experiments/experiment.js';
import { createQueryClient } from './shared/api/query.js';
import { AreasProvider, ToastProvider } from './shared/state.js';
import './styles/tokens.css';
import './styles/base.css';
import './styles/app.css';
import './styles/experiments.css';
import './styles/plans.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <ToastProvider>
          <AreasProvider>
            <ActiveExperimentProvider>
              <App />
            </ActiveExperimentProvider>
          </AreasProvider>
        </ToastProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
