import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTypingStaysInDialog } from './useTypingStaysInDialog';

interface ModalDialogProps {
  title: string;
  /** Called for Escape and the backdrop; the owner decides whether to close. */
  onRequestClose: () => void;
  children: ReactNode;
  role?: 'dialog' | 'alertdialog';
  className?: string;
}

/** A native modal <dialog>: focus is trapped and restored by the browser. */
export function ModalDialog({ title, onRequestClose, children, role = 'dialog', className }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useTypingStaysInDialog(ref);

  useEffect(() => {
    const dialog = ref.current;
    // Unmounting removes the dialog before the browser can hand focus back, so do it here.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      role={role}
      aria-labelledby={titleId}
      className={className}
      onCancel={(event) => {
        event.preventDefault();
        onRequestClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
