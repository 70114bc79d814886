import { useContext } from 'react';
import { ToastContext, type ToastOptions } from './ToastProvider';

/** Shows a notification, optionally with an action such as Undo. */
export function useToast(): (toast: ToastOptions) => void {
  return useContext(ToastContext);
}
