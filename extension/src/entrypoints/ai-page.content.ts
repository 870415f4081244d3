import { defineContentScript } from 'wxt/utils/define-content-script';
import { findAccountHint } from '../lib/content/account-hint';
import { watchActivity } from '../lib/content/activity';
import { showBanner } from '../lib/content/banner';
import { sendMessage } from '../lib/messages/protocol';

/**
 * Runs only on AI service pages: the worker registers it with match patterns built from the catalog's
 * service sites (never on every page). It shows the coaching banner and reports paste/upload counts
 * and the work-or-personal account hint; it reads no prompt, no page text to send, no form values.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  async main() {
    const status = await sendMessage('page-status', { url: location.href });
    if (status.serviceId === null) return;
    document.documentElement.setAttribute('data-sightline-service', status.serviceId);
    if (status.showBanner) {
      const serviceId = status.serviceId;
      showBanner(status, {
        onDismiss: () => {
          sendMessage('banner-dismissed', { serviceId }).catch(() => undefined);
        },
      });
      await sendMessage('banner-shown', { serviceId });
    }
    if (status.recordPasteAndUpload) {
      watchActivity(document, (activity) => {
        sendMessage('page-activity', { url: location.href, ...activity }).catch(() => undefined);
      });
    }
    if (status.recordAccountHint) {
      // Sign-in state often renders late; look a few times, then stop.
      let tries = 0;
      const look = () => {
        const hint = findAccountHint(document, status.emailDomains);
        if (hint) {
          sendMessage('account-hint', { url: location.href, hint }).catch(() => undefined);
        } else if (++tries < 5) {
          setTimeout(look, 2000);
        }
      };
      look();
    }
  },
});
