import { createRoot } from 'react-dom/client';
import { Interstitial } from '../../lib/ui/interstitial';
import '../../lib/ui/pages.css';

createRoot(document.getElementById('root')!).render(<Interstitial blocked={true} />);
