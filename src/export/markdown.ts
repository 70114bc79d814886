import { achAnnexMarkdown } from './ach-annex';
import { assumptionsAnnexMarkdown } from './assumptions-annex';
import { indicatorsAnnexMarkdown } from './indicators-annex';
import { YARDSTICK_LABELS } from '../domain/briefing';
import { STANCE_LABELS, YARDSTICK_TERMS, describeLikelihood, describeRange, likelihoodTerm } from '../domain/judgement';
import { DRAFT_MARK, caveatsOf, derivationText, titleFacts } from './product-page';
import { analysisLineOf } from './analysis-line';
import type { Block, Inline } from './document';
import { briefingDocument } from './lexical-document';
import { annexLocation, annexSnapshotDetail, type ExportModel } from './model';
import { CONFIDENCE_LEVEL_NAMES, MISSING_SOURCE, References, evidenceGrade, noteParts } from './references';

/**
 * Markdown text: markup characters are backslash-escaped and `<`/`&` become entities, so a
 * payload such as `<script>` shows as text in any Markdown viewer instead of passing through
 * as raw HTML.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([\\`*_{}[\]#+!|~])/g, '\\$1')
      // Only at the start of a line do these begin a list, a rule or a setext heading.
      .replace(/(^|\n)(\s*)([-=])/g, '$1$2\\$3')
      .replace(/(^|\n)(\s*)(\d+)\./g, '$1$2$3\\.')
      .replace(/\n/g, '  \n')
  );
}

function inlineMd(children: readonly Inline[], missing: ReadonlySet<number>): string {
  return children
    .map((child) => {
      switch (child.type) {
        case 'text': {
          let text = escapeMarkdown(child.text);
          if (text.trim() === '') return text;
          if (child.marks.code) text = `\`${child.text.replace(/`/g, "'")}\``;
          if (child.marks.bold) text = `**${text}**`;
          if (child.marks.italic) text = `*${text}*`;
          if (child.marks.strike) text = `~~${text}~~`;
          return text;
        }
        case 'break':
          return '  \n';
        case 'cite':
          return missing.has(child.note) ? `[^${child.note}] ${MISSING_SOURCE.replace(/[[\]]/g, '\\$&')}` : `[^${child.note}]`;
        case 'image':
          return `*\\[Image${child.alt ? `: ${escapeMarkdown(child.alt)}` : ''}\\]*`;
        case 'comment':
          return inlineMd(child.children, missing);
        case 'link': {
          const inner = inlineMd(child.children, missing);
          return child.url === null ? inner : `[${inner}](<${child.url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
        }
      }
    })
    .join('');
}

function blocksMd(blocks: readonly Block[], missing: ReadonlySet<number>, indent = ''): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
        // The editor's section headings (h2) are siblings of Summary and Key Judgements, never inside them.
        out.push(`${'#'.repeat(Math.min(Math.max(block.level, 2), 6))} ${inlineMd(block.children, missing)}`);
        break;
      case 'paragraph': {
        const text = inlineMd(block.children, missing);
        if (text.trim() !== '') out.push(`${indent}${text}`);
        break;
      }
      case 'quote':
        out.push(`${indent}> ${inlineMd(block.children, missing)}`);
        break;
      case 'list':
        out.push(
          block.items
            .map((item, index) => {
              const marker = block.ordered ? `${index + 1}. ` : '- ';
              const [first = '', ...rest] = blocksMd(item.blocks, missing, `${indent}   `);
              return [`${indent}${marker}${first.trimStart()}`, ...rest].join('\n');
            })
            .join('\n'),
        );
        break;
      case 'table': {
        const rows = block.rows.map(
          (row) => `| ${row.cells.map((cell) => blocksMd(cell.blocks, missing).join(' ').replace(/\n/g, ' ')).join(' | ')} |`,
        );
        const width = block.rows[0]?.cells.length ?? 0;
        if (rows.length > 0) rows.splice(1, 0, `|${' --- |'.repeat(width)}`);
        out.push(rows.join('\n'));
        break;
      }
      case 'section':
        out.push(...blocksMd(block.blocks, missing, indent));
        break;
    }
  }
  return out;
}

/** The briefing as Markdown: marking first and last, notes as `[^n]` footnotes, both annexes. */
export function renderMarkdown(model: ExportModel): string {
  const b = model.briefing;
  const doc = briefingDocument(model.body);
  const refs = new References(model);
  const resolved = doc.notes.map((note) => refs.resolve(note));
  const missing = new Set(resolved.filter((note) => note.state === 'missing').map((note) => note.note));
  const out: string[] = [];
  const marking = b.marking.trim() === '' ? null : `**${escapeMarkdown(b.marking.trim())}**`;
  if (marking) out.push(marking);
  if (b.status === 'draft') out.push(`**${DRAFT_MARK}**`);
  out.push(`*${escapeMarkdown(b.typeName)}*`, `# ${escapeMarkdown(b.title)}`);
  out.push(
    [
      ...titleFacts(b).map(([label, value]) => `**${label}:** ${value ? escapeMarkdown(value) : '—'}`),
      ...(b.dissemination.trim() ? [`**Dissemination:** ${escapeMarkdown(b.dissemination.trim())}`] : []),
    ].join('  \n'),
  );
  if (b.summary.trim() !== '') out.push('## Summary', escapeMarkdown(b.summary.trim()));
  out.push('## Key Judgements');
  if (model.judgements.length === 0) out.push('No key judgements have been recorded.');
  model.judgements.forEach((judgement, index) => {
    const term = likelihoodTerm(b.yardstick, judgement.likelihood);
    const lines = [
      `**KJ${index + 1}.** ${escapeMarkdown(judgement.statement)}`,
      '',
      `- **Likelihood:** ${term ? escapeMarkdown(describeLikelihood(term)) : 'Not stated'}`,
      `- **Confidence:** ${judgement.confidence ? CONFIDENCE_LEVEL_NAMES[judgement.confidence] : 'Not stated'}`,
    ];
    for (const caveat of caveatsOf(model, judgement.id)) lines.push(`- **Caveat:** ${escapeMarkdown(caveat)}`);
    const analysis = analysisLineOf(model, judgement.id);
    if (analysis !== null) lines.push(`- **Analysis:** ${escapeMarkdown(analysis)}`);
    if (judgement.rationale.trim() !== '') lines.push(`- **Rationale:** ${escapeMarkdown(judgement.rationale)}`);
    if (judgement.evidence.length === 0) lines.push('- **Evidence:** none linked');
    else lines.push('- **Evidence:**');
    for (const link of judgement.evidence) {
      const annex = refs.evidenceAnnex(link);
      lines.push(
        `   - ${STANCE_LABELS[link.stance]} ${annex === null ? '\\[missing source\\]' : `S${annex}`} · ${escapeMarkdown(evidenceGrade(link))} · ${escapeMarkdown(link.item.text)}${link.note ? ` (${escapeMarkdown(link.note)})` : ''}`,
      );
    }
    out.push(lines.join('\n'));
  });
  out.push(...blocksMd(doc.blocks, missing));
  if (resolved.length > 0) {
    out.push('## Notes');
    out.push(
      resolved
        .map((note) => {
          const parts = noteParts(note);
          const text =
            note.state === 'missing'
              ? '\\[missing source\\]'
              : `${parts.quote === null ? '' : `“${escapeMarkdown(parts.quote)}” `}${escapeMarkdown(parts.detail)}`;
          return `[^${note.note}]: ${text.replace(/ {2}\n/g, ' ')}`;
        })
        .join('\n'),
    );
  }
  out.push('## Annex A: Sourcing');
  if (model.sources.length === 0) out.push('No sources are cited or linked.');
  else {
    const rows = model.sources.map((source, index) =>
      [
        `S${index + 1}`,
        escapeMarkdown(source.title),
        escapeMarkdown(annexLocation(source)),
        escapeMarkdown(source.accessedDate ?? '—'),
        escapeMarkdown(annexSnapshotDetail(source)),
        source.reliability ?? 'Ungraded',
        escapeMarkdown(derivationText(source, (id) => refs.annexNumber(id)) || '—'),
      ].join(' | '),
    );
    out.push(
      [
        '| Ref | Source | URL | Accessed | Snapshot SHA-256 | Grade | Derivation |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...rows.map((row) => `| ${row} |`),
      ].join('\n'),
    );
  }
  out.push(`## Annex B: Probability yardstick (${YARDSTICK_LABELS[b.yardstick]})`);
  out.push(
    [
      '| Term | Probability |',
      '| --- | --- |',
      ...YARDSTICK_TERMS[b.yardstick].map((term) => `| ${term.words.join(' / ')} | ${escapeMarkdown(describeRange(term))} |`),
    ].join('\n'),
  );
  out.push(...achAnnexMarkdown(model, escapeMarkdown));
  out.push(...assumptionsAnnexMarkdown(model, escapeMarkdown));
  out.push(...indicatorsAnnexMarkdown(model, escapeMarkdown));
  if (marking) out.push(marking);
  return `${out.join('\n\n')}\n`;
}
