import { createRoot } from 'react-dom/client';
import { Options } from './options';
import '../../lib/ui/pages.css';

createRoot(document.getElementById('root')!).render(<Options />);
