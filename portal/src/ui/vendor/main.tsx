import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// Placeholder until the vendor questionnaire page lands.
function VendorPage() {
  return (
    <main>
      <h1>Supplier questionnaire</h1>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <VendorPage />
  </StrictMode>,
);
