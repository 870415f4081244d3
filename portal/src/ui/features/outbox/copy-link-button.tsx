import { useState } from 'react';

/** Copies a link to the clipboard and says so; the link itself stays out of the page's text. */
export function CopyLinkButton({ link, label }: { link: string; label: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <>
      <button type="button" className="secondary" aria-label={label} onClick={copy}>
        Copy link
      </button>
      {copied && (
        <span role="status" className={copied === 'yes' ? 'ok' : 'error'}>
          {copied === 'yes' ? ' Copied.' : ' Could not copy: open the text and select the link.'}
        </span>
      )}
    </>
  );
}
