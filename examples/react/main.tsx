// The React example: `npm start` in one terminal (the API with its demo data
// on port 8787), then `npx vite examples/react` in another, and open the
// address Vite prints.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@advocacy/themes/auto.css';
import { App } from './App.js';
import { demoEmployees } from './auth.js';
import './example.css';

const root = createRoot(document.getElementById('root')!);
try {
  root.render(
    <StrictMode>
      <App employees={await demoEmployees()} />
    </StrictMode>,
  );
} catch (error) {
  root.render(<p role="alert">{String(error instanceof Error ? error.message : error)}</p>);
}
