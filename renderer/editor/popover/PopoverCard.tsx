import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const LAYER_ID = 'popover-layer';
/** Room kept between a card and the window's edge. */
const EDGE_PX = 8;
const GAP_PX = 4;

/**
 * One layer at the body's level for every card that belongs to something in the text. The text's
 * blocks are layout-contained (editor-containment.css), which makes each one a stacking context:
 * a card inside a block would paint under the block after it.
 */
function popoverLayer(): HTMLElement {
  const existing = document.getElementById(LAYER_ID);
  if (existing) return existing;
  const layer = document.createElement('div');
  layer.id = LAYER_ID;
  layer.className = 'popover-layer';
  document.body.append(layer);
  return layer;
}

interface Place {
  top: number;
  left: number;
}

/** Below the anchor, kept inside the window; above it when there is no room below. */
function placeNear(anchor: Element, card: Element): Place {
  const rect = anchor.getBoundingClientRect();
  const { width, height } = card.getBoundingClientRect();
  const below = rect.bottom + GAP_PX;
  const top = below + height + EDGE_PX > window.innerHeight && rect.top - GAP_PX - height > EDGE_PX ? rect.top - GAP_PX - height : below;
  const left = Math.max(EDGE_PX, Math.min(rect.left, window.innerWidth - width - EDGE_PX));
  return { top, left };
}

/**
 * A card shown beside `anchor`, rendered in the popover layer and positioned from the anchor's
 * rectangle (set on the element before it paints, not through state: no extra render); it
 * follows the anchor while anything scrolls or the window is resized.
 */
export function PopoverCard({
  anchor,
  id,
  role,
  className,
  children,
}: {
  anchor: Element;
  id: string;
  role: 'tooltip';
  className: string;
  children: ReactNode;
}) {
  const cardRef = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const card = cardRef.current;
    if (!card) return;
    const update = (): void => {
      const place = placeNear(anchor, card);
      card.style.top = `${place.top}px`;
      card.style.left = `${place.left}px`;
    };
    update();
    // Capture: the editor scrolls inside its own container, whose scroll events do not bubble.
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [anchor]);
  return createPortal(
    <span ref={cardRef} role={role} id={id} className={className}>
      {children}
    </span>,
    popoverLayer(),
  );
}
