import { useMemo, useState, type KeyboardEvent } from 'react';
import type { Yardstick } from '../../src/domain/briefing';
import type { Judgement, Stance } from '../../src/domain/judgement';
import { layoutArgument, type ArgumentTarget, type EvidenceNode, type JudgementNode } from '../../src/judgement/argument-layout';
import type { Derivation } from '../../src/tradecraft/evidence';
import type { TradecraftProblem } from '../../src/tradecraft/problem';

export interface ArgumentMapProps {
  judgements: readonly Judgement[];
  /** The briefing's tradecraft problems (`runTradecraftChecks`): they mark thin ground. */
  problems: readonly TradecraftProblem[];
  yardstick: Yardstick;
  /** Derived-from links, to count independent sources; the judgements' own counts are used without them. */
  derivations?: readonly Derivation[];
  /** Called with the judgement, quote or source a node stands for (click, Enter or Space). */
  onOpen: (target: ArgumentTarget) => void;
}

/** Colours are SVG attributes, not stylesheet rules, so the picture reads the same when printed or exported. */
const STANCE_STYLE: Readonly<Record<Stance, { stroke: string; dash: string | undefined; fill: string; mark: string }>> = {
  supports: { stroke: '#2e7d32', dash: undefined, fill: '#eef7ee', mark: '+' },
  contradicts: { stroke: '#b3261e', dash: '8 5', fill: '#fbeeed', mark: '−' },
  context: { stroke: '#607080', dash: '2 4', fill: '#f3f5f7', mark: '·' },
};
const THIN = '#b45309';
const FOCUS = '#2f6fde';
const LINE_HEIGHT = 15;
/** The smallest text in the picture: legible at 1× (the picture is drawn at its own size and scrolls). */
const SMALL = 12;

function activate(event: KeyboardEvent, open: () => void): void {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  event.preventDefault();
  open();
}

function GradeMark({ node }: { node: EvidenceNode }) {
  const text = node.grade ?? 'ungraded';
  const width = node.grade ? 12 + text.length * 8 : 72;
  return (
    <g transform={`translate(${node.x + node.width - width - 6}, ${node.y + node.height - 24})`} aria-hidden="true">
      <rect
        width={width}
        height={18}
        rx={3}
        fill={node.weak ? '#b3261e' : node.grade ? '#37474f' : '#ffffff'}
        stroke={node.grade ? 'none' : '#8a939e'}
        strokeDasharray={node.grade ? undefined : '3 2'}
      />
      <text x={width / 2} y={13} textAnchor="middle" fontSize={SMALL} fontWeight={600} fill={node.grade ? '#ffffff' : '#5b6470'}>
        {text}
      </text>
    </g>
  );
}

interface NodeProps<T> {
  node: T;
  focused: boolean;
  onFocus: () => void;
  onBlur: () => void;
  onOpen: (target: ArgumentTarget) => void;
}

function EvidenceBox({ node, focused, onFocus, onBlur, onOpen }: NodeProps<EvidenceNode>) {
  const style = STANCE_STYLE[node.stance];
  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={node.label}
      className={`argument-evidence argument-${node.stance}${node.weak ? ' argument-weak' : ''}`}
      onClick={() => onOpen(node.target)}
      onKeyDown={(event) => activate(event, () => onOpen(node.target))}
      onFocus={onFocus}
      onBlur={onBlur}
      cursor="pointer"
      opacity={node.dead ? 0.55 : 1}
    >
      <rect
        x={node.x}
        y={node.y}
        width={node.width}
        height={node.height}
        rx={6}
        fill={style.fill}
        stroke={focused ? FOCUS : style.stroke}
        strokeWidth={focused ? 3 : 1.5}
        strokeDasharray={focused ? undefined : style.dash}
      />
      <text x={node.x + 10} y={node.y + 18} fontSize={14} fontWeight={700} fill={style.stroke} aria-hidden="true">
        {style.mark}
      </text>
      {node.lines.map((line, index) => (
        <text
          key={index}
          x={node.x + 24}
          y={node.y + 20 + index * LINE_HEIGHT}
          fontSize={SMALL}
          fill={index >= node.sourceLine ? '#5b6470' : '#1b1f24'}
          aria-hidden="true"
        >
          {line}
        </text>
      ))}
      <GradeMark node={node} />
    </g>
  );
}

function JudgementBox({ node, focused, onFocus, onBlur, onOpen }: NodeProps<JudgementNode>) {
  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={node.label}
      className={`argument-judgement${node.thin ? ' argument-thin' : ''}`}
      onClick={() => onOpen(node.target)}
      onKeyDown={(event) => activate(event, () => onOpen(node.target))}
      onFocus={onFocus}
      onBlur={onBlur}
      cursor="pointer"
    >
      <rect
        x={node.x}
        y={node.y}
        width={node.width}
        height={node.height}
        rx={8}
        fill="#ffffff"
        stroke={focused ? FOCUS : node.thin ? THIN : '#1f4e79'}
        strokeWidth={focused ? 3 : 2}
        strokeDasharray={node.thin && !focused ? '6 3' : undefined}
      />
      {node.thin && <rect x={node.x} y={node.y} width={6} height={node.height} rx={3} fill={THIN} aria-hidden="true" />}
      <text x={node.x + 14} y={node.y + 18} fontSize={12} fontWeight={700} fill={node.thin ? THIN : '#1f4e79'} aria-hidden="true">
        {node.heading}
      </text>
      {node.lines.map((line, index) => (
        <text key={index} x={node.x + 14} y={node.y + 35 + index * LINE_HEIGHT} fontSize={12.5} fill="#1b1f24" aria-hidden="true">
          {line}
        </text>
      ))}
      <text x={node.x + 14} y={node.y + node.height - 22} fontSize={SMALL} fill="#5b6470" aria-hidden="true">
        {node.meta}
      </text>
      <text x={node.x + 14} y={node.y + node.height - 8} fontSize={SMALL} fill={node.thin ? THIN : '#5b6470'} aria-hidden="true">
        {node.counts}
      </text>
    </g>
  );
}

/**
 * The argument picture: each key judgement with its evidence around it — supporting items left
 * (solid green), contradicting right (dashed red), context below (dotted grey), grades marked
 * (E/F and 5/6 in red), thin ground outlined in amber. Every node is a button: Tab goes to
 * each judgement and then its evidence, Enter or a click opens the item.
 */
export function ArgumentMap({ judgements, problems, yardstick, derivations, onOpen }: ArgumentMapProps) {
  const layout = useMemo(
    () => layoutArgument({ judgements, problems, yardstick, derivations }),
    [judgements, problems, yardstick, derivations],
  );
  const [focused, setFocused] = useState<string | null>(null);
  if (judgements.length === 0) {
    return (
      <p className="muted argument-empty">
        No key judgements yet. Add one in the Key Judgements section and link its evidence to see the argument here.
      </p>
    );
  }
  const thin = layout.judgements.filter((node) => node.thin).length;
  const nodeProps = (key: string) => ({
    focused: focused === key,
    onFocus: () => setFocused(key),
    onBlur: () => setFocused((current) => (current === key ? null : current)),
    onOpen,
  });
  return (
    <figure className="argument-map">
      <svg
        role="group"
        aria-label={`Argument map: ${judgements.length} key ${judgements.length === 1 ? 'judgement' : 'judgements'}${thin > 0 ? `, ${thin} on thin ground` : ''}`}
        viewBox={`-8 -4 ${layout.width + 16} ${layout.height + 12}`}
        width={layout.width + 16}
        height={layout.height + 12}
        fontFamily="inherit"
      >
        {layout.columns.map((column) => (
          <text key={column.label} x={column.x} y={18} textAnchor="middle" fontSize={12} fontWeight={600} fill="#5b6470" aria-hidden="true">
            {column.label}
          </text>
        ))}
        {layout.edges.map((edge) => (
          <polyline
            key={edge.key}
            points={edge.points.map((p) => `${p.x},${p.y}`).join(' ')}
            fill="none"
            stroke={STANCE_STYLE[edge.stance].stroke}
            strokeWidth={1.5}
            strokeDasharray={STANCE_STYLE[edge.stance].dash}
            aria-hidden="true"
          />
        ))}
        {layout.judgements.map((node) => (
          <g key={node.key}>
            <JudgementBox node={node} {...nodeProps(node.key)} />
            {layout.evidence
              .filter((item) => item.judgementId === node.judgementId)
              .map((item) => (
                <EvidenceBox key={item.key} node={item} {...nodeProps(item.key)} />
              ))}
          </g>
        ))}
      </svg>
      <figcaption className="argument-legend">
        <span style={{ color: STANCE_STYLE.supports.stroke }}>— supports</span> ·{' '}
        <span style={{ color: STANCE_STYLE.contradicts.stroke }}>- - contradicts</span> ·{' '}
        <span style={{ color: STANCE_STYLE.context.stroke }}>··· context</span> · grades as Admiralty code, E/F and 5/6 in red ·{' '}
        <span style={{ color: THIN }}>amber outline: thin ground</span>
      </figcaption>
    </figure>
  );
}
