/**
 * Renders a printable document straight under <body>, outside the app's layout: on paper only the
 * print root shows (print.css), on screen it never shows.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export function PrintPortal({ children }: { children: ReactNode }) {
  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const element = document.createElement('div');
    element.className = 'print-root';
    document.body.append(element);
    setHost(element);
    return () => element.remove();
  }, []);
  return host ? createPortal(children, host) : null;
}
