import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useSpecStore } from '../store';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import './app.css';
import './chrome.css';

// Test hook for the dev server, unit tests and the e2e build (`vite build --mode e2e`): the store and
// the Monaco model, read by tests. Vite replaces MODE at build time, so the production build (`npm run
// build`, mode "production") drops this block; tests/e2e/test-hook.test.ts checks the bundle.
if (import.meta.env.MODE !== 'production') {
  window.__specStudio = { store: useSpecStore };
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary getText={() => useSpecStore.getState().text}>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
