import { useId, useRef, type DragEvent, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { CitationRefSchema, type CitationRef } from '../../src/domain/briefing';
import { CITATION_MIME } from '../editor';
import { clampWidth, INSPECTOR_TABS, INSPECTOR_WIDTH, type InspectorTab } from './inspector-prefs';

const TAB_LABELS: Readonly<Record<InspectorTab, string>> = {
  evidence: 'Evidence',
  assumptions: 'Assumptions',
  problems: 'Problems',
  library: 'Library',
  revisions: 'Revisions',
  comments: 'Comments',
};

function droppedRef(event: DragEvent): CitationRef | null {
  try {
    const parsed = CitationRefSchema.safeParse(JSON.parse(event.dataTransfer.getData(CITATION_MIME)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The splitter between the text and the inspector: drag it, or focus it and use the arrow keys
 * (Home and End for the narrowest and widest). It reports the inspector's width in pixels.
 */
export function InspectorSplitter({ width, onWidth }: { width: number; onWidth: (width: number) => void }) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const onKeyDown = (event: KeyboardEvent): void => {
    const next =
      event.key === 'ArrowLeft'
        ? width + INSPECTOR_WIDTH.step
        : event.key === 'ArrowRight'
          ? width - INSPECTOR_WIDTH.step
          : event.key === 'Home'
            ? INSPECTOR_WIDTH.min
            : event.key === 'End'
              ? INSPECTOR_WIDTH.max
              : null;
    if (next === null) return;
    event.preventDefault();
    onWidth(clampWidth(next));
  };
  return (
    <div
      role="separator"
      tabIndex={0}
      aria-orientation="vertical"
      aria-label="Inspector width"
      aria-valuenow={width}
      aria-valuemin={INSPECTOR_WIDTH.min}
      aria-valuemax={INSPECTOR_WIDTH.max}
      aria-valuetext={`${width} pixels`}
      className="inspector-splitter"
      onKeyDown={onKeyDown}
      onPointerDown={(event: PointerEvent<HTMLDivElement>) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { x: event.clientX, width };
      }}
      onPointerMove={(event) => {
        // The inspector is on the right: moving the splitter left widens it.
        if (drag.current) onWidth(clampWidth(drag.current.width + drag.current.x - event.clientX));
      }}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
    />
  );
}

interface InspectorProps {
  tab: InspectorTab;
  onTab: (tab: InspectorTab) => void;
  panels: Readonly<Record<InspectorTab, ReactNode>>;
  /** A quote or source dropped on the Evidence tab: linked to the selected judgement. */
  onEvidenceDrop: (ref: CitationRef) => void;
}

/**
 * One inspector beside the text, in tabs (ARIA tabs: arrow keys, Home and End move between
 * them). Every panel stays mounted so a half-typed search or revision name survives a switch.
 */
export function Inspector({ tab, onTab, panels, onEvidenceDrop }: InspectorProps) {
  const id = useId();
  const tabRefs = useRef(new Map<InspectorTab, HTMLButtonElement>());
  const select = (next: InspectorTab, focus: boolean): void => {
    onTab(next);
    if (focus) tabRefs.current.get(next)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    const index = INSPECTOR_TABS.indexOf(tab);
    const last = INSPECTOR_TABS.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? INSPECTOR_TABS[index === last ? 0 : index + 1]
        : event.key === 'ArrowLeft'
          ? INSPECTOR_TABS[index === 0 ? last : index - 1]
          : event.key === 'Home'
            ? INSPECTOR_TABS[0]
            : event.key === 'End'
              ? INSPECTOR_TABS[last]
              : undefined;
    if (!target) return;
    event.preventDefault();
    select(target, true);
  };
  return (
    <aside className="briefing-inspector" aria-label="Inspector">
      <div role="tablist" aria-label="Inspector" className="inspector-tabs" onKeyDown={onKeyDown}>
        {INSPECTOR_TABS.map((name) => (
          <button
            key={name}
            ref={(element) => {
              if (element) tabRefs.current.set(name, element);
              else tabRefs.current.delete(name);
            }}
            type="button"
            role="tab"
            id={`${id}-${name}-tab`}
            aria-controls={`${id}-${name}-panel`}
            aria-selected={tab === name}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => select(name, false)}
            {...(name === 'evidence' && {
              // Dragging a quote from the Library tab onto this tab links it as evidence.
              onDragOver: (event: DragEvent) => {
                if (event.dataTransfer.types.includes(CITATION_MIME)) event.preventDefault();
              },
              onDrop: (event: DragEvent) => {
                const ref = droppedRef(event);
                if (!ref) return;
                event.preventDefault();
                onTab('evidence');
                onEvidenceDrop(ref);
              },
            })}
          >
            {TAB_LABELS[name]}
          </button>
        ))}
      </div>
      {INSPECTOR_TABS.map((name) => (
        <div
          key={name}
          role="tabpanel"
          id={`${id}-${name}-panel`}
          aria-labelledby={`${id}-${name}-tab`}
          hidden={tab !== name}
          className="inspector-panel"
        >
          {panels[name]}
        </div>
      ))}
    </aside>
  );
}
