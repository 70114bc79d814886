import { useContext, useId, useState, useSyncExternalStore } from 'react';
import type { CitationRef, CitationTarget } from '../../../src/domain/briefing';
import { CitationContext } from '../plugins/citations/CitationContext';
import { PopoverCard } from '../popover/PopoverCard';

function describe(target: CitationTarget | null): { title: string; detail: string } {
  if (!target) return { title: 'Looking up…', detail: '' };
  if (target.state === 'missing') return { title: 'Broken reference', detail: `The cited ${target.kind} no longer exists.` };
  if (target.state === 'trashed')
    return { title: 'Broken reference', detail: `The cited ${target.kind} is in the trash: restore it to mend this citation.` };
  return target.kind === 'quote'
    ? { title: `“${target.text}”`, detail: `${target.sourceTitle} · grade ${target.grade}` }
    : { title: target.sourceTitle, detail: `Whole source · reliability ${target.grade}` };
}

/**
 * A numbered citation marker; its quote, source and grade show on hover, focus or a caret next to it.
 * An inline span with the button role, not a <button>: Chromium walks the text before the caret on
 * every keystroke (to tell input methods what surrounds it), and a form control or inline-block in
 * each cited paragraph made that walk about 3 ms a key slower in a 50,000-word briefing with 500
 * citations (BENCHMARKS.md, editor), as did every further element or text node in it: one span,
 * one text node. The marker has no action of its own, only its card.
 */
export function CitationView({ nodeKey, target: ref }: { nodeKey: string; target: CitationRef }) {
  const store = useContext(CitationContext);
  const display = useSyncExternalStore(
    (onChange) => store?.subscribe(onChange) ?? (() => undefined),
    () => store?.display(nodeKey, ref) ?? { number: 0, target: null, active: false },
  );
  const [hovered, setHovered] = useState(false);
  const [marker, setMarker] = useState<HTMLSpanElement | null>(null);
  const tipId = useId();
  const broken = display.target !== null && display.target.state !== 'live';
  const text = describe(display.target);
  const open = hovered || display.active;
  const label = `${broken ? 'Broken citation' : 'Citation'} ${display.number}`;
  return (
    <>
      <span
        ref={setMarker}
        role="button"
        tabIndex={-1}
        className={broken ? 'citation citation-broken' : 'citation'}
        aria-label={label}
        aria-describedby={open ? tipId : undefined}
        onMouseEnter={() => setHovered(true)}
        onMouseLeave={() => setHovered(false)}
        onFocus={() => setHovered(true)}
        onBlur={() => setHovered(false)}
      >
        {`[${display.number}${broken ? '?' : ''}]`}
      </span>
      {open && marker && (
        <PopoverCard anchor={marker} role="tooltip" id={tipId} className="citation-tip">
          <strong className="citation-tip-title">{text.title}</strong>
          <span className="citation-tip-detail">{text.detail}</span>
        </PopoverCard>
      )}
    </>
  );
}
