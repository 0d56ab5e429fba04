/**
 * The sessions page's notices: one short message at a time (the newest is what the user just
 * did), plain ones fade, one with an action (undo) waits and can take focus.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { NoticesContext, ToastAction, ToastOptions } from '../context';

interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: ToastAction;
  focus: boolean;
}

export const TOAST_MS = 8000;

export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const toastId = useRef(0);
  const toast = useCallback((message: string, opts: ToastOptions = {}) => {
    const id = ++toastId.current;
    const next: Toast = { id, message, tone: opts.tone ?? 'info', focus: opts.focus ?? false };
    if (opts.action) next.action = opts.action;
    setToasts([next]);
    if (!opts.action) setTimeout(() => setToasts((list) => list.filter((x) => x.id !== id)), TOAST_MS);
  }, []);
  const clear = useCallback(() => setToasts([]), []);
  const notices = useMemo<NoticesContext>(() => ({ toast }), []);
  return { toasts, toast, clear, notices };
}

export function Toasts({ toasts, clear, closeLabel }: { toasts: Toast[]; clear: () => void; closeLabel: string }) {
  // After "delete", the button that was pressed is gone: offer the undo right where focus lands.
  const toastButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (toasts[0]?.focus) toastButton.current?.focus();
  }, [toasts]);
  return (
    <div class="ss-toasts" role="status" aria-live="polite">
      {toasts.map((m) => (
        <div class={`ss-toast${m.tone === 'error' ? ' is-error' : ''}`} key={m.id}>
          <p>{m.message}</p>
          {m.action && (
            <button
              type="button"
              ref={toastButton}
              class="primary"
              onClick={async () => {
                clear();
                await m.action?.run();
              }}
            >
              {m.action.label}
            </button>
          )}
          <button type="button" class="ss-toast-close" onClick={clear}>
            {closeLabel}
          </button>
        </div>
      ))}
    </div>
  );
}
