/**
 * What a dialog is open for, and the focus given back when it closes. Mantine gives the focus back
 * only when a modal closes while still mounted; ours are unmounted on close (their state starts
 * afresh each time), and the button that opened one may have been drawn anew meanwhile (the list
 * reloaded after a save). So the opener is remembered, or found again by its accessible name.
 */
import { useCallback, useRef, useState } from 'react';

export function useDialog<T>() {
  const [value, setValue] = useState<T | null>(null);
  const opener = useRef<{ element: HTMLElement; label: string | null } | null>(null);

  const open = useCallback((v: T) => {
    const element = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    opener.current = element ? { element, label: element.getAttribute('aria-label') } : null;
    setValue(v);
  }, []);

  const close = useCallback(() => {
    setValue(null);
    const was = opener.current;
    opener.current = null;
    if (!was) return;
    // After the dialog and its focus trap are gone, and the page has drawn what the save changed.
    let tries = 0;
    const giveBack = () => {
      const again =
        was.label !== null
          ? document.querySelector<HTMLElement>(`[aria-label="${CSS.escape(was.label)}"]`)
          : null;
      const target = was.element.isConnected ? was.element : again;
      if (target && !target.closest('[role="dialog"]')) target.focus();
      else if (tries++ < 20) requestAnimationFrame(giveBack);
    };
    requestAnimationFrame(giveBack);
  }, []);

  return [value, open, close] as const;
}
