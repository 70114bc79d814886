import { useState } from 'react';
import { ContractError } from '../../src/contract/client';
import { useToast } from '../shell/useToast';
import { CleanedCopyDialog, foreignSchemaOf } from './CleanedCopyDialog';
import { errorMessage } from './error-message';
import { useCommand } from '../data/mutations';
import { useContractQuery } from '../data/useContractQuery';

/** Remembered per browser profile: once declined, an empty workspace stays quietly empty. */
const DISMISSED_KEY = 'warrant.sampleOffer.dismissed';

function wasDismissed(): boolean {
  try {
    return window.localStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * The first-start offer in the library's empty state: shown only while the workspace has no
 * briefings either (the library shows it only without sources), so an analyst who has started
 * work never sees it. Accepting opens the sample beside this workspace; the analyst's own file
 * is left as it is.
 */
export function SampleOffer() {
  const command = useCommand();
  const toast = useToast();
  const [dismissed, setDismissed] = useState(wasDismissed);
  const briefings = useContractQuery('briefings.list', { sort: 'updated', direction: 'desc', text: '' }, { enabled: !dismissed });
  const empty = briefings.data?.items.length === 0;
  const [opening, setOpening] = useState(false);
  const [refusal, setRefusal] = useState<ContractError | null>(null);

  if (dismissed || !empty) return null;

  const dismiss = (): void => {
    try {
      window.localStorage.setItem(DISMISSED_KEY, '1');
    } catch {
      // Without storage the offer simply comes back next time.
    }
    setDismissed(true);
  };
  const open = (): void => {
    setOpening(true);
    command('workspace.openSample', {}).then(
      ({ switched }) => {
        // The desktop host reloads the window itself; the browser host leaves that to the page.
        if (switched) window.location.reload();
        else setOpening(false);
      },
      (error: unknown) => {
        setOpening(false);
        if (error instanceof ContractError && foreignSchemaOf(error)) setRefusal(error);
        else toast({ message: errorMessage(error), tone: 'error' });
      },
    );
  };

  return (
    <section className="sample-offer" aria-labelledby="sample-offer-title">
      <h3 id="sample-offer-title">New to Warrant?</h3>
      <p>
        Explore a finished example first: a Briefing on the NATO Secretary General’s 2017 visits to Tokyo and Seoul, with graded sources and
        quotes, citations and four key judgements linked to their evidence. It opens as a separate workspace, “Warrant sample”, in the same
        folder as this one; this workspace stays as it is.
      </p>
      <div className="sample-offer-actions">
        <button type="button" className="primary" onClick={open} disabled={opening}>
          {opening ? 'Opening the sample workspace…' : 'Open the sample workspace'}
        </button>
        <button type="button" onClick={dismiss}>
          No thanks
        </button>
      </div>
      {refusal && <CleanedCopyDialog refusal={refusal} onClose={() => setRefusal(null)} />}
    </section>
  );
}
