import type { MouseEvent, ReactNode } from 'react';

/**
 * An in-page link that never touches the URL fragment: the fragment holds the link's token, so a
 * plain `#anchor` would replace it and a reload would lose access. Scrolls to the target and moves
 * keyboard focus there.
 */
export function JumpLink({ targetId, children }: { targetId: string; children: ReactNode }) {
  const jump = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const target = document.getElementById(targetId);
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    const focusable = target.matches('input, textarea, select, button, fieldset')
      ? (target.querySelector<HTMLElement>('input, textarea, select') ?? target)
      : target;
    if (!focusable.hasAttribute('tabindex') && !focusable.matches('input, textarea, select, button')) {
      focusable.setAttribute('tabindex', '-1');
    }
    focusable.focus({ preventScroll: true });
  };
  return (
    <a href={`#${targetId}`} onClick={jump}>
      {children}
    </a>
  );
}
