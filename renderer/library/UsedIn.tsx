import { useState } from 'react';
import { judgementUses, routeOfUse } from '../../src/domain/back-links';
import { BRIEFING_STATUS_LABELS } from '../../src/domain/briefing';
import { STANCE_LABELS, type EvidenceRef } from '../../src/domain/judgement';
import { errorMessage } from '../app/error-message';
import { openBriefing } from '../app/router';
import { useContractQuery } from '../data/useContractQuery';

interface UsedInProps {
  item: EvidenceRef;
}

const shorten = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** Briefings citing a quote or source and judgements linking it, each one click away. */
export function UsedIn({ item }: UsedInProps) {
  const { data: links, error } = useContractQuery('judgements.usedIn', { kind: item.kind, id: item.id });

  if (error) return <p className="field-error">{errorMessage(error)}</p>;
  if (!links) return <p className="muted">Looking for briefings and judgements…</p>;
  const noun = item.kind === 'quote' ? 'quote' : 'source';
  if (links.briefings.length === 0 && links.judgements.length === 0)
    return <p className="muted">No briefing cites this {noun} and no key judgement links to it yet.</p>;
  return (
    <div className="used-in">
      {links.briefings.length > 0 && (
        <ul aria-label={`Briefings citing this ${noun}`}>
          {links.briefings.map((briefing) => (
            <li key={briefing.briefingId}>
              <button
                type="button"
                className="link-button"
                onClick={() => openBriefing(briefing.briefingId)}
                aria-label={`Open briefing “${briefing.title}”`}
              >
                {briefing.title}
              </button>{' '}
              <span className="muted">
                cited{briefing.viaQuoteId ? ' through a quote' : ''} · {BRIEFING_STATUS_LABELS[briefing.status]}
              </span>
            </li>
          ))}
        </ul>
      )}
      {links.judgements.length > 0 && (
        <ul aria-label={`Key judgements linking this ${noun}`}>
          {judgementUses(links.judgements).map((use) => {
            const route = routeOfUse(use);
            return (
              <li key={`${use.judgementId}:${use.stance}`}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => openBriefing(use.briefingId, use.judgementId)}
                  aria-label={`Open key judgement “${shorten(use.statement) || 'without a statement'}” in “${use.briefingTitle}”`}
                >
                  {shorten(use.statement) || 'Key judgement without a statement'}
                </button>{' '}
                <span className="muted">
                  {STANCE_LABELS[use.stance]}
                  {route && ` (${route})`} · {use.briefingTitle}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/**
 * "Used in" for one quote of a list, loaded when the analyst opens it. `label` names the quote and
 * starts with the button's visible words, so a voice command that says them reaches it.
 */
export function UsedInDisclosure({ item, label }: { item: EvidenceRef; label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="used-in-disclosure">
      <button type="button" aria-expanded={open} aria-label={label} onClick={() => setOpen(!open)}>
        Used in <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      {open && <UsedIn item={item} />}
    </div>
  );
}
