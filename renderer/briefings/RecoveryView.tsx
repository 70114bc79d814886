import { useState } from 'react';
import { plainTextState, salvageText } from '../../src/briefing/template';
import { countWords } from '../../src/briefing/word-count';
import type { Briefing } from '../../src/domain/briefing';
import { errorMessage } from '../app/error-message';
import { useCommand } from '../data/mutations';

/**
 * Shown instead of the editor when the stored body cannot be read: its text, read-only, and a
 * deliberate way to rebuild the body from it (the damaged body is kept as a revision first).
 */
export function RecoveryView({
  briefing,
  reason,
  onRebuilt,
  readOnly,
}: {
  briefing: Briefing;
  reason: string;
  onRebuilt: () => void;
  readOnly: boolean;
}) {
  const command = useCommand();
  const text = briefing.bodyText.trim() !== '' ? briefing.bodyText : salvageText(briefing.body);
  const [error, setError] = useState<string | null>(null);

  const rebuild = async (): Promise<void> => {
    try {
      await command('briefings.snapshot', { briefingId: briefing.id, name: 'Damaged text before recovery' });
      await command('briefings.saveBody', {
        id: briefing.id,
        body: plainTextState(text),
        bodyText: text,
        wordCount: countWords(text),
        baseVersion: briefing.version,
      });
      onRebuilt();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <section className="recovery" aria-label="Recovery">
      <div className="error-banner" role="alert">
        <strong>This briefing’s text could not be opened in the editor.</strong> Nothing has been changed or overwritten. ({reason})
      </div>
      <p>
        Its text as last saved is below. Copy it, or rebuild the briefing from it as plain paragraphs (the damaged version is kept as a
        revision).
      </p>
      <pre className="recovery-text" aria-label="Recovered text" tabIndex={0}>
        {text}
      </pre>
      <div className="toolbar">
        <button type="button" onClick={() => void navigator.clipboard?.writeText(text)}>
          Copy text
        </button>
        <button type="button" onClick={() => void rebuild()} disabled={readOnly}>
          Rebuild from this text
        </button>
      </div>
      {error && <p className="field-error">{error}</p>}
    </section>
  );
}
