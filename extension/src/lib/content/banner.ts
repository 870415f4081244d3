export type BannerContent = {
  serviceName: string;
  state: string;
  conditions: string | null;
  alternative: { name: string | null; url: string | null } | null;
  orgName: string | null;
};

const STYLE = `
:host { all: initial; }
.banner { position: fixed; z-index: 2147483647; left: 16px; right: 16px; bottom: 16px; max-width: 720px;
  margin: 0 auto; display: flex; gap: 12px; align-items: flex-start; padding: 14px 16px; border-radius: 10px;
  background: #fffaf0; color: #1b2430; border: 2px solid #b7791f; box-shadow: 0 6px 24px rgba(0,0,0,.25);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.banner.conditional { background: #f0f7ff; border-color: #1f4e79; }
.text { flex: 1; }
strong { display: block; font-size: 15px; margin-bottom: 4px; }
p { margin: 4px 0; }
.conditions { white-space: pre-line; font-weight: 500; }
a { color: #1f4e79; }
button { font: inherit; cursor: pointer; border: 1px solid #1f4e79; background: #1f4e79; color: #fff;
  border-radius: 6px; padding: 6px 12px; }
`;

/**
 * A coaching banner in a shadow root: the page's CSS cannot reach it, and it never reads the
 * page. Every string from the network goes in through textContent, never as markup. A conditional
 * service's banner offers "Hide for today" (`onDismiss` stores that); the unreviewed reminder, shown
 * once a day anyway, just closes.
 */
export function showBanner(
  content: BannerContent,
  options: { onDismiss?: () => void } = {},
  doc: Document = document,
): HTMLElement {
  const host = doc.createElement('sightline-banner');
  host.setAttribute('data-sightline', 'banner');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  box.className = `banner ${content.state}`;
  box.setAttribute('role', 'status');
  const text = doc.createElement('div');
  text.className = 'text';
  const title = doc.createElement('strong');
  const org = content.orgName ?? 'Your organisation';
  const para = (value: string) => {
    const p = doc.createElement('p');
    p.textContent = value;
    return p;
  };
  if (content.state === 'conditional') {
    title.textContent = `${content.serviceName} is approved with conditions`;
    if (content.conditions) {
      text.append(title, para(`${org} allows ${content.serviceName} on these conditions:`));
      const conditions = para(content.conditions);
      conditions.className = 'conditions';
      text.append(conditions);
    } else {
      text.append(title, para(`Ask ${org} what the conditions are before you use it for work.`));
    }
  } else {
    title.textContent = `${content.serviceName} has not been reviewed yet`;
    text.append(
      title,
      para(
        `${org} has not assessed ${content.serviceName}. Do not enter confidential, customer or personal data.`,
      ),
    );
  }
  if (content.alternative?.url) {
    const p = doc.createElement('p');
    p.append('Approved alternative: ');
    const link = doc.createElement('a');
    link.href = content.alternative.url;
    link.textContent = content.alternative.name ?? content.alternative.url;
    link.rel = 'noopener';
    p.append(link);
    text.append(p);
  }
  const close = doc.createElement('button');
  close.type = 'button';
  const dismissible = content.state === 'conditional';
  close.textContent = dismissible ? 'Hide for today' : 'Got it';
  close.addEventListener('click', () => {
    if (dismissible) options.onDismiss?.();
    host.remove();
  });
  box.append(text, close);
  root.append(style, box);
  (doc.body ?? doc.documentElement).append(host);
  return host;
}
