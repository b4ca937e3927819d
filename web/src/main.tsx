import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { ActiveExperimentProvider } from './experiment.js';
import { Router } from './router.js';
import { AreasProvider, ToastProvider } from './state.js';
import './styles/tokens.css';
import './styles/base.css';
import './styles/app.css';
import './styles/experiments.css';
import './styles/plans.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <Router>
      <ToastProvider>
        <AreasProvider>
          <ActiveExperimentProvider>
            <App />
          </ActiveExperimentProvider>
        </AreasProvider>
      </ToastProvider>
    </Router>
  </StrictMode>,
);
