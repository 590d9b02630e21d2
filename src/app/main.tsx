import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initLocale } from '../i18n';
import { useSpecStore } from '../store';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import './app.css';
import './chrome.css';
import './i18n.css';

// Test hook for the dev server, unit tests and the e2e build (`vite build --mode e2e`): the store and
// the Monaco model, read by tests. Vite replaces MODE at build time, so the production build (`npm run
// build`, mode "production") drops this block; tests/e2e/test-hook.test.ts checks the bundle.
if (import.meta.env.MODE !== 'production') {
  window.__specStudio = { store: useSpecStore };
}

// The first render waits for the first part of the chosen language's catalogue (a local chunk), so the
// app never shows message ids or flashes in English; the rest of the catalogue (what the first screen
// does not show) loads right after the first paint (src/i18n/index.ts).
const root = document.getElementById('root');
if (root) {
  const mount = root;
  void initLocale(true).finally(() =>
    createRoot(mount).render(
      <StrictMode>
        <ErrorBoundary getText={() => useSpecStore.getState().text}>
          <App />
        </ErrorBoundary>
      </StrictMode>,
    ),
  );
}
