import { createRoot } from 'react-dom/client';
import { Popup } from './popup';
import '../../lib/ui/pages.css';

createRoot(document.getElementById('root')!).render(<Popup />);
