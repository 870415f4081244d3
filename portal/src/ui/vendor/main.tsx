import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { VendorApp } from './vendor-app';
import './vendor.css';

// The vendor page is its own small app: no staff code, no router, no data library.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <VendorApp />
  </StrictMode>,
);
