// Entry point: one React root, the language of the system, the styles (a file, never inline: the CSP
// allows styles from 'self' only).

import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { createI18n } from './i18n/index.js';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App i18n={createI18n()} />
    </StrictMode>,
  );
}
