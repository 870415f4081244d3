import { defineConfig } from 'wxt';

/**
 * Public half of the key that fixes the extension id to `kjhkpbeipnhokeohdgejiggdoioncgdm` in Chromium
 * browsers, whatever folder it is loaded from, so managed policies and the portal can name it
 * (see DEPLOYMENT.md). The private half was not kept: unpacked and store installs do not need it.
 */
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA3autIfVdqRaQmgnMeLLGqvl/KmmHtoxFCFjWul+gGMAOg0BO29t1GW/Z2Yyrx9h9Mj77b6tTO0P2dqrUeYPfrdYxG1v64iHTzKWGmC1LYvO1w50VxiSklam7vOx3kwCCgwlXt0BpsR3xKQCBkVSRX9xwSo74F+iShcMLjS0LChLi5pXC0t1z9lbfozZyqGvFbrcgGAh1uJEj0ckYky3yljq2JPummCMs4TIbEW320p71iZS8wN2RFhkeOHVrXVVSMREs7KdnPmLsWUY0gjI8b15NIg5ROg2qfwydfvfE1IdgQm4rDtYrObUVEGZ/TEmJv5YgM+yRVmzwWxcxlbUIkwIDAQAB';

/** The Firefox add-on id; Firefox's policies.json names the extension by it. */
export const FIREFOX_ADDON_ID = 'sightline@sightline.invalid';

export default defineConfig({
  srcDir: 'src',
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: 'Sightline',
    description:
      "Shows whether the AI service you are opening is approved by your organisation, and records metadata-only usage for your organisation's AI governance.",
    permissions: [
      'storage',
      'alarms',
      'declarativeNetRequestWithHostAccess',
      'webNavigation',
      'webRequest',
      'scripting',
      'management',
    ],
    // Observing AI API calls made by any site and redirecting AI sites before they load need host access
    // everywhere; the extension is force-installed by IT, and content scripts run only on AI service pages.
    host_permissions: ['<all_urls>'],
    storage: { managed_schema: 'managed_schema.json' },
    web_accessible_resources: [{ resources: ['warning.html', 'blocked.html'], matches: ['<all_urls>'] }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: FIREFOX_ADDON_ID,
              // Firefox ESR 140, the release enterprises run; the first to read data_collection_permissions.
              strict_min_version: '140.0',
              // Firefox asks extensions to declare what they send: which sites are visited (AI services
              // only) and interactions on them (paste and upload counts), nothing else.
              data_collection_permissions: { required: ['browsingActivity', 'websiteActivity'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { key: EXTENSION_PUBLIC_KEY, minimum_chrome_version: '116' }),
  }),
});
