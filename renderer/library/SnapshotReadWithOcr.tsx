import { useState } from 'react';
import { ContractError } from '../../src/contract/client';
import { OCR_LANGUAGE_NAMES, OCR_LANGUAGES, OcrLanguageSchema, type OcrLanguage } from '../../src/snapshot/ocr';
import { errorMessage } from '../app/error-message';
import { useJobs } from '../shell/useJobs';
import { useToast } from '../shell/useToast';
import { ocrCapturedMessage } from './ocr-messages';
import './snapshot-ocr.css';

/**
 * For a stored scan or image of which no text could be read: read it (again) with OCR in a
 * chosen language. The job replaces the empty reading; the source's reads go stale when it ends.
 */
export function SnapshotReadWithOcr({ sourceId }: { sourceId: string }) {
  const jobs = useJobs();
  const toast = useToast();
  const [language, setLanguage] = useState<OcrLanguage>('eng');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const read = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const info = await jobs.run('snapshots.readWithOcr', { sourceId, ocrLanguage: language });
      toast({ message: info.ocr ? ocrCapturedMessage('Read with OCR', info.ocr) : 'OCR found no text in this snapshot either.' });
    } catch (failure) {
      if (!(failure instanceof ContractError && failure.payload.code === 'cancelled')) setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="snapshot-read-ocr" role="group" aria-label="Read with OCR">
      {error && (
        <p role="alert" className="error-banner">
          {error}
        </p>
      )}
      <label>
        Language of the text (OCR)
        <select value={language} disabled={busy} onChange={(event) => setLanguage(OcrLanguageSchema.parse(event.target.value))}>
          {OCR_LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {OCR_LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={busy} onClick={() => void read()}>
        Read with OCR
      </button>
    </div>
  );
}
