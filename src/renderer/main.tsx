import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/index.ts';
import './styles.css';
import { App } from './App.tsx';
import { BridgeGate } from './bridge/BridgeGate.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BridgeGate>
      <App />
    </BridgeGate>
  </StrictMode>,
);
