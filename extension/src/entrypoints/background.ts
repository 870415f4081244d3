import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { builtinEntries } from '../lib/catalog/builtin';
import { runtimeCatalog } from '../lib/catalog/catalog-runtime';
import { forgetCurrentCatalog } from '../lib/catalog/current-catalog';
import { apiRequestPatterns } from '../lib/catalog/site-patterns';
import { onApiRequest } from '../lib/detection/api-calls';
import { scanExtensions } from '../lib/detection/extensions';
import { listenToCustomEntries, listenToNavigations } from '../lib/detection/navigation-listeners';
import { refreshManagedConfig } from '../lib/enrollment/config';
import { listenForMessages } from '../lib/messages/handle-message';
import { createPortalClient } from '../lib/portal/portal-client';
import { flush } from '../lib/queue/flush';
import { ALARM_FLUSH, syncFlushAlarm, waitingChanged } from '../lib/queue/flush-alarm';
import { local, removeRetiredKeys } from '../lib/state/local-state';
import { ALARM_EXCEPTIONS, ALARM_POLICY, applyPolicy, periodicSync, refresh } from '../lib/worker/lifecycle';

function logFailure(what: string) {
  return (error: unknown) => console.warn(`Sightline: ${what} failed:`, (error as Error)?.message ?? error);
}

export default defineBackground(() => {
  const client = createPortalClient();

  // Every listener is registered synchronously here, before any await, so events that wake a stopped
  // worker are delivered. Handlers read their state from storage; nothing lives only in memory.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // The stored items migrate themselves when defined (local-state.ts); keys no item owns go here.
    if (reason === 'update') removeRetiredKeys().catch(logFailure('storage clean-up'));
    refresh(client).catch(logFailure('install set-up'));
  });
  browser.runtime.onStartup.addListener(() => {
    refresh(client).catch(logFailure('start-up'));
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed')
      refreshManagedConfig()
        .then(() => refresh(client))
        .catch(logFailure('managed policy change'));
    if (area === 'local' && changes[local.policy.key]) {
      forgetCurrentCatalog();
      listenToCustomEntries(logFailure).catch(logFailure('custom entries'));
    }
    // The flush alarm runs only while something waits: follow the lists going empty or non-empty.
    if (area === 'local' && waitingChanged(changes)) syncFlushAlarm().catch(logFailure('flush alarm'));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM_FLUSH) flush(client).catch(logFailure('flush'));
    else if (alarm.name === ALARM_POLICY) periodicSync(client).catch(logFailure('policy sync'));
    else if (alarm.name === ALARM_EXCEPTIONS) applyPolicy().catch(logFailure('exception expiry'));
  });
  listenToNavigations(builtinEntries, logFailure);
  // Observe only (no 'blocking', no request bodies). The filter names the built-in catalog's API
  // hosts, so ordinary page loads never wake the worker.
  browser.webRequest.onBeforeRequest.addListener(
    (details) => {
      onApiRequest(details as Parameters<typeof onApiRequest>[0]).catch(logFailure('API call'));
      return undefined;
    },
    { urls: apiRequestPatterns(builtinEntries) },
  );
  browser.management.onInstalled.addListener(() => {
    scanExtensions().catch(logFailure('extension scan'));
  });
  listenForMessages(client);

  listenToCustomEntries(logFailure).catch(logFailure('custom entries'));

  // For benchmarks and diagnostics in the worker's console: classification only, no side effects.
  (globalThis as { sightlineDiagnostics?: unknown }).sightlineDiagnostics = {
    classifyUrl: (url: string) => runtimeCatalog().classifyUrl(url),
  };
});
