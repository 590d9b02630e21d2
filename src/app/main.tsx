import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useSpecStore } from '../store';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import './app.css';
import './chrome.css';

// Test hook (dev, test, or ?e2e): read the store and the Monaco model from e2e tests.
if (import.meta.env.MODE !== 'production' || new URLSearchParams(location.search).has('e2e')) {
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
